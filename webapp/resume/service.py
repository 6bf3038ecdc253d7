"""What the resume checker page and its API share: reading a resume, the report and its PDF.

Nothing here stores or logs the resume: it lives in memory for one request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Response, current_app, url_for
from werkzeug.datastructures import FileStorage

from scoring.budget import TextBudgetError
from scoring.errors import FieldErrors
from scoring.nlp import PIPELINE_LOCK
from scoring.resume.bullets import BulletFinding
from scoring.resume.extract import (
    Extracted,
    ExtractionError,
    ExtractLimits,
    extract_pasted,
    extract_text,
)
from scoring.resume.report import ResumeAnalyzer, ResumeReport, analyze_resume, judge_bullet
from webapp import get_content
from webapp.pdf import pdf_response, render_pdf
from webapp.resume.forms import MAX_RESUME_CHARS
from webapp.resume.gauge import score_gauge
from webapp.resume.summary import (
    check_state,
    compare,
    fix_target,
    part_facts,
    read_state,
    reading_order,
    unfilled_blanks,
)

# Missing must-have terms of a posting named at the top of the report.
MUST_HAVES_SHOWN = 5
# Bullets to improve shown open (weak ones first); the rest, and the strong ones, fold.
BULLETS_SHOWN = 6


class UnreadableResume(FieldErrors):
    """A resume file or text that cannot be read; ``code`` is the extractor's reason."""

    def __init__(self, field: str, exc: ExtractionError) -> None:
        super().__init__({field: exc.message})
        self.code = exc.code


@dataclass(frozen=True)
class LevelLink:
    """A role the report names, with its pages when those blueprints are registered."""

    slug: str
    title: str
    role_url: str | None
    salary_url: str | None


def resume_analyzer() -> ResumeAnalyzer:
    """The analyzer built once for this process."""
    analyzer: ResumeAnalyzer = current_app.extensions["resume_analyzer"]
    return analyzer


def allowed_levels() -> tuple[str, ...]:
    """The level slugs the analyzer knows."""
    return resume_analyzer().lexicon.rules.levels


def read_upload(upload: FileStorage) -> Extracted:
    """The text of an uploaded PDF, DOCX or TXT file; raises ExtractionError."""
    max_bytes = current_app.config.get("MAX_CONTENT_LENGTH") or ExtractLimits.max_bytes
    return extract_text(upload.read(), upload.filename or "", ExtractLimits(max_bytes=max_bytes))


def read_pasted(text: str) -> Extracted:
    """Pasted resume text, normalised; raises ExtractionError when empty or too long."""
    return extract_pasted(text, MAX_RESUME_CHARS)


def report_for(extracted: Extracted, level: str, job_description: str | None) -> ResumeReport:
    """The report of one resume against a level and, optionally, a job posting.

    Raises FieldErrors when a text is beyond the work budget (scoring.budget).
    """
    try:
        with PIPELINE_LOCK:  # the analysis opens its own memory zone
            return analyze_resume(
                extracted.text,
                level=level,
                job_description=job_description,
                analyzer=resume_analyzer(),
            )
    except TextBudgetError as exc:
        raise FieldErrors({exc.field: exc.message}) from None


def bullet_for(text: str) -> BulletFinding:
    """One bullet judged as the analysis judges each of its bullets."""
    with PIPELINE_LOCK:  # the analysis opens its own memory zone
        return judge_bullet(text, resume_analyzer())


def level_link(slug: str | None) -> LevelLink | None:
    """The role's title and, where the pages exist, links to its role and salary pages."""
    if not slug:
        return None
    role = get_content(current_app).roles.get(slug)
    views = current_app.view_functions
    return LevelLink(
        slug,
        role.title if role else slug,
        url_for("roles.detail", slug=slug) if "roles.detail" in views else None,
        url_for("salaries.estimate", level=slug) if "salaries.estimate" in views else None,
    )


def report_body(report: ResumeReport, extracted: Extracted) -> dict[str, Any]:
    """The report as the API answers it: the findings, and the document they were read from."""
    return {
        **report.to_dict(),
        "document": {
            "kind": extracted.kind,
            "pages": extracted.pages,
            "reordered": extracted.reordered,
            "warnings": list(extracted.warnings),
        },
    }


def report_context(report: ResumeReport, extracted: Extracted) -> dict[str, Any]:
    """What the report templates (page and PDF) need."""
    data = report_body(report, extracted)
    structure = data["structure"]
    warnings = list(dict.fromkeys([*extracted.warnings, *structure["warnings"]]))
    sources = get_content(current_app).sources
    bullets = data["bullets"]
    return {
        "report": data,
        "report_date": date.today(),
        "fix_targets": {f["id"]: fix_target(f["id"], bullets) for f in data["suggestions"]},
        "ordered_bullets": reading_order(bullets),
        "bullets_shown": BULLETS_SHOWN,
        "facts": part_facts(report, resume_analyzer().lexicon.rules),
        "must_haves": _must_haves(data["job_match"]),
        "blanks": unfilled_blanks(bullets),
        "gauge": score_gauge(data["score"]) if data["score"] is not None else None,
        "warnings": warnings,
        "extracted": extracted,
        "target": level_link(structure["level"]),
        "suggested": level_link(structure["suggested_level"]),
        "level_source": sources.get(structure["level_source"]),
    }


def _must_haves(job_match: dict[str, Any] | None) -> list[str]:
    """The posting's required terms the resume lacks, the most important first."""
    if not job_match:
        return []
    required = {t["term"] for t in job_match["terms"] if t["required"]}
    return [term for term in job_match["missing"] if term in required][:MUST_HAVES_SHOWN]


def page_context(
    report: ResumeReport, extracted: Extracted, previous: str | None
) -> tuple[dict[str, Any], str]:
    """The report page's context, with what changed since ``previous`` (the form's hidden
    field), and the hidden field's new value: this check, for the next one to compare."""
    context = report_context(report, extracted)
    before, now = read_state(previous), check_state(context["report"])
    context["changes"] = compare(before, now) if before and now else None
    return context, now.dumps() if now else ""


def report_pdf_response(report: ResumeReport, extracted: Extracted) -> Response:
    """The report as a PDF download (callers spend the heavy rate limit)."""
    # Never cache=True: the report quotes the resume, which must not outlive the request.
    pdf = render_pdf("resume/report_pdf.html", **report_context(report, extracted))
    return pdf_response(pdf, "resume-report.pdf")


def no_store(response: Response) -> Response:
    """Responses of the resume checker may quote the resume: no cache may keep them."""
    response.headers["Cache-Control"] = "no-store"
    return response
