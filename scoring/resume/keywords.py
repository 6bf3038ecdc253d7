"""ATS keyword coverage: found and missing by category, how and where, and stuffing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from scoring.resume.components import TermHit
from scoring.resume.lexicon import KEYWORD_CATEGORIES, StuffingRule, TermGroup

# Where a piece of resume text sits, as far as keyword placement is concerned.
IN_BULLETS = "bullets"
IN_SKILLS = "skills"
ELSEWHERE = "elsewhere"


@dataclass(frozen=True)
class KeywordFinding:
    """One keyword group the resume uses: how it matched, how often and where."""

    label: str
    category: str
    match: str  # "exact" when the published keyword appears, else "variant"
    matched_as: tuple[str, ...]
    count: int
    in_bullets: int
    in_skills: int
    elsewhere: int

    @property
    def where(self) -> str:
        """'bullets', 'skills_only' or 'elsewhere' (summary, titles) for the report."""
        if self.in_bullets:
            return "bullets"
        if self.in_skills and not self.elsewhere:
            return "skills_only"
        return "elsewhere"

    def to_dict(self) -> dict[str, Any]:
        """The API shape of a found keyword."""
        return {
            "keyword": self.label,
            "category": self.category,
            "match": self.match,
            "matched_as": list(self.matched_as),
            "count": self.count,
            "where": self.where,
        }


@dataclass(frozen=True)
class StuffingFlag:
    """A sign of keyword stuffing, with the evidence."""

    kind: str  # "repeated" or "unsupported_skills"
    terms: tuple[str, ...]
    count: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The API shape of a stuffing flag."""
        return {
            "kind": self.kind,
            "terms": list(self.terms),
            "count": self.count,
            "message": self.message,
        }


@dataclass(frozen=True)
class KeywordCoverage:
    """Every keyword group of the lexicon, found or missing, and any stuffing."""

    found: tuple[KeywordFinding, ...]
    missing: tuple[TermGroup, ...]
    stuffing: tuple[StuffingFlag, ...]

    def by_category(self) -> dict[str, dict[str, Any]]:
        """Found and missing keywords per category (hard, soft, industry)."""
        out: dict[str, dict[str, Any]] = {}
        for category in KEYWORD_CATEGORIES:
            found = [f.label for f in self.found if f.category == category]
            missing = [g.label for g in self.missing if g.category == category]
            total = len(found) + len(missing)
            out[category] = {
                "found": found,
                "missing": missing,
                "share": round(len(found) / total, 3) if total else 0.0,
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        """The API shape: found, missing, by_category (and stuffing, reported apart)."""
        return {
            "found": [f.to_dict() for f in self.found],
            "missing": [{"keyword": g.label, "category": g.category} for g in self.missing],
            "by_category": self.by_category(),
        }


def keyword_coverage(
    segments: Iterable[tuple[str, Sequence[TermHit]]],
    groups: Sequence[TermGroup],
    *,
    word_count: int,
    rule: StuffingRule,
) -> KeywordCoverage:
    """Tally keyword hits per place ('bullets', 'skills', 'elsewhere') into a coverage report."""
    tally: dict[str, dict[str, int]] = {}
    spellings: dict[str, dict[str, None]] = {}
    exact: set[str] = set()
    for place, hits in segments:
        for hit in hits:
            counts = tally.setdefault(hit.label, {IN_BULLETS: 0, IN_SKILLS: 0, ELSEWHERE: 0})
            counts[place if place in counts else ELSEWHERE] += 1
            spellings.setdefault(hit.label, {})[hit.text.lower()] = None
            if hit.match == "exact":
                exact.add(hit.label)
    found: list[KeywordFinding] = []
    missing: list[TermGroup] = []
    for group in groups:
        if group.label not in tally:
            missing.append(group)
            continue
        counts = tally[group.label]
        found.append(
            KeywordFinding(
                label=group.label,
                category=group.category,
                match="exact" if group.label in exact else "variant",
                matched_as=tuple(spellings[group.label]),
                count=sum(counts.values()),
                in_bullets=counts[IN_BULLETS],
                in_skills=counts[IN_SKILLS],
                elsewhere=counts[ELSEWHERE],
            )
        )
    return KeywordCoverage(tuple(found), tuple(missing), detect_stuffing(found, word_count, rule))


def detect_stuffing(
    found: Sequence[KeywordFinding], word_count: int, rule: StuffingRule
) -> tuple[StuffingFlag, ...]:
    """Flag keywords repeated far beyond natural use and a skills list no bullet supports."""
    flags = []
    for f in found:
        share = f.count / word_count if word_count else 0.0
        # The share test needs a few repeats, so a short resume that names its CRM
        # in three bullets is not called stuffed.
        repeated = f.count >= rule.min_repeats_for_share and share > rule.max_share
        if f.count > rule.max_repeats or repeated:
            flags.append(
                StuffingFlag(
                    "repeated",
                    (f.label,),
                    f.count,
                    f"'{f.label}' appears {f.count} times; an ATS counts a keyword once, "
                    "and a recruiter reads repetition as stuffing.",
                )
            )
    listed = [f for f in found if f.in_skills]
    if len(listed) >= rule.unsupported_min_terms:
        unsupported = [f for f in listed if not (f.in_bullets or f.elsewhere)]
        supported_share = 1 - len(unsupported) / len(listed)
        if supported_share < rule.supported_min_share:
            flags.append(
                StuffingFlag(
                    "unsupported_skills",
                    tuple(f.label for f in unsupported),
                    len(unsupported),
                    f"{len(unsupported)} of the {len(listed)} keywords in your skills list "
                    "appear in no bullet or summary; show each one at work in a bullet.",
                )
            )
    return tuple(flags)


def keyword_credit(coverage: KeywordCoverage, skills_only_credit: float) -> float:
    """Distinct keywords found, a skills-list-only keyword counting ``skills_only_credit``."""
    return sum(skills_only_credit if f.where == "skills_only" else 1.0 for f in coverage.found)
