"""Home page, sources and health check."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from webapp import get_content

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> ResponseReturnValue:
    """What the site offers, with links to the tools."""
    return render_template("main/index.html")


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
