"""What the top of the report needs beyond the findings: where each fix applies, why each
part of the score is what it is, the bullets in the order worth reading, and what changed
since the previous check.

The previous check travels in the form itself (a hidden field holding the score, the
keywords found and each bullet's verdict): nothing is kept on the server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scoring.resume.bullets import VERDICTS
from scoring.resume.keywords import keyword_credit
from scoring.resume.lexicon import ScoringRules
from scoring.resume.report import ResumeReport

# The hidden field never holds more than a resume's worth of bullets and keywords.
MAX_PREVIOUS_CHARS = 120_000

# Bullet fixes: what a bullet lacks for the fix to concern it (as scoring's candidate_fixes).
_BULLET_NEEDS = {
    "metrics": lambda b: b["metric"] is None,
    "action_verbs": lambda b: b["action_verb"] is None,
    "impact": lambda b: not b["impact"],
    "weak_phrases": lambda b: bool(b["weak_phrases"]),
}
_KEYWORD_FIXES = ("keyword_placement", "missing_keywords", "stuffing")
_RANK = {verdict: rank for rank, verdict in enumerate(reversed(VERDICTS))}


@dataclass(frozen=True)
class FixTarget:
    """Where on the page a fix applies: an element id and what kind of place it is."""

    anchor: str
    kind: str  # "bullet", "keywords" or "sections"
    bullet: int | None = None  # 1-based position of the bullet in the resume


def bullet_anchor(number: int) -> str:
    """The element id of the n-th bullet's card (1-based, in the resume's order)."""
    return f"bullet-{number}"


# A blank a rewrite leaves to fill ("[N]", "$[X]", "[Y]%", "[result]") or a template's
# ("[Company Name]"): a few words in square brackets.
_BLANK = re.compile(r"\[[A-Za-z][A-Za-z ]{0,24}\]")


def unfilled_blanks(bullets: Sequence[Mapping[str, Any]]) -> list[tuple[int, str]]:
    """The bullets (1-based number, first blank) that still hold a blank in brackets: an
    accepted rewrite's "[N]" must not go out to an employer."""
    found = []
    for number, bullet in enumerate(bullets, start=1):
        blank = _BLANK.search(bullet["text"])
        if blank:
            found.append((number, blank.group()))
    return found


def fix_target(fix_id: str, bullets: Sequence[Mapping[str, Any]]) -> FixTarget | None:
    """The bullet or section a fix concerns: the first bullet it applies to (a weak or fair
    one before a strong one), the keyword table, or the sections panel."""
    needs = _BULLET_NEEDS.get(fix_id)
    if needs is not None:
        todo = [i for i, b in enumerate(bullets, start=1) if needs(b)]
        if not todo:
            return None
        first = min(todo, key=lambda i: (_RANK[bullets[i - 1]["verdict"]], i))
        return FixTarget(bullet_anchor(first), "bullet", first)
    if fix_id in _KEYWORD_FIXES:
        return FixTarget("keywords", "keywords")
    if fix_id.startswith("section:") or fix_id == "length":
        return FixTarget("ats-sections", "sections")
    return None


def reading_order(bullets: Sequence[Mapping[str, Any]]) -> list[tuple[int, Mapping[str, Any]]]:
    """(1-based number, bullet) with weak bullets first, then fair, then strong."""
    numbered = list(enumerate(bullets, start=1))
    return sorted(numbered, key=lambda nb: (_RANK[nb[1]["verdict"]], nb[0]))


def part_facts(report: ResumeReport, rules: ScoringRules) -> dict[str, dict[str, Any]]:
    """The counts behind each part of the score, for the sentence saying why it is so."""
    bullets = report.bullets
    found = report.coverage.found
    credit = keyword_credit(report.coverage, rules.keywords.skills_only_credit)
    kw = rules.keywords
    n = len(bullets)
    titles = report.weights.get("relevant_titles")
    return {
        "keywords": {
            "credit": credit,
            "target": kw.target,
            "found": len(found),
            "total": len(found) + len(report.coverage.missing),
            "skills_only": sum(1 for f in found if f.where == "skills_only"),
        },
        "relevant_titles": {
            "share": report.score.parts.get("relevant_titles", 0.0) / titles if titles else 0.0
        },
        "keyword_placement": {"n": sum(1 for f in found if f.in_bullets), "of": len(found)},
        "action_verbs": {"n": sum(1 for b in bullets if b.action_verb), "of": n},
        "metrics": {"n": sum(1 for b in bullets if b.metric), "of": n},
        "impact": {"n": sum(1 for b in bullets if b.impact), "of": n},
        "no_weak_phrases": {"n": sum(1 for b in bullets if not b.weak_phrases), "of": n},
        "sections": {
            "found": list(report.sections["found"]),
            "missing": list(report.sections["missing"]),
        },
        # The bullet parts count in full only from this much keyword credit (scoring.yaml).
        "bullet_parts": {
            "full": credit >= kw.target * kw.bullets_full_at,
            "full_at": kw.target * kw.bullets_full_at,
        },
    }


# --- before and after ------------------------------------------------------------------


@dataclass(frozen=True)
class CheckState:
    """What a later check is compared with: the score, keywords found, bullet verdicts."""

    score: int
    keywords: tuple[str, ...]
    bullets: tuple[tuple[str, str], ...]  # (text, verdict)

    def dumps(self) -> str:
        """The state as the form's hidden field carries it."""
        return json.dumps(
            {"score": self.score, "keywords": self.keywords, "bullets": self.bullets},
            separators=(",", ":"),
            ensure_ascii=False,
        )


def check_state(body: Mapping[str, Any]) -> CheckState | None:
    """The state of a report as the API answers it (None without a score)."""
    if body.get("score") is None:
        return None
    return CheckState(
        int(body["score"]),
        tuple(k["keyword"] for k in body["keywords"]["found"]),
        tuple((b["text"], b["verdict"]) for b in body["bullets"]),
    )


def read_state(raw: str | None) -> CheckState | None:
    """The previous check from the hidden field; anything malformed is ignored (None)."""
    if not raw or len(raw) > MAX_PREVIOUS_CHARS:
        return None
    try:
        data = json.loads(raw)
        score = data["score"]
        keywords = tuple(str(k) for k in data["keywords"])
        bullets = tuple((str(t), str(v)) for t, v in data["bullets"])
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(score, int) or isinstance(score, bool) or not 0 <= score <= 100:
        return None
    if any(v not in _RANK for _, v in bullets):
        return None
    return CheckState(score, keywords, bullets)


@dataclass(frozen=True)
class BulletChange:
    """A bullet whose verdict moved between two checks."""

    number: int
    text: str
    before: str
    after: str

    @property
    def up(self) -> bool:
        """Whether the verdict got better."""
        return _RANK[self.after] > _RANK[self.before]


@dataclass(frozen=True)
class Changes:
    """What changed between the previous check and this one."""

    score_before: int
    score_after: int
    bullets: tuple[BulletChange, ...]
    keywords_gained: tuple[str, ...]
    keywords_lost: tuple[str, ...]

    @property
    def moved_up(self) -> tuple[BulletChange, ...]:
        """Bullets whose verdict got better."""
        return tuple(c for c in self.bullets if c.up)

    @property
    def moved_down(self) -> tuple[BulletChange, ...]:
        """Bullets whose verdict got worse."""
        return tuple(c for c in self.bullets if not c.up)


def compare(before: CheckState, after: CheckState) -> Changes:
    """The changes from ``before`` to ``after``. Bullets are paired by position when the
    resume has as many as before (an edit changes a bullet's words, not its place), else
    by their text."""
    pairs: list[tuple[int, str, str, str]] = []
    if len(before.bullets) == len(after.bullets):
        for i, ((_, was), (text, now)) in enumerate(
            zip(before.bullets, after.bullets, strict=True), start=1
        ):
            pairs.append((i, text, was, now))
    else:
        earlier = dict(before.bullets)
        for i, (text, now) in enumerate(after.bullets, start=1):
            if text in earlier:
                pairs.append((i, text, earlier[text], now))
    moved = tuple(BulletChange(i, t, was, now) for i, t, was, now in pairs if was != now)
    had, has = set(before.keywords), set(after.keywords)
    return Changes(
        before.score,
        after.score,
        moved,
        tuple(k for k in after.keywords if k not in had),
        tuple(k for k in before.keywords if k not in has),
    )
