"""Render a template to PDF with WeasyPrint, fetching nothing outside static/.

One ``PdfRenderer`` per app keeps what every render would otherwise rebuild: the print
stylesheet, parsed once, and a font configuration per thread, whose Pango font map
keeps shaped glyphs warm between documents (about a fifth of a posting's render time).
"""

from __future__ import annotations

import functools
import mimetypes
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from flask import Flask, Response, current_app, render_template
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

PRINT_STYLESHEET = "css/print.css"


class StaticOnlyFetcher(URLFetcher):
    """A URL fetcher that serves files under one folder and refuses everything else.

    WeasyPrint's default fetcher opens file:// and http(s):// URLs, which would let
    any reference in a rendered page read local files or reach the network.
    """

    def __init__(self, static_root: Path) -> None:
        super().__init__(allowed_protocols={"file"})
        self.static_root = static_root.resolve()
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Return a static file's bytes, or refuse the URL."""
        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(url2pathname(parts.path)).resolve()
            if path.is_relative_to(self.static_root) and path.is_file():
                self.served.append(url)
                # WeasyPrint applies a linked stylesheet only when it comes as text/css.
                mime_type = mimetypes.guess_type(path.name)[0]
                headers = {"Content-Type": mime_type} if mime_type else None
                return URLFetcherResponse(path.as_uri(), path.read_bytes(), headers)
        self.refused.append(url)
        raise URLFetchingError(f"refused to fetch {parts.scheme or 'relative'} URL outside static/")


class PdfRenderer:
    """Turns HTML into PDF bytes with the print stylesheet applied.

    ``cached`` renders through a bounded LRU keyed by the exact HTML. Only documents
    that hold nothing private (job postings, salary estimates) may use it: a resume
    report must never outlive its request, so it always goes through ``render``.
    """

    def __init__(self, static_root: Path, cache_size: int = 0) -> None:
        self.static_root = static_root.resolve()
        self.base_url = self.static_root.as_uri() + "/"
        # Loaded through the same fetcher as everything else a render asks for.
        self.stylesheet_fetcher = StaticOnlyFetcher(self.static_root)
        self.stylesheet = CSS(
            url=self.base_url + PRINT_STYLESHEET, url_fetcher=self.stylesheet_fetcher
        )
        # Pango font maps are not safe to share between threads; gunicorn's sync
        # workers have one thread each, the development server has several.
        self._local = threading.local()
        self.cached: Callable[[str], bytes] = (
            functools.lru_cache(maxsize=cache_size)(self.render) if cache_size else self.render
        )

    def font_config(self) -> FontConfiguration:
        """This thread's font configuration."""
        config: FontConfiguration | None = getattr(self._local, "font_config", None)
        if config is None:
            config = self._local.font_config = FontConfiguration()
        return config

    def render(self, html: str, fetcher: StaticOnlyFetcher | None = None) -> bytes:
        """Render ``html``; relative URLs resolve inside static/ and nothing else is fetched."""
        document = HTML(
            string=html,
            base_url=self.base_url,
            url_fetcher=fetcher or StaticOnlyFetcher(self.static_root),
        )
        pdf: bytes = document.write_pdf(
            stylesheets=[self.stylesheet], font_config=self.font_config()
        )
        return pdf


def init_app(app: Flask) -> None:
    """Build the app's renderer (``PDF_CACHE_SIZE`` postings and estimates kept; 0 = none)."""
    app.extensions["pdf"] = PdfRenderer(
        Path(app.static_folder or "static"), int(app.config.get("PDF_CACHE_SIZE", 0))
    )


def renderer() -> PdfRenderer:
    """The current app's renderer."""
    pdf_renderer: PdfRenderer = current_app.extensions["pdf"]
    return pdf_renderer


def render_pdf(template: str, *, cache: bool = False, **context: Any) -> bytes:
    """Render ``template`` with ``context`` into PDF bytes.

    Templates refer to assets relative to static/ (e.g. ``img/favicon.svg``). ``cache``
    is for documents that hold no private data; see ``PdfRenderer``.
    """
    html = render_template(template, pdf=True, **context)
    if cache:
        return renderer().cached(html)
    return renderer().render(html)


def pdf_response(pdf: bytes, filename: str) -> Response:
    """Wrap PDF bytes as a download."""
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
