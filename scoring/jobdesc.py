"""Compose a job posting from a role, the recruiter's choices and a pay range."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from scoring.models.base import load_file
from scoring.models.jobdesc import (
    HEADING_KEYS,
    WORK_MODES,
    JobDescriptionFile,
    LevelText,
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
    "format_date",
    "load_jobdesc_texts",
    "with_article",
]


@dataclass(frozen=True)
class JobDescriptionTexts:
    """The generic wording a posting uses, from content/jobdesc.yaml."""

    headings: Mapping[str, str]
    work_mode_labels: Mapping[str, str]
    work_mode_lines: Mapping[str, str]
    work_mode_phrases: Mapping[str, str]
    templates: Mapping[str, str]
    commission: Mapping[str, str]
    commission_labels: Mapping[str, str]
    currency_symbols: Mapping[str, str]
    period_labels: Mapping[str, str]
    default_how_to_apply: str
    eeo_statement: str
    levels: Mapping[str, LevelText]
    pay_checks: PayChecks
    us_names: frozenset[str]
    us_states: Mapping[str, str]

    def remote_area(self, states: Iterable[str]) -> str:
        """Where a remote hire may live: ``the United States`` or ``Colorado or New York``."""
        names = [self.us_states[s] for s in states]
        if not names:
            return self.templates["remote_anywhere"]
        joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        return self.templates["remote_states"].format(states=joined)


def load_jobdesc_texts(root: Path, sources: Mapping[str, object]) -> JobDescriptionTexts:
    """Load content/jobdesc.yaml (``root`` is the content directory)."""
    doc = load_file(JobDescriptionFile, root / "jobdesc.yaml", {"sources": sources})
    return JobDescriptionTexts(
        headings=MappingProxyType({key: doc.headings[key] for key in HEADING_KEYS}),
        work_mode_labels=MappingProxyType({m: doc.work_modes[m].label for m in WORK_MODES}),
        work_mode_lines=MappingProxyType({m: doc.work_modes[m].line for m in WORK_MODES}),
        work_mode_phrases=MappingProxyType({m: doc.work_modes[m].phrase for m in WORK_MODES}),
        templates=MappingProxyType(dict(doc.templates)),
        commission=MappingProxyType(dict(doc.commission)),
        commission_labels=MappingProxyType(dict(doc.commission_labels)),
        currency_symbols=MappingProxyType(dict(doc.currencies)),
        period_labels=MappingProxyType(dict(doc.periods)),
        default_how_to_apply=doc.default_how_to_apply,
        eeo_statement=doc.eeo_statement,
        levels=MappingProxyType(dict(doc.levels)),
        pay_checks=doc.pay_checks,
        us_names=frozenset(name.casefold() for name in doc.us_names),
        us_states=MappingProxyType(dict(doc.us_states)),
    )


def _clean_lines(lines: Iterable[str]) -> tuple[str, ...]:
    """Strip each line and drop the blank ones."""
    return tuple(line.strip() for line in lines if line and line.strip())


@dataclass(frozen=True)
class JobChoices:
    """What the recruiter chose or typed into the builder.

    ``place`` is where the work happens (``Denver, Colorado``) and ``remote_states`` the
    state codes a remote hire may live in (empty: anywhere in the United States).
    """

    company_name: str
    company_summary: str
    industry_label: str
    work_mode: WorkMode
    job_title: str = ""
    place: str = ""
    remote_states: tuple[str, ...] = ()
    reports_to: str = ""
    portfolio_size: str = ""
    extra_responsibilities: tuple[str, ...] = ()
    extra_requirements: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    how_to_apply: str = ""
    include_eeo: bool = True
    deadline: date | None = None
    commission: Literal["none", "part", "solely"] = "none"

    def __post_init__(self) -> None:
        """Trim what was typed; refuse an unknown work mode or a missing company name."""
        if self.work_mode not in WORK_MODES:
            raise ValueError(
                f"work_mode must be one of {', '.join(WORK_MODES)} (got '{self.work_mode}')"
            )
        for name in ("company_name", "industry_label"):
            if not getattr(self, name).strip():
                raise ValueError(f"{name} must not be empty")
        if self.work_mode != "remote" and not self.place.strip():
            raise ValueError("place must not be empty for an on-site or hybrid job")
        for name in (
            "company_name",
            "company_summary",
            "industry_label",
            "job_title",
            "place",
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
        """The band as a reader sees it: ``$62,000``, an en dash, ``$84,000 a year``
        (one figure when both ends are the same)."""
        if self.currency not in texts.currency_symbols:
            raise ValueError(f"no symbol configured for currency '{self.currency}'")
        if self.period not in texts.period_labels:
            raise ValueError(f"no wording configured for pay period '{self.period}'")
        symbol = texts.currency_symbols[self.currency]
        period = texts.period_labels[self.period]
        if self.low == self.high:
            return texts.templates["pay_fixed"].format(
                symbol=symbol, amount=f"{self.low:,}", period=period
            )
        return texts.templates["pay_range"].format(
            symbol=symbol, low=f"{self.low:,}", high=f"{self.high:,}", period=period
        )


@dataclass(frozen=True)
class JobSection:
    """One part of the posting: a heading with paragraphs, bullets or both."""

    key: str
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


# Characters that can start inline markup wherever they stand (emphasis, code, links,
# strikethrough, raw HTML). Parentheses, "#", "!" and "+" are left alone: without a
# "[" or a line start before them they are plain text in CommonMark, so "401(k)" stays.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]~])")
# What starts a block at the beginning of a line: a heading, a quote, a bullet marker,
# or the dot or parenthesis of an ordered-list number.
_BLOCK_START = re.compile(r"^(#|>|[-+*](?=\s|$)|\d+[.)](?=\s|$))")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def escape_markdown(text: str) -> str:
    """Make plain text inert in Markdown with as few backslashes as that takes: no
    markup, links, raw HTML or entities survive, and ``401(k)`` stays ``401(k)``."""
    flat = " ".join(text.split())
    flat = _ENTITY_LIKE.sub("&amp;", flat)
    flat = flat.replace("<", "&lt;").replace(">", "&gt;")
    flat = _INLINE_SPECIALS.sub(r"\\\1", flat)
    match = _BLOCK_START.match(flat)
    if match:
        marker = match.group(1)
        # "1." becomes "1\\.", a "#" or "-" gets a backslash before it.
        cut = len(marker) - 1 if marker[0].isdigit() else 0
        flat = flat[:cut] + "\\" + flat[cut:]
    return flat


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
        """The posting as plain text a job board's editor takes as it is: headings on
        their own line, bullets as "- ", nothing underlined, everything as typed."""
        blocks: list[str] = []
        for section in self.sections:
            bullets = [f"- {b}" for b in section.bullets]
            # The heading sits right above its first paragraph, or its list when the
            # section has no paragraph, the same way in every section.
            if section.paragraphs:
                blocks.append(f"{section.heading}\n{section.paragraphs[0]}")
                blocks.extend(section.paragraphs[1:])
                if bullets:
                    blocks.append("\n".join(bullets))
            else:
                blocks.append("\n".join([section.heading, *bullets]))
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


def with_article(title: str) -> str:
    """``an Account Manager``, ``a Senior Account Manager`` (by the first letter)."""
    return f"{'an' if title[:1].upper() in 'AEIOU' else 'a'} {title}"


def format_date(day: date) -> str:
    """``January 15, 2027``: the US way of writing a date in prose."""
    return f"{day:%B} {day.day}, {day.year}"


def _must_haves(role: Role, texts: JobDescriptionTexts) -> tuple[str, ...]:
    """The role's must-haves with the level's experience line first, stating the role's
    one years figure; the role line it replaces (if any) is left out."""
    level = texts.levels.get(role.slug)
    if level is None:
        return role.requirements.must_have
    rest = tuple(
        line for i, line in enumerate(role.requirements.must_have) if i != level.experience_replaces
    )
    return (level.experience.format(years=role.years.label), *rest)


def compose_job_description(
    role: Role,
    choices: JobChoices,
    pay: PayRange,
    texts: JobDescriptionTexts,
) -> JobDescription:
    """Build the posting's sections in their fixed order, in the wording of ``texts``."""
    tpl = texts.templates
    company = choices.company_name
    title = choices.job_title or role.title
    area = texts.remote_area(choices.remote_states)
    place_line = texts.work_mode_lines[choices.work_mode].format(place=choices.place, area=area)
    where = texts.work_mode_phrases[choices.work_mode].format(place=choices.place, area=area)
    about = _paragraphs(choices.company_summary) or (
        tpl["about_fallback"].format(company=company, industry=choices.industry_label),
    )
    level = texts.levels.get(role.slug)
    summary = [tpl["intro"].format(company=company, a_title=with_article(title), where=where)]
    if choices.reports_to:
        summary.append(tpl["reports_to"].format(reports_to=choices.reports_to))
    summary.append(level.summary if level else role.summary)
    if choices.portfolio_size:
        summary.append(tpl["portfolio"].format(portfolio=choices.portfolio_size))
    pay_paragraphs = [tpl["pay_line"].format(range=pay.format(texts))]
    if choices.commission != "none":
        pay_paragraphs.append(texts.commission[choices.commission])
    apply = _paragraphs(choices.how_to_apply) or (
        level.how_to_apply if level else texts.default_how_to_apply,
    )
    if choices.deadline is not None:
        apply = (*apply, tpl["deadline"].format(date=format_date(choices.deadline)))
    heading = texts.headings
    sections = [
        JobSection("title", title, paragraphs=(place_line,)),
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
            bullets=_must_haves(role, texts) + choices.extra_requirements,
        ),
        JobSection("nice_to_have", heading["nice_to_have"], bullets=role.requirements.nice_to_have),
        # The measures only: the targets in content/roles are sources' figures, and a
        # posting states the employer's own, if any.
        JobSection("kpis", heading["kpis"], bullets=tuple(k.name for k in role.kpis)),
        JobSection(
            "compensation",
            heading["compensation"],
            paragraphs=tuple(pay_paragraphs),
            bullets=choices.benefits,
        ),
        JobSection("how_to_apply", heading["how_to_apply"], paragraphs=tuple(apply)),
    ]
    if choices.include_eeo:
        sections.append(
            JobSection(
                "eeo", heading["eeo"], paragraphs=(texts.eeo_statement.format(company=company),)
            )
        )
    return JobDescription(title=title, sections=tuple(sections))
