"""Shared fixtures: the app, its test client, and a live server for browser tests."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, abort, request
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from webapp import create_app

CHROMIUM = Path("/usr/bin/chromium")

# Laid over webapp.config.DEFAULTS and the environment by every app the tests build.
TEST_CONFIG: dict[str, Any] = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    # Far above what the suite sends; the rate-limit tests build apps with their own.
    "RATELIMIT_HEAVY": "1000 per minute",
    "RATELIMIT_BULLET": "10000 per minute",
    # Every export test renders its PDF; the cache tests give the app a cache of their own.
    "PDF_CACHE_SIZE": 0,
}

AppFactory = Callable[..., Flask]


def _add_failure_routes(app: Flask) -> None:
    """Routes that fail on purpose, to exercise the error handlers."""

    @app.post("/__test/echo-size")
    def echo_size() -> str:
        return str(len(request.get_data()))

    @app.get("/__test/bad-request")
    def bad_request() -> str:
        abort(400)

    @app.get("/__test/boom")
    def boom() -> str:
        raise RuntimeError("secret resume text that must never be logged")

    @app.get("/api/v1/__test/boom")
    def api_boom() -> str:
        raise RuntimeError("secret resume text that must never be logged")


@pytest.fixture(scope="session")
def make_app() -> AppFactory:
    """Build an app from TEST_CONFIG with some settings changed: ``make_app(KEY=value)``."""

    def make(**settings: Any) -> Flask:
        return create_app({**TEST_CONFIG, **settings})

    return make


@pytest.fixture(scope="session")
def app(make_app: AppFactory) -> Iterator[Flask]:
    """One app for the session: loading spaCy once keeps the suite fast."""
    app = make_app(MAX_CONTENT_LENGTH=1024 * 1024, PROPAGATE_EXCEPTIONS=False)
    _add_failure_routes(app)
    yield app


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def csrf_app(make_app: AppFactory) -> Iterator[Flask]:
    """An app with CSRF protection on, as in production (TESTING keeps it on too)."""
    yield make_app(WTF_CSRF_ENABLED=True)


def _browser_skip_reason() -> str | None:
    if not CHROMIUM.exists():
        return (
            "Debian's Chromium (/usr/bin/chromium) is not installed; "
            "run `make test` as root to install it"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def live_server(app: Flask) -> Iterator[str]:
    """Serve the app on a free local port in a background thread."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skipped with a reason when unavailable."""
    reason = _browser_skip_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    ]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser: object, live_server: str) -> Iterator[object]:
    """A fresh desktop-sized page; closes its context afterwards."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
