"""spaCy rule components of the resume checker: term matching and metric matching.

Each component is built from data handed to it (never from lists in code), writes its
findings to a ``Doc`` extension and returns the doc. The analyzer calls them directly
on docs it made, so the shared trained pipeline is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from scoring.models.lexicon import MetricsFile
from scoring.resume.glyphs import BULLET, HYPHENS
from scoring.resume.lexicon import Lexicon, TermGroup, label_forms

METRIC_EXTENSION = "resume_metrics"
KEYWORD_EXTENSION = "resume_keywords"
OUTCOME_EXTENSION = "resume_outcomes"
WEAK_EXTENSION = "resume_weak_phrases"

# Shapes of numbers and amounts, not word lists: what a metric looks like in text.
_NUMBER_RE = r"^(?:sub-|~|<|>)?\d[\d,]*(?:\.\d+)?\+?$"
_AMOUNT_RE = r"^\d[\d,]*(?:\.\d+)?(?:[kKmMbB]|MM|mm|BN|bn)\+?$"
_MULTIPLIER_RE = r"^\d+(?:\.\d+)?[xX\u00d7]$"
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_PHONE_RE = re.compile(r"(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")


@dataclass(frozen=True)
class TermHit:
    """One occurrence of a term group in a doc, and how it matched."""

    label: str
    category: str
    start: int
    end: int
    text: str
    match: str  # "exact" (the keyword as published) or "variant" (another spelling or form)


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _stem(word: str) -> str:
    # A crude plural fold applied identically to patterns and text, so that proper
    # nouns the lemmatizer leaves alone ("Enterprise Accounts") still meet their lemma.
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def lemma_key(token: Token) -> str:
    """The key a token is compared on in the lemma-aware pass."""
    return _stem((token.lemma_ or token.text).lower())


def hyphen_joined(doc: Doc, start: int, end: int) -> bool:
    """Whether a span is part of a hyphenated compound ('go' in 'go-to-market')."""
    if start >= 2:
        before = doc[start - 1]
        if before.text in HYPHENS and not before.whitespace_ and not doc[start - 2].whitespace_:
            return True
    if end < len(doc) - 1:
        last, after = doc[end - 1], doc[end]
        if after.text in HYPHENS and not last.whitespace_ and not after.whitespace_:
            return True
    return False


def _set_extension(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


class TermMatcher:
    """Find term groups whole-word and case-insensitively, then again on lemmas.

    Pass one is a PhraseMatcher on LOWER over every listed spelling. Pass two (when
    ``lemma_pass``) compares the text's lemmas with the listed spellings, so "KPIs"
    meets "KPI" and "enterprise account" meets "Enterprise Accounts" without listing
    every inflection. Patterns are not lemmatized: "presented" lemmatizes to "present",
    which would then match the "Present" of a date range.
    """

    def __init__(
        self,
        vocab: Vocab,
        make_doc: Callable[[str], Doc],
        groups: Sequence[TermGroup],
        *,
        extension: str,
        lemma_pass: bool = True,
    ) -> None:
        self.extension = extension
        self.lemma_pass = lemma_pass
        self.groups = {g.label: g for g in groups}
        self.exact_forms = {g.label: label_forms(g.label) for g in groups}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.lemma_index: dict[tuple[str, ...], set[str]] = {}
        for group in groups:
            docs = [make_doc(v) for v in group.variants]
            self.matcher.add(group.label, docs)
            for doc in docs:
                key = tuple(_stem(t.lower_) for t in doc)
                self.lemma_index.setdefault(key, set()).add(group.label)
        self.max_len = max((len(k) for k in self.lemma_index), default=0)
        _set_extension(extension)

    def __call__(self, doc: Doc) -> Doc:
        """Attach the list of TermHit found in ``doc``."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in self.matcher(doc):
            if not hyphen_joined(doc, start, end):
                spans.setdefault(doc.vocab.strings[match_id], []).append((start, end))
        if self.lemma_pass:
            keys = [lemma_key(t) for t in doc]
            for start in range(len(doc)):
                for length in range(1, min(self.max_len, len(doc) - start) + 1):
                    labels = self.lemma_index.get(tuple(keys[start : start + length]))
                    if labels and not hyphen_joined(doc, start, start + length):
                        for label in labels:
                            spans.setdefault(label, []).append((start, start + length))
        hits: list[TermHit] = []
        for label, found in spans.items():
            group = self.groups[label]
            for span in filter_spans(doc[s:e] for s, e in found):
                text = span.text
                kind = "exact" if _normalise(text) in self.exact_forms[label] else "variant"
                hits.append(TermHit(label, group.category, span.start, span.end, text, kind))
        hits.sort(key=lambda h: (h.start, h.end, h.label))
        doc._.set(self.extension, hits)
        return doc


class MetricMatcher:
    """Find metrics: percentages, money with K/M/B, multipliers, counts and time frames.

    Years ("2019") and phone numbers are never metrics: a number only counts next to
    a percent sign, a currency, a multiplier, a counted noun or a time unit, and
    spans inside phone-number shapes or years standing for a date are dropped. The
    words come from content/lexicon/metrics.yaml and the counted nouns of scoring.yaml.
    """

    def __init__(self, vocab: Vocab, words: MetricsFile, count_nouns: Iterable[str]) -> None:
        self.matcher = Matcher(vocab)
        self.priority = {kind.upper(): rank for rank, kind in enumerate(words.prefer)}
        nouns = sorted({n.lower() for n in count_nouns})
        units = sorted(set(words.timeframe.units))
        money = words.money
        numbers: list[dict[str, Any]] = [
            {"LIKE_NUM": True},
            {"TEXT": {"REGEX": _NUMBER_RE}},
        ]
        plus = {"ORTH": "+", "OP": "?"}
        between = {"LOWER": {"NOT_IN": [*words.count.breaks, BULLET]}, "LIKE_NUM": False}
        gap = f"{{0,{words.count.max_words_between}}}"
        percent = {"LOWER": {"IN": list(words.percent)}}
        for num in numbers:
            dash = {"ORTH": {"IN": [*HYPHENS, *words.range_words]}}
            self.matcher.add("PERCENT", [[num, percent]])
            self.matcher.add("PERCENT", [[num, dash, num, percent]])
            self.matcher.add(
                "MONEY",
                [
                    [
                        {"ORTH": {"IN": list(money.currency)}},
                        num,
                        {"LOWER": {"IN": list(money.scale_words)}, "OP": "?"},
                        plus,
                    ],
                    [{**num, "SPACY": False}, {"LOWER": {"IN": list(money.suffixes)}}],
                    [num, {"LOWER": {"IN": list(money.amount_words)}}],
                ],
            )
            self.matcher.add(
                "COUNT",
                [
                    [num, plus, {**between, "OP": gap}, {"LOWER": {"IN": nouns}}],
                    [num, plus, {"ORTH": {"IN": list(HYPHENS)}}, {"LOWER": {"IN": nouns}}],
                ],
            )
            self.matcher.add(
                "TIMEFRAME",
                [
                    [
                        {"LOWER": {"IN": list(words.timeframe.prepositions)}},
                        {"LOWER": {"IN": list(words.timeframe.fillers)}, "OP": "*"},
                        num,
                        plus,
                        {"ORTH": {"IN": list(HYPHENS)}, "OP": "?"},
                        {"LOWER": {"IN": units}},
                    ],
                    [num, {"ORTH": {"IN": list(HYPHENS)}}, {"LOWER": {"IN": units}}],
                ],
            )
        self.matcher.add(
            "MONEY",
            [[{"ORTH": {"IN": list(money.currency)}}, {"TEXT": {"REGEX": _AMOUNT_RE}}]],
        )
        self.matcher.add(
            "MULTIPLIER",
            [
                [{"TEXT": {"REGEX": _MULTIPLIER_RE}}],
                [{"LOWER": {"IN": list(words.multiplier_words)}}],
            ],
        )
        _set_extension(METRIC_EXTENSION)

    def __call__(self, doc: Doc) -> Doc:
        """Attach the list of metric spans (label = kind of metric) found in ``doc``."""
        phones = [(m.start(), m.end()) for m in _PHONE_RE.finditer(doc.text)]
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=doc.vocab.strings[match_id])
            if any(span.start_char < e and s < span.end_char for s, e in phones):
                continue
            if self._is_date(span):
                continue
            spans.append(span)
        doc._.set(METRIC_EXTENSION, self._prefer_specific(spans))
        return doc

    @staticmethod
    def _is_date(span: Span) -> bool:
        # "in 2019 we grew 3 accounts" must not make "2019 ... accounts" a count, but
        # "2000 customers" (the number right before the noun) is a count.
        numbers = [t for t in span if t.like_num or t.text[:1].isdigit()]
        if not numbers or not all(_YEAR_RE.match(t.text) for t in numbers):
            return False
        return not (span.label_ == "COUNT" and len(span) == 2)

    def _prefer_specific(self, spans: list[Span]) -> list[Span]:
        """Of overlapping readings keep the preferred kind, then the longer, then the first."""
        chosen: list[Span] = []
        taken: set[int] = set()
        for span in sorted(spans, key=lambda s: (self.priority[s.label_], -len(s), s.start)):
            if taken.isdisjoint(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
        return sorted(chosen, key=lambda s: s.start)


@dataclass(frozen=True)
class ResumeMatchers:
    """The four rule components the checker runs on every segment of a resume."""

    keywords: TermMatcher
    outcomes: TermMatcher
    weak_phrases: TermMatcher
    metrics: MetricMatcher

    def __call__(self, doc: Doc) -> Doc:
        """Run every component on ``doc``."""
        return self.metrics(self.weak_phrases(self.outcomes(self.keywords(doc))))


def without_parser(nlp: Language) -> list[str]:
    """The components to disable for a lemma-only pass (parser, NER and friends)."""
    return [p for p in nlp.pipe_names if p in ("parser", "ner", "senter", "entity_ruler")]


def build_matchers(nlp: Language, lexicon: Lexicon) -> ResumeMatchers:
    """Build the four components from the lexicon on ``nlp``'s vocabulary and tokenizer."""
    nouns = [n for c in lexicon.rules.count_nouns for n in c.nouns]
    return ResumeMatchers(
        keywords=TermMatcher(
            nlp.vocab, nlp.make_doc, lexicon.keywords, extension=KEYWORD_EXTENSION
        ),
        outcomes=TermMatcher(
            nlp.vocab, nlp.make_doc, lexicon.outcomes, extension=OUTCOME_EXTENSION
        ),
        # Weak phrases match their listed forms only: "help desk" is not "helped".
        weak_phrases=TermMatcher(
            nlp.vocab,
            nlp.make_doc,
            lexicon.weak_phrases,
            extension=WEAK_EXTENSION,
            lemma_pass=False,
        ),
        metrics=MetricMatcher(nlp.vocab, lexicon.metrics, nouns),
    )
