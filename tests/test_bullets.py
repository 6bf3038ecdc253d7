"""Bullet findings: action verb, metric, outcome, weak phrases, verdict and rewrite."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from scoring.nlp import load_pipeline
from scoring.resume.bullets import BulletFinding, analyze_bullet, bullet_verdict
from scoring.resume.components import (
    METRIC_EXTENSION,
    ResumeMatchers,
    build_matchers,
    without_parser,
)
from scoring.resume.lexicon import Lexicon, load_lexicon

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon(CONTENT)


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def matchers(blank: Language, lexicon: Lexicon) -> ResumeMatchers:
    return build_matchers(blank, lexicon)


def judge(text: str, blank: Language, matchers: ResumeMatchers, lexicon: Lexicon) -> BulletFinding:
    return analyze_bullet(matchers(blank(text)), lexicon)


def metrics_in(text: str, blank: Language, matchers: ResumeMatchers) -> list[tuple[str, str]]:
    return [(s.label_, s.text) for s in matchers(blank(text))._.get(METRIC_EXTENSION)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Achieved 94% retention", [("PERCENT", "94%")]),
        ("Cut churn by 40 percent", [("PERCENT", "40 percent")]),
        ("Expanded contract values by 10-25%", [("PERCENT", "10-25%")]),
        ("Managed $3.2M ARR", [("MONEY", "$3.2M")]),
        ("Found $450K in upsell opportunities", [("MONEY", "$450K")]),
        ("Closed $1.5 million in renewals", [("MONEY", "$1.5 million")]),
        ("Owned a $5MM book", [("MONEY", "$5MM")]),
        ("Grew ARR 3x", [("MULTIPLIER", "3x")]),
        ("Doubled pipeline", [("MULTIPLIER", "Doubled")]),
        ("Managed 25 enterprise accounts", [("COUNT", "25 enterprise accounts")]),
        ("Managed 30+ mid-market SaaS accounts", [("COUNT", "30+ mid-market SaaS accounts")]),
        ("Served 2000 customers", [("COUNT", "2000 customers")]),
        ("Resolved issues within 48 hours", [("TIMEFRAME", "within 48 hours")]),
        ("Met a 48-hour SLA", [("TIMEFRAME", "48-hour")]),
        ("Onboarded the client in 6 months", [("TIMEFRAME", "in 6 months")]),
    ],
)
def test_metrics_are_found(
    text: str, expected: list[tuple[str, str]], blank: Language, matchers: ResumeMatchers
) -> None:
    assert metrics_in(text, blank, matchers) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Joined Acme in 2019 and managed key accounts",
        "Account Manager, 2019 - 2023",
        "Since 2019, 3 promotions",  # a year standing before a counted noun
        "Call (555) 123-4567 about accounts",
        "Phone 555-123-4567, 12 accounts",  # the count is a metric, the phone is not
        "+1 415.555.0199",
        "Managed accounts for the West region",
    ],
)
def test_years_and_phone_numbers_are_not_metrics(
    text: str, blank: Language, matchers: ResumeMatchers
) -> None:
    found = metrics_in(text, blank, matchers)
    assert all("2019" not in t and "555" not in t and "0199" not in t for _, t in found)
    if text.startswith("Phone"):
        assert found == [("COUNT", "12 accounts")]


# The Interview Guys' weak/strong pairs, and bullets of every kind a resume carries.
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Managed portfolio of 25 enterprise accounts valued at $3.2M ARR, achieving 94% "
            "retention rate and identifying $450K in upsell opportunities through strategic "
            "quarterly business reviews",
            "strong",
        ),
        (
            "Orchestrated cross-functional response teams across sales, engineering, and "
            "customer support to resolve critical client issues within 48-hour SLA, maintaining "
            "92% client satisfaction score",
            "strong",
        ),
        (
            "Negotiated 32 contract renewals totaling $2.1M with 98% on-time completion rate, "
            "reducing churn by 40% through proactive risk identification",
            "strong",
        ),
        ("Grew upsell revenue 35% across 18 SaaS accounts", "strong"),
        ("• Drove $600K in expansion revenue in 2021", "strong"),
        ("Successfully negotiated renewals worth $1.2M", "strong"),
        ("Managed 25 enterprise accounts", "fair"),
        ("Negotiated renewals with key clients", "fair"),
        ("Retained 40 accounts while handling escalations", "fair"),
        ("Managed client accounts and handled their needs", "weak"),
        ("Worked with internal teams to solve client problems", "weak"),
        ("Responsible for contract renewals", "weak"),
        ("Helped the team hit its targets", "weak"),
        ("Duties included preparing QBR decks", "weak"),
        ("Point of contact for 40 clients", "weak"),
        ("Attended trade shows", "weak"),
    ],
)
def test_verdicts(
    text: str, verdict: str, blank: Language, matchers: ResumeMatchers, lexicon: Lexicon
) -> None:
    finding = judge(text, blank, matchers, lexicon)
    assert finding.verdict == verdict
    assert (finding.suggestion is None) == (verdict == "strong")


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Negotiated 32 renewals", "negotiate"),
        ("Drove $600K in revenue", "drive"),
        ("Led a team of 6 reps", "lead"),
        ("Oversaw 40 accounts", "oversee"),
        ("Spearheading a QBR program", "spearhead"),
        ("Successfully grew NRR to 112%", "grow"),
        ("- Upsold 12 clients", "upsell"),
        ("Responsible for renewals", None),
        ("Account management for 12 clients", None),
    ],
)
def test_action_verb_is_read_on_its_lemma(
    text: str, verb: str | None, blank: Language, matchers: ResumeMatchers, lexicon: Lexicon
) -> None:
    assert judge(text, blank, matchers, lexicon).action_verb == verb


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Responsible for contract renewals", ("responsible for",)),
        ("Managed accounts and handled escalations", ("handled",)),
        ("Helped grow revenue", ("helped",)),
        ("Took on responsibilities for 12 accounts", ()),  # not "responsible for"
        ("Built a help desk playbook", ()),
        ("Worked on the renewal playbook", ("worked on",)),
    ],
)
def test_weak_phrases(
    text: str, phrases: tuple[str, ...], blank: Language, matchers: ResumeMatchers, lexicon: Lexicon
) -> None:
    assert judge(text, blank, matchers, lexicon).weak_phrases == phrases


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        (
            "Responsible for contract renewals",
            "Renewed [N] contracts worth $[X], achieving [Y]% on-time renewal rate",
        ),
        (
            "Managed client accounts and handled their needs",
            "Managed [N] client accounts worth $[X], achieving [Y]% retention rate",
        ),
        (
            "Worked with internal teams to solve client problems",
            "Partnered with [N] internal teams to solve client problems, "
            "achieving [Y]% client satisfaction",
        ),
        (
            "Managed 25 enterprise accounts",
            "Managed 25 enterprise accounts, achieving [Y]% retention rate",
        ),
        (
            "Helped increase renewals for key clients",
            "Increased renewals by [Y]% for key clients",
        ),
        (
            "Handled escalations from enterprise customers.",
            "Managed [N] escalations from enterprise customers, achieving [Y]% client satisfaction",
        ),
    ],
)
def test_rewrites_use_the_bullets_own_words_with_marked_blanks(
    text: str, suggestion: str, blank: Language, matchers: ResumeMatchers, lexicon: Lexicon
) -> None:
    assert judge(text, blank, matchers, lexicon).suggestion == suggestion


@pytest.fixture(scope="module")
def tagged(app) -> tuple[Language, ResumeMatchers]:
    """The production pipeline (tagger and lemmatizer) and its matchers, as the site runs."""
    nlp = app.extensions["nlp"]
    return nlp, build_matchers(nlp, load_lexicon(CONTENT))


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        # A plain opening verb is swapped for a strong one, not prefixed with a blank.
        (
            "Coordinated campaign deliverables for 12 agency clients, keeping 98% of "
            "launches on schedule.",
            "Orchestrated campaign deliverables for 12 agency clients, keeping 98% of "
            "launches on schedule, achieving [Y]% client satisfaction",
        ),
        (
            "Ran the first customer advisory board.",
            "Led the first customer advisory board, achieving [Y]% client satisfaction",
        ),
        (
            "Met with clients regularly to discuss their needs.",
            "Partnered with [N] clients worth $[X] regularly to discuss their needs, "
            "achieving [Y]% client satisfaction",
        ),
        # An unlisted plain verb with a preposition on it stays: a blank would dangle.
        (
            "Served as the main point of contact for 25 accounts.",
            "Served as the main point of contact for 25 accounts, achieving [Y]% retention rate",
        ),
        # A change verb asks how much its object moved.
        (
            "Increased sales in my territory.",
            "Increased sales by [Y]% in my territory",
        ),
        # A count never splits a coordinated pair ("product and support teams").
        (
            "Collaborated with product and support teams to resolve client issues.",
            "Partnered with product and support teams to resolve [N] client issues, "
            "achieving [Y]% client satisfaction",
        ),
        # A plain verb with no stronger one listed leaves a blank in its place.
        (
            "Processed renewal paperwork for enterprise clients.",
            "[Action verb] renewal paperwork for [N] enterprise clients worth $[X]",
        ),
        # British spelling of a strong verb counts as that verb.
        (
            "Standardised account plans across the team.",
            "Standardised [N] account plans across the team, achieving [Y]% retention rate",
        ),
        # The count goes before the head of the compound, not inside it.
        (
            "Handled client inquiries by phone and email.",
            "Managed [N] client inquiries by phone and email, achieving [Y]% client satisfaction",
        ),
        # Nothing to count in "client retention": ask how much it moved instead.
        (
            "Improved client retention through quarterly business reviews.",
            "Improved client retention by [Y]% through quarterly business reviews",
        ),
        (
            "Grew revenue across the Midwest territory.",
            "Grew revenue by [Y]% across the Midwest territory",
        ),
        # "Helped" before a person or team is partnering, not driving.
        (
            "Helped the sales team with handoffs for new customers.",
            "Partnered with the sales team on handoffs for [N] new customers worth $[X], "
            "achieving [Y]% client satisfaction",
        ),
        # Parallel duties follow the rewritten verb; spacing is the bullet's own.
        (
            "Responsible for onboarding new accounts and training them on reporting features.",
            "Onboarded [N] new accounts worth $[X] and trained them on reporting features, "
            "achieving [Y]% retention rate",
        ),
        (
            "Resolved billing disputes for 60+ clients, recovering $75K in past-due invoices.",
            "Resolved billing disputes for 60+ clients, recovering $75K in past-due invoices, "
            "achieving [Y]% client satisfaction",
        ),
        (
            "Worked with the product team on the client's feature requests.",
            "Partnered with the product team on the client's feature requests, "
            "achieving [Y]% client satisfaction",
        ),
    ],
)
def test_rewrites_read_as_a_sentence_with_the_site_s_pipeline(
    text: str, suggestion: str, tagged: tuple[Language, ResumeMatchers], lexicon: Lexicon
) -> None:
    nlp, tagged_matchers = tagged
    doc = tagged_matchers(nlp(text, disable=without_parser(nlp)))
    assert analyze_bullet(doc, lexicon).suggestion == suggestion


@pytest.mark.parametrize("text", ["-", "• ,", "...", "with with", "and Ran", "'s clients"])
def test_odd_fragments_get_a_verdict_not_an_exception(
    text: str, tagged: tuple[Language, ResumeMatchers], lexicon: Lexicon
) -> None:
    nlp, tagged_matchers = tagged
    finding = analyze_bullet(tagged_matchers(nlp(text, disable=without_parser(nlp))), lexicon)
    assert finding.verdict in ("fair", "weak")
    assert finding.suggestion and "  " not in finding.suggestion


def test_a_plain_verb_listed_as_strong_is_refused(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(CONTENT, tmp_path / "content")
    verbs = tmp_path / "content" / "lexicon" / "action_verbs.yaml"
    verbs.write_text(verbs.read_text().replace("  run: Led", "  manage: Led"))
    with pytest.raises(Exception, match=r"plain_verbs\.manage.*also listed as a strong verb"):
        load_lexicon(tmp_path / "content")


@pytest.mark.parametrize(
    ("verb", "metric", "impact", "weak", "verdict"),
    [
        (True, True, True, False, "strong"),
        (True, True, True, True, "fair"),
        (True, True, False, False, "fair"),
        (False, True, True, False, "fair"),
        (True, False, True, True, "weak"),
        (True, False, False, False, "weak"),
        (False, False, False, False, "weak"),
    ],
)
def test_verdict_rule(verb: bool, metric: bool, impact: bool, weak: bool, verdict: str) -> None:
    assert (
        bullet_verdict(
            action_verb=verb, metric=metric, impact=impact, weak_phrase=weak, weak_max_elements=1
        )
        == verdict
    )


def test_trained_pipeline_gives_the_same_verdicts(lexicon: Lexicon) -> None:
    nlp = load_pipeline()
    matchers = build_matchers(nlp, lexicon)
    texts = [
        "Negotiated 32 contract renewals totaling $2.1M, reducing churn by 40%",
        "Managed 25 enterprise accounts",
        "Responsible for contract renewals",
    ]
    docs = nlp.pipe(texts, disable=without_parser(nlp))
    verdicts = [analyze_bullet(matchers(d), lexicon).verdict for d in docs]
    assert verdicts == ["strong", "fair", "weak"]
