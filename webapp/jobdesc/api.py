"""JSON API of the language check: POST /api/v1/language-check."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from scoring.language import check_language
from webapp import get_content
from webapp.errors import json_error
from webapp.jobdesc.forms import posting_text_problem

bp_api = Blueprint("jobdesc_api", __name__, url_prefix="/api/v1")


@bp_api.post("/language-check")
def language_check() -> ResponseReturnValue:
    """Gender-coded words, counts, verdict and posting metrics of {"text"}."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return json_error(
            400,
            'Send a JSON object such as {"text": "..."} with Content-Type: application/json.',
            "invalid_json",
        )
    text = body.get("text")
    if not isinstance(text, str):
        return _bad_text(
            "Required: the posting as a string." if text is None else "Must be a string."
        )
    problem = posting_text_problem(text)
    if problem:
        return _bad_text(problem)
    report = check_language(text, get_content(current_app).gender)
    return jsonify(report.to_dict())


def _bad_text(problem: str) -> Response:
    """A 400 naming the text field."""
    return json_error(400, f"text: {problem}", "validation_error", {"text": problem})
