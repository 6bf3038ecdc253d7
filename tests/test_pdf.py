"""The PDF renderer serves static files and refuses every other URL."""

from __future__ import annotations

import http.server
import io
import threading
from typing import ClassVar

import pytest
from pypdf import PdfReader

from webapp.pdf import StaticOnlyFetcher, html_to_pdf, render_pdf, static_root


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _CountingHandler.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def local_http_server():
    _CountingHandler.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_hostile_references_are_refused_without_a_fetch(app, local_http_server):
    html = f"""<html><head>
      <link rel="stylesheet" href="{local_http_server}/evil.css">
      <link rel="stylesheet" href="file:///etc/passwd">
      </head><body><h1>Report</h1>
      <img src="file:///etc/passwd"><img src="{local_http_server}/pixel.png">
      <img src="../../../../etc/hostname">
      </body></html>"""
    with app.test_request_context():
        fetcher = StaticOnlyFetcher(static_root())
        pdf = html_to_pdf(html, fetcher)
    assert pdf.startswith(b"%PDF")
    assert "Report" in _text(pdf)
    assert _CountingHandler.hits == []
    assert "file:///etc/passwd" in fetcher.refused
    assert f"{local_http_server}/evil.css" in fetcher.refused
    assert any(url.endswith("/etc/hostname") for url in fetcher.refused)
    assert "root:" not in _text(pdf)
    assert fetcher.served == []


def test_static_assets_are_served(app):
    with app.test_request_context():
        fetcher = StaticOnlyFetcher(static_root())
        pdf = render_pdf("pdf/base.html", fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert any(url.endswith("/static/css/print.css") for url in fetcher.served)
    assert fetcher.refused == []
    assert "Account Manager Toolkit" in _text(pdf)


def test_the_print_stylesheet_is_applied(app):
    # print.css sets a US Letter page; WeasyPrint's default is A4. A stylesheet served
    # without a text/css type is silently ignored, which this would catch.
    with app.test_request_context():
        pdf = render_pdf("pdf/base.html")
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
