"""The whole resume report: API shape, score, fixes, job match, determinism."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scoring.content import load_content
from scoring.nlp import load_pipeline
from scoring.resume.report import (
    ResumeAnalyzer,
    ScoreInputs,
    analyze_resume,
    build_analyzer,
    judge_bullet,
    length_fit,
    resume_segments,
    score_resume,
    suggested_level,
)
from scoring.resume.structure import load_section_vocabulary, parse_structure
from webapp.resume.summary import (
    MAX_PREVIOUS_CHARS,
    CheckState,
    compare,
    fix_target,
    read_state,
    reading_order,
)

CONTENT = Path(__file__).resolve().parents[1] / "content"
TODAY = date(2025, 6, 1)

RESUME = """Jordan Rivera
jordan.rivera@example.com | (555) 123-4567 | linkedin.com/in/jordanrivera

Professional Summary
Account Manager with B2B SaaS experience managing enterprise accounts
and quarterly business reviews.

Experience
Senior Account Manager | Acme Analytics | Jan 2021 - Present
• Managed portfolio of 25 enterprise accounts valued at $3.2M ARR, achieving 94% retention rate
• Negotiated 32 contract renewals totaling $2.1M, reducing churn by 40%
• Responsible for contract renewals
• Worked with internal teams to solve client problems

Account Manager | Brightline Software | Mar 2018 - Dec 2020
• Grew upsell revenue 35% across 18 SaaS accounts using Salesforce
• Managed client accounts and handled their needs

Skills
Salesforce, HubSpot, CRM, Forecasting, Contract Negotiation, Stakeholder Management

Education
B.A. Business Administration, University of Illinois, 2017
"""

POSTING = (
    "Account Manager. You will own renewals for enterprise accounts, run quarterly business "
    "reviews, build account plans in Salesforce and grow net revenue retention. Renewals and "
    "account plans are the core of the role; Gainsight experience is a plus."
)


@pytest.fixture(scope="module")
def analyzer() -> ResumeAnalyzer:
    # Built as webapp/__init__.py builds it.
    return build_analyzer(load_content(CONTENT), load_pipeline())


def analyze(analyzer: ResumeAnalyzer, text: str = RESUME, **kw: object) -> dict:
    kw.setdefault("job_description", None)
    return analyze_resume(text, analyzer=analyzer, today=TODAY, **kw).to_dict()  # type: ignore[arg-type]


def test_report_has_the_api_shape(analyzer: ResumeAnalyzer) -> None:
    report = analyze(analyzer, level="account-manager")
    assert {"score", "keywords", "bullets", "sections", "suggestions", "job_match"} <= set(report)
    assert set(report["band"]) == {"label", "meaning"} and report["band"]["meaning"]
    assert set(report["keywords"]) == {"found", "missing", "by_category"}
    assert report["job_match"] is None
    for bullet in report["bullets"]:
        assert set(bullet) >= {"text", "action_verb", "metric", "impact", "weak_phrases", "verdict"}
        assert bullet["verdict"] in {"strong", "fair", "weak"}
    assert 0 <= report["score"] <= 100


def test_report_reads_the_experience_bullets(analyzer: ResumeAnalyzer) -> None:
    bullets = {b["text"]: b for b in analyze(analyzer)["bullets"]}
    assert len(bullets) == 6
    assert bullets["Responsible for contract renewals"]["verdict"] == "weak"
    assert bullets["Responsible for contract renewals"]["suggestion"].startswith("Renewed [N]")
    strong = bullets["Negotiated 32 contract renewals totaling $2.1M, reducing churn by 40%"]
    assert strong["verdict"] == "strong" and strong["metric"] == "32 contract renewals"


def test_a_title_line_quoted_in_a_bullet_is_still_read_as_the_title() -> None:
    # The bullet quotes its job's title: the title line is still the section's own text.
    text = (
        "Experience\n"
        "Account Manager\n"
        "Acme | Jan 2020 - Present\n"
        "\u2022 Promoted to Account Manager after 12 months, growing 20 accounts\n"
    )
    places, texts = resume_segments(parse_structure(text, load_section_vocabulary(CONTENT)))
    assert places == ["bullet", "experience"]
    assert texts[1].split("\n") == ["Account Manager", "Acme | Jan 2020 - Present"]


def test_structure_and_suggested_level(analyzer: ResumeAnalyzer) -> None:
    report = analyze(analyzer, level="junior-account-manager")
    assert report["structure"]["years_experience"] == pytest.approx(7.3, abs=0.2)
    assert report["structure"]["suggested_level"] == "senior-account-manager"
    assert "certifications" in report["sections"]["missing"]
    assert "experience" in report["sections"]["found"]


@pytest.mark.parametrize(
    ("years", "slug"),
    [
        (None, None),
        (0.5, "account-coordinator"),
        (2, "junior-account-manager"),
        (4, "account-manager"),
        (8, "senior-account-manager"),
        (12, "account-director"),
    ],
)
def test_years_map_to_levels(
    analyzer: ResumeAnalyzer, years: float | None, slug: str | None
) -> None:
    assert suggested_level(years, analyzer.lexicon.rules) == slug


def test_same_input_gives_the_same_report(analyzer: ResumeAnalyzer) -> None:
    first = analyze(analyzer, job_description=POSTING)
    assert analyze(analyzer, job_description=POSTING) == first


def test_top_fixes_are_sorted_by_gain_and_honest(analyzer: ResumeAnalyzer) -> None:
    report = analyze(analyzer)
    gains = [s["gain"] for s in report["suggestions"]]
    assert 0 < len(gains) <= 5
    assert gains == sorted(gains, reverse=True)
    # A fix is worth what re-scoring says: never more than the points still missing.
    assert sum(gains) <= 100 - report["score"] + 1


def test_stuffing_a_keyword_does_not_raise_the_score(analyzer: ResumeAnalyzer) -> None:
    plain = analyze(analyzer)
    stuffed_text = RESUME.replace(
        "• Responsible for contract renewals",
        "• Responsible for contract renewals " + "Salesforce " * 15,
    )
    stuffed = analyze(analyzer, text=stuffed_text)
    assert stuffed["score"] < plain["score"]
    assert any(
        f["kind"] == "repeated" and f["terms"] == ["Salesforce"] for f in stuffed["stuffing"]
    )


def test_better_bullets_raise_the_score(analyzer: ResumeAnalyzer) -> None:
    better = RESUME.replace(
        "Responsible for contract renewals",
        "Renewed 40 contracts worth $1.8M, achieving 97% on-time renewal rate",
    )
    assert analyze(analyzer, text=better)["score"] > analyze(analyzer)["score"]


def test_job_match_ranks_missing_terms_by_importance(analyzer: ResumeAnalyzer) -> None:
    match = analyze(analyzer, job_description=POSTING)["job_match"]
    terms = {t["term"]: t for t in match["terms"]}
    assert terms["Enterprise Accounts"]["covered"] and terms["Salesforce"]["covered"]
    assert not terms["Account Planning"]["covered"]
    # A role-defining keyword the posting asks for twice comes before a tool "a plus".
    assert match["missing"][0] == "Account Planning"
    assert not terms["gainsight experience"]["required"]
    importance = [terms[m]["importance"] for m in match["missing"]]
    assert importance == sorted(importance, reverse=True)
    good = match["good_share"]
    assert 0 < match["share"] < 1 and match["good_match"] == (match["share"] >= good)


def test_a_resume_that_uses_the_postings_words_is_a_good_match(analyzer: ResumeAnalyzer) -> None:
    echoed = RESUME + "\n• Built account plans for renewals and grew net revenue retention 12%\n"
    echoed = echoed.replace("Skills\n", "Skills\nGainsight, ")
    assert analyze(analyzer, text=echoed, job_description=POSTING)["job_match"]["good_match"]


def test_unknown_level_names_the_allowed_values(analyzer: ResumeAnalyzer) -> None:
    with pytest.raises(ValueError, match="account-director"):
        analyze(analyzer, level="ceo")


def test_empty_resume_scores_low_without_crashing(analyzer: ResumeAnalyzer) -> None:
    report = analyze(analyzer, text="")
    assert report["bullets"] == [] and report["score"] < 20


def test_a_tight_one_page_resume_is_not_told_to_expand(analyzer: ResumeAnalyzer) -> None:
    more = (
        "• Ran quarterly business reviews for 12 enterprise accounts, lifting NPS from 31 to 48\n"
        "• Built account plans with 4 product teams, adding $640K in expansion revenue\n"
        "• Trained 6 new account managers, cutting their ramp time from 6 to 4 months\n"
        "• Cut time to resolve escalations from 5 days to 2 by owning a weekly triage\n"
        "• Forecast renewals within 4% of actuals for 8 straight quarters\n"
        "• Closed 14 upsell deals worth $410K by mapping usage data to unused modules\n"
        "• Mapped buying committees at 9 accounts, adding 23 new executive contacts\n"
        "• Wrote a renewal playbook used by 11 account managers across 2 regions\n"
        "• Won back 5 churned accounts worth $260K with a 90-day success plan\n"
    )
    tight = RESUME.replace(
        "\nAccount Manager | Brightline", more + "\nAccount Manager | Brightline"
    )
    report = analyze(analyzer, text=tight)  # one tight page
    assert 220 <= report["sections"]["word_count"] < 400
    assert not any(s["id"] == "length" for s in report["suggestions"])
    assert report["score_breakdown"]["length_penalty"] == 0


def test_a_very_short_resume_loses_points_to_the_length_guard(analyzer: ResumeAnalyzer) -> None:
    short = "Experience\nAccount Manager | Acme | 2020 - Present\n- Managed 20 accounts\n"
    report = analyze(analyzer, text=short)
    assert report["score_breakdown"]["length_penalty"] > 0
    assert any(s["id"] == "length" for s in report["suggestions"])


@pytest.mark.parametrize(("words", "fit"), [(500, 1.0), (200, 0.0), (300, 0.5), (1000, 0.5)])
def test_length_fit(words: int, fit: float) -> None:
    assert length_fit(words, 400, 800, 0.5) == pytest.approx(fit)


def test_score_stays_within_bounds(analyzer: ResumeAnalyzer) -> None:
    from scoring.resume.keywords import KeywordCoverage

    rules = analyzer.lexicon.rules
    empty = ScoreInputs(
        (), KeywordCoverage((), analyzer.lexicon.keywords, ()), frozenset(), 0, "account-manager"
    )
    assert score_resume(empty, rules).total == 0


# --- one bullet judged alone, and the page's summary helpers (webapp.resume.summary) ----


def test_a_bullet_judged_alone_is_judged_as_in_the_resume(analyzer: ResumeAnalyzer) -> None:
    report = analyze_resume(RESUME, job_description=None, analyzer=analyzer, today=TODAY)
    assert report.bullets
    for bullet in report.bullets:
        assert judge_bullet(bullet.text, analyzer) == bullet


def _bullet(verdict: str, **parts: object) -> dict[str, object]:
    found: dict[str, object] = {
        "metric": "20%",
        "action_verb": "grow",
        "impact": ["revenue"],
        "weak_phrases": [],
    }
    return {**found, **parts, "verdict": verdict}


BULLETS = [
    _bullet("strong"),
    _bullet("strong", weak_phrases=["helped"]),
    _bullet("fair", metric=None),
    _bullet("weak", metric=None, impact=[]),
    _bullet("fair", weak_phrases=["responsible for"], impact=[]),
]


@pytest.mark.parametrize(
    ("fix_id", "anchor"),
    [
        ("metrics", "bullet-4"),  # the weak one before the fair one
        ("impact", "bullet-4"),
        ("weak_phrases", "bullet-5"),  # a fair one before the strong bullet 2
        ("action_verbs", None),  # every bullet has a verb
        ("missing_keywords", "keywords"),
        ("keyword_placement", "keywords"),
        ("stuffing", "keywords"),
        ("section:summary", "ats-sections"),
        ("length", "ats-sections"),
        ("something-new", None),
    ],
)
def test_each_fix_links_to_the_place_it_concerns(fix_id: str, anchor: str | None) -> None:
    target = fix_target(fix_id, BULLETS)
    assert (target.anchor if target else None) == anchor


def test_weak_bullets_are_read_first_and_strong_last() -> None:
    order = reading_order(BULLETS)
    assert [n for n, _ in order] == [4, 3, 5, 1, 2]
    assert sorted(n for n, _ in order) == list(range(1, len(BULLETS) + 1))


STATE = CheckState(61, ("Salesforce", "renewals"), (("Grew revenue", "fair"), ("Helped", "weak")))


def test_a_check_survives_the_hidden_field() -> None:
    assert read_state(STATE.dumps()) == STATE


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "not json",
        "[1, 2]",
        '{"score": 61}',
        '{"score": "61", "keywords": [], "bullets": []}',
        '{"score": true, "keywords": [], "bullets": []}',
        '{"score": 101, "keywords": [], "bullets": []}',
        '{"score": 61, "keywords": [], "bullets": [["Grew revenue", "excellent"]]}',
        '{"score": 61, "keywords": [], "bullets": [["only the text"]]}',
        '{"score": 61, "keywords": [], "bullets": []' + " " * MAX_PREVIOUS_CHARS + "}",
    ],
)
def test_a_malformed_hidden_field_is_ignored(raw: str | None) -> None:
    assert read_state(raw) is None


def test_what_changed_pairs_bullets_by_place_when_none_was_added() -> None:
    after = CheckState(
        74,
        ("Salesforce", "renewals", "QBR"),
        (("Grew revenue 20% by renewing 12 accounts", "strong"), ("Helped", "weak")),
    )
    changes = compare(STATE, after)
    assert (changes.score_before, changes.score_after) == (61, 74)
    assert [(c.number, c.before, c.after) for c in changes.moved_up] == [(1, "fair", "strong")]
    assert changes.moved_down == ()
    assert changes.keywords_gained == ("QBR",)
    assert changes.keywords_lost == ()


def test_what_changed_pairs_bullets_by_text_when_their_number_changed() -> None:
    after = CheckState(
        58,
        ("Salesforce",),
        (("New bullet", "weak"), ("Grew revenue", "weak"), ("Helped", "weak")),
    )
    changes = compare(STATE, after)
    assert [(c.number, c.before, c.after, c.up) for c in changes.bullets] == [
        (2, "fair", "weak", False)
    ]
    assert changes.keywords_lost == ("renewals",)
