"""Request tests of the foundation: pages, errors, headers, health, configuration."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import TEST_CONFIG
from webapp.config import DEFAULTS, ConfigError, from_environment

PAGES = ["/", "/sources"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_navigation(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<nav aria-label="Main">' in html
    assert 'href="/sources"' in html
    assert "/static/css/site.css" in html


def test_home_page_describes_the_three_audiences(client):
    html = client.get("/").get_data(as_text=True)
    for audience in ("Job seekers", "Recruiters"):
        assert audience in html


def test_sources_page_lists_every_registered_source(client, app):
    html = client.get("/sources").get_data(as_text=True)
    for source in app.extensions["content"].sources.values():
        assert f'id="{source.id}"' in html
    assert "The Interview Guys" in html


def test_healthz_reports_the_loaded_pipeline(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert "core_web_sm" in body["model"]
    assert body["model"].split()[-1][0].isdigit()


@pytest.mark.parametrize(
    "path", ["/", "/healthz", "/no-such-page", "/api/v1/no-such-thing", "/static/css/site.css"]
)
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    response.close()
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_pages_use_no_external_urls_or_inline_script(client):
    html = client.get("/").get_data(as_text=True)
    assert "http://" not in html and "https://" not in html
    assert "<script>" not in html and "onclick=" not in html


def test_unknown_page_is_a_friendly_html_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "Page not found" in html
    assert 'href="/"' in html


def test_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["code"] == "not_found"
    assert error["message"]


def test_wrong_method_is_405_with_allow_header(client):
    response = client.post("/healthz")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert "Method not allowed" in response.get_data(as_text=True)


def test_bad_request_page(client):
    response = client.get("/__test/bad-request")
    assert response.status_code == 400
    assert "could not be understood" in response.get_data(as_text=True)


def test_oversized_body_is_413_page(client):
    response = client.post("/__test/echo-size", data=b"x" * (2 * 1024 * 1024))
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)


def test_server_error_is_friendly_and_logs_no_exception_text(client, caplog):
    with caplog.at_level(logging.DEBUG):
        response = client.get("/__test/boom")
    assert response.status_code == 500
    assert "Something went wrong" in response.get_data(as_text=True)
    assert "secret resume text" not in caplog.text
    assert "RuntimeError" in caplog.text


def test_api_server_error_is_json(client):
    response = client.get("/api/v1/__test/boom")
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"


def test_production_requires_a_secret_key():
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        from_environment({"TOOLKIT_ENV": "production"})


def test_development_generates_a_secret_key_with_a_warning():
    with pytest.warns(RuntimeWarning, match="SECRET_KEY is not set"):
        config = from_environment({})
    assert len(config["SECRET_KEY"]) >= 32


def test_a_test_config_brings_its_own_secret_key():
    # No warning (pytest would fail on one) and no stand-in key.
    assert "SECRET_KEY" not in from_environment({}, random_secret_key=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        from_environment({"TOOLKIT_ENV": "production"}, random_secret_key=False)


def test_the_environment_sets_only_what_it_names():
    assert from_environment({"SECRET_KEY": "x"}) == {"SECRET_KEY": "x"}
    production = from_environment({"SECRET_KEY": "x", "TOOLKIT_ENV": "production"})
    assert production["SESSION_COOKIE_SECURE"] is True
    with pytest.raises(ConfigError, match="TOOLKIT_ENV"):
        from_environment({"SECRET_KEY": "x", "TOOLKIT_ENV": "staging"})


def test_upload_limit_is_configurable():
    assert DEFAULTS["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024
    config = from_environment({"SECRET_KEY": "x", "MAX_UPLOAD_MB": "2"})
    assert config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024
    with pytest.raises(ConfigError):
        from_environment({"SECRET_KEY": "x", "MAX_UPLOAD_MB": "lots"})


def test_pdf_cache_size_is_configurable():
    assert DEFAULTS["PDF_CACHE_SIZE"] == 64
    assert from_environment({"SECRET_KEY": "x", "PDF_CACHE_SIZE": "0"})["PDF_CACHE_SIZE"] == 0
    for bad in ("many", "-1", "2.5"):
        with pytest.raises(ConfigError, match="PDF_CACHE_SIZE"):
            from_environment({"SECRET_KEY": "x", "PDF_CACHE_SIZE": bad})


def test_config_layers_defaults_then_environment_then_test_config(monkeypatch, make_app):
    monkeypatch.setenv("MAX_UPLOAD_MB", "2")
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    app = make_app()
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None  # a default nothing overrides
    assert app.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024  # the environment over a default
    assert app.config["SECRET_KEY"] == TEST_CONFIG["SECRET_KEY"]  # the test config over both
