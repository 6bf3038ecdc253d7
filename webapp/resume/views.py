"""The resume checker page, and the helpers it shares with the JSON API.

GET and POST of /resume are two endpoints so that only the analysis (POST) spends
the shared heavy rate limit: ``resume.checker`` shows the form, ``resume.analyze``
reads the resume and answers with the report, or its PDF when the form's
"Download PDF report" button (``format=pdf``) sent it. Nothing is stored or logged:
the resume lives in memory for one request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import FileStorage

from scoring.resume.extract import (
    Extracted,
    ExtractionError,
    ExtractLimits,
    extract_pasted,
    extract_text,
)
from scoring.resume.report import DEFAULT_LEVEL, ResumeAnalyzer, ResumeReport, analyze_resume
from webapp import get_content
from webapp.extensions import heavy_limit
from webapp.jobdesc.forms import MAX_POSTING_CHARS
from webapp.pdf import pdf_response, render_pdf
from webapp.resume import bp
from webapp.resume.forms import MAX_RESUME_CHARS, ResumeForm
from webapp.resume.gauge import score_gauge

MB = 1024 * 1024


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


def level_choices() -> list[tuple[str, str]]:
    """(slug, title) of every level, in the order of the career ladder."""
    roles = get_content(current_app).roles
    return [(slug, roles[slug].title if slug in roles else slug) for slug in allowed_levels()]


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


def read_upload(upload: FileStorage) -> Extracted:
    """The text of an uploaded PDF, DOCX or TXT file; raises ExtractionError."""
    max_bytes = current_app.config.get("MAX_CONTENT_LENGTH") or ExtractLimits.max_bytes
    return extract_text(upload.read(), upload.filename or "", ExtractLimits(max_bytes=max_bytes))


def read_pasted(text: str) -> Extracted:
    """Pasted resume text, normalised; raises ExtractionError when empty or too long."""
    return extract_pasted(text, MAX_RESUME_CHARS)


def report_context(report: ResumeReport, extracted: Extracted) -> dict[str, Any]:
    """What the report templates (page and PDF) need."""
    data = report.to_dict()
    structure = data["structure"]
    warnings = list(dict.fromkeys([*extracted.warnings, *structure["warnings"]]))
    sources = get_content(current_app).sources
    return {
        "report": data,
        "gauge": score_gauge(data["score"]),
        "warnings": warnings,
        "extracted": extracted,
        "target": level_link(structure["level"]),
        "suggested": level_link(structure["suggested_level"]),
        "level_source": sources.get(structure["level_source"]),
    }


def report_pdf_response(context: dict[str, Any]) -> Response:
    """The report as a PDF download (callers spend the heavy rate limit)."""
    # Never cache=True: the report quotes the resume, which must not outlive the request.
    pdf = render_pdf("resume/report_pdf.html", **context)
    return pdf_response(pdf, "resume-report.pdf")


def new_form() -> ResumeForm:
    """The form, its level choices filled in."""
    return ResumeForm(level_choices(), DEFAULT_LEVEL)


def render_page(form: ResumeForm, status: int = 200, **context: Any) -> ResponseReturnValue:
    """The checker page, with the report when ``context`` has one."""
    limits = {
        "max_chars": MAX_RESUME_CHARS,
        "max_posting": MAX_POSTING_CHARS,
        "max_upload_mb": f"{current_app.config['MAX_CONTENT_LENGTH'] / MB:g}",
    }
    return render_template("resume/checker.html", form=form, **limits, **context), status


def read_resume(form: ResumeForm) -> Extracted:
    """The file's text when a file was chosen (it then fills the textarea), else the text."""
    if form.has_file:
        extracted = read_upload(form.resume_file.data)
        form.resume_text.data = extracted.text  # so the PDF button re-sends it as text
        return extracted
    return read_pasted(form.resume_text.data or "")


@bp.get("/resume")
def checker() -> ResponseReturnValue:
    """The empty form; ``?level=<slug>`` (from a role page) preselects a known level."""
    form = new_form()
    level = request.args.get("level", "")
    if level in allowed_levels():
        form.level.data = level
    return render_page(form)


@bp.post("/resume")
@heavy_limit
def analyze() -> ResponseReturnValue:
    """Analyze the pasted or uploaded resume; the report on the page, or as a PDF."""
    form = new_form()
    if not form.validate_on_submit():
        return render_page(form, 400)
    pasted_too = form.has_file and bool((form.resume_text.data or "").strip())
    try:
        extracted = read_resume(form)
    except ExtractionError as exc:
        field = form.resume_file if form.has_file else form.resume_text
        field.errors = [*field.errors, exc.message]
        return render_page(form, 400)
    report = analyze_resume(
        extracted.text,
        level=form.level.data or DEFAULT_LEVEL,
        job_description=form.job_description.data or None,
        analyzer=resume_analyzer(),
    )
    context = report_context(report, extracted)
    if request.form.get("format") == "pdf":
        return report_pdf_response(context)
    return render_page(form, used_file=form.has_file, pasted_too=pasted_too, **context)
