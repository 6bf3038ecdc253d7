"""The job description pages: the builder, and the language check of any posting."""

from __future__ import annotations

import re

from flask import abort, current_app, render_template, request
from flask.typing import ResponseReturnValue

from scoring.language import PostingRules, highlight_segments
from webapp import get_content
from webapp.jobdesc import bp
from webapp.jobdesc.builder import MAX_CHARS, compose_posting
from webapp.jobdesc.exports import EXPORT_FORMATS, document_response
from webapp.jobdesc.forms import BuilderForm, LanguageCheckForm, keep_within
from webapp.jobdesc.service import MAX_POSTING_CHARS, check_posting, check_posting_pay
from webapp.resume.accuracy import eval_results


@bp.app_template_global()
def language_rules() -> PostingRules:
    """The posting thresholds (300-700 words, ...) for the language report partial."""
    return get_content(current_app).gender.posting


def blind_language_figures() -> dict[str, float] | None:
    """The language check's latest blind measure (``make eval``'s, docs/eval.json): the
    label set measured once, before any rule or weight saw it; None when absent."""
    figures = eval_results().get("language", {})
    for key, found in figures.items():
        match = _BLIND_FOUND.fullmatch(key)
        if match is None:
            continue
        name = match.group(1)
        suppressed = figures.get(f"{name}_false_alarms_suppressed_share")
        if found is not None and suppressed is not None:
            return {
                "labelled": figures.get(f"{name}_labelled_occurrences", 0),
                "found": found,
                "suppressed": suppressed,
            }
    return None


_BLIND_FOUND = re.compile(r"(held_out_\d+_blind)_coded_uses_found_share")


@bp.route("/job-descriptions/check", methods=["GET", "POST"])
def check() -> ResponseReturnValue:
    """Check a pasted job posting for gender-coded words, length and structure."""
    form = LanguageCheckForm(get_content(current_app))
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        keep_within(form.posting, MAX_POSTING_CHARS)
        return render_template(
            "jobdesc/check.html",
            form=form,
            max_chars=MAX_POSTING_CHARS,
            blind=blind_language_figures(),
        ), status
    text = form.posting.data or ""
    report = check_posting(text)
    where = form.check_place
    return render_template(
        "jobdesc/check.html",
        form=form,
        max_chars=MAX_POSTING_CHARS,
        report=report,
        segments=highlight_segments(text, report),
        pay_report=check_posting_pay(text, where) if where and where.given else None,
        blind=blind_language_figures(),
    )


@bp.route("/job-descriptions", methods=["GET", "POST"])
def builder() -> ResponseReturnValue:
    """Build a posting from a role and the recruiter's choices; export it on request."""
    content = get_content(current_app)
    export_format = request.form.get("format", "")
    if export_format and export_format not in EXPORT_FORMATS:
        abort(400)
    form = BuilderForm(content, role=request.args.get("role"))
    if not form.validate_on_submit() or form.posting_request is None:
        status = 400 if form.is_submitted() else 200
        return render_template("jobdesc/builder.html", form=form, limits=MAX_CHARS), status
    posting = compose_posting(form.posting_request, content)
    if export_format:
        return document_response(posting, export_format)
    return render_template("jobdesc/builder.html", form=form, limits=MAX_CHARS, posting=posting)
