"""ATS keyword coverage by level: found and missing by category, how and where, and stuffing.

Each level has its own targets (level_keywords.yaml's ``common`` and ``levels``, plus the
keywords its role page names) and every keyword its weight (scoring.yaml's ``keywords``):
a role-defining hard skill or industry term above a soft skill, a generic soft skill
worth little, a keyword the level does not target worth a share of its weight. Found
keywords are every lexicon keyword the resume uses; missing ones are the level's targets
it does not, the most valuable first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from scoring.models.matching import KeywordScoring, LevelKeywordsFile
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
    most_in_one_bullet: int = 0

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
class LevelTargets:
    """The keywords one level is checked for, and what every keyword is worth there."""

    level: str
    targets: tuple[TermGroup, ...]  # the most valuable first
    weights: Mapping[str, float]  # every keyword's label -> its worth at this level

    def weight(self, label: str) -> float:
        """A keyword's worth at this level (0 for a label not in the lexicon)."""
        return self.weights.get(label, 0.0)


def level_targets(
    groups: Sequence[TermGroup],
    by_level: LevelKeywordsFile,
    scoring: KeywordScoring,
    role_named: Mapping[str, Iterable[str]],
) -> Mapping[str, LevelTargets]:
    """Each level's targets and weights, from the content and the keywords its role page
    names (``role_named``: level -> labels found in its skills, duties and requirements)."""
    generic = {label.lower() for label in by_level.generic}
    categories = scoring.categories.model_dump()

    def worth(group: TermGroup) -> float:
        if group.label.lower() in generic:
            return scoring.generic
        return float(categories.get(group.category, 0.0))

    out: dict[str, LevelTargets] = {}
    for level, own in by_level.levels.items():
        wanted = {label.lower() for label in (*by_level.common, *own)}
        wanted.update(label.lower() for label in role_named.get(level, ()))
        targets = [g for g in groups if g.label.lower() in wanted]
        targets.sort(key=lambda g: -worth(g))  # stable: the lexicon's order within a weight
        weights = {
            g.label: worth(g) * (1.0 if g.label.lower() in wanted else scoring.related_share)
            for g in groups
        }
        out[level] = LevelTargets(level, tuple(targets), MappingProxyType(weights))
    return MappingProxyType(out)


@dataclass(frozen=True)
class KeywordCoverage:
    """Every lexicon keyword the resume uses, the level's targets it misses, and stuffing."""

    found: tuple[KeywordFinding, ...]
    missing: tuple[TermGroup, ...]
    stuffing: tuple[StuffingFlag, ...]
    #: Each keyword's worth at the level checked (empty: every keyword worth 1).
    weights: Mapping[str, float] = field(default_factory=dict)

    def weight(self, label: str) -> float:
        """A keyword's worth at the level checked."""
        return self.weights.get(label, 0.0) if self.weights else 1.0

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
    targets: LevelTargets | None = None,
) -> KeywordCoverage:
    """Tally keyword hits per place ('bullets', 'skills', 'elsewhere') into a coverage report.

    :param targets: the level checked; missing keywords are its targets (None: every
        group, each worth 1).
    """
    tally: dict[str, dict[str, int]] = {}
    spellings: dict[str, dict[str, None]] = {}
    exact: set[str] = set()
    piled: dict[str, int] = {}
    for place, hits in segments:
        if place == IN_BULLETS:
            for label in {hit.label for hit in hits}:
                here = sum(1 for hit in hits if hit.label == label)
                piled[label] = max(piled.get(label, 0), here)
        for hit in hits:
            counts = tally.setdefault(hit.label, {IN_BULLETS: 0, IN_SKILLS: 0, ELSEWHERE: 0})
            counts[place if place in counts else ELSEWHERE] += 1
            spellings.setdefault(hit.label, {})[hit.text.lower()] = None
            if hit.match == "exact":
                exact.add(hit.label)
    found: list[KeywordFinding] = []
    for group in groups:
        if group.label not in tally:
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
                most_in_one_bullet=piled.get(group.label, 0),
            )
        )
    wanted = targets.targets if targets else groups
    missing = tuple(g for g in wanted if g.label not in tally)
    return KeywordCoverage(
        tuple(found),
        missing,
        detect_stuffing(found, word_count, rule),
        targets.weights if targets else {},
    )


def detect_stuffing(
    found: Sequence[KeywordFinding], word_count: int, rule: StuffingRule
) -> tuple[StuffingFlag, ...]:
    """Flag keywords repeated far beyond natural use and a skills list no bullet supports."""
    flags = []
    for f in found:
        share = f.count / word_count if word_count else 0.0
        # The share test needs a few repeats, so a short resume that names its CRM
        # in three bullets is not called stuffed; a field's own words recur naturally
        # across a resume, so piling one into a single bullet is the clearer sign.
        dense = f.count >= rule.min_repeats_for_share and share > rule.max_share
        piled = f.most_in_one_bullet > rule.max_in_one_bullet
        if f.count > rule.max_repeats or dense or piled:
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
    """The worth of the distinct keywords found, a skills-list-only keyword counting
    ``skills_only_credit`` of its worth. Repeating a keyword adds nothing."""
    return sum(
        coverage.weight(f.label) * (skills_only_credit if f.where == "skills_only" else 1.0)
        for f in coverage.found
    )


def title_relevance(titles: Iterable[str | None], phrases: Iterable[str]) -> float:
    """The share of job titles (and headline) that name account or sales work."""
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b"
    )
    read = [t.lower() for t in titles if t and t.strip()]
    return sum(1 for t in read if pattern.search(t)) / len(read) if read else 0.0
