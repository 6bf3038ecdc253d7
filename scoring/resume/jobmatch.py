"""Match a resume against a pasted job posting: the posting's key terms and their coverage."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from scoring.resume.components import KEYWORD_EXTENSION, TermHit, lemma_key
from scoring.resume.lexicon import JobMatchRule


@dataclass(frozen=True)
class JobTerm:
    """A key term of the posting, how often the posting uses it, and whether the resume does."""

    term: str
    kind: str  # "keyword" (from the ATS lexicon) or "phrase" (a noun phrase of the posting)
    count: int
    covered: bool

    def to_dict(self) -> dict[str, Any]:
        """The API shape of a posting term."""
        return {"term": self.term, "kind": self.kind, "count": self.count, "covered": self.covered}


@dataclass(frozen=True)
class JobMatch:
    """How much of a posting's vocabulary the resume covers."""

    terms: tuple[JobTerm, ...]
    share: float
    good_share: float

    @property
    def good(self) -> bool:
        """Whether the share reaches the good-match threshold."""
        return self.share >= self.good_share

    @property
    def missing(self) -> tuple[JobTerm, ...]:
        """Uncovered terms, the ones the posting uses most first."""
        return tuple(t for t in self.terms if not t.covered)

    def to_dict(self) -> dict[str, Any]:
        """The API shape of the job match."""
        return {
            "share": round(self.share, 3),
            "percent": round(100 * self.share),
            "good_share": self.good_share,
            "good_match": self.good,
            "terms": [t.to_dict() for t in self.terms],
            "missing": [t.term for t in self.missing],
        }


@dataclass
class _Candidate:
    display: str
    kind: str
    count: int
    first: int
    key: tuple[str, ...]


def posting_terms(doc: Doc, rule: JobMatchRule) -> list[_Candidate]:
    """The posting's key terms: lexicon keywords, then noun phrases (needs a parsed doc)."""
    found: dict[tuple[str, ...] | str, _Candidate] = {}
    hits: list[TermHit] = doc._.get(KEYWORD_EXTENSION) or []
    covered_tokens: set[int] = set()
    for hit in hits:
        cand = found.setdefault(hit.label, _Candidate(hit.label, "keyword", 0, hit.start, ()))
        cand.count += 1
        covered_tokens.update(range(hit.start, hit.end))
    for chunk in doc.noun_chunks:
        phrase = _trim(chunk, rule)
        if phrase is None or covered_tokens.intersection(range(phrase.start, phrase.end)):
            continue
        key = tuple(lemma_key(t) for t in phrase)
        if key not in found:
            found[key] = _Candidate(phrase.text.lower(), "phrase", 0, phrase.start, key)
        found[key].count += 1
    ranked = sorted(
        (c for c in found.values() if c.kind == "keyword" or c.count >= rule.min_phrase_count),
        key=lambda c: (-c.count, c.first, c.display),
    )
    return ranked[: rule.max_terms]


def _trim(chunk: Span, rule: JobMatchRule) -> Span | None:
    """A noun chunk without leading determiners or possessives; None when it says nothing."""
    start, end = chunk.start, chunk.end
    doc = chunk.doc
    while start < end and (doc[start].is_stop or doc[start].is_punct or doc[start].like_num):
        start += 1
    if start >= end or end - start > rule.max_phrase_words:
        return None
    span = doc[start:end]
    if all(t.lower_ in rule.generic_terms or t.is_stop or not t.is_alpha for t in span):
        return None
    return span


def resume_ngrams(docs: Iterable[Doc], max_words: int) -> frozenset[tuple[str, ...]]:
    """Every run of up to ``max_words`` lemma keys in the resume, for phrase coverage."""
    grams: set[tuple[str, ...]] = set()
    for doc in docs:
        keys = [lemma_key(t) for t in doc]
        for n in range(1, max_words + 1):
            grams.update(tuple(keys[i : i + n]) for i in range(len(keys) - n + 1))
    return frozenset(grams)


def _covered(key: tuple[str, ...], grams: frozenset[tuple[str, ...]]) -> bool:
    # The phrase as written, or each of its words somewhere ("account plans for
    # enterprise clients" covers "enterprise account plans").
    return key in grams or all((word,) in grams for word in key)


def match_job(
    posting: Doc,
    resume_keywords: Sequence[str],
    resume_grams: frozenset[tuple[str, ...]],
    rule: JobMatchRule,
) -> JobMatch:
    """Compare a parsed posting (keyword matcher already run) with what the resume uses."""
    have = set(resume_keywords)
    terms = tuple(
        JobTerm(
            c.display,
            c.kind,
            c.count,
            c.display in have if c.kind == "keyword" else _covered(c.key, resume_grams),
        )
        for c in posting_terms(posting, rule)
    )
    share = sum(t.covered for t in terms) / len(terms) if terms else 0.0
    return JobMatch(terms, share, rule.good_share)
