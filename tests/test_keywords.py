"""Keyword matching (whole-word, case-insensitive, lemma-aware), coverage and stuffing."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from scoring.resume.components import KEYWORD_EXTENSION, TermMatcher, build_matchers
from scoring.resume.keywords import (
    KeywordCoverage,
    LevelTargets,
    keyword_coverage,
    keyword_credit,
    level_targets,
    title_relevance,
)
from scoring.resume.lexicon import Lexicon, TermGroup, load_lexicon

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon(CONTENT)


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def labels_in(blank: Language, lexicon: Lexicon, text: str) -> dict[str, str]:
    """Keyword label -> 'exact'/'variant' for the hits in ``text``."""
    doc = build_matchers(blank, lexicon)(blank(text))
    return {h.label: h.match for h in doc._.get(KEYWORD_EXTENSION)}


def test_lexicon_holds_the_three_published_lists_then_the_sites_additions(
    lexicon: Lexicon,
) -> None:
    published = lexicon.keywords[:49]
    assert [sum(1 for g in published if g.category == c) for c in ("hard", "soft", "industry")] == [
        20,
        15,
        14,
    ]
    assert lexicon.keywords_source == "interview-guys-2025"
    added = {g.label for g in lexicon.keywords[49:]}
    assert {"Account Management", "Prospecting", "Territory Management"} <= added


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("Account Executive, Northwind Traders", True),
        ("Worked as an account manager for four years", True),
        ("SENIOR ACCOUNT MANAGER", True),
        ("Collaborated with account executives to plan campaigns", False),
        ("Answered questions from customers and Account Managers", False),
        ("Met weekly with the account representatives", False),
    ],
)
def test_a_job_title_in_the_plural_names_other_people(
    blank: Language, lexicon: Lexicon, text: str, own: bool
) -> None:
    assert ("Account Management" in labels_in(blank, lexicon, text)) is own


@pytest.mark.parametrize(
    "text",
    ["Exceeded quota in 6 of 8 quarters", "Beat sales targets by 20%", "Met sales goals monthly"],
)
def test_quota_and_sales_targets_are_one_keyword(
    blank: Language, lexicon: Lexicon, text: str
) -> None:
    assert "Quota Attainment" in labels_in(blank, lexicon, text)


@pytest.mark.parametrize(
    ("text", "label", "how"),
    [
        (
            "Expert in customer relationship management tools",
            "Client Relationship Management (CRM)",
            "variant",
        ),
        ("Daily work in our crm", "Client Relationship Management (CRM)", "exact"),
        ("Drove upselling across the book", "Upselling", "exact"),
        ("Identified upsell opportunities", "Upselling", "variant"),
        ("Ran up-sell plays", "Upselling", "variant"),
        ("Led cross-selling motions", "Cross-Selling", "exact"),
        ("Ran 12 QBRs a quarter", "QBR (Quarterly Business Review)", "variant"),
        ("Hosted quarterly business reviews", "QBR (Quarterly Business Review)", "variant"),
        ("Raised NRR to 118%", "Net Revenue Retention (NRR)", "exact"),
        ("Grew customer lifetime value", "Customer Lifetime Value (CLV)", "exact"),
        ("Improved LTV", "Customer Lifetime Value (CLV)", "variant"),
        ("Reduced churn by 40%", "Churn Reduction", "variant"),
        ("Tracked KPIs weekly", "KPI Tracking", "variant"),
        ("SALESFORCE administrator", "Salesforce", "exact"),
    ],
)
def test_keyword_variants_match(
    blank: Language, lexicon: Lexicon, text: str, label: str, how: str
) -> None:
    assert labels_in(blank, lexicon, text).get(label) == how


def test_plural_matches_through_the_lemma_pass(blank: Language, lexicon: Lexicon) -> None:
    # Only "KPI"/"KPIs" are listed; the lemma pass folds other inflections too.
    found = labels_in(blank, lexicon, "Owned three Key Account relationships and account plans")
    assert "Key Account Management" in found
    assert "Account Planning" in found


@pytest.mark.parametrize(
    "text",
    [
        "Built the go-to-market plan",  # "go" inside a hyphenated compound
        "Ran go-live for the launch",
        "Going forward we will go",  # "go" with no hyphen still matches, see below
    ],
)
def test_a_word_inside_a_hyphenated_compound_is_not_a_match(blank: Language, text: str) -> None:
    matcher = TermMatcher(
        blank.vocab, blank.make_doc, [TermGroup("go", ("go",), "hard")], extension="t_go"
    )
    hits = matcher(blank(text))._.get("t_go")
    assert [h.text for h in hits] == (["go"] if text.startswith("Going") else [])


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Sales ops analyst", "B2B Sales"),
        ("Presented to the board in 2019 - Present", "Leadership"),
        ("Jan 2021 - Present", "Presentation Skills"),
        ("Acme Analytics Inc.", "Data Analytics"),
        ("Upsellers club member", "Upselling"),  # not whole word
    ],
)
def test_false_alarms_are_avoided(
    blank: Language, lexicon: Lexicon, text: str, absent: str
) -> None:
    assert absent not in labels_in(blank, lexicon, text)


def coverage_for(
    blank: Language, lexicon: Lexicon, bullets: list[str], skills: str = "", other: str = ""
) -> KeywordCoverage:
    matchers = build_matchers(blank, lexicon)
    segments = [("bullets", matchers(blank(b))._.get(KEYWORD_EXTENSION)) for b in bullets]
    if skills:
        segments.append(("skills", matchers(blank(skills))._.get(KEYWORD_EXTENSION)))
    if other:
        segments.append(("elsewhere", matchers(blank(other))._.get(KEYWORD_EXTENSION)))
    words = sum(len(t.split()) for t in [*bullets, skills, other])
    return keyword_coverage(
        segments, lexicon.keywords, word_count=words, rule=lexicon.rules.stuffing
    )


def test_coverage_reports_where_each_keyword_was_found(blank: Language, lexicon: Lexicon) -> None:
    cov = coverage_for(
        blank,
        lexicon,
        ["Negotiated renewals in Salesforce for 25 enterprise accounts"],
        skills="Salesforce, HubSpot",
        other="Account manager focused on B2B sales",
    )
    where = {f.label: f.where for f in cov.found}
    assert where["Salesforce"] == "bullets"
    assert where["HubSpot"] == "skills_only"
    assert where["B2B Sales"] == "elsewhere"
    missing = {g.label for g in cov.missing}
    assert "Value Proposition" in missing and "HubSpot" not in missing
    by = cov.by_category()
    assert "HubSpot" in by["hard"]["found"] and "Value Proposition" in by["industry"]["missing"]
    assert set(cov.to_dict()) == {"found", "missing", "by_category"}


def test_a_keyword_repeated_15_times_is_flagged(blank: Language, lexicon: Lexicon) -> None:
    stuffed = ["Managed Salesforce " * 15 + "for 12 accounts"]
    cov = coverage_for(blank, lexicon, stuffed)
    flags = [f for f in cov.stuffing if f.kind == "repeated"]
    assert flags and flags[0].terms == ("Salesforce",) and flags[0].count == 15


def test_natural_use_is_not_stuffing(blank: Language, lexicon: Lexicon) -> None:
    bullets = [
        "Managed 25 enterprise accounts in Salesforce, achieving 94% retention",
        "Built Salesforce dashboards that cut reporting time by 30%",
        "Negotiated 32 renewals worth $2.1M",
    ]
    assert coverage_for(blank, lexicon, bullets, skills="Salesforce, HubSpot").stuffing == ()


def test_a_skills_list_no_bullet_supports_is_flagged(blank: Language, lexicon: Lexicon) -> None:
    skills = "CRM, HubSpot, Forecasting, Pipeline Management, Data Analytics, Leadership, SaaS"
    cov = coverage_for(blank, lexicon, ["Answered phones for the front desk"], skills=skills)
    flag = next(f for f in cov.stuffing if f.kind == "unsupported_skills")
    assert "HubSpot" in flag.terms and flag.count == 7


@pytest.fixture(scope="module")
def targets(lexicon: Lexicon) -> dict[str, LevelTargets]:
    # Without the role pages: the content's own targets by level.
    return dict(level_targets(lexicon.keywords, lexicon.level_keywords, lexicon.rules.keywords, {}))


def test_each_level_has_its_own_targets(targets: dict[str, LevelTargets]) -> None:
    manager = {g.label for g in targets["account-manager"].targets}
    senior = {g.label for g in targets["senior-account-manager"].targets}
    director = {g.label for g in targets["account-director"].targets}
    assert manager != senior != director
    assert "Strategic Account Planning" in senior - manager
    assert "Team Management" in director - manager
    assert "Account Management" in manager & senior & director  # common to every level


def test_role_defining_skills_weigh_more_than_generic_soft_skills(
    targets: dict[str, LevelTargets],
) -> None:
    level = targets["account-manager"]
    assert level.weight("Upselling") > level.weight("Negotiation") > level.weight("Communication")
    # A keyword the level does not target still counts, for less.
    assert 0 < level.weight("Enterprise Accounts") < level.weight("Upselling")
    # Missing keywords come most valuable first.
    weights = [level.weight(g.label) for g in level.targets]
    assert weights == sorted(weights, reverse=True)


def test_a_resume_of_generic_soft_skills_earns_little(
    blank: Language, lexicon: Lexicon, targets: dict[str, LevelTargets]
) -> None:
    def credit(bullets: list[str]) -> float:
        matchers = build_matchers(blank, lexicon)
        segments = [("bullets", matchers(blank(b))._.get(KEYWORD_EXTENSION)) for b in bullets]
        cov = keyword_coverage(
            segments,
            lexicon.keywords,
            word_count=100,
            rule=lexicon.rules.stuffing,
            targets=targets["account-manager"],
        )
        return keyword_credit(cov, lexicon.rules.keywords.skills_only_credit)

    soft = credit(["Strong communication, leadership, time management and problem-solving"])
    hard = credit(["Upsold and cross-sold 30 accounts, beating quota by 12%"])
    assert soft < 1 < hard


def test_missing_keywords_are_the_levels_targets(
    blank: Language, lexicon: Lexicon, targets: dict[str, LevelTargets]
) -> None:
    matchers = build_matchers(blank, lexicon)
    hits = matchers(blank("Managed enterprise accounts"))._.get(KEYWORD_EXTENSION)
    cov = keyword_coverage(
        [("bullets", hits)],
        lexicon.keywords,
        word_count=3,
        rule=lexicon.rules.stuffing,
        targets=targets["key-account-manager"],
    )
    missing = {g.label for g in cov.missing}
    assert "Key Account Management" in missing
    assert "Digital Marketing" not in missing  # a digital account manager's target


def test_a_fields_own_word_across_many_bullets_is_not_stuffing(
    blank: Language, lexicon: Lexicon
) -> None:
    bullets = [
        f"Grew sales in region {i} by {i + 10}% through weekly visits to clinics, two product "
        "launches a year and careful follow-up with every buyer of the independent stores, "
        "working with marketing on local events and with finance on credit terms for them"
        for i in range(12)
    ]
    cov = coverage_for(blank, lexicon, bullets)
    assert not [f for f in cov.stuffing if f.kind == "repeated"]


@pytest.mark.parametrize(
    ("titles", "share"),
    [
        (["Senior Account Manager", "Sales Associate"], 1.0),
        (["Staff Accountant", "Accounts Payable Clerk"], 0.0),
        (["Business Development Manager", "Line Cook", None], 0.5),
        ([], 0.0),
    ],
)
def test_title_relevance(lexicon: Lexicon, titles: list[str | None], share: float) -> None:
    assert title_relevance(titles, lexicon.level_keywords.relevant_titles) == share
