"""The accuracy floors on the real corpus (../shared/data, or EVAL_DATA).

The corpus is published data the project reads but never contains: when it is absent the
test is skipped with the reason. The same evaluation prints its tables in ``make eval``.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from evaluation.corpus import absent_reason

# The floors issue 11 names for reading real resumes.
MAX_RESUMES_WITHOUT_BULLETS = 0
MAX_WORDS_BEFORE_FIRST_HEADING = 0
MIN_BULLET_PRECISION = 0.95
MIN_BULLET_RECALL = 0.95


@pytest.fixture(scope="module")
def resume_figures(app: Flask) -> dict[str, object]:
    reason = absent_reason("resumes")
    if reason:
        pytest.skip(reason)
    from evaluation import resumes

    result = resumes.evaluate(app.extensions["resume_analyzer"], timed=False)
    return result.figures()


def test_every_resume_is_read(resume_figures: dict[str, object]) -> None:
    assert resume_figures["resumes"] == 100
    assert resume_figures["read_errors"] == 0


def test_every_resume_has_bullets(resume_figures: dict[str, object]) -> None:
    assert resume_figures["no_bullets_upload"] <= MAX_RESUMES_WITHOUT_BULLETS
    assert resume_figures["no_bullets_paste"] <= MAX_RESUMES_WITHOUT_BULLETS


def test_no_words_are_dropped_before_the_first_heading(resume_figures: dict[str, object]) -> None:
    assert resume_figures["words_before_first_heading"] <= MAX_WORDS_BEFORE_FIRST_HEADING


@pytest.mark.parametrize("path", ["upload", "paste"])
def test_bullet_detection_against_the_labels(resume_figures: dict[str, object], path: str) -> None:
    assert resume_figures[f"bullet_precision_{path}"] >= MIN_BULLET_PRECISION
    assert resume_figures[f"bullet_recall_{path}"] >= MIN_BULLET_RECALL


# The floors issue 17 names for the language check, on our labels of real postings.
MIN_CODED_USES_FOUND = 0.95
MIN_FALSE_ALARMS_SUPPRESSED = 0.95
# The first held-out labels, used to develop the rules once measured: both targets met.
MIN_HELD_OUT_CODED_USES_FOUND = 0.95
MIN_HELD_OUT_FALSE_ALARMS_SUPPRESSED = 0.95
# The second held-out labels, measured blind once (0.952 / 0.702), then used to develop
# the rules: both targets met.
MIN_HELD_OUT_2_CODED_USES_FOUND = 0.95
MIN_HELD_OUT_2_FALSE_ALARMS_SUPPRESSED = 0.95
# The third held-out labels, measured blind once (0.947 / 0.8125), then used to develop
# the rules: both targets met.
MIN_HELD_OUT_3_CODED_USES_FOUND = 0.95
MIN_HELD_OUT_3_FALSE_ALARMS_SUPPRESSED = 0.95
# The fourth held-out labels, measured blind once (0.966 / 0.686), then used to develop
# the rules (1.0 / 0.980): the levels reached.
MIN_HELD_OUT_4_CODED_USES_FOUND = 0.99
MIN_HELD_OUT_4_FALSE_ALARMS_SUPPRESSED = 0.98
# The fifth held-out labels, measured blind once (0.947 / 0.422), then used to develop
# the rules (0.989 / 1.0): the levels reached.
MIN_HELD_OUT_5_CODED_USES_FOUND = 0.98
MIN_HELD_OUT_5_FALSE_ALARMS_SUPPRESSED = 0.99
# The sixth held-out labels, measured blind once (1.0 / 0.766), then used to develop the
# rules (1.0 / 0.979): the levels reached.
MIN_HELD_OUT_6_CODED_USES_FOUND = 0.99
MIN_HELD_OUT_6_FALSE_ALARMS_SUPPRESSED = 0.97
# The seventh held-out labels, measured blind once (0.957 / 0.774; one row relabelled
# since), then used to develop the rules (0.978 / 0.963): the levels reached.
MIN_HELD_OUT_7_CODED_USES_FOUND = 0.97
MIN_HELD_OUT_7_FALSE_ALARMS_SUPPRESSED = 0.96
# The eighth held-out labels, measured blind once (0.972 / 0.673), then used to develop
# the rules (0.972 / 0.836): the levels reached. The same occurrences labelled again by a
# second labeller, independently (0.962 / 0.790 now): held too.
MIN_HELD_OUT_8_CODED_USES_FOUND = 0.97
MIN_HELD_OUT_8_FALSE_ALARMS_SUPPRESSED = 0.83
MIN_SECOND_LABELLER_CODED_USES_FOUND = 0.96
MIN_SECOND_LABELLER_FALSE_ALARMS_SUPPRESSED = 0.78
# The ninth held-out labels, blind (postings of any title, committed before the check
# was run on them, measured once): found 0.966, suppressed 0.694, the second short of
# 0.95: these floors hold the levels reached, the gap stated in the README. Raise them as
# the check improves; never lower them.
MIN_BLIND_CODED_USES_FOUND = 0.96
MIN_BLIND_FALSE_ALARMS_SUPPRESSED = 0.69
# gender-decoder's additions with the extension on (38 labels, 9 of them not coded).
MIN_EXTENSION_CODED_USES_FOUND = 0.95
MIN_EXTENSION_FALSE_ALARMS_SUPPRESSED = 0.55


@pytest.fixture(scope="module")
def language_figures() -> dict[str, Any]:
    reason = absent_reason("postings")
    if reason:
        pytest.skip(reason)
    from evaluation import language

    return language.evaluate(verdicts=False, learned=False).figures()


@pytest.mark.parametrize(
    ("labels", "minimum", "found", "suppressed"),
    [
        ("development", 300, MIN_CODED_USES_FOUND, MIN_FALSE_ALARMS_SUPPRESSED),
        (
            "held_out_1",
            200,
            MIN_HELD_OUT_CODED_USES_FOUND,
            MIN_HELD_OUT_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_2",
            150,
            MIN_HELD_OUT_2_CODED_USES_FOUND,
            MIN_HELD_OUT_2_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_3",
            150,
            MIN_HELD_OUT_3_CODED_USES_FOUND,
            MIN_HELD_OUT_3_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_4",
            150,
            MIN_HELD_OUT_4_CODED_USES_FOUND,
            MIN_HELD_OUT_4_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_5",
            150,
            MIN_HELD_OUT_5_CODED_USES_FOUND,
            MIN_HELD_OUT_5_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_6",
            150,
            MIN_HELD_OUT_6_CODED_USES_FOUND,
            MIN_HELD_OUT_6_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_7",
            150,
            MIN_HELD_OUT_7_CODED_USES_FOUND,
            MIN_HELD_OUT_7_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_8",
            150,
            MIN_HELD_OUT_8_CODED_USES_FOUND,
            MIN_HELD_OUT_8_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_8_second_labeller",
            150,
            MIN_SECOND_LABELLER_CODED_USES_FOUND,
            MIN_SECOND_LABELLER_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_9_blind",
            150,
            MIN_BLIND_CODED_USES_FOUND,
            MIN_BLIND_FALSE_ALARMS_SUPPRESSED,
        ),
        (
            "held_out_1_extension",
            30,
            MIN_EXTENSION_CODED_USES_FOUND,
            MIN_EXTENSION_FALSE_ALARMS_SUPPRESSED,
        ),
    ],
)
def test_language_check_against_the_labels(
    language_figures: dict[str, Any],
    labels: str,
    minimum: int,
    found: float,
    suppressed: float,
) -> None:
    assert language_figures[f"{labels}_labelled_occurrences"] >= minimum
    assert language_figures[f"{labels}_coded_uses_found_share"] >= found
    assert language_figures[f"{labels}_false_alarms_suppressed_share"] >= suppressed


def test_agreement_between_two_labellers_is_counted_beyond_chance() -> None:
    from evaluation.language import Label, labeller_agreement

    first = [Label("1", i, i + 4, i < 6) for i in range(0, 40, 4)]  # 2 coded, 8 not
    second = [Label("1", i, i + 4, i < 10) for i in range(0, 40, 4)]  # 3 coded, 7 not
    figures = labeller_agreement("x", first, second)
    # 9 of 10 equal; chance 0.2 * 0.3 + 0.8 * 0.7 = 0.62; kappa (0.9 - 0.62) / 0.38.
    assert figures["x_labellers_agreement_share"] == 0.9
    assert figures["x_labellers_cohen_kappa"] == round(0.28 / 0.38, 4)
    assert figures["x_labellers_first_coded_second_not"] == 0
    assert figures["x_labellers_first_not_second_coded"] == 1
    with pytest.raises(ValueError, match="same occurrences"):
        labeller_agreement("x", first, second[1:])


# The language check's other risks on the real postings: the share of labelled flags
# that are right, overall and by category, at the levels reached (not a held-out measure:
# see evaluation/language_issues.py). Raise them as the check improves; never lower them.
MIN_ISSUE_PRECISION = 0.93
MIN_ISSUE_PRECISION_BY_CATEGORY = {
    "age": 0.85,
    "disability": 1.0,
    "gendered-term": 0.90,
    "jargon": 1.0,
    "pay-missing": 0.97,
    "pay-open-ended": 0.96,
}


@pytest.fixture(scope="module")
def issue_figures() -> dict[str, Any]:
    reason = absent_reason("postings")
    if reason:
        pytest.skip(reason)
    from evaluation import language_issues

    return language_issues.evaluate(every_posting=False).figures()


def test_other_risk_flags_are_right(issue_figures: dict[str, Any]) -> None:
    assert issue_figures["flags_labelled"] >= 200
    assert issue_figures["flags_labelled_precision"] >= MIN_ISSUE_PRECISION
    for category, floor in MIN_ISSUE_PRECISION_BY_CATEGORY.items():
        assert issue_figures[f"{category}_precision"] >= floor, category
