"""The language check page: paste a posting, see its gender-coded words highlighted."""

from __future__ import annotations

from flask import current_app, render_template
from flask.typing import ResponseReturnValue

from scoring.language import PostingRules, check_language, highlight_segments
from webapp import get_content
from webapp.jobdesc import bp
from webapp.jobdesc.forms import MAX_POSTING_CHARS, LanguageCheckForm


@bp.app_template_global()
def language_rules() -> PostingRules:
    """The posting thresholds (300-700 words, ...) for the language report partial."""
    return get_content(current_app).gender.posting


@bp.route("/job-descriptions/check", methods=["GET", "POST"])
def check() -> ResponseReturnValue:
    """Check a pasted job posting for gender-coded words, length and structure."""
    form = LanguageCheckForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("jobdesc/check.html", form=form, max_chars=MAX_POSTING_CHARS), status
    text = form.posting.data or ""
    report = check_language(text, get_content(current_app).gender)
    return render_template(
        "jobdesc/check.html",
        form=form,
        max_chars=MAX_POSTING_CHARS,
        report=report,
        segments=highlight_segments(text, report),
    )
