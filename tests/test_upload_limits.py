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
    _collect_aborted_uploads()


def _collect_aborted_uploads() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def test_oversized_upload_on_the_page_is_the_form_again_saying_the_limit(client, app):
    data = {
        "csrf_token": _token(client),
        "level": "account-manager",
        "resume_file": (io.BytesIO(b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024)), "big.pdf"),
    }
    response = client.post("/resume", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    limit_mb = app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
    # The checker's form, ready to send again, with the limit said at the file field.
    assert '<form id="resume-form"' in page and 'name="csrf_token"' in page
    error = re.search(r'<p class="field-error" id="resume_file-error">([^<]*)</p>', page)
    assert error and f"{limit_mb:g} MB limit" in error.group(1)
    assert 'role="alert"' in page  # the error summary names it too
    assert 'aria-describedby="resume_file-hint resume_file-error"' in page


def test_the_upload_field_carries_the_servers_limit_for_the_browser_check(client, app):
    page = client.get("/resume").get_data(as_text=True)
    field = re.search(r'<input[^>]*id="resume_file"[^>]*>', page)
    assert field
    assert f'data-max-bytes="{app.config["MAX_CONTENT_LENGTH"]}"' in field.group(0)
    assert '<script src="/static/js/upload.js" defer></script>' in page


def test_a_resume_form_sent_again_after_a_413_is_read(client):
    token = _token(client)
    big = {"csrf_token": token, "resume_file": (io.BytesIO(b"0" * (2 * 1024 * 1024)), "a.txt")}
    assert client.post("/resume", data=big, content_type="multipart/form-data").status_code == 413
    _collect_aborted_uploads()
    small = {"csrf_token": token, "level": "account-manager", "resume_text": "Sales\n- Sold"}
    response = client.post("/resume", data=small)
    assert response.status_code == 200
    assert 'id="resume-report"' in response.get_data(as_text=True)


def test_oversized_post_elsewhere_is_still_the_plain_413_page(client):
    response = client.post(
        "/job-descriptions/check",
        data={"text": "x" * (2 * 1024 * 1024)},
        content_type="multipart/form-data",
    )
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
