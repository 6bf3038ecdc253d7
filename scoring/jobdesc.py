"""Compose a job posting from a role, the recruiter's choices and a pay range."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from scoring.models.base import load_file
from scoring.models.jobdesc import (
    HEADING_KEYS,
    WORK_MODES,
    JobDescriptionFile,
    PayChecks,
)
from scoring.roles import Role

WorkMode = Literal["onsite", "hybrid", "remote"]

# The posting's sections, in the order they are always written.
SECTION_KEYS: tuple[str, ...] = ("title", *HEADING_KEYS)

__all__ = [
    "SECTION_KEYS",
    "WORK_MODES",
    "JobChoices",
    "JobDescription",
    "JobDescriptionTexts",
    "JobSection",
    "PayRange",
    "compose_job_description",
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
    pay_checks: PayChecks


def load_jobdesc_texts(root: Path, sources: Mapping[str, object]) -> JobDescriptionTexts:
    """Load content/jobdesc.yaml (``root`` is the content directory)."""
    doc = load_file(JobDescriptionFile, root / "jobdesc.yaml", {"sources": sources})
    return JobDescriptionTexts(
        headings=MappingProxyType({key: doc.headings[key] for key in HEADING_KEYS}),
        work_mode_labels=MappingProxyType({m: doc.work_modes[m].label for m in WORK_MODES}),
        work_mode_phrases=MappingProxyType({m: doc.work_modes[m].phrase for m in WORK_MODES}),
        templates=MappingProxyType(dict(doc.templates)),
        currency_symbols=MappingProxyType(dict(doc.currencies)),
        period_labels=MappingProxyType(dict(doc.periods)),
        default_how_to_apply=doc.default_how_to_apply,
        eeo_statement=doc.eeo_statement,
        pay_checks=doc.pay_checks,
    )


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
    texts: JobDescriptionTexts,
) -> JobDescription:
    """Build the posting's sections in their fixed order, in the wording of ``texts``."""
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
