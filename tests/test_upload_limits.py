"""Upload limits through the real endpoints: each hostile file gets a clear 4xx, not a 500."""

from __future__ import annotations

import gc
import io
import re
import warnings

import pytest

from tests.test_extract import blank_pdf, zip_bomb


def _token(client) -> str:
    page = client.get("/resume").get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match
    return match.group(1)


@pytest.fixture(autouse=True)
def _collect_spooled_uploads():
    """Werkzeug leaves an aborted upload's spool file to the garbage collector."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def test_oversized_upload_on_the_page_is_a_friendly_413(client):
    data = {
        "csrf_token": _token(client),
        "level": "account-manager",
        "file": (io.BytesIO(b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024)), "big.pdf"),
    }
    response = client.post("/resume", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)


def test_oversized_upload_on_the_api_is_a_json_413(client):
    data = {"file": (io.BytesIO(b"x" * (2 * 1024 * 1024)), "big.txt")}
    response = client.post("/api/v1/resume/analyze", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize(
    ("make", "name", "code", "phrase"),
    [
        (lambda: blank_pdf(300), "long.pdf", "too_many_pages", "pages"),
        (lambda: blank_pdf(1, password="secret"), "locked.pdf", "encrypted", "password"),
        (lambda: zip_bomb(200 * 1024 * 1024), "bomb.docx", "zip_bomb", ""),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.pdf", "unsupported_type", ""),
    ],
)
def test_hostile_files_are_refused_by_the_api_with_their_reason(client, make, name, code, phrase):
    data = {"file": (io.BytesIO(make()), name)}
    response = client.post("/api/v1/resume/analyze", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code
    assert phrase.lower() in error["message"].lower()
