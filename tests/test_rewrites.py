"""Rewrites that only add: the writer's numbers, units and verb stay; blanks only for what
is missing; advice in words where no addition reads cleanly. Bullets written for the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from evaluation.bullets import keeps_numbers, number_tokens
from scoring.content import load_content
from scoring.nlp import load_pipeline
from scoring.resume.bullets import BulletFinding, analyze_bullet
from scoring.resume.report import ResumeAnalyzer, build_analyzer

CONTENT = Path(__file__).resolve().parents[1] / "content"
Judge = Callable[[str], BulletFinding]
NUMBER_BLANKS = ("[N]", "$[X]", "[Y]%")


@pytest.fixture(scope="module")
def judge() -> Judge:
    analyzer: ResumeAnalyzer = build_analyzer(load_content(CONTENT), load_pipeline())

    def run(text: str) -> BulletFinding:
        with analyzer.nlp.memory_zone():
            return analyze_bullet(analyzer.tag([text])[0], analyzer.lexicon)

    return run


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        # A metric and no outcome: only the result is asked for.
        ("Managed 40 accounts", "Managed 40 accounts, resulting in [result]"),
        (
            "Handled 30% of inbound tickets.",
            "Handled 30% of inbound tickets, resulting in [result]",
        ),
        # An outcome and no metric: only its size.
        ("Improved client satisfaction", "Improved client satisfaction by [Y]%"),
        ("Increased sales in my territory.", "Increased sales by [Y]% in my territory"),
        # Neither: a count where something is countable, then the result.
        (
            "Planned quarterly business reviews for key accounts",
            "Planned [N] quarterly business reviews for key accounts, resulting in [result]",
        ),
        # The writer's verb stays, plain or strong.
        (
            "Coordinated trade show logistics",
            "Coordinated trade show logistics, improving [result] by [Y]%",
        ),
        # A duty formula gives way to the verb it hides, inflected by the tables.
        (
            "Responsible for planning the annual dealer meeting",
            "Planned the annual dealer meeting, improving renewal rate by [Y]%",
        ),
        (
            "Responsible for driving regional promotions",
            "Drove regional promotions, improving [result] by [Y]%",
        ),
        (
            "Responsible for cross-selling warranties",
            "Cross-sold warranties, improving [result] by [Y]%",
        ),
        # "Helped" + the writer's own verb: that verb leads, in the past tense.
        (
            "Helped plan the spring roadshow",
            "Planned the spring roadshow, improving [result] by [Y]%",
        ),
    ],
)
def test_rewrites_only_add(text: str, rewrite: str, judge: Judge) -> None:
    assert judge(text).rewrite == rewrite


@pytest.mark.parametrize(
    "text",
    [
        "Managed $2.5M in renewals across 14 accounts",
        "Handled 30% of inbound tickets.",
        "Supervised 8 associates, USD3MM book",
        "Fielded over forty calls a day",
        "Kept 98% of launches on schedule for 12 agency clients.",
        "Assisted 60 golf professionals with ~$20K in orders",
        "Ranked #3 of 45 reps",
        "Answered 120+ emails within 24 hours",
    ],
)
def test_every_number_unit_and_sign_is_kept(text: str, judge: Judge) -> None:
    found = judge(text)
    assert found.suggestion is None or found.rewrite is None or keeps_numbers(text, found.rewrite)
    if found.rewrite is not None:
        assert set(number_tokens(text)) <= set(number_tokens(found.rewrite))
        # The bullet has a metric: no number blank is added.
        assert not any(blank in found.rewrite for blank in NUMBER_BLANKS)


@pytest.mark.parametrize(
    "text",
    ["Improved client satisfaction", "Signed new distributors in Ohio", "Exceeded quota"],
)
def test_no_result_blank_for_a_bullet_with_an_outcome(text: str, judge: Judge) -> None:
    found = judge(text)
    assert found.impact
    assert found.rewrite is None or "[result]" not in found.rewrite


def test_a_strong_bullet_gets_no_rewrite(judge: Judge) -> None:
    found = judge("Cut invoice errors by 40% in two quarters")
    assert found.verdict == "strong"
    assert (found.rewrite, found.advice, found.suggestion) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        # A noun phrase: which verb it hides is the writer's call.
        ("Account reviews for 12 clinics", "Open with a verb"),
        # Several sentences take no addition.
        ("Assisted at the booth. Met buyers daily", "'assist' is a plain verb"),
    ],
)
def test_advice_in_words_where_no_addition_reads_cleanly(
    text: str, advice: str, judge: Judge
) -> None:
    found = judge(text)
    assert found.rewrite is None
    assert found.advice is not None and advice in found.advice
    assert found.suggestion == found.advice


def test_a_plain_verb_is_kept_and_named_in_the_advice(judge: Judge) -> None:
    found = judge("Assisted customers with returns")
    assert found.rewrite is not None and found.rewrite.startswith("Assisted ")
    assert found.advice is not None and "'assist' is a plain verb" in found.advice
