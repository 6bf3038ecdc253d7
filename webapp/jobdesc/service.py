"""What the job description pages and their API share: the posting-text rule and the check."""

from __future__ import annotations

from flask import current_app

from scoring.language import LanguageReport, check_language
from scoring.nlp import request_zone
from scoring.pay_transparency import (
    PayTransparencyReport,
    check_pay_transparency,
    read_posting_facts,
)
from webapp import get_content
from webapp.jobdesc.builder import CheckPlace

# Long enough for any real posting (most are 300-700 words, about 2,000-5,000
# characters), short enough that one request stays cheap.
MAX_POSTING_CHARS = 20_000


def posting_text_problem(text: str) -> str | None:
    """Why a pasted posting cannot be checked, or None when it can."""
    if not text.strip():
        return "Paste the text of a job posting to check."
    if len(text) > MAX_POSTING_CHARS:
        return (
            f"The posting has {len(text):,} characters; the limit is {MAX_POSTING_CHARS:,}. "
            "Check the posting itself, without other pages pasted around it."
        )
    return None


def check_posting(text: str, level: str | None = None) -> LanguageReport:
    """The language check of a posting's text, with this app's word lists and pipeline
    (in a request zone: a pasted posting's words do not stay in the vocabulary)."""
    nlp = current_app.extensions["nlp"]
    with request_zone(nlp):
        return check_language(text, get_content(current_app).gender, nlp, level=level)


def check_posting_pay(text: str, where: CheckPlace) -> PayTransparencyReport:
    """The pay-transparency checklist of a pasted posting, for the place given."""
    content = get_content(current_app)
    facts = read_posting_facts(
        text,
        content.pay_transparency.detection,
        content.jobdesc_texts.pay_checks.open_ended_phrases,
        where.commission,
    )
    return check_pay_transparency(where.place, facts, content.pay_transparency)
