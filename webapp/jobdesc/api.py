"""JSON API of the job description tools: the builder and the language check."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from scoring.language import check_language
from webapp import get_content
from webapp.errors import json_error
from webapp.jobdesc.builder import BuilderError, build_posting
from webapp.jobdesc.exports import EXPORT_FORMATS, document_response
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


@bp_api.post("/job-descriptions")
def job_description() -> ResponseReturnValue:
    """Compose a posting from JSON; ?format=pdf|markdown|text returns it as a document."""
    export_format = request.args.get("format", "")
    if export_format and export_format not in EXPORT_FORMATS:
        problem = f"Unknown value '{export_format}'. Allowed values: {', '.join(EXPORT_FORMATS)}."
        return json_error(400, f"format: {problem}", "validation_error", {"format": problem})
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return json_error(
            400,
            'Send a JSON object such as {"role": "account-manager", "company_name": "...", '
            '"company_summary": "..."} with Content-Type: application/json.',
            "invalid_json",
        )
    try:
        posting = build_posting(body, get_content(current_app))
    except BuilderError as exc:
        return json_error(400, str(exc), "validation_error", exc.fields)
    if export_format:
        return document_response(posting, export_format)
    return jsonify(posting.to_dict())
