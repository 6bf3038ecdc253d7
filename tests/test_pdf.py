"""The PDF renderer serves static files and refuses every other URL."""

from __future__ import annotations

import http.server
import io
import threading
from typing import ClassVar

import pytest
from pypdf import PdfReader

from tests.test_jobdesc_builder import API_BODY
from webapp.pdf import PdfRenderer, StaticOnlyFetcher, render_pdf


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
    renderer = app.extensions["pdf"]
    fetcher = StaticOnlyFetcher(renderer.static_root)
    pdf = renderer.render(html, fetcher)
    assert pdf.startswith(b"%PDF")
    assert "Report" in _text(pdf)
    assert _CountingHandler.hits == []
    assert "file:///etc/passwd" in fetcher.refused
    assert f"{local_http_server}/evil.css" in fetcher.refused
    assert any(url.endswith("/etc/hostname") for url in fetcher.refused)
    assert "root:" not in _text(pdf)
    assert fetcher.served == []


def test_static_assets_are_served(app):
    # The print stylesheet is parsed once per process, through the same kind of fetcher.
    stylesheet_fetcher = app.extensions["pdf"].stylesheet_fetcher
    assert [url.rsplit("/", 3)[-3:] for url in stylesheet_fetcher.served] == [
        ["static", "css", "print.css"]
    ]
    assert stylesheet_fetcher.refused == []
    renderer = app.extensions["pdf"]
    fetcher = StaticOnlyFetcher(renderer.static_root)
    pdf = renderer.render('<h1>Report</h1><img src="img/favicon.svg" alt="">', fetcher)
    assert pdf.startswith(b"%PDF")
    assert len(fetcher.served) == 1
    assert fetcher.served[0].endswith("/static/img/favicon.svg")
    assert fetcher.refused == []
    assert "Report" in _text(pdf)


def test_the_print_stylesheet_is_applied(app):
    # print.css sets a US Letter page; WeasyPrint's default is A4. A stylesheet served
    # without a text/css type is silently ignored, which this would catch.
    with app.test_request_context():
        pdf = render_pdf("pdf/base.html")
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.fixture()
def caching_app(app):
    """The session app with a small PDF cache for the length of one test."""
    plain = app.extensions["pdf"]
    app.extensions["pdf"] = PdfRenderer(plain.static_root, cache_size=4)
    yield app
    app.extensions["pdf"] = plain


POSTING = API_BODY


def test_a_repeated_posting_download_is_served_from_the_cache(caching_app):
    client = caching_app.test_client()
    cache = caching_app.extensions["pdf"].cached
    first = client.post("/api/v1/job-descriptions?format=pdf", json=POSTING)
    again = client.post("/api/v1/job-descriptions?format=pdf", json=POSTING)
    other = client.post(
        "/api/v1/job-descriptions?format=pdf", json={**POSTING, "company_name": "Contoso"}
    )
    assert first.status_code == again.status_code == other.status_code == 200
    assert again.data == first.data
    assert "Contoso" in _text(other.data)
    assert "Contoso" not in _text(first.data)
    info = cache.cache_info()
    assert (info.hits, info.misses, info.currsize) == (1, 2, 2)


def test_salary_estimates_share_the_cache(caching_app):
    client = caching_app.test_client()
    url = "/api/v1/salary/estimate?level=account-manager&metro=boston&format=pdf"
    assert client.get(url).data == client.get(url).data
    assert caching_app.extensions["pdf"].cached.cache_info().hits == 1


def test_a_resume_report_never_enters_the_cache(caching_app):
    client = caching_app.test_client()
    resume = (
        "Jordan Lee\nAccount Manager\nExperience\n"
        "- Managed a portfolio of 40 accounts and grew revenue 18% in one year\n"
        "- Renewed 95% of contracts through quarterly business reviews\n"
        "Skills\nSalesforce, negotiation, upselling"
    )
    for _ in range(2):
        response = client.post("/api/v1/resume/analyze?format=pdf", json={"text": resume})
        assert response.status_code == 200
        assert response.data.startswith(b"%PDF")
    info = caching_app.extensions["pdf"].cached.cache_info()
    assert (info.hits, info.misses, info.currsize) == (0, 0, 0)


def test_the_cache_can_be_switched_off(app):
    assert app.config["PDF_CACHE_SIZE"] == 0
    renderer = app.extensions["pdf"]
    assert renderer.cached == renderer.render
