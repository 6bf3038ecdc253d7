"""Render a template to PDF with WeasyPrint, fetching nothing outside static/."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from flask import Response, current_app, render_template
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError


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


def static_root() -> Path:
    """The app's static folder."""
    return Path(current_app.static_folder or "static")


def render_pdf(template: str, fetcher: StaticOnlyFetcher | None = None, **context: Any) -> bytes:
    """Render ``template`` with ``context`` into PDF bytes.

    Templates refer to assets relative to static/ (e.g. ``css/print.css``).
    """
    return html_to_pdf(render_template(template, pdf=True, **context), fetcher)


def html_to_pdf(html: str, fetcher: StaticOnlyFetcher | None = None) -> bytes:
    """Turn an HTML string into PDF bytes; relative URLs resolve inside static/."""
    root = static_root()
    fetcher = fetcher or StaticOnlyFetcher(root)
    document = HTML(string=html, base_url=root.resolve().as_uri() + "/", url_fetcher=fetcher)
    pdf: bytes = document.write_pdf()
    return pdf


def pdf_response(pdf: bytes, filename: str) -> Response:
    """Wrap PDF bytes as a download."""
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
