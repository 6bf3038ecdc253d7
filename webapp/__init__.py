"""The Flask layer: application factory, blueprints, templates and PDF rendering."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import IO, Any

from flask import Flask, Request
from werkzeug.middleware.proxy_fix import ProxyFix

from scoring.content import DEFAULT_CONTENT_DIR, Content, load_content
from scoring.nlp import load_pipeline, model_names, pipeline_label
from scoring.resume.report import build_analyzer
from webapp.config import DEFAULTS, from_environment
from webapp.extensions import csrf, limiter

ROOT = Path(__file__).resolve().parent.parent


class InMemoryRequest(Request):
    """A request whose uploaded files stay in memory.

    Werkzeug writes an upload over 500 KB to a temporary file on disk; a resume must never
    touch the disk, so every upload is read into memory instead. MAX_CONTENT_LENGTH
    bounds it (and nginx refuses larger bodies before they arrive).
    """

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return io.BytesIO()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, content, NLP pipeline, extensions and blueprints."""
    app = Flask(
        __name__,
        static_folder=str(ROOT / "static"),
        static_url_path="/static",
        template_folder="templates",
    )
    app.request_class = InMemoryRequest
    app.config.from_mapping(DEFAULTS)
    # A test config brings its own SECRET_KEY, so a missing one in the environment is
    # no reason for a stand-in key (or its warning).
    app.config.from_mapping(from_environment(random_secret_key=test_config is None))
    if test_config is not None:
        app.config.from_mapping(test_config)

    content_dir = Path(app.config["CONTENT_DIR"] or DEFAULT_CONTENT_DIR)
    # Content and the pipeline are loaded here, once per process; gunicorn's
    # preload_app does it in the master so workers share the memory.
    content = load_content(content_dir)
    nlp = load_pipeline(model_names(app.config["SPACY_MODEL"]))
    app.extensions["content"] = content
    app.extensions["nlp"] = nlp
    app.config["NLP_LABEL"] = pipeline_label(nlp)
    app.extensions["resume_analyzer"] = build_analyzer(content, nlp)

    hops = app.config["PROXY_HOPS"]
    if hops:
        # Behind a proxy every request comes from the proxy's address: take the client's
        # from the headers the configured number of proxies set (the rate limit keys on it).
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops
        )

    csrf.init_app(app)
    limiter.init_app(app)

    from webapp import api, errors, formatting, navigation, pdf, security
    from webapp.jobdesc import bp as jobdesc_bp
    from webapp.main import bp as main_bp
    from webapp.resume import bp as resume_bp
    from webapp.roles import bp as roles_bp
    from webapp.salaries import bp as salaries_bp

    for pages in (main_bp, roles_bp, salaries_bp, jobdesc_bp, resume_bp):
        app.register_blueprint(pages)
    api.init_app(app)
    errors.init_app(app)
    navigation.init_app(app)
    formatting.init_app(app)
    security.init_app(app)
    pdf.init_app(app)

    app.jinja_env.globals["site_name"] = "Account Manager Toolkit"
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return app


def get_content(app: Flask) -> Content:
    """The content loaded for this app."""
    content: Content = app.extensions["content"]
    return content
