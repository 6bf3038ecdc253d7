"""Which pay-transparency laws reach a posting, and whether the posting shows what each asks.

The laws are data (content/pay_transparency.yaml); this module applies them to a posting's
place, remote reach, employer headcount and date, and to what the posting shows: a pay
range, benefits, a deadline, a commission statement. :func:`read_posting_facts` finds
those in a pasted posting's text; the builder knows them from the recruiter's fields.
A checklist, never legal advice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from scoring.models.base import load_file
from scoring.models.pay_transparency import (
    Jurisdiction,
    PayTransparencyFile,
    PostingDetection,
)

Commission = Literal["none", "part", "solely"]
COMMISSION_CHOICES: tuple[str, ...] = ("none", "part", "solely")
WORK_MODES: tuple[str, ...] = ("onsite", "hybrid", "remote")

__all__ = [
    "COMMISSION_CHOICES",
    "Commission",
    "PayTransparencyFile",
    "PayTransparencyReport",
    "PostingFacts",
    "PostingPlace",
    "check_pay_transparency",
    "load_pay_transparency",
    "read_posting_facts",
]


def load_pay_transparency(root: Path, sources: Any) -> PayTransparencyFile:
    """Load content/pay_transparency.yaml (``root`` is the content directory)."""
    return load_file(PayTransparencyFile, root / "pay_transparency.yaml", {"sources": sources})


@dataclass(frozen=True)
class PostingPlace:
    """Where the job is, who may fill it, who is hiring and when the posting goes out.

    ``city`` and ``state`` name the place of work, or for a remote job the office it
    reports to (both may be empty). ``remote_states`` lists the states a remote hire may
    live in; empty means anywhere in the United States. ``employees`` is the employer's
    headcount when known.
    """

    on: date
    work_mode: str = "onsite"
    city: str = ""
    state: str = ""
    country: str = "US"
    remote_states: tuple[str, ...] = ()
    employees: int | None = None

    def describe(self) -> str:
        """``Denver, CO``, ``CO`` or ``no place given``."""
        parts = [p for p in (self.city.strip(), self.state) if p]
        return ", ".join(parts) if parts else "no place given"


@dataclass(frozen=True)
class PostingFacts:
    """What a posting shows that the laws ask about."""

    pay_low: int | None = None
    pay_high: int | None = None
    open_ended: bool = False
    benefits: bool = False
    deadline: bool = False
    commission_statement: bool = False
    commission: Commission = "none"

    @property
    def has_range(self) -> bool:
        """A minimum and a maximum, both known."""
        return self.pay_low is not None and self.pay_high is not None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for a JSON answer or a page."""
        return {
            "pay_low": self.pay_low,
            "pay_high": self.pay_high,
            "open_ended": self.open_ended,
            "benefits": self.benefits,
            "deadline": self.deadline,
            "commission_statement": self.commission_statement,
        }


@dataclass(frozen=True)
class RequirementCheck:
    """One thing a law asks of the posting, and whether the posting does it."""

    id: str
    label: str
    met: bool
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "met": self.met, "message": self.message}


@dataclass(frozen=True)
class JurisdictionCheck:
    """One law: whether it reaches the posting, why, and each requirement's result."""

    rule: Jurisdiction
    applies: bool
    why: str
    requirements: tuple[RequirementCheck, ...] = ()

    @property
    def compliant(self) -> bool:
        """Every requirement met (true when the law does not apply)."""
        return all(r.met for r in self.requirements)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.rule.id,
            "name": self.rule.name,
            "applies": self.applies,
            "why": self.why,
            "requirements": [r.to_dict() for r in self.requirements],
            "source": self.rule.source,
            "effective": self.rule.effective.isoformat(),
            "checked": self.rule.checked.isoformat(),
            "verified": self.rule.verified,
            "note": self.rule.note,
        }


@dataclass(frozen=True)
class PayTransparencyReport:
    """The checklist for one posting: every law, the ones that apply first."""

    jurisdictions: tuple[JurisdictionCheck, ...]
    disclaimer: str

    @property
    def applicable(self) -> tuple[JurisdictionCheck, ...]:
        return tuple(j for j in self.jurisdictions if j.applies)

    @property
    def not_applicable(self) -> tuple[JurisdictionCheck, ...]:
        return tuple(j for j in self.jurisdictions if not j.applies)

    @property
    def compliant(self) -> bool:
        """Every requirement of every law that applies is met."""
        return all(j.compliant for j in self.applicable)

    @property
    def problems(self) -> tuple[tuple[JurisdictionCheck, RequirementCheck], ...]:
        """Each unmet requirement with its law, in order."""
        return tuple((j, r) for j in self.applicable for r in j.requirements if not r.met)

    def to_dict(self) -> dict[str, Any]:
        return {
            "jurisdictions": [j.to_dict() for j in self.jurisdictions],
            "compliant": self.compliant,
            "disclaimer": self.disclaimer,
        }


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _in_place(rule: Jurisdiction, place: PostingPlace) -> bool:
    """The place (or the office a remote job reports to) lies in the rule's state or city."""
    if place.state != rule.state:
        return False
    return not rule.cities or _norm(place.city) in {_norm(c) for c in rule.cities}


def _reach(rule: Jurisdiction, place: PostingPlace) -> tuple[bool, str]:
    """Whether the rule reaches this posting's place of work, and why (or why not)."""
    if place.country != "US":
        return False, "The job is outside the United States."
    if place.work_mode != "remote":
        if _in_place(rule, place):
            return True, f"The job is done in {rule.name} ({place.describe()})."
        return False, f"The job is done outside {rule.name} ({place.describe()})."
    may_live = not place.remote_states or rule.state in place.remote_states
    where = "anywhere in the United States" if not place.remote_states else "in the listed states"
    if "residence" in rule.reach and may_live:
        return True, f"The job is remote and a hire may live {where}, so in {rule.name} too."
    if "reports_to" in rule.reach and _in_place(rule, place):
        return True, f"The remote job reports to an office in {rule.name}."
    if may_live and _in_place(rule, place):
        return True, f"The remote job is based in {rule.name} and a hire may live there."
    if may_live:
        return False, (
            f"The job is remote; {rule.name}'s law does not say it reaches remote jobs "
            "that are not based there."
        )
    return False, f"The job is remote and a hire may not live in {rule.name}."


def _coverage(rule: Jurisdiction, place: PostingPlace) -> tuple[bool, str]:
    """Date, place and headcount together: whether the rule applies, and why."""
    if place.on < rule.effective:
        return False, f"{rule.name}'s rule is in force from {rule.effective.isoformat()}."
    reaches, why = _reach(rule, place)
    if not reaches:
        return False, why
    counted = f" in {rule.name}" if rule.employees_in_state else ""
    threshold = f"employers with {rule.min_employees} or more employees{counted}"
    if place.employees is None:
        if rule.min_employees <= 1:
            return True, why
        return True, f"{why} It covers {threshold}; no headcount was given."
    if place.employees < rule.min_employees:
        return False, f"It covers {threshold}; you have {place.employees}."
    return True, f"{why} It covers {threshold}."


def _commission_needed(rule: Jurisdiction, facts: PostingFacts) -> bool:
    """Whether this rule asks this posting for a commission statement."""
    if rule.commission is None or facts.commission == "none":
        return False
    return rule.commission == "any" or facts.commission == "solely"


def _requirements(
    rule: Jurisdiction, facts: PostingFacts, rules: PayTransparencyFile
) -> tuple[RequirementCheck, ...]:
    texts = rules.requirements
    out: list[RequirementCheck] = []
    commission = _commission_needed(rule, facts)
    for req in rule.requirements:
        text = texts[req]
        if req == "pay_range":
            if commission and facts.commission_statement:
                # Both laws with a commission rule accept the statement in place of a range.
                statement = texts["commission_statement"].met
                out.append(RequirementCheck(req, text.label, True, statement))
                continue
            if facts.open_ended:
                met, message = False, text.open_ended or text.missing
            elif not facts.has_range:
                met, message = False, text.missing
            elif facts.pay_low == facts.pay_high and not rule.fixed_figure_allowed:
                met, message = False, text.single_figure or text.missing
            else:
                met, message = True, text.met
            out.append(RequirementCheck(req, text.label, met, message))
        elif req == "benefits":
            out.append(
                RequirementCheck(
                    req, text.label, facts.benefits, text.met if facts.benefits else text.missing
                )
            )
        elif req == "deadline":
            out.append(
                RequirementCheck(
                    req, text.label, facts.deadline, text.met if facts.deadline else text.missing
                )
            )
        elif req == "commission_statement":
            if commission:
                met = facts.commission_statement
                message = text.met if met else text.missing
                out.append(RequirementCheck(req, text.label, met, message))
        elif req == "good_faith_width":
            check = width_check(facts, rules)
            if check is not None:
                out.append(check)
    return tuple(out)


def width_check(facts: PostingFacts, rules: PayTransparencyFile) -> RequirementCheck | None:
    """The good-faith width of a closed range; None when there is no range to measure."""
    if facts.pay_low is None or facts.pay_high is None or facts.pay_low <= 0:
        return None
    good = rules.good_faith
    ratio = facts.pay_high / facts.pay_low
    text = rules.requirements["good_faith_width"]
    fields = {"ratio": f"{good.max_ratio:g}", "actual": f"{ratio:.2f}", "reason": good.reason}
    met = ratio <= good.max_ratio + 1e-9
    return RequirementCheck(
        "good_faith_width",
        text.label,
        met,
        (text.met if met else text.missing).format(**fields),
    )


def check_pay_transparency(
    place: PostingPlace, facts: PostingFacts, rules: PayTransparencyFile
) -> PayTransparencyReport:
    """Every law in ``rules``: whether it reaches the posting and what it finds missing."""
    checks: list[JurisdictionCheck] = []
    for rule in rules.jurisdictions:
        applies, why = _coverage(rule, place)
        reqs = _requirements(rule, facts, rules) if applies else ()
        checks.append(JurisdictionCheck(rule, applies, why, reqs))
    ordered = sorted(checks, key=lambda j: not j.applies)
    return PayTransparencyReport(tuple(ordered), rules.disclaimer)


# --- reading a pasted posting -----------------------------------------------------------

_AMOUNT = r"\$\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?([kK]\b)?"
# Put after a figure: it is not in millions or billions ("$5M", "$2.5 million"), which
# names revenue, a quota, a budget or a market, never pay ("$1-2M", "$35- million", "$1T").
NOT_IN_MILLIONS = (
    r"(?![\d.,]*-?\s?(?:(?:-|\u2013|\u2014|to)\s*\$?\s?[\d.,]+\s?)?"
    r"(?:[mMbBtT][mMnN]?\b|(?:[mMbB]|[tT]r)illion))"
)
# Between two figures of a range, after the first: a plural ("High $70,000s to Mid
# $80,000s") and a word placing the second in its band.
RANGE_BAND = r"(?:(?i:high|mid|low|upper|lower)[\s-]+)?"
# A unit written after a figure ("$70,000/yr to $90,000/yr", "$20 an hour - $25").
PER_UNIT = r"(?:\s*(?:/|per\b|an?\b)\s*(?:yr|year|hr|hour|annum|month|mo)\b\.?)?"
# Two figures joined by a hyphen, an en or em dash, "to" or "and".
_RANGE = re.compile(
    _AMOUNT
    + r"s?"
    + PER_UNIT
    + r"\s*(?:-|\u2013|\u2014|to|and)\s*"
    + RANGE_BAND
    + r"(?:\$\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?([kK]\b)?"
    + NOT_IN_MILLIONS
)
_ONE = re.compile(_AMOUNT + NOT_IN_MILLIONS + r"(\s*\+)?")


# Words after a figure that add something to it rather than say what it measures.
_ADDED = frozenset({"plus", "and", "+", "&", "with", "or"})
# A sentence's end: a stop before a space (not a decimal point), or a line end.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def measures_something_else(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether a figure's own words say it is not the pay: a cost, a budget, a fee, a
    premium, a match or a raise ("could cost up to $14,000", "matching $0.50 for every
    $1.00", "a $0 premium", "a pay increase of $1"), read in the four words before it and
    the three after, within its sentence."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    left = ends[-1] if ends else 0
    right = _SENTENCE_END.search(text, end)
    before = " ".join(text[left:start].lower().split()[-4:])
    after_words = text[end : right.start() if right else len(text)].lower().split()[:3]
    # What follows "plus", "and" or "+" is added to the figure ("$80,000 plus bonuses").
    cut = next((i for i, w in enumerate(after_words) if w in _ADDED), len(after_words))
    after = " ".join(after_words[:cut])
    near = f"{before} {after}"
    return any(re.search(rf"(?<![a-z]){re.escape(w)}", near) for w in words)


def closed_later(text: str, end: int, closers: tuple[str, ...]) -> re.Match[str] | None:
    """After a figure ending at ``end``, a higher bound in the same sentence ("... up to
    $24"): the match of that figure, or None."""
    right = _SENTENCE_END.search(text, end)
    rest = text[end : right.start() if right else len(text)]
    for closer in closers:
        found = re.search(rf"(?<![a-z]){re.escape(closer)}\s*", rest, re.IGNORECASE)
        if found:
            figure = _ONE.match(rest, found.end())
            if figure:
                return figure
    return None


def _dollars(number: str, thousands: str | None) -> int:
    value = float(number.replace(",", ""))
    return round(value * 1000) if thousands else round(value)


@cache
def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, any case, any spacing."""
    parts = []
    for word in words:
        body = r"\s+".join(re.escape(w) for w in word.split())
        start = r"\b" if word[0].isalnum() else ""
        end = r"\b" if word[-1].isalnum() else ""
        parts.append(start + body + end)
    return re.compile("|".join(parts), re.IGNORECASE)


def _pay_lines(lines: Sequence[str], detection: PostingDetection) -> Iterable[str]:
    """Lines that name pay first, then the rest: a revenue figure is not the salary."""
    pay = _words(detection.pay_words)
    yield from (line for line in lines if pay.search(line))
    yield from (line for line in lines if not pay.search(line))


def _pay_figures(
    pattern: re.Pattern[str], lines: Sequence[str], detection: PostingDetection
) -> Iterable[tuple[str, re.Match[str]]]:
    """The figures ``pattern`` finds, pay lines first, but not one whose own words say it
    measures something else ("a $0 premium", "could cost up to $14,000")."""
    for line in _pay_lines(lines, detection):
        for match in pattern.finditer(line):
            if not measures_something_else(
                line, match.start(), match.end(), detection.not_pay_words
            ):
                yield line, match


def read_posting_facts(
    text: str,
    detection: PostingDetection,
    open_ended_phrases: tuple[str, ...],
    commission: Commission = "none",
) -> PostingFacts:
    """Find the pay range, open-ended wording, benefits, a deadline and a commission
    statement in a posting's text.

    The first dollar range on a line that names pay is the range (then any line);
    failing a range, a lone dollar figure there is read as a single figure, open-ended
    when the wording around it on that line is (``up to $90,000``, ``$90,000+``).
    """
    lines = [line for line in text.splitlines() if line.strip()]
    low = high = None
    open_ended = False
    for _line, match in _pay_figures(_RANGE, lines, detection):
        a = _dollars(match.group(1), match.group(2))
        # "$80-100k": the k of the second figure applies to both.
        b = _dollars(match.group(3), match.group(4) or match.group(2))
        if match.group(4) and not match.group(2) and a < 1000:
            a *= 1000
        low, high = min(a, b), max(a, b)
        break
    if low is None:
        open_words = _words(open_ended_phrases)
        for line, match in _pay_figures(_ONE, lines, detection):
            low = high = _dollars(match.group(1), match.group(2))
            upper = closed_later(line, match.end(), detection.range_closers)
            if upper is not None and _dollars(upper.group(1), upper.group(2)) > low:
                # "Pay starts at $23 with progressions up to $24": a range.
                high = _dollars(upper.group(1), upper.group(2))
                break
            around = line[max(0, match.start() - 30) : match.end() + 20]
            open_ended = bool(match.group(3)) or bool(open_words.search(around))
            break
    return PostingFacts(
        pay_low=None if open_ended else low,
        pay_high=None if open_ended else high,
        open_ended=open_ended,
        benefits=bool(_words(detection.benefits_words).search(text)),
        deadline=bool(_words(detection.deadline_phrases).search(text)),
        commission_statement=bool(_words(detection.commission_words).search(text)),
        commission=commission,
    )
