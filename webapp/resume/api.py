"""JSON API of the resume checker: POST /api/v1/resume/analyze (JSON, or a PDF with format=pdf),
and POST /api/v1/resume/bullet (one bullet judged, for editing in place).

Send JSON ``{"text", "level", "job_description"}`` (only ``text`` required), or
multipart/form-data with a ``file`` (PDF, DOCX or TXT) or a ``text`` field, plus the
optional ``level`` and ``job_description`` fields. The resume is never stored or logged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from scoring.errors import FieldErrors
from scoring.resume.extract import Extracted, ExtractionError
from scoring.resume.report import DEFAULT_LEVEL
from webapp.api.inputs import json_object, requested_format
from webapp.api.schemas import BulletFinding, ResumeReport
from webapp.extensions import bullet_limit, heavy_limit
from webapp.jobdesc.service import MAX_POSTING_CHARS
from webapp.resume.forms import MAX_BULLET_CHARS
from webapp.resume.service import (
    UnreadableResume,
    allowed_levels,
    bullet_for,
    no_store,
    read_pasted,
    read_upload,
    report_body,
    report_for,
    report_pdf_response,
)

bp = Blueprint("resume", __name__)
bp.after_request(no_store)

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


@dataclass(frozen=True)
class AnalyzeInput:
    """The resume's text and the options of one request."""

    resume: Extracted
    level: str
    job_description: str | None


@bp.post("/resume/analyze")
@heavy_limit
def analyze() -> ResponseReturnValue:
    """Score a resume: keywords, bullets, sections, fixes and an optional job match."""
    fmt = requested_format("pdf")
    given = read_input()
    report = report_for(given.resume, given.level, given.job_description)
    if fmt == "pdf":
        return report_pdf_response(report, given.resume)
    return jsonify(ResumeReport.body(report_body(report, given.resume)))


@bp.post("/resume/bullet")
@bullet_limit
def bullet() -> ResponseReturnValue:
    """Judge one bullet as the analysis does (verdict, verb, metric, rewrite), for editing."""
    fields = json_object('{"text": "Grew revenue 20%", "level": "account-manager"}')
    _level(fields.get("level"))  # the contract takes a level; bullets are judged alike
    finding = bullet_for(_bullet_text(fields.get("text")))
    return jsonify(BulletFinding.body(finding.to_dict()))


def _bullet_text(value: Any) -> str:
    if not isinstance(value, str):
        _invalid("text", "Required: the bullet as a string.")
    if not value.strip():
        _invalid("text", "Empty: write the bullet to have it judged.")
    if len(value) > MAX_BULLET_CHARS:
        _invalid(
            "text",
            f"The bullet has {len(value):,} characters; the limit is {MAX_BULLET_CHARS:,}. "
            "Judge one bullet at a time.",
        )
    return value


def read_input() -> AnalyzeInput:
    """The request's resume and options, from multipart form data or a JSON object."""
    if request.mimetype in FORM_TYPES:
        fields: Mapping[str, Any] = request.form
        upload = request.files.get("file")
    else:
        example = '{"text": "...", "level": "account-manager"}'
        fields, upload = json_object(example, "multipart/form-data with a file"), None
    level = _level(fields.get("level"))
    job_description = _job_description(fields.get("job_description"))
    return AnalyzeInput(_resume(fields.get("text"), upload), level, job_description)


def _resume(text: Any, upload: Any) -> Extracted:
    """The uploaded file's text when a file was sent, else the pasted text."""
    field = "file" if upload else "text"
    try:
        if upload:
            return read_upload(upload)
        if text is None:
            _invalid("text", "Required: the resume as a string (or, in multipart, a file).")
        if not isinstance(text, str):
            _invalid("text", "Must be a string.")
        return read_pasted(text)
    except ExtractionError as exc:
        raise UnreadableResume(field, exc) from None


def _level(value: Any) -> str:
    if value is None or value == "":
        return DEFAULT_LEVEL
    allowed = allowed_levels()
    if value not in allowed:
        shown = value if isinstance(value, str) else type(value).__name__
        _invalid("level", f"Unknown level '{shown}'. Allowed values: {', '.join(allowed)}.")
    level: str = value
    return level


def _job_description(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        _invalid("job_description", "Must be a string.")
    if len(value) > MAX_POSTING_CHARS:
        _invalid(
            "job_description",
            f"The posting has {len(value):,} characters; the limit is {MAX_POSTING_CHARS:,}.",
        )
    return value if value.strip() else None


def _invalid(field: str, problem: str) -> NoReturn:
    """Refuse one bad field."""
    raise FieldErrors({field: problem})
