"""JSON API of the job description tools: the builder and the language check."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

from scoring.errors import FieldErrors
from scoring.roles import ROLE_SLUGS
from webapp import get_content
from webapp.api.inputs import json_object, requested_format
from webapp.api.schemas import JobDescription, LanguageReport
from webapp.jobdesc.builder import build_posting
from webapp.jobdesc.exports import EXPORT_FORMATS, document_response
from webapp.jobdesc.service import check_posting, posting_text_problem

bp = Blueprint("jobdesc", __name__)


@bp.post("/language-check")
def language_check() -> ResponseReturnValue:
    """Coded words, verdict, issues and posting metrics of {"text", "level"?}."""
    body = json_object('{"text": "...", "level": "account-coordinator"}')
    text, level = body.get("text"), body.get("level")
    if not isinstance(text, str):
        required = "Required: the posting as a string." if text is None else "Must be a string."
        raise FieldErrors({"text": required})
    problem = posting_text_problem(text)
    if problem:
        raise FieldErrors({"text": problem})
    if level is not None and level not in ROLE_SLUGS:
        raise FieldErrors({"level": f"Unknown level; one of: {', '.join(ROLE_SLUGS)}."})
    report = check_posting(text, level)
    return jsonify(LanguageReport.body(report.to_dict()))


@bp.post("/job-descriptions")
def job_description() -> ResponseReturnValue:
    """Compose a posting from JSON; ?format=pdf|markdown|text returns it as a document."""
    fmt = requested_format(*EXPORT_FORMATS)
    body = json_object(
        '{"role": "account-manager", "company_name": "...", "company_summary": "..."}'
    )
    posting = build_posting(body, get_content(current_app))
    if fmt in EXPORT_FORMATS:
        return document_response(posting, fmt)
    return jsonify(JobDescription.body(posting.to_dict()))
