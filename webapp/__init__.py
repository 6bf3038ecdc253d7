"""The Flask layer: application factory, blueprints, templates and PDF rendering."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask

from scoring.content import DEFAULT_CONTENT_DIR, Content, load_content
from scoring.nlp import load_pipeline, model_names, pipeline_label
from scoring.resume.components import build_matchers
from scoring.resume.report import ResumeAnalyzer
from webapp.config import from_environment
from webapp.extensions import csrf, limiter

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, content, NLP pipeline, extensions and blueprints."""
    app = Flask(
        __name__,
        static_folder=str(ROOT / "static"),
        static_url_path="/static",
        template_folder="templates",
    )
    if test_config is None:
        app.config.from_mapping(from_environment())
    else:
        app.config.from_mapping(
            {
                "SECRET_KEY": "test-secret-key",
                "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
                "SPACY_MODEL": "",
                "CONTENT_DIR": "",
                "RATELIMIT_STORAGE_URI": "memory://",
                "RATELIMIT_HEAVY": "1000 per minute",
                "PDF_CACHE_SIZE": 0,
            }
        )
        app.config.from_mapping(test_config)

    content_dir = Path(app.config["CONTENT_DIR"] or DEFAULT_CONTENT_DIR)
    # Content and the pipeline are loaded here, once per process; gunicorn's
    # preload_app does it in the master so workers share the memory.
    content = load_content(content_dir)
    nlp = load_pipeline(model_names(app.config["SPACY_MODEL"]))
    app.extensions["content"] = content
    app.extensions["nlp"] = nlp
    app.config["NLP_LABEL"] = pipeline_label(nlp)
    app.extensions["resume_analyzer"] = ResumeAnalyzer(
        content.resume_lexicon,
        nlp,
        build_matchers(nlp, content.resume_lexicon),
        content.section_vocab,
    )

    csrf.init_app(app)
    limiter.init_app(app)

    from webapp import errors, formatting, navigation, pdf, security
    from webapp.api import bp as api_bp
    from webapp.jobdesc import bp as jobdesc_bp
    from webapp.jobdesc.api import bp_api as jobdesc_api_bp
    from webapp.main import bp as main_bp
    from webapp.resume import bp as resume_bp
    from webapp.resume.api import bp_api as resume_api_bp
    from webapp.roles import bp as roles_bp
    from webapp.roles.api import bp_api as roles_api_bp
    from webapp.salaries import bp as salaries_bp
    from webapp.salaries.api import bp_api as salaries_api_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)  # JSON API: no cookies or sessions are used to authorise it
    app.register_blueprint(jobdesc_bp)
    app.register_blueprint(jobdesc_api_bp)
    csrf.exempt(jobdesc_api_bp)
    app.register_blueprint(resume_bp)
    app.register_blueprint(resume_api_bp)
    csrf.exempt(resume_api_bp)
    app.register_blueprint(roles_bp)
    app.register_blueprint(roles_api_bp)
    csrf.exempt(roles_api_bp)
    app.register_blueprint(salaries_bp)
    app.register_blueprint(salaries_api_bp)
    csrf.exempt(salaries_api_bp)
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
