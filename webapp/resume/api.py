"""JSON API of the resume checker: POST /api/v1/resume/analyze (JSON, or a PDF with format=pdf).

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

from scoring.resume.extract import Extracted, ExtractionError
from scoring.resume.report import DEFAULT_LEVEL, analyze_resume
from webapp.errors import json_error
from webapp.extensions import heavy_limit
from webapp.jobdesc.forms import MAX_POSTING_CHARS
from webapp.resume.views import (
    allowed_levels,
    read_pasted,
    read_upload,
    report_context,
    report_pdf_response,
    resume_analyzer,
)

bp_api = Blueprint("resume_api", __name__, url_prefix="/api/v1")

FORMATS = ("json", "pdf")
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class InvalidInput(Exception):
    """A request the API answers with a 400: a message, a code and the fields at fault."""

    def __init__(self, message: str, code: str, fields: dict[str, str]) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.fields = fields


@dataclass(frozen=True)
class AnalyzeInput:
    """The resume's text and the options of one request."""

    resume: Extracted
    level: str
    job_description: str | None


@bp_api.post("/resume/analyze")
@heavy_limit
def analyze() -> ResponseReturnValue:
    """Score a resume: keywords, bullets, sections, fixes and an optional job match."""
    fmt = request.args.get("format", "json").strip().lower() or "json"
    if fmt not in FORMATS:
        message = f"Unknown format '{fmt}'. Allowed values: {', '.join(FORMATS)}."
        return json_error(400, message, "invalid_format", {"format": message})
    try:
        given = read_input()
    except InvalidInput as exc:
        return json_error(400, exc.message, exc.code, exc.fields)
    report = analyze_resume(
        given.resume.text,
        level=given.level,
        job_description=given.job_description,
        analyzer=resume_analyzer(),
    )
    if fmt == "pdf":
        return report_pdf_response(report_context(report, given.resume))
    return jsonify(report.to_dict())


def read_input() -> AnalyzeInput:
    """The request's resume and options, from multipart form data or a JSON object."""
    if request.mimetype in FORM_TYPES:
        fields: Mapping[str, Any] = request.form
        upload = request.files.get("file")
    else:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise InvalidInput(
                'Send a JSON object such as {"text": "...", "level": "account-manager"} '
                "with Content-Type: application/json, or multipart/form-data with a file.",
                "invalid_json",
                {},
            )
        fields, upload = body, None
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
        raise InvalidInput(f"{field}: {exc.message}", exc.code, {field: exc.message}) from None


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
    """Raise the 400 of one bad field."""
    raise InvalidInput(f"{field}: {problem}", "validation_error", {field: problem})
