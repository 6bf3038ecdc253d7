"""The resume checker page.

GET and POST of /resume are two endpoints so that only the analysis (POST) spends
the shared heavy rate limit: ``resume.checker`` shows the form, ``resume.analyze``
reads the resume and answers with the report, or its PDF when the form's
"Download PDF report" button (``format=pdf``) sent it. Nothing is stored or logged:
the resume lives in memory for one request.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template, request
from flask.typing import ResponseReturnValue

from scoring.errors import FieldErrors
from scoring.resume.extract import Extracted, ExtractionError
from scoring.resume.report import DEFAULT_LEVEL
from webapp import get_content
from webapp.extensions import heavy_limit
from webapp.jobdesc.forms import keep_within
from webapp.jobdesc.service import MAX_POSTING_CHARS
from webapp.resume import bp
from webapp.resume.forms import MAX_RESUME_CHARS, ResumeForm
from webapp.resume.service import (
    allowed_levels,
    page_context,
    read_pasted,
    read_upload,
    report_for,
    report_pdf_response,
)

MB = 1024 * 1024


def level_choices() -> list[tuple[str, str]]:
    """(slug, title) of every level, in the order of the career ladder."""
    roles = get_content(current_app).roles
    return [(slug, roles[slug].title if slug in roles else slug) for slug in allowed_levels()]


def new_form() -> ResumeForm:
    """The form, its level choices filled in."""
    return ResumeForm(level_choices(), DEFAULT_LEVEL)


def render_page(form: ResumeForm, status: int = 200, **context: Any) -> ResponseReturnValue:
    """The checker page, with the report when ``context`` has one."""
    if status >= 400:
        keep_within(form.resume_text, MAX_RESUME_CHARS)
        keep_within(form.job_description, MAX_POSTING_CHARS)
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
    level = form.level.data or DEFAULT_LEVEL
    try:
        report = report_for(extracted, level, form.job_description.data or None)
    except FieldErrors as exc:
        for name, message in exc.fields.items():
            field = getattr(form, name)
            field.errors = [*field.errors, message]
        return render_page(form, 400)
    if request.form.get("format") == "pdf":
        return report_pdf_response(report, extracted)
    context, form.previous.data = page_context(report, extracted, form.previous.data)
    return render_page(form, used_file=form.has_file, pasted_too=pasted_too, **context)
