"""Property-based tests of the scoring functions: any text is scored safely and honestly.

tests/test_salary.py already checks every valid salary profile for ordered, rounded
ranges (low <= typical <= high for base, variable and total cash), and
tests/test_language.py checks the offsets and highlight segments over a vocabulary of
coded words; this file adds arbitrary text to both checks and the resume report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.language import GenderLexicon, check_language, highlight_segments
from scoring.resume.report import ResumeAnalyzer, analyze_resume

# Fixed, so a resume dated "Present" reads the same on every run.
TODAY = date(2026, 6, 1)
LEVEL = "account-manager"

PROPERTY_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def analyzer(app: Flask) -> ResumeAnalyzer:
    return app.extensions["resume_analyzer"]


@pytest.fixture(scope="module")
def gender(app: Flask) -> GenderLexicon:
    return app.extensions["content"].gender


def _keyword_variants() -> list[str]:
    # Read from the content files directly so the strategy exists before any fixture runs.
    from scoring.content import DEFAULT_CONTENT_DIR
    from scoring.resume.lexicon import load_lexicon

    lexicon = load_lexicon(DEFAULT_CONTENT_DIR)
    return sorted({v for group in lexicon.keywords for v in group.variants})


KEYWORDS = st.sampled_from(_keyword_variants())
HEADINGS = st.sampled_from(
    [
        "Experience",
        "WORK EXPERIENCE",
        "Professional Summary",
        "Skills",
        "Core Skills:",
        "Education",
        "Certifications",
        "Projects",
    ]
)
VERBS = st.sampled_from(
    ["Grew", "Managed", "Led", "Responsible for", "Helped", "Renewed", "Negotiated", "Worked on"]
)
MARKERS = st.sampled_from(["- ", "• ", "* ", "\u2013 ", "", "  -"])
NUMBERS = st.sampled_from(["20%", "$1.2M", "30", "3x", "15 enterprise accounts", "98%", ""])
SEPARATORS = st.sampled_from([" ", ", ", " and ", "; ", " / ", "\t", ""])
DATES = st.sampled_from(
    ["Jan 2021 - Present", "2018 \u2013 2020", "03/2019 - 12/2022", "Present", "2030 - 2010"]
)
FREE_TEXT = st.text(max_size=40)


@st.composite
def bullet_lines(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(KEYWORDS, NUMBERS, FREE_TEXT), max_size=6))
    tail = "".join(w + draw(SEPARATORS) for w in words)
    return f"{draw(MARKERS)}{draw(VERBS)} {tail}".rstrip()


@st.composite
def job_lines(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(["Account Manager", "Senior Account Manager", "Intern", ""]))
    company = draw(st.sampled_from(["Acme", "Northwind Analytics", "", "<b>Corp</b>"]))
    return f"{title} | {company} | {draw(DATES)}"


RESUME_LINES = st.one_of(
    HEADINGS,
    bullet_lines(),
    job_lines(),
    st.lists(KEYWORDS, min_size=1, max_size=8).map(", ".join),
    st.just(""),
    st.just("sam.lee@example.com | (555) 010-2030"),
    FREE_TEXT,
)
RESUME_TEXT = st.lists(RESUME_LINES, max_size=40).map(lambda lines: "\n".join(lines)) | st.lists(
    RESUME_LINES, max_size=20
).map(lambda lines: "\r\n".join(lines))


def _fold(text: str) -> str:
    """Case- and whitespace-insensitive form, for 'does this spelling occur in the text'."""
    return " ".join(text.casefold().split())


def _check_report(text: str, level: str, analyzer: ResumeAnalyzer) -> None:
    report = analyze_resume(text, level=level, job_description=None, analyzer=analyzer, today=TODAY)
    result = report.to_dict()
    assert isinstance(result["score"], int)
    assert 0 <= result["score"] <= 100
    assert 0 <= report.score.total <= 100

    again = analyze_resume(
        text, level=level, job_description=None, analyzer=analyzer, today=TODAY
    ).to_dict()
    assert again == result

    folded = _fold(text)
    for found in result["keywords"]["found"]:
        assert found["count"] >= 1
        assert found["matched_as"], found
        for spelling in found["matched_as"]:
            assert _fold(spelling) in folded, (found["keyword"], spelling)
    found_labels = {f["keyword"] for f in result["keywords"]["found"]}
    missing_labels = {m["keyword"] for m in result["keywords"]["missing"]}
    assert not found_labels & missing_labels


@PROPERTY_SETTINGS
@given(text=st.text(max_size=600))
def test_any_text_gives_a_bounded_repeatable_report(analyzer: ResumeAnalyzer, text: str) -> None:
    _check_report(text, LEVEL, analyzer)


@PROPERTY_SETTINGS
@given(text=RESUME_TEXT, level=st.sampled_from([LEVEL, "account-coordinator", "account-director"]))
def test_resume_like_text_gives_a_bounded_repeatable_report(
    analyzer: ResumeAnalyzer, text: str, level: str
) -> None:
    _check_report(text, level, analyzer)


def test_found_keywords_are_found_in_a_real_resume(analyzer: ResumeAnalyzer) -> None:
    """A guard that the properties above see keywords at all, not only empty reports."""
    text = "Experience\n- Grew Salesforce pipeline 20% with CRM systems and HubSpot\n"
    report = analyze_resume(text, level=LEVEL, job_description=None, analyzer=analyzer, today=TODAY)
    assert {"Salesforce", "HubSpot"} <= {f.label for f in report.coverage.found}
    _check_report(text, LEVEL, analyzer)


GENDER_WORDS = st.sampled_from(
    ["leader", "Competitive", "SUPPORT", "self-reliant", "co-operative", "committee's", "caf\u00e9"]
)
POSTING_TEXT = st.text(max_size=400) | st.lists(
    st.one_of(GENDER_WORDS, st.text(max_size=8)), max_size=40
).map("".join)


@PROPERTY_SETTINGS
@given(text=POSTING_TEXT)
def test_language_check_of_any_text_slices_back_to_its_words(
    gender: GenderLexicon, text: str
) -> None:
    report = check_language(text, gender)
    words: list[Any] = list(report.masculine) + list(report.feminine)
    for word in words:
        assert 0 <= word.start < word.end <= len(text)
        assert text[word.start : word.end] == word.word
    segments = highlight_segments(text, report)
    assert "".join(segment for segment, _ in segments) == text
    assert check_language(text, gender).to_dict() == report.to_dict()
