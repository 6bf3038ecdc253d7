"""The language check's risks beyond gender: age, national origin, disability, gendered
terms, jargon, hours, experience against the level, and missing or open-ended pay.

The categories, their messages, sources and spaCy Matcher patterns live in
content/language/inclusive.yaml; this module matches them and reads the figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.lang.en.lex_attrs import _num_words
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from scoring.language_text import Unglued
from scoring.models.base import ContentError, load_file
from scoring.models.language import Category, InclusiveFile
from scoring.pay_transparency import (
    NOT_IN_MILLIONS,
    PER_UNIT,
    RANGE_BAND,
    closed_later,
    load_pay_transparency,
    measures_something_else,
)

__all__ = ["Issue", "IssueRules", "find_issues", "load_issue_rules"]

ISSUES_FILE = Path("language") / "inclusive.yaml"

# Money: "$65,000", "$65k", "$18.50"; not a figure in millions (revenue, not pay).
_MONEY = (
    r"(?:\$\s?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?[kK]\b)?|\$\s?\d+(?:\.\d+)?(?:\s?[kK]\b)?)"
    + NOT_IN_MILLIONS
)
_MONEY_RE = re.compile(_MONEY)
_RANGE_RE = re.compile(
    rf"(?:{_MONEY})s?{PER_UNIT}\s*(?:-|\u2013|\u2014|to|and)\s*{RANGE_BAND}(?:\$?\s?\d{{1,3}}(?:,\d{{3}})+|\$?\s?\d+)(?:\.\d+)?(?:\s?[kK]\b)?"
    + NOT_IN_MILLIONS
)
# The neutral pronouns a pair of gendered ones may be followed by.
_NEUTRAL = frozenset({"they", "them", "their", "theirs", "themselves"})
# The longest first line read as a posting's title.
MAX_TITLE_CHARS = 80
_NUMBER = r"\d{1,2}|" + "|".join(_num_words[1:21])
_YEARS_RE = re.compile(
    rf"\b(?P<n>{_NUMBER})\b\s*(?:\(\s*\d{{1,2}}\s*\)\s*)?\+?\s*(?:(?:-|\u2013|to)\s*(?:{_NUMBER})\s*\+?\s*)?"
    r"(?:years|yrs)\b",
    re.IGNORECASE,
)
_HOURS_RE = re.compile(
    r"\b(?P<a>\d{2})\s*\+?\s*(?:(?:-|\u2013|to)\s*(?P<b>\d{2})\s*\+?\s*)?(?:hours|hrs)\s*"
    r"(?:a|per|each|/)\s*week",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Issue:
    """One risk found in the text, with its offsets in the checked text."""

    category: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        """The issue as the JSON API returns it."""
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "source": self.source,
        }


@dataclass(frozen=True)
class IssueRules:
    """The categories of inclusive.yaml, ready to match."""

    categories: Mapping[str, Category]
    # From the pay reading's content: words that mark a figure as not the pay.
    not_pay_words: tuple[str, ...] = ()
    range_closers: tuple[str, ...] = ()

    def category(self, name: str) -> Category:
        return self.categories[name]


def load_issue_rules(root: Path, sources: Mapping[str, object]) -> IssueRules:
    """Read content/language/inclusive.yaml; every pattern must be one spaCy accepts."""
    path = root / ISSUES_FILE
    doc = load_file(InclusiveFile, path, {"sources": sources})
    import spacy

    vocab = spacy.blank("en").vocab
    for name, category in doc.categories.items():
        for i, entry in enumerate(category.patterns):
            try:
                Matcher(vocab, validate=True).add("p", [list(entry.pattern)])
            except Exception as exc:  # spaCy raises ValueError or MatchPatternError
                raise ContentError(path, f"categories.{name}.patterns[{i}]", str(exc)) from None
    pay = load_pay_transparency(root, sources).detection
    return IssueRules(doc.categories, pay.not_pay_words, pay.range_closers)


# A Matcher per rules and vocabulary, with its match ids read back to (category, pattern
# index) here rather than through the vocabulary's strings: a matcher first built inside
# a request's memory zone would otherwise lose its id strings when that request ends.
_MATCHERS: dict[tuple[int, int], tuple[Matcher, dict[int, tuple[str, int]]]] = {}


def _matcher(rules: IssueRules, doc: Doc) -> tuple[Matcher, dict[int, tuple[str, int]]]:
    """One Matcher per rules and vocabulary, built on first use, and its match ids."""
    key = (id(rules), id(doc.vocab))
    if key not in _MATCHERS:
        matcher = Matcher(doc.vocab)
        ids: dict[int, tuple[str, int]] = {}
        for name, category in rules.categories.items():
            for i, entry in enumerate(category.patterns):
                match_key = f"{name}|{i}"
                matcher.add(match_key, [list(entry.pattern)])
                ids[get_string_id(match_key)] = (name, i)
        _MATCHERS[key] = (matcher, ids)
    return _MATCHERS[key]


def find_issues(
    glued: Unglued, doc: Doc, rules: IssueRules, *, level: str | None = None
) -> tuple[list[Issue], str | None]:
    """Every issue in the text in reading order, and the level the experience check used
    ("entry" when the posting reads as entry level, the given slug, or None)."""
    text = glued.original
    lower = text.lower()
    out: list[Issue] = []

    def add(name: str, start: int, end: int, suggestion: str, **fields: object) -> None:
        category = rules.category(name)
        o_start, o_end = glued.to_original(start, end)
        message = category.message.format(**fields) if fields else category.message
        out.append(
            Issue(name, o_start, o_end, text[o_start:o_end], message, suggestion, category.source)
        )

    matcher, ids = _matcher(rules, doc)
    matches = matcher(doc, as_spans=False)
    taken: list[tuple[int, int]] = []
    # Longest match first, so "he/she" is one issue rather than two pronouns.
    for match_id, s, e in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
        name, index = ids[match_id]
        if any(s < te and ts < e for ts, te in taken):
            continue
        category = rules.category(name)
        if name == "disability" and any(p.lower() in lower for p in category.unless_text_has):
            continue
        if name == "pay-missing" and _has_pay_figure(text, rules):
            continue
        if (
            (name == "gendered-term" and e - s == 1 and _after_a_named_person(doc[s]))
            or (name == "gendered-term" and _neutral_word_follows(doc, e))
            or (name == "hours" and _describes_a_thing(doc[s:e]))
            or _describes_one_of(doc[s:e], category.not_describing)
        ):
            taken.append((s, e))
            continue
        span = Span(doc, s, e)
        taken.append((s, e))
        add(name, span.start_char, span.end_char, category.patterns[index].suggestion)

    hours = rules.category("hours")
    for m in _HOURS_RE.finditer(glued.text):
        most = max(int(m.group("a")), int(m.group("b") or 0))
        if hours.min_weekly_hours is not None and most >= hours.min_weekly_hours:
            add("hours", m.start(), m.end(), "state the usual hours (about 40 a week)")

    used_level = _level(glued.text, rules.category("experience"), level)
    if used_level is not None:
        experience = rules.category("experience")
        limit = experience.max_years or 0
        for m in _YEARS_RE.finditer(glued.text):
            years = _number(m.group("n"))
            sentence = _sentence_around(glued.text, m.start(), m.end()).lower()
            if years > limit and "experience" in sentence:
                add(
                    "experience",
                    m.start(),
                    m.end(),
                    f"0-{limit} years",
                    years=years,
                    max_years=limit,
                )

    _pay_issues(glued, rules, out, add)
    out.sort(key=lambda issue: (issue.start, issue.end))
    return out, used_level


def _after_a_named_person(pronoun: Token) -> bool:
    """A pronoun after a named person in its sentence or the one before ("founder Jane
    Doe opened ... Back then, her focus was"): it stands for that person, not the hire."""
    sentence = pronoun.sent
    start = sentence.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    return any(
        ent.label_ == "PERSON" and start <= ent.start and ent.end <= pronoun.i
        for ent in pronoun.doc.ents
    )


def _neutral_word_follows(doc: Doc, end: int) -> bool:
    """A pair of gendered pronouns the neutral one follows ("his/her/their"): the
    posting already says it neutrally."""
    after = doc[end : end + 2]
    return len(after) == 2 and after[0].lower_ in {"/", "or"} and after[1].lower_ in _NEUTRAL


def _describes_one_of(span: Span, lemmas: tuple[str, ...]) -> bool:
    """Whether the matched words describe a noun of ``lemmas`` ("young children"), or a
    noun listed with one ("children, families and young adults")."""
    if not lemmas:
        return False
    root = span.root
    if root.dep_ not in {"amod", "compound"}:
        return False
    return any(n.lemma_.lower() in lemmas for n in (root.head, *root.head.conjuncts))


def _describes_a_thing(span: Span) -> bool:
    """Round-the-clock wording that modifies a noun ("24/7 assets", "a 24/7 schedule"):
    it describes the operation, not the hours asked of the hire ("available 24/7")."""
    root = span.root
    return root.dep_ in {"nummod", "amod", "compound"} and root.head.pos_ in {"NOUN", "PROPN"}


def _has_pay_figure(text: str, rules: IssueRules) -> bool:
    """Whether the text holds a dollar figure that is not something other than pay."""
    return any(
        not measures_something_else(text, m.start(), m.end(), rules.not_pay_words)
        for m in _MONEY_RE.finditer(text)
    )


def _pay_issues(glued: Unglued, rules: IssueRules, found: list[Issue], add: Any) -> None:
    """Missing pay (no figure at all) and open-ended pay ("up to $X", or one figure alone)."""
    text = glued.text
    # The dollar figures that are not something other than pay (a cost, a fee, a premium).
    figures = [
        m
        for m in _MONEY_RE.finditer(text)
        if not measures_something_else(text, m.start(), m.end(), rules.not_pay_words)
    ]
    if not figures:
        # No figure at all, or none that is pay (a cost, a fee, a benefit's premium).
        if not any(issue.category == "pay-missing" for issue in found):
            add("pay-missing", 0, 0, "$X-$Y a year")
        return
    if _RANGE_RE.search(text):
        return
    category = rules.category("pay-open-ended")
    openers = sorted(category.openers, key=len, reverse=True)
    for m in figures:
        # The figure's sentence, or its line ("Pay: competitive. Up to $90,000.").
        around = (
            _sentence_around(text, m.start(), m.end()).lower(),
            _line_around(text, m.start()).lower(),
        )
        if not any(
            re.search(rf"(?<![a-z]){re.escape(w)}", part)
            for part in around
            for w in category.pay_words
        ):
            continue
        head = text[max(0, m.start() - 20) : m.start()].lower().rstrip()
        opener = next((o for o in openers if head.endswith(o)), None)
        if opener in category.lower_openers and closed_later(text, m.end(), rules.range_closers):
            return  # "starts at $23 with progressions up to $24": a range
        start = (
            m.start() - (m.start() - (max(0, m.start() - 20) + head.rfind(opener)))
            if opener
            else m.start()
        )
        add("pay-open-ended", start, m.end(), "$X-$Y")
        return


def _level(text: str, experience: Category, level: str | None) -> str | None:
    """'entry' when the posting is entry level, by the given slug or its title words."""
    if level is not None:
        return "entry" if level in experience.entry_levels else None
    # The first line is a title only when it reads as one: short, not a sentence (pasted
    # text that lost its line ends starts with a paragraph that may name other jobs).
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    is_title = len(first) <= MAX_TITLE_CHARS and not first.endswith((".", "!", "?", ":"))
    title = first.lower() if is_title else ""
    words = experience.entry_title_words
    if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", title) for w in words):
        return "entry"
    head = text[:400].lower()
    if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", head) for w in words[:2]):
        return "entry"
    return None


def _number(word: str) -> int:
    """A figure written in digits or words ("3", "three")."""
    if word.isdigit():
        return int(word)
    return _num_words.index(word.lower())


def _line_around(text: str, start: int) -> str:
    """The line holding text[start]."""
    end = text.find("\n", start)
    return text[text.rfind("\n", 0, start) + 1 : end if end >= 0 else len(text)]


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding text[start:end]."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]
