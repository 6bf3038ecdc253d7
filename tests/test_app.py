"""Request tests of the foundation: pages, errors, headers, health, configuration."""

from __future__ import annotations

import logging
import re
from html import escape

import pytest

from tests.conftest import TEST_CONFIG
from webapp.config import DEFAULTS, ConfigError, from_environment
from webapp.resume.accuracy import eval_results

PAGES = ["/", "/sources"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_navigation(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<nav aria-label="Main">' in html
    assert 'href="/sources"' in html
    assert "/static/css/site.css" in html


def _form(page: str, action: str) -> str:
    match = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>.*?</form>', page, re.S)
    assert match, action
    return match.group(0)


def test_home_page_has_three_ways_in_with_the_tools_own_field_names(client, app):
    page = client.get("/").get_data(as_text=True)
    roles = app.extensions["content"].roles
    resume = _form(page, "/resume#resume-report")
    assert 'method="post"' in resume and 'enctype="multipart/form-data"' in resume
    for name in ("csrf_token", "level", "resume_file", "resume_text"):
        assert f'name="{name}"' in resume, name
    assert f'data-max-bytes="{app.config["MAX_CONTENT_LENGTH"]}"' in resume
    salary = _form(page, "/salaries/estimate")
    assert 'method="get"' in salary and 'name="level"' in salary and 'name="metro"' in salary
    for metro in app.extensions["content"].compensation.metros:
        assert f'value="{metro}"' in salary, metro
    posting = _form(page, "/job-descriptions")
    assert 'method="get"' in posting and 'name="role"' in posting
    for form in (resume, salary, posting):
        assert all(f'value="{slug}"' in form for slug in roles)
    assert '<script src="/static/js/home.js" defer></script>' in page


def test_home_page_accuracy_figures_are_read_from_the_eval_file(client):
    results = eval_results()
    if not results:
        pytest.skip("docs/eval.json has no figures (make eval has not been run)")
    page = client.get("/").get_data(as_text=True)
    honest = page[page.index('id="honest-heading"') :]
    expected = [
        f"{results['resumes']['bullet_recall_upload'] * 100:.1f}%",
        f"{results['bullets']['verdict_agreement'] * 100:.1f}%",
        f"{results['scoring']['score_auc_others']:.2f}",
        f"{results['scoring']['score_auc_neighbours']:.2f}",
        f"{results['salaries']['base_coverage'] * 100:.1f}%",
        str(results["date"]),
    ]
    for figure in expected:
        assert figure in honest, figure
    assert 'href="/resume/accuracy"' in honest


def test_home_page_without_eval_figures_still_says_what_it_measures(client, monkeypatch):
    monkeypatch.setattr("webapp.main.eval_results", dict)
    page = client.get("/").get_data(as_text=True)
    honest = page[page.index('id="honest-heading"') :]
    assert "home-figures" not in honest and "make eval" not in honest
    assert "cannot tell you whether you will get the job" in honest
    assert 'href="/resume/accuracy"' in honest


def test_the_home_resume_form_posts_to_the_report_with_csrf_on(csrf_app):
    client = csrf_app.test_client()
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', _form(page, "/resume#resume-report"))
    assert token
    data = {
        "csrf_token": token.group(1),
        "level": "account-manager",
        "resume_text": "Account Manager\n- Grew renewals 12% across 40 accounts",
    }
    response = client.post("/resume", data=data)
    assert response.status_code == 200
    assert 'id="resume-report"' in response.get_data(as_text=True)


def test_sources_page_lists_every_registered_source(client, app):
    html = client.get("/sources").get_data(as_text=True)
    for source in app.extensions["content"].sources.values():
        assert f'id="{source.id}"' in html
    assert "The Interview Guys" in html


def test_every_source_names_its_publisher_a_link_and_a_date_or_says_it_has_none(client, app):
    html = client.get("/sources").get_data(as_text=True)
    for source in app.extensions["content"].sources.values():
        entry = re.search(rf'<li id="{source.id}">(.*?)</li>', html, re.S)
        assert entry, source.id
        assert not source.publisher.lower().startswith(("a ", "an ")), source.id  # named
        if source.url:
            assert f'<a href="{escape(source.url)}"' in entry.group(1), source.id
        else:
            assert "<a " not in entry.group(1), source.id
        assert (str(source.year) if source.year else "no date given") in entry.group(1)


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
