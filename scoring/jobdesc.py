"""Compose a job posting from a role, the recruiter's choices and a pay range."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from scoring.roles import Role
from scoring.yamlfields import Fields, read_yaml

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

WORK_MODES: tuple[str, ...] = ("onsite", "hybrid", "remote")
WorkMode = Literal["onsite", "hybrid", "remote"]

# The posting's sections, in the order they are always written.
SECTION_KEYS: tuple[str, ...] = (
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
)

# Which placeholders each template in content/jobdesc.yaml may use.
TEMPLATE_FIELDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "title_line": frozenset({"title", "metro", "work_mode"}),
        "level_line": frozenset({"title", "years", "industry", "metro", "work_mode"}),
        "about_fallback": frozenset({"company", "industry"}),
        "intro": frozenset({"company", "title", "where"}),
        "reports_to": frozenset({"reports_to"}),
        "portfolio": frozenset({"portfolio"}),
        "kpi": frozenset({"name", "target"}),
        "pay_range": frozenset({"symbol", "low", "high", "period"}),
        "pay_line": frozenset({"range"}),
    }
)
HEADING_FIELDS: frozenset[str] = frozenset({"company"})
EEO_FIELDS: frozenset[str] = frozenset({"company"})
WORK_MODE_PHRASE_FIELDS: frozenset[str] = frozenset({"metro"})

__all__ = [
    "SECTION_KEYS",
    "WORK_MODES",
    "JobChoices",
    "JobDescription",
    "JobDescriptionTexts",
    "JobSection",
    "PayRange",
    "compose_job_description",
    "default_jobdesc_texts",
    "escape_markdown",
    "load_jobdesc_texts",
]


@dataclass(frozen=True)
class JobDescriptionTexts:
    """The generic wording a posting uses, from content/jobdesc.yaml."""

    headings: Mapping[str, str]
    work_mode_labels: Mapping[str, str]
    work_mode_phrases: Mapping[str, str]
    templates: Mapping[str, str]
    currency_symbols: Mapping[str, str]
    period_labels: Mapping[str, str]
    default_how_to_apply: str
    eeo_statement: str


def _check_placeholders(fields: Fields, name: str, text: str, allowed: frozenset[str]) -> str:
    """Reject a template that uses a placeholder the composer does not fill."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise fields.error(name, f"is not a valid template ({exc})") from exc
    for _, placeholder, spec, conversion in parsed:
        if placeholder is None:
            continue
        if placeholder not in allowed or spec or conversion:
            known = ", ".join("{" + p + "}" for p in sorted(allowed)) or "none"
            raise fields.error(
                name, f"uses unknown placeholder '{{{placeholder}}}' (allowed: {known})"
            )
    return text


def _string_table(fields: Fields, name: str) -> Mapping[str, str]:
    """A non-empty mapping of keys to non-empty strings."""
    sub = fields.sub(name)
    keys = sub.keys()
    if not keys:
        raise fields.error(name, "must list at least one entry")
    return MappingProxyType({key: sub.str(key) for key in keys})


def load_jobdesc_texts(root: Path) -> JobDescriptionTexts:
    """Load content/jobdesc.yaml (``root`` is the content directory)."""
    fields = read_yaml(root / "jobdesc.yaml")
    heading_fields = fields.sub("headings")
    headings = {
        key: _check_placeholders(heading_fields, key, heading_fields.str(key), HEADING_FIELDS)
        for key in SECTION_KEYS
        if key != "title"
    }
    modes = fields.sub("work_modes")
    labels: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for mode in WORK_MODES:
        entry = modes.sub(mode)
        labels[mode] = entry.str("label")
        phrases[mode] = _check_placeholders(
            entry, "phrase", entry.str("phrase"), WORK_MODE_PHRASE_FIELDS
        )
    template_fields = fields.sub("templates")
    templates = {
        key: _check_placeholders(template_fields, key, template_fields.str(key), allowed)
        for key, allowed in TEMPLATE_FIELDS.items()
    }
    return JobDescriptionTexts(
        headings=MappingProxyType(headings),
        work_mode_labels=MappingProxyType(labels),
        work_mode_phrases=MappingProxyType(phrases),
        templates=MappingProxyType(templates),
        currency_symbols=_string_table(fields, "currencies"),
        period_labels=_string_table(fields, "periods"),
        default_how_to_apply=fields.str("default_how_to_apply"),
        eeo_statement=_check_placeholders(
            fields, "eeo_statement", fields.str("eeo_statement"), EEO_FIELDS
        ),
    )


@cache
def default_jobdesc_texts() -> JobDescriptionTexts:
    """The texts from the project's own content/ directory, read once per process."""
    return load_jobdesc_texts(DEFAULT_CONTENT_DIR)


def _clean_lines(lines: Iterable[str]) -> tuple[str, ...]:
    """Strip each line and drop the blank ones."""
    return tuple(line.strip() for line in lines if line and line.strip())


@dataclass(frozen=True)
class JobChoices:
    """What the recruiter chose or typed into the builder."""

    company_name: str
    company_summary: str
    industry_label: str
    metro_label: str
    work_mode: WorkMode
    reports_to: str = ""
    portfolio_size: str = ""
    extra_responsibilities: tuple[str, ...] = ()
    extra_requirements: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    how_to_apply: str = ""
    include_eeo: bool = True

    def __post_init__(self) -> None:
        """Trim what was typed; refuse an unknown work mode or a missing company name."""
        if self.work_mode not in WORK_MODES:
            raise ValueError(
                f"work_mode must be one of {', '.join(WORK_MODES)} (got '{self.work_mode}')"
            )
        for name in ("company_name", "industry_label", "metro_label"):
            if not getattr(self, name).strip():
                raise ValueError(f"{name} must not be empty")
        for name in (
            "company_name",
            "company_summary",
            "industry_label",
            "metro_label",
            "reports_to",
            "portfolio_size",
            "how_to_apply",
        ):
            object.__setattr__(self, name, getattr(self, name).strip())
        for name in ("extra_responsibilities", "extra_requirements", "benefits"):
            object.__setattr__(self, name, _clean_lines(getattr(self, name)))


@dataclass(frozen=True)
class PayRange:
    """The advertised pay band, in whole currency units."""

    low: int
    high: int
    currency: Literal["USD"] = "USD"
    period: Literal["year"] = "year"
    note: str = ""

    def __post_init__(self) -> None:
        """Refuse a band that is empty, negative or upside down."""
        if self.low <= 0 or self.high <= 0:
            raise ValueError("pay range figures must be positive")
        if self.high < self.low:
            raise ValueError(f"pay range is upside down ({self.low} > {self.high})")

    def format(self, texts: JobDescriptionTexts) -> str:
        """The band as a reader sees it: ``$62,000``, an en dash, ``$84,000 a year``."""
        if self.currency not in texts.currency_symbols:
            raise ValueError(f"no symbol configured for currency '{self.currency}'")
        if self.period not in texts.period_labels:
            raise ValueError(f"no wording configured for pay period '{self.period}'")
        return texts.templates["pay_range"].format(
            symbol=texts.currency_symbols[self.currency],
            low=f"{self.low:,}",
            high=f"{self.high:,}",
            period=texts.period_labels[self.period],
        )


@dataclass(frozen=True)
class JobSection:
    """One part of the posting: a heading with paragraphs, bullets or both."""

    key: str
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


# Characters that start inline markup (emphasis, code, links, images, strikethrough,
# attribute blocks) wherever they stand; escaping them keeps a link from forming.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]()#!|~])")
# A bullet marker, or the dot of an ordered-list number, at the start of a block.
_LIST_MARKER = re.compile(r"^(\d*)([-+.])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def escape_markdown(text: str) -> str:
    """Make plain text inert in Markdown: no markup, links, raw HTML or entities survive."""
    flat = " ".join(text.split())
    flat = _ENTITY_LIKE.sub("&amp;", flat)
    flat = flat.replace("<", "&lt;").replace(">", "&gt;")
    flat = _INLINE_SPECIALS.sub(r"\\\1", flat)
    return _LIST_MARKER.sub(r"\1\\\2", flat)


@dataclass(frozen=True)
class JobDescription:
    """A finished posting: a title and its sections in reading order."""

    title: str
    sections: tuple[JobSection, ...] = field(default_factory=tuple)

    def section(self, key: str) -> JobSection | None:
        """The section with this key, or None when the posting leaves it out."""
        return next((s for s in self.sections if s.key == key), None)

    def to_markdown(self) -> str:
        """The posting as Markdown; every text is escaped, so typed input stays inert."""
        blocks: list[str] = []
        for section in self.sections:
            level = "#" if section.key == "title" else "##"
            blocks.append(f"{level} {escape_markdown(section.heading)}")
            blocks.extend(escape_markdown(p) for p in section.paragraphs)
            if section.bullets:
                blocks.append("\n".join(f"- {escape_markdown(b)}" for b in section.bullets))
        return "\n\n".join(blocks) + "\n"

    def to_text(self) -> str:
        """The posting as plain text, with everything kept exactly as typed."""
        blocks: list[str] = []
        for section in self.sections:
            rule = "=" if section.key == "title" else "-"
            blocks.append(f"{section.heading}\n{rule * len(section.heading)}")
            blocks.extend(section.paragraphs)
            if section.bullets:
                blocks.append("\n".join(f"- {b}" for b in section.bullets))
        return "\n\n".join(blocks) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Plain values for a JSON answer."""
        return {
            "title": self.title,
            "sections": [
                {
                    "key": s.key,
                    "heading": s.heading,
                    "paragraphs": list(s.paragraphs),
                    "bullets": list(s.bullets),
                }
                for s in self.sections
            ],
        }


def _paragraphs(text: str) -> tuple[str, ...]:
    """Split typed text into paragraphs at blank lines, keeping each one as typed."""
    return _clean_lines(re.split(r"\n\s*\n", text))


def compose_job_description(
    role: Role,
    choices: JobChoices,
    pay: PayRange,
    texts: JobDescriptionTexts | None = None,
) -> JobDescription:
    """Build the posting's sections in their fixed order; ``texts`` defaults to content/."""
    texts = texts or default_jobdesc_texts()
    tpl = texts.templates
    company = choices.company_name
    mode_label = texts.work_mode_labels[choices.work_mode]
    title_line = tpl["title_line"].format(
        title=role.title, metro=choices.metro_label, work_mode=mode_label
    )
    level_line = tpl["level_line"].format(
        title=role.title,
        years=role.years.label,
        industry=choices.industry_label,
        metro=choices.metro_label,
        work_mode=mode_label,
    )
    about = _paragraphs(choices.company_summary) or (
        tpl["about_fallback"].format(company=company, industry=choices.industry_label),
    )
    where = texts.work_mode_phrases[choices.work_mode].format(metro=choices.metro_label)
    summary = [tpl["intro"].format(company=company, title=role.title, where=where)]
    if choices.reports_to:
        summary.append(tpl["reports_to"].format(reports_to=choices.reports_to))
    summary.append(role.summary)
    if choices.portfolio_size:
        summary.append(tpl["portfolio"].format(portfolio=choices.portfolio_size))
    pay_paragraphs = [tpl["pay_line"].format(range=pay.format(texts))]
    if pay.note.strip():
        pay_paragraphs.append(pay.note.strip())
    heading = texts.headings
    sections = [
        JobSection("title", title_line, paragraphs=(level_line,)),
        JobSection("about", heading["about"].format(company=company), paragraphs=about),
        JobSection("summary", heading["summary"], paragraphs=tuple(summary)),
        JobSection(
            "responsibilities",
            heading["responsibilities"],
            bullets=role.responsibilities + choices.extra_responsibilities,
        ),
        JobSection(
            "must_have",
            heading["must_have"],
            bullets=role.requirements.must_have + choices.extra_requirements,
        ),
        JobSection("nice_to_have", heading["nice_to_have"], bullets=role.requirements.nice_to_have),
        JobSection(
            "kpis",
            heading["kpis"],
            bullets=tuple(tpl["kpi"].format(name=k.name, target=k.target) for k in role.kpis),
        ),
        JobSection(
            "compensation",
            heading["compensation"],
            paragraphs=tuple(pay_paragraphs),
            bullets=choices.benefits,
        ),
        JobSection(
            "how_to_apply",
            heading["how_to_apply"],
            paragraphs=_paragraphs(choices.how_to_apply) or (texts.default_how_to_apply,),
        ),
    ]
    if choices.include_eeo:
        sections.append(
            JobSection(
                "eeo", heading["eeo"], paragraphs=(texts.eeo_statement.format(company=company),)
            )
        )
    return JobDescription(title=title_line, sections=tuple(sections))
