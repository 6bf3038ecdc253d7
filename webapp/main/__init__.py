"""Home page, sources and health check."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from scoring.resume.report import DEFAULT_LEVEL
from webapp import get_content
from webapp.resume.accuracy import eval_results

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> ResponseReturnValue:
    """Three ways in (a resume, a salary, a posting) and what the site measures, how well."""
    content = get_content(current_app)
    return render_template(
        "main/index.html",
        levels=[(slug, role.title) for slug, role in content.roles.items()],
        default_level=DEFAULT_LEVEL,
        metros=list(content.compensation.metros.items()),
        max_upload_bytes=current_app.config["MAX_CONTENT_LENGTH"],
        max_upload_mb=f"{current_app.config['MAX_CONTENT_LENGTH'] / (1024 * 1024):g}",
        results=eval_results(),
    )


@bp.get("/sources")
def sources() -> ResponseReturnValue:
    """Every document the site's figures and word lists come from."""
    content = get_content(current_app)
    return render_template("main/sources.html", sources=list(content.sources.values()))


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """Liveness: the app is up and its NLP pipeline is loaded."""
    nlp = current_app.extensions.get("nlp")
    if nlp is None:
        return jsonify({"status": "starting"}), 503
    return jsonify({"status": "ok", "model": current_app.config["NLP_LABEL"]})


@bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """Browsers ask for /favicon.ico regardless of the page's icon link."""
    return redirect(url_for("static", filename="img/favicon.svg"), code=301)
