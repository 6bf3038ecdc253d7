"""Bullet findings by the rubric: action verb and strength, metric, outcome, verdict.

Every bullet here is written for these tests. The site's pipeline (tagger and lemmatizer,
no parser) judges them exactly as ``ResumeAnalyzer.tag`` does.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

from evaluation.corpus import absent_reason
from scoring.content import load_content
from scoring.nlp import load_pipeline
from scoring.resume.bullets import BulletFinding, analyze_bullet, bullet_verdict, rejudge
from scoring.resume.components import METRIC_EXTENSION, build_matchers
from scoring.resume.lexicon import load_lexicon
from scoring.resume.report import ResumeAnalyzer, build_analyzer

CONTENT = Path(__file__).resolve().parents[1] / "content"

Judge = Callable[[str], BulletFinding]


@pytest.fixture(scope="module")
def analyzer() -> ResumeAnalyzer:
    return build_analyzer(load_content(CONTENT), load_pipeline())


@pytest.fixture(scope="module")
def judge(analyzer: ResumeAnalyzer) -> Judge:
    def run(text: str) -> BulletFinding:
        with analyzer.nlp.memory_zone():
            return analyze_bullet(analyzer.tag([text])[0], analyzer.lexicon)

    return run


@pytest.fixture(scope="module")
def metrics_in(analyzer: ResumeAnalyzer) -> Callable[[str], list[tuple[str, str]]]:
    def run(text: str) -> list[tuple[str, str]]:
        with analyzer.nlp.memory_zone():
            doc = analyzer.tag([text])[0]
            return [(s.label_, s.text) for s in doc._.get(METRIC_EXTENSION)]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lifted renewals 18% in the Midwest", [("PERCENT", "18%")]),
        ("Cut churn by 40 percent", [("PERCENT", "40 percent")]),
        ("Beat plan by 12%+ every quarter", [("PERCENT", "12%+")]),
        ("Managed $3.2M in annual contracts", [("MONEY", "$3.2M")]),
        ("Closed USD4MM in software renewals", [("MONEY", "USD4MM")]),
        ("Recovered ~$15K in late fees", [("MONEY", "~$15K")]),
        ("Booked 2.5 million in repeat orders", [("MONEY", "2.5 million")]),
        ("Doubled pipeline", [("MULTIPLIER", "Doubled")]),
        ("Placed 27 travel nurses", [("COUNT", "27 travel nurses")]),
        ("Signed 9 new distributors", [("COUNT", "9 new distributors")]),
        ("Fielded over thirty calls a day", [("COUNT", "thirty calls")]),
        ("Coached a crew of 14", [("COUNT", "crew of 14")]),
        ("Answered tickets within 24 hours", [("TIMEFRAME", "within 24 hours")]),
        ("Ranked #2 of 30 reps", [("RANK", "#2"), ("COUNT", "30 reps")]),
        ("Ranked 4th in the region", [("RANK", "Ranked 4th")]),
    ],
)
def test_metrics_are_found(
    text: str, expected: list[tuple[str, str]], metrics_in: Callable[[str], list[tuple[str, str]]]
) -> None:
    assert metrics_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Joined the branch in 2017 and managed key accounts",
        "Account Executive, May 2015 to June 2019",
        "Call (555) 123-4567 for details",
        "Drafted a 5-year growth plan",
        "Prospected firms with 250+ employees",
        "Sold to Fortune 100 retailers",
        "Trained staff on 3 different software tools",
        "Delivered a double digit increase in bookings",
        "Logged calls in [Number] accounts",
    ],
)
def test_what_is_not_the_writers_metric(
    text: str, metrics_in: Callable[[str], list[tuple[str, str]]]
) -> None:
    assert metrics_in(text) == []


@pytest.mark.parametrize(
    ("text", "verb", "strength"),
    [
        ("Negotiated 32 renewals", "negotiate", "strong"),
        ("Drove $600K in revenue", "drive", "strong"),
        ("Supervised four cashiers", "supervise", "strong"),
        ("Telemarketed to dental offices", "telemarket", "strong"),
        ("Stock shelves and price items", "stock", "strong"),
        ("Selling service plans to fleet owners", "sell", "strong"),
        ("Successfully grew the Ohio book", "grow", "strong"),
        ("I redesigned the onboarding kit", "redesign", "strong"),
        ("Have consistently beaten quota", "beat", "strong"),
        ("Key wins: Landed two hospital systems", "land", "strong"),
        ("In my second year I doubled referrals", "double", "strong"),
        ("• Upsold 12 clinics", "upsell", "strong"),
        ("Assisted customers with returns", "assist", "plain"),
        ("Helped grow revenue 20%", "help", "plain"),
        ("Received the regional service award", "receive", "plain"),
        ("Responsible for vendor invoices", None, None),
        ("Personally accountable for the Denver territory", None, None),
        ("Was instrumental in opening the new store", None, None),
        ("Orders were shipped within two days", None, None),
        ("Territory planning for the Gulf region", None, None),
        ("Sales of lawn equipment to dealers", None, None),
    ],
)
def test_the_action_verb_and_its_strength(
    text: str, verb: str | None, strength: str | None, judge: Judge
) -> None:
    found = judge(text)
    assert (found.action_verb, found.verb_strength) == (verb, strength)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Improved client satisfaction", True),
        ("Trained 12 new hires, cutting ramp time from 6 to 4 months", True),
        ("Closed $1.2M in new business in FY2022", True),
        ("Sold 39 homes in one season", True),
        ("Exceeded the yearly quota", True),
        ("Promoted to team lead after one year", True),
        ("Signed 9 new distributors", True),
        ("Ran a dealer expo with over 400 people in attendance", True),
        ("Hit 115% of plan", True),
        ("Managed 40 accounts", False),
        ("Visited 12 clinics a week to boost sales", False),
        ("Built relationships with regional buyers", False),
        ("Promote seasonal products to walk-in shoppers", False),
        ("Generated new sales opportunities", False),
        ("Launched a successful loyalty initiative", False),
    ],
)
def test_outcomes_come_from_what_the_sentence_says(text: str, outcome: bool, judge: Judge) -> None:
    assert bool(judge(text).impact) is outcome


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Trained 12 new hires, cutting ramp time from 6 to 4 months", "strong"),
        ("Ranked #1 of 45 account managers nationally", "strong"),
        ("Closed $1.2M in new business in FY2022", "strong"),
        ("Grew upsell revenue 35% across 18 SaaS accounts", "strong"),
        ("Improved client satisfaction", "fair"),
        ("Managed 25 enterprise accounts", "fair"),
        ("Helped grow revenue 20%", "fair"),
        ("Helped the team with handoffs", "weak"),
        ("Assisted 30 customers a day", "weak"),
        ("Responsible for contract renewals worth $2M", "weak"),
        ("Attended trade shows", "weak"),
    ],
)
def test_verdicts(text: str, verdict: str, judge: Judge) -> None:
    found = judge(text)
    assert found.verdict == verdict
    assert (found.suggestion is None) == (verdict == "strong")


@pytest.mark.parametrize(
    ("strength", "metric", "outcome", "verdict"),
    [
        ("strong", True, True, "strong"),
        ("strong", True, False, "fair"),
        ("strong", False, True, "fair"),
        ("strong", False, False, "weak"),
        ("plain", True, True, "fair"),
        ("plain", True, False, "weak"),
        ("plain", False, True, "weak"),
        (None, True, True, "weak"),
    ],
)
def test_verdict_rule(strength: str | None, metric: bool, outcome: bool, verdict: str) -> None:
    assert bullet_verdict(verb_strength=strength, metric=metric, outcome=outcome) == verdict


def test_a_fix_that_adds_a_verb_rejudges_as_strong(judge: Judge) -> None:
    found = judge("Account reviews for 12 clinics, lifting renewals 9%")
    assert found.verdict == "weak"
    assert rejudge(found, action_verb="[verb]").verdict == "strong"


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Responsible for contract renewals", ("responsible for",)),
        ("Managed accounts and handled escalations", ("handled",)),
        ("Built a help desk playbook", ()),
    ],
)
def test_weak_phrases_are_reported(text: str, phrases: tuple[str, ...], judge: Judge) -> None:
    assert judge(text).weak_phrases == phrases


@pytest.mark.parametrize("text", ["-", "• ,", "...", "with with", "and Ran", "'s clients"])
def test_odd_fragments_get_a_verdict_not_an_exception(text: str, judge: Judge) -> None:
    finding = judge(text)
    assert finding.verdict == "weak"
    assert finding.suggestion and "  " not in finding.suggestion


def test_a_blank_pipeline_still_judges_listed_verbs() -> None:
    # Without a tagger or lemma tables, the content's lists still find verbs and metrics.
    nlp = spacy.blank("en")
    lexicon = load_lexicon(CONTENT)
    doc = build_matchers(nlp, lexicon)(nlp("Negotiated 32 contract renewals"))
    finding = analyze_bullet(doc, lexicon)
    assert finding.action_verb == "negotiate" and finding.metric == "32 contract renewals"


def test_a_plain_verb_listed_as_strong_is_refused(tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    verbs = tmp_path / "content" / "lexicon" / "action_verbs.yaml"
    verbs.write_text(verbs.read_text().replace("  hold: Led", "  manage: Led"))
    with pytest.raises(Exception, match=r"plain_verbs\.manage.*also listed as a strong verb"):
        load_lexicon(tmp_path / "content")


CORPUS = absent_reason("resumes")


@pytest.mark.skipif(CORPUS is not None, reason=str(CORPUS))
def test_judgement_on_the_labelled_corpus_meets_the_targets(analyzer: ResumeAnalyzer) -> None:
    from evaluation import bullets

    figures = bullets.evaluate(analyzer).figures()
    assert figures["labelled"] >= 300
    assert figures["verdict_agreement"] >= 0.90
    assert figures["metric_precision"] >= 0.95
    assert figures["metric_recall"] >= 0.95
    assert figures["verb_agreement"] >= 0.98
    assert figures["rewrites_keep_numbers"] == 1.0
    assert figures["rewrites_add_placeholder_for_present_part"] == 0
