"""The job description builder: section order, pay, extras, EEO, and hostile input."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from scoring.content import ContentError
from scoring.jobdesc import (
    JobChoices,
    JobDescription,
    JobDescriptionTexts,
    PayRange,
    compose_job_description,
    escape_markdown,
    load_jobdesc_texts,
)
from scoring.roles import ROLE_SLUGS, Role, load_roles
from scoring.sources import load_sources

CONTENT = Path(__file__).resolve().parent.parent / "content"
# The posting separates the ends of a range and the parts of its title line with an en dash.
DASH = "\N{EN DASH}"

ALL_SECTIONS = [
    "title",
    "about",
    "summary",
    "responsibilities",
    "must_have",
    "nice_to_have",
    "kpis",
    "compensation",
    "how_to_apply",
    "eeo",
]

HOSTILE = [
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "![pixel](https://tracker.example/p.gif)",
    "<https://evil.example>",
    '<a href="https://evil.example">win</a>',
]

# A renderer at its most permissive: raw HTML allowed, GitHub-style extras on.
RENDERER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def visible_text(rendered: str) -> str:
    """What a reader sees in rendered HTML: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.fixture(scope="module")
def roles() -> Mapping[str, Role]:
    return load_roles(CONTENT, load_sources(CONTENT))


@pytest.fixture(scope="module")
def texts() -> JobDescriptionTexts:
    return load_jobdesc_texts(CONTENT, load_sources(CONTENT))


def make_choices(**changes: Any) -> JobChoices:
    """Typical builder input, with some fields changed."""
    values: dict[str, Any] = {
        "company_name": "Northwind Analytics",
        "company_summary": "We build forecasting software for regional retailers.",
        "industry_label": "Technology / SaaS",
        "place": "Chicago, Illinois",
        "work_mode": "hybrid",
        "reports_to": "the Head of Client Services",
    }
    values.update(changes)
    return JobChoices(**values)


PAY = PayRange(low=62_000, high=84_000, note="Base salary; see the salary methodology.")


def compose(
    roles: Mapping[str, Role],
    texts: JobDescriptionTexts,
    slug: str = "account-manager",
    pay: PayRange = PAY,
    **changes: Any,
) -> JobDescription:
    return compose_job_description(roles[slug], make_choices(**changes), pay, texts)


@pytest.mark.parametrize(
    ("include_eeo", "expected"),
    [(True, ALL_SECTIONS), (False, ALL_SECTIONS[:-1])],
)
def test_sections_come_in_the_fixed_order(
    roles: Mapping[str, Role],
    texts: JobDescriptionTexts,
    include_eeo: bool,
    expected: list[str],
) -> None:
    jd = compose(roles, texts, include_eeo=include_eeo)
    assert [s.key for s in jd.sections] == expected
    headings = [s.heading for s in jd.sections]
    positions = [jd.to_text().index(h) for h in headings]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("work_mode", "remote_states", "line"),
    [
        ("onsite", (), "On site in Chicago, Illinois"),
        ("hybrid", (), "Hybrid, based in Chicago, Illinois"),
        ("remote", (), "Remote, open to candidates in the United States"),
        ("remote", ("CO", "NY", "TX"), "Remote, open to candidates in Colorado, New York or Texas"),
    ],
)
def test_the_title_is_the_job_title_and_the_place_follows_it(
    roles: Mapping[str, Role],
    texts: JobDescriptionTexts,
    work_mode: str,
    remote_states: tuple[str, ...],
    line: str,
) -> None:
    jd = compose(
        roles,
        texts,
        slug="senior-account-manager",
        work_mode=work_mode,
        remote_states=remote_states,
    )
    assert jd.title == "Senior Account Manager"
    assert jd.to_markdown().startswith(f"# Senior Account Manager\n\n{line}\n")
    assert jd.sections[0].paragraphs == (line,)


def test_a_typed_job_title_replaces_the_level_title(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    jd = compose(roles, texts, job_title="Client Partner, Retail")
    assert jd.title == "Client Partner, Retail"
    summary = jd.section("summary")
    assert summary is not None
    assert summary.paragraphs[0].startswith("Northwind Analytics is hiring a Client Partner")


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (62_000, 84_000, f"$62,000 {DASH} $84,000 a year"),
        (100_000, 150_000, f"$100,000 {DASH} $150,000 a year"),
        (45_000, 45_000, "$45,000 a year"),
        (1_250_000, 2_000_000, f"$1,250,000 {DASH} $2,000,000 a year"),
    ],
)
def test_pay_range_is_always_shown_and_formatted(
    roles: Mapping[str, Role], texts: JobDescriptionTexts, low: int, high: int, shown: str
) -> None:
    jd = compose(roles, texts, pay=PayRange(low=low, high=high))
    compensation = jd.section("compensation")
    assert compensation is not None
    assert shown in compensation.paragraphs[0]
    assert shown in jd.to_text()
    assert shown in visible_text(RENDERER.render(jd.to_markdown()))


def test_the_pay_note_stays_out_of_the_posting(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    """The note says where the range came from: the site's business, not the employer's."""
    jd = compose(roles, texts)
    compensation = jd.section("compensation")
    assert compensation is not None
    assert compensation.paragraphs == (f"Base salary: $62,000 {DASH} $84,000 a year.",)
    assert PAY.note not in jd.to_text()


@pytest.mark.parametrize(
    ("commission", "sentence"), [("none", None), ("part", "part"), ("solely", "solely")]
)
def test_commission_is_stated_when_pay_includes_it(
    roles: Mapping[str, Role], texts: JobDescriptionTexts, commission: str, sentence: str | None
) -> None:
    compensation = compose(roles, texts, commission=commission).section("compensation")
    assert compensation is not None
    if sentence is None:
        assert len(compensation.paragraphs) == 1
    else:
        assert compensation.paragraphs[1] == texts.commission[sentence]


def test_the_deadline_is_written_as_a_us_date(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    section = compose(roles, texts, deadline=date(2027, 1, 5)).section("how_to_apply")
    assert section is not None
    assert section.paragraphs[-1] == "Applications close on January 5, 2027."


@pytest.mark.parametrize(("low", "high"), [(84_000, 62_000), (0, 50_000), (-5, 10)])
def test_a_nonsensical_pay_range_is_refused(low: int, high: int) -> None:
    with pytest.raises(ValueError, match="pay range"):
        PayRange(low=low, high=high)


@pytest.mark.parametrize(
    ("section", "field", "extras", "role_part"),
    [
        (
            "responsibilities",
            "extra_responsibilities",
            ("Own the rollout of our partner portal",),
            "responsibilities",
        ),
        (
            "must_have",
            "extra_requirements",
            ("Spanish at business level", "A driving licence"),
            "must_have",
        ),
    ],
)
def test_extras_are_appended_after_the_role_items(
    roles: Mapping[str, Role],
    texts: JobDescriptionTexts,
    section: str,
    field: str,
    extras: tuple[str, ...],
    role_part: str,
) -> None:
    role = roles["account-manager"]
    changes: dict[str, Any] = {field: extras}
    jd = compose(roles, texts, **changes)
    found = jd.section(section)
    assert found is not None
    if role_part == "responsibilities":
        assert found.bullets == role.responsibilities + extras
    else:
        # The level's experience line replaces the role's own line stating years.
        assert found.bullets[-len(extras) :] == extras
        assert len(found.bullets) == len(role.requirements.must_have) + len(extras)
    for line in extras:
        assert f"- {line}" in jd.to_text()


def test_benefits_are_listed_under_compensation(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    jd = compose(roles, texts, benefits=["Health, dental and vision cover", "  ", "401(k) match"])
    compensation = jd.section("compensation")
    assert compensation is not None
    assert compensation.bullets == ("Health, dental and vision cover", "401(k) match")


def test_blank_extra_lines_are_dropped(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    jd = compose(roles, texts, extra_requirements=("", "   ", " Valid passport "))
    must_have = jd.section("must_have")
    assert must_have is not None
    assert must_have.bullets[-1] == "Valid passport"
    assert "" not in must_have.bullets


@pytest.mark.parametrize("include_eeo", [True, False])
def test_equal_opportunity_statement_follows_the_toggle(
    roles: Mapping[str, Role], texts: JobDescriptionTexts, include_eeo: bool
) -> None:
    jd = compose(roles, texts, include_eeo=include_eeo)
    statement = texts.eeo_statement.format(company="Northwind Analytics")
    assert (statement in jd.to_text()) is include_eeo
    assert ("equal-opportunity employer" in jd.to_markdown()) is include_eeo


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", None),
        ("Apply at careers.northwind.example with your CV.", "Apply at careers.northwind.example"),
    ],
)
def test_how_to_apply_uses_typed_text_or_the_default(
    roles: Mapping[str, Role], texts: JobDescriptionTexts, typed: str, expected: str | None
) -> None:
    section = compose(roles, texts, how_to_apply=typed).section("how_to_apply")
    assert section is not None
    if expected is None:
        assert section.paragraphs == (texts.levels["account-manager"].how_to_apply,)
    else:
        assert section.paragraphs[0].startswith(expected)


def test_company_summary_keeps_its_paragraphs(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    about = compose(
        roles, texts, company_summary="First paragraph.\n\n\nSecond paragraph."
    ).section("about")
    assert about is not None
    assert about.heading == "About Northwind Analytics"
    assert about.paragraphs == ("First paragraph.", "Second paragraph.")


def test_a_blank_company_summary_gets_a_short_fallback(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    about = compose(roles, texts, company_summary="  ").section("about")
    assert about is not None
    assert about.paragraphs
    assert "Northwind Analytics" in about.paragraphs[0]


@pytest.mark.parametrize(
    ("portfolio", "reports_to"),
    [("about 30 mid-market accounts", "the VP of Sales"), ("", "")],
)
def test_optional_details_appear_only_when_given(
    roles: Mapping[str, Role], texts: JobDescriptionTexts, portfolio: str, reports_to: str
) -> None:
    text = compose(roles, texts, portfolio_size=portfolio, reports_to=reports_to).to_text()
    summary = compose(roles, texts, portfolio_size=portfolio, reports_to=reports_to).section(
        "summary"
    )
    assert summary is not None
    assert texts.levels["account-manager"].summary in summary.paragraphs
    assert ("about 30 mid-market accounts" in text) is bool(portfolio)
    assert ("the VP of Sales" in text) is bool(reports_to)


@pytest.mark.parametrize(
    "slug",
    ROLE_SLUGS,
)
def test_every_role_fills_a_posting(
    roles: Mapping[str, Role], texts: JobDescriptionTexts, slug: str
) -> None:
    role = roles[slug]
    jd = compose(roles, texts, slug=slug)
    kpis = jd.section("kpis")
    assert kpis is not None
    # The measures only: the targets are sources' figures, not the employer's.
    assert kpis.bullets == tuple(k.name for k in role.kpis)
    assert jd.title.startswith(role.title)
    assert role.requirements.nice_to_have[0] in jd.to_text()


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize(
    "field",
    [
        "company_name",
        "company_summary",
        "reports_to",
        "portfolio_size",
        "how_to_apply",
        "place",
        "job_title",
        "extra_responsibilities",
        "extra_requirements",
        "benefits",
    ],
)
def test_hostile_input_is_inert_in_markdown_and_literal_in_text(
    roles: Mapping[str, Role], texts: JobDescriptionTexts, field: str, hostile: str
) -> None:
    value: Any = (hostile,) if field.startswith(("extra_", "benefits")) else hostile
    jd = compose(roles, texts, **{field: value})
    rendered = RENDERER.render(jd.to_markdown())
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert "<a " not in rendered
    assert hostile in visible_text(rendered)
    assert hostile in jd.to_text()


@pytest.mark.parametrize(
    "plain",
    [
        "AT&T & Johnson & Johnson",
        "Use &lt;b&gt; for bold",
        "1. Not a list",
        "- not a bullet",
        "+ nor this",
        "# not a heading",
        "> not a quote",
        "**not bold** and _not italic_ and `not code`",
        "~~not struck~~ | not | a | table |",
        r"C:\Users\jane_doe\offer [final].pdf",
        "Revenue up 25%! (year on year) {approx}",
    ],
)
def test_escaped_text_reads_exactly_as_typed(plain: str) -> None:
    rendered = RENDERER.render(escape_markdown(plain))
    assert rendered.startswith("<p>")
    assert visible_text(rendered) == plain


def test_markdown_has_headings_and_bullets(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    rendered = RENDERER.render(compose(roles, texts).to_markdown())
    first_duty = html.escape(roles["account-manager"].responsibilities[0], quote=False)
    assert rendered.count("<h1>") == 1
    assert f"<h2>{texts.headings['responsibilities']}</h2>" in rendered
    assert f"<li>{first_duty}</li>" in rendered


def test_plain_text_headings_sit_on_their_content_the_same_way_everywhere(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    jd = compose(roles, texts, benefits=("Health insurance",))
    lines = jd.to_text().split("\n")
    for section in jd.sections:
        at = lines.index(section.heading)
        # No blank line and no underline between a heading and what it heads.
        first = section.paragraphs[0] if section.paragraphs else f"- {section.bullets[0]}"
        assert lines[at + 1] == first, section.key
        # ... and a blank line before the next heading.
        assert at == 0 or lines[at - 1] == ""
    assert jd.to_text().endswith(".\n")


def test_to_dict_lists_every_section(roles: Mapping[str, Role], texts: JobDescriptionTexts) -> None:
    data = compose(roles, texts).to_dict()
    assert data["title"].startswith("Account Manager")
    assert [s["key"] for s in data["sections"]] == ALL_SECTIONS
    assert all(isinstance(s["bullets"], list) for s in data["sections"])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"work_mode": "beach"}, "work_mode must be one of onsite, hybrid, remote"),
        ({"company_name": "   "}, "company_name must not be empty"),
        ({"place": " ", "work_mode": "onsite"}, "place must not be empty"),
    ],
)
def test_bad_choices_are_refused_with_a_reason(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_choices(**changes)


def test_choices_are_trimmed() -> None:
    choices = make_choices(company_name="  Northwind  ", extra_requirements=[" SQL ", ""])
    assert choices.company_name == "Northwind"
    assert choices.extra_requirements == ("SQL",)


def test_compose_with_the_project_texts(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    jd = compose_job_description(roles["account-manager"], make_choices(), PAY, texts)
    assert f"$62,000 {DASH} $84,000 a year" in jd.to_text()


@pytest.fixture
def texts_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    shutil.copy(CONTENT / "jobdesc.yaml", root / "jobdesc.yaml")
    shutil.copy(CONTENT / "sources.yaml", root / "sources.yaml")
    return root


@pytest.mark.parametrize(
    ("keys", "value", "field", "problem"),
    [
        (("templates", "intro"), "{company} wants {salary}", "templates.intro", "{salary}"),
        (("templates", "pay_range"), None, "templates.pay_range", "is required"),
        (("eeo_statement",), None, "eeo_statement", "is required"),
        (("work_modes", "remote"), None, "work_modes.remote", "is required"),
        (("headings", "kpis"), "", "headings.kpis", "non-empty"),
        (("currencies",), {}, "currencies", "at least one"),
    ],
)
def test_a_broken_texts_file_names_the_field(
    texts_copy: Path, keys: tuple[str, ...], value: Any, field: str, problem: str
) -> None:
    path = texts_copy / "jobdesc.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data
    for key in keys[:-1]:
        target = target[key]
    if value is None:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_jobdesc_texts(texts_copy, load_sources(texts_copy))
    assert caught.value.path == str(path)
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_pay_range_needs_a_configured_currency(
    roles: Mapping[str, Role], texts: JobDescriptionTexts
) -> None:
    no_dollar = dataclasses.replace(texts, currency_symbols={})
    with pytest.raises(ValueError, match="USD"):
        compose(roles, no_dollar)
