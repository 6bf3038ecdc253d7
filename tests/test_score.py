"""The score: weights from content, a band beside the number, keywords by level, the
length guard, and separation of real sales resumes from unrelated ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from flask import Flask

from evaluation.corpus import absent_reason
from scoring.content import load_content
from scoring.nlp import load_pipeline
from scoring.resume.lexicon import load_lexicon
from scoring.resume.report import ResumeAnalyzer, analyze_resume, build_analyzer, score_band

CONTENT = Path(__file__).resolve().parents[1] / "content"

# The floors of issue 13 on the development corpus.
MIN_SCORE_AUC = 0.90
MIN_TAILORED_MATCH = 0.60
# The target: 0.90 on each account-manager posting, read as pasted (its title line
# first), and as pasted without it (read for the checker's level, as the site does). With
# the posting's own terms alone the lowest is about 0.76 (make eval prints it); this floor
# keeps that from getting worse.
MIN_JOB_MATCH_AUC = 0.90
MIN_JOB_MATCH_AUC_UNTITLED = 0.75

SALES = """Sam Ortiz
Account Manager

Experience
Account Manager | Brightpath Foods | 2019 - Present
- Managed 32 grocery accounts worth $4.8M, growing revenue 18% through upselling
- Exceeded sales targets in 11 of 12 quarters, reaching 124% of quota in 2023
- Negotiated 20 contract renewals and cut churn from 9% to 4%
- Built account plans and ran quarterly business reviews with every key account

Sales Representative | Northfield Supply | 2016 - 2019
- Prospected a new territory by cold calling, opening 45 new accounts in 18 months
- Kept pipeline and forecasts current in Salesforce

Skills
Salesforce, CRM, negotiation, forecasting, account planning

Education
B.A. Business, State University, 2016
"""

CHEF = """Robin Hale
Executive Chef

Experience
Executive Chef | Harbor Bistro | 2017 - Present
- Led a kitchen team of 14, cutting food cost from 34% to 28% in one year
- Designed 4 seasonal menus that raised covers 22% and won a regional award
- Trained 9 line cooks, reducing ticket times from 18 to 11 minutes
- Negotiated produce contracts with 6 local farms, saving $40K a year

Skills
Menu design, food safety, inventory, leadership, communication

Education
A.A.S. Culinary Arts, City College, 2014
"""


@pytest.fixture(scope="module")
def analyzer() -> ResumeAnalyzer:
    return build_analyzer(load_content(CONTENT), load_pipeline())


def report(analyzer: ResumeAnalyzer, text: str, level: str = "account-manager") -> dict:
    return analyze_resume(
        text, level=level, job_description=None, analyzer=analyzer, today=date(2025, 6, 1)
    ).to_dict()


def test_weights_come_from_content_and_length_is_no_share_of_them() -> None:
    rules = load_lexicon(CONTENT).rules
    weights = rules.weights.as_dict()
    assert sum(weights.values()) == pytest.approx(100)
    assert "length" not in weights
    assert weights["keywords"] == max(weights.values())


@pytest.mark.parametrize(
    ("score", "label"),
    [(100, "Strong"), (80, "Strong"), (79, "Good"), (45, "Needs work"), (0, "Weak match")],
)
def test_bands(score: int, label: str) -> None:
    assert score_band(score, load_lexicon(CONTENT).rules.bands).label == label


def test_a_sales_resume_outranks_a_chefs_with_equally_good_bullets(
    analyzer: ResumeAnalyzer,
) -> None:
    sales, chef = report(analyzer, SALES), report(analyzer, CHEF)
    assert sales["score"] >= 70 and sales["band"]["label"] in ("Good", "Strong")
    assert chef["score"] < 40 and chef["band"]["label"] == "Weak match"
    assert sales["score"] - chef["score"] >= 40


def test_levels_check_their_own_keywords(analyzer: ResumeAnalyzer) -> None:
    manager = {k["keyword"] for k in report(analyzer, SALES)["keywords"]["missing"]}
    senior = {
        k["keyword"]
        for k in report(analyzer, SALES, "senior-account-manager")["keywords"]["missing"]
    }
    assert manager != senior
    assert "Strategic Account Planning" in senior - manager


def test_stuffing_the_skills_list_or_a_bullet_does_not_raise_the_score(
    analyzer: ResumeAnalyzer,
) -> None:
    plain = report(analyzer, SALES)["score"]
    listed = SALES.replace(
        "Salesforce, CRM, negotiation, forecasting, account planning",
        "Salesforce, CRM, negotiation, forecasting, account planning, HubSpot, SaaS, B2B, "
        "NRR, CLV, QBR, churn reduction, solution selling, value proposition, KPI tracking",
    )
    piled = SALES.replace(
        "- Kept pipeline and forecasts current in Salesforce",
        "- Kept pipeline and forecasts current in Salesforce " + "Salesforce quota " * 6,
    )
    assert report(analyzer, listed)["score"] <= plain
    assert report(analyzer, piled)["score"] < plain


@pytest.fixture(scope="module")
def corpus_figures(app: Flask) -> dict[str, object]:
    reason = absent_reason("resumes") or absent_reason("postings")
    if reason:
        pytest.skip(reason)
    from evaluation import scoring

    return scoring.evaluate(app.extensions["resume_analyzer"]).figures()


def test_real_sales_resumes_outrank_unrelated_ones(corpus_figures: dict[str, object]) -> None:
    assert corpus_figures["score_auc_others"] >= MIN_SCORE_AUC


def test_a_resume_written_to_fit_a_posting_matches_it(corpus_figures: dict[str, object]) -> None:
    assert corpus_figures["tailored_resume_match"] >= MIN_TAILORED_MATCH


def test_the_job_match_ranks_sales_resumes_above_unrelated_ones(
    corpus_figures: dict[str, object],
) -> None:
    by_posting = corpus_figures["job_match_auc_by_posting"]
    assert isinstance(by_posting, dict) and len(by_posting) == 11
    assert all(p["auc"] >= MIN_JOB_MATCH_AUC for p in by_posting.values()), by_posting
    assert corpus_figures["job_match_auc_min"] >= MIN_JOB_MATCH_AUC
    assert corpus_figures["job_match_auc_min_level"] >= MIN_JOB_MATCH_AUC
    assert corpus_figures["job_match_auc_min_untitled"] >= MIN_JOB_MATCH_AUC_UNTITLED
