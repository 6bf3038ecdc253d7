"""Match a resume against a pasted job posting: the posting's requirements and their coverage.

A posting is read for what it asks of the candidate, not for its words:

1. **Its parts.** Pasted postings lose their layout, so headings glued to the next word
   ("ResponsibilitiesBuild") and list items glued together ("needs.Collaborate",
   "successCreate") are split apart first. Each line then belongs to the part its last
   heading opened (job_posting.yaml): requirements, responsibilities, preferred, the
   intro before any heading, "about us" and benefits, legal text. A sentence with a
   legal cue is legal text; one with a nice-to-have cue ("a plus") is preferred.
2. **Its requirements.** The lexicon's keywords first (each with its synonyms and
   variants, so "quota" meets "sales targets"), weighed by category; then the noun
   phrases of the parts that count, without the employer's name, places, dates and
   amounts, and without phrases made of words every posting uses (their document
   frequency in real postings, posting_terms.yaml); a phrase is weighed by how specific
   its words are. Each term counts by the part it sits in (scoring.yaml, ``job_match``).
   Nothing is cut: every requirement is kept, ranked by importance.
3. **The match.** A keyword is covered when the resume uses its group; a phrase when the
   resume holds it, or all of its words in one place (a bullet, a section), comparing
   lemmas with synonyms folded ("client" as "customer"). The match is the covered share
   of the requirements' total importance; missing terms come most important first.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from scoring.models.matching import JobMatchRule, PostingRulesFile, TitleRule
from scoring.resume.components import KEYWORD_EXTENSION, TermHit, lemma_key

# Entity labels whose words are never a requirement: places, people, dates and amounts.
_NOT_REQUIREMENTS = frozenset(
    {"GPE", "LOC", "PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL",
     "QUANTITY", "NORP", "FAC"}
)  # fmt: skip
# Shapes of glued text in pasted postings (not word lists).
_SENTENCE_GLUE = re.compile(r"(?<=[a-z)]{2}[.!?;])(?=[A-Z][a-z])")
_COLON_GLUE = re.compile(r"(?<=[A-Za-z)]):(?=[A-Z][a-z])")
# A run-in label ("Industry:", "Role Overview:") glued to what comes before it, or
# opening a sentence in the middle of a line.
_LABEL_GLUE = re.compile(r"(?<=[A-Za-z0-9)])(?=[A-Z][a-z]{2,}:)")
_LABEL_AFTER_SENTENCE = re.compile(
    r"(?<=[a-z)][.!?]) +(?=(?:[A-Z][\w'\u2019-]* ){0,3}[A-Z][\w'\u2019-]*[:?])"
)
_CAMEL_GLUE = re.compile(r"\b([A-Za-z]*[a-z])([A-Z][a-z]+)")
_WORDS = re.compile(r"[a-z][a-z'&+-]*")
# Where a glued word is split: a word starting in lower case glued to a capitalised one
# ("successCreate") always; a capitalised one only when it is long enough not to be a
# product name ("PowerPoint", "HubSpot" stay whole; "InsuranceDental" is split).
_MIN_CAPITAL_LEFT = 6
_MIN_RIGHT = 3
# The most words a line opening the "about" part by its first words may have.
_MAX_HEADING_WORDS = 5


@dataclass(frozen=True)
class PostingTerm:
    """A requirement of the posting: what it is, how often and where it is asked for."""

    term: str
    kind: str  # "keyword" (from the lexicon) or "phrase" (a noun phrase of the posting)
    count: int
    importance: float
    part: str  # the part of the posting it counts most in
    required: bool  # False when the posting only calls it preferred
    key: tuple[str, ...] = ()  # the phrase's words, compared on lemmas with synonyms folded


@dataclass(frozen=True)
class PostingRequirements:
    """Everything the match needs from one posting, read once."""

    terms: tuple[PostingTerm, ...]
    # The job title the posting is read for: the one it opens with, when it names account
    # or sales work ("posting"), else the level the resume is checked for ("level").
    title: str | None = None
    title_source: Literal["posting", "level"] | None = None


@dataclass(frozen=True)
class JobTerm:
    """A requirement of the posting and whether the resume covers it."""

    term: str
    kind: str
    count: int
    covered: bool
    importance: float
    part: str
    required: bool

    def to_dict(self) -> dict[str, Any]:
        """The API shape of a posting term."""
        return {
            "term": self.term,
            "kind": self.kind,
            "count": self.count,
            "covered": self.covered,
            "importance": round(self.importance, 2),
            "part": self.part,
            "required": self.required,
        }


@dataclass(frozen=True)
class JobMatch:
    """How much of a posting's requirements the resume covers, weighed by importance."""

    terms: tuple[JobTerm, ...]
    share: float
    good_share: float
    title: str | None = None
    title_source: Literal["posting", "level"] | None = None

    @property
    def good(self) -> bool:
        """Whether the share reaches the good-match threshold."""
        return self.share >= self.good_share

    @property
    def missing(self) -> tuple[JobTerm, ...]:
        """Uncovered terms, the most important first."""
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
            "title": self.title,
            "title_source": self.title_source,
        }


# --- reading the posting ---------------------------------------------------------------------


def unglue(text: str, rules: PostingRulesFile) -> str:
    """Split headings, list items and sentences that pasting ran together."""
    heading_words = {h.split()[-1] for hs in rules.headings.values() for h in hs}

    def split_camel(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if len(right) < _MIN_RIGHT:
            return match.group(0)
        if left.lower() in heading_words:
            return f"\n{left}\n{right}"
        if left[0].islower() and len(left) >= _MIN_RIGHT:
            return f"{left}\n{right}"
        if len(left) >= _MIN_CAPITAL_LEFT:
            return f"{left}\n{right}"
        return match.group(0)

    text = _CAMEL_GLUE.sub(split_camel, text.replace("\r", ""))
    text = _LABEL_GLUE.sub("\n", text)
    text = _LABEL_AFTER_SENTENCE.sub("\n", text)
    text = _COLON_GLUE.sub(":\n", text)
    return _SENTENCE_GLUE.sub("\n", text)


def _heading(line: str, rules: PostingRulesFile) -> tuple[str | None, int]:
    """The part a line's heading opens and where the heading ends (None: no heading)."""
    stripped = line.strip()
    bare = stripped.rstrip(":?!. ").strip().lower()
    for part, headings in rules.headings.items():
        if bare in headings:
            return part, len(line)
    head = stripped.split(":", 1)[0].strip().lower() if ":" in stripped else ""
    for part, headings in rules.headings.items():
        if head in headings:
            return part, line.index(":") + 1
    short = head or bare
    if len(short.split()) <= _MAX_HEADING_WORDS and any(
        short == opener or short.startswith(opener + " ") for opener in rules.about_heading_openers
    ):
        return "about", line.index(":") + 1 if head else len(line)
    return None, 0


def posting_parts(text: str, rules: PostingRulesFile) -> list[tuple[int, int, int, str]]:
    """Each line of an unglued posting: (start, where its text after any heading starts,
    end, part), in order."""
    out: list[tuple[int, int, int, str]] = []
    part = "intro"
    offset = 0
    for line in text.split("\n"):
        found, cut = _heading(line, rules)
        if found is not None:
            part = found
        out.append((offset, offset + cut, offset + len(line), part))
        offset += len(line) + 1
    return out


@dataclass(frozen=True)
class _Context:
    """The part a stretch of the posting counts in, and whether it says required."""

    part: str
    weight: float
    required: bool


class _Contexts:
    """The context of every token: the part of its line, and the cues of its sentence
    within that line (a sentence the parser runs over a heading is cut there)."""

    def __init__(
        self,
        doc: Doc,
        parts: Sequence[tuple[int, int, int, str]],
        rules: PostingRulesFile,
        rule: JobMatchRule,
    ) -> None:
        self.doc = doc
        self.parts = parts or [(0, 0, len(doc.text), "intro")]
        self.starts = [start for start, _, _, _ in self.parts]
        self.rules = rules
        self.rule = rule
        self.sentence = [0] * len(doc)
        self.sentence_end: dict[int, int] = {}
        for sent in doc.sents:
            self.sentence_end[sent.start] = sent.end
            for i in range(sent.start, sent.end):
                self.sentence[i] = sent.start
        self.cache: dict[tuple[int, int], _Context] = {}

    def line_of(self, char: int) -> int:
        """The index of the line holding a character."""
        return max(0, bisect_right(self.starts, char) - 1)

    def __call__(self, i: int) -> _Context:
        line = self.line_of(self.doc[i].idx)
        if self.doc[i].idx < self.parts[line][1]:
            return _HEADING
        key = (line, self.sentence[i])
        if key not in self.cache:
            self.cache[key] = self._context(line, self.sentence[i])
        return self.cache[key]

    def segment(self, line: int, sent_start: int) -> Span:
        """The part of a sentence that lies on one line."""
        _, start, end, _ = self.parts[line]
        tokens = [
            t.i
            for t in self.doc[sent_start : self.sentence_end[sent_start]]
            if start <= t.idx <= end and not t.is_space
        ]
        if not tokens:
            return self.doc[sent_start:sent_start]
        return self.doc[min(tokens) : max(tokens) + 1]

    def _context(self, line: int, sent_start: int) -> _Context:
        part = self.parts[line][3]
        rules, rule = self.rules, self.rule
        segment = self.segment(line, sent_start)
        lower = f" {segment.text.lower()} "
        if any(cue in lower for cue in rules.legal_cues) or self._legal_sentence(line, segment):
            part = "legal"
        elif part not in ("about", "legal") and presents_employer(segment, rules):
            part = "about"
        weight = rule.parts.as_dict().get(part, 0.0)
        preferred = part == "preferred" or any(f" {c}" in lower for c in rules.nice_to_have_cues)
        required = not preferred or any(f" {c} " in lower for c in rules.must_cues)
        if preferred and part != "preferred" and not required:
            weight *= rule.nice_to_have
        return _Context(part, weight, required)

    def _legal_sentence(self, line: int, segment: Span) -> bool:
        """Whether this segment continues, on a wrapped line, a sentence whose start on the
        line before holds a legal cue ("... without regard to race,\nreligion, sex ..."):
        the segment opens the line in lower case, the line before ends mid-sentence and
        has no heading."""
        start, _, _, _ = self.parts[line]
        opens_line = not self.doc.text[start : segment.start_char].strip()
        if line == 0 or not segment.text[:1].islower() or not opens_line:
            return False
        before, cut, end, _ = self.parts[line - 1]
        text = self.doc.text[cut:end].rstrip()
        if cut > before or not text or text[-1] in ".!?:":
            return False
        tail = re.split(r"[.!?]\s", text)[-1].lower()
        return any(cue in f" {tail} " for cue in self.rules.legal_cues)


# A heading itself asks for nothing.
_HEADING = _Context("heading", 0.0, False)


def presents_employer(segment: Span, rules: PostingRulesFile) -> bool:
    """Whether a sentence presents the employer rather than the job: it opens as the
    company speaks of itself ("We offer", "Our ...", "Join us") or its subject is a name
    ("Acme Insurance has been ...", "Birlasoft combines ...")."""
    words = [t.lower_ for t in segment if t.is_alpha]
    if not words:
        return False
    opening = " ".join(words[:4])
    if any(opening == cue or opening.startswith(cue + " ") for cue in rules.about_openers):
        return True
    return any(
        t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.head.dep_ == "ROOT" and t.head in segment
        for t in segment
    )


@dataclass
class _Candidate:
    display: str
    kind: str
    base: float
    key: tuple[str, ...]
    first: int
    count: int = 0
    best: float = 0.0
    part: str = "intro"
    required: bool = False

    def add(self, context: _Context) -> None:
        self.count += 1
        if context.weight > self.best:
            self.best, self.part = context.weight, context.part
        self.required = self.required or (context.required and context.weight > 0)


def word_key(token: Token, synonyms: Mapping[str, str]) -> str:
    """A word as the match compares it: its lemma, plural folded, synonyms folded."""
    key = lemma_key(token)
    return synonyms.get(key, key)


def specificity(words: Iterable[str], df: Mapping[str, float], rule: JobMatchRule) -> float:
    """How specific a phrase is, from its most specific word's document frequency:
    1 at or below ``specific_df``, falling on a log scale to 0 at ``generic_df``."""
    best = 0.0
    span = math.log(rule.generic_df / rule.specific_df)
    for word in words:
        share = df.get(word, 0.0)
        if share <= rule.specific_df:
            return 1.0
        if share < rule.generic_df:
            best = max(best, math.log(rule.generic_df / share) / span)
    return best


def employer_words(
    doc: Doc, contexts: _Contexts, df: Mapping[str, float], rule: JobMatchRule
) -> frozenset[str]:
    """Words of the names the posting presents itself with (names in the sentences that
    speak of the company, such as their subjects), unless a requirement asks for them:
    the employer, its client, its brands."""
    names: set[str] = set()
    asked: set[str] = set()
    for token in doc:
        context = contexts(token.i)
        if context.part in ("about", "legal"):
            named = token.ent_type_ == "ORG" or token.pos_ == "PROPN"
            rare = df.get(token.lower_, 0.0) < rule.generic_df
            if named and rare and token.is_alpha and not token.is_stop:
                names.add(token.lower_)
        elif context.part in ("requirements", "preferred") and context.weight > 0:
            asked.add(token.lower_)
    return frozenset(names - asked)


def _trim(chunk: Span, rule: JobMatchRule) -> Span | None:
    """A noun chunk without leading determiners, numbers or possessives and without what
    an earlier line ran into it, at most ``max_phrase_words`` long (its head and the
    words nearest it)."""
    start, end = chunk.start, chunk.end
    doc = chunk.doc
    for i in range(start, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
    while start < end and (doc[start].is_stop or doc[start].is_punct or doc[start].like_num):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_stop):
        end -= 1
    if start >= end:
        return None
    start = max(start, end - rule.max_phrase_words)
    while start < end and (doc[start].is_stop or doc[start].is_punct):
        start += 1
    return doc[start:end] if start < end else None


def _generic(words: Sequence[Token], df: Mapping[str, float], rule: JobMatchRule) -> bool:
    """Whether a phrase's nouns (all its words when it has none) say nothing of the job."""
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")] or list(words)
    return all(
        t.lower_ in rule.generic_terms
        or lemma_key(t) in rule.generic_terms
        or df.get(lemma_key(t), 0.0) >= rule.generic_df
        for t in nouns
    )


def read_posting(
    doc: Doc,
    parts: Sequence[tuple[int, int, int, str]],
    rules: PostingRulesFile,
    rule: JobMatchRule,
    keyword_weight: Mapping[str, float],
    df: Mapping[str, float],
) -> PostingRequirements:
    """The posting's requirements, ranked by importance (needs a parsed, unglued doc)."""
    synonyms = rules.synonyms
    contexts = _Contexts(doc, parts, rules, rule)
    found: dict[str | tuple[str, ...], _Candidate] = {}
    hits: list[TermHit] = doc._.get(KEYWORD_EXTENSION) or []
    keyword_tokens: set[int] = set()
    for hit in hits:
        cand = found.setdefault(
            hit.label,
            _Candidate(hit.label, "keyword", keyword_weight.get(hit.label, 0.0), (), hit.start),
        )
        cand.add(contexts(hit.start))
        keyword_tokens.update(range(hit.start, hit.end))
    names = employer_words(doc, contexts, df, rule)
    for chunk in doc.noun_chunks:
        phrase = _trim(chunk, rule)
        if phrase is None or keyword_tokens.intersection(range(phrase.start, phrase.end)):
            continue
        if any(t.ent_type_ in _NOT_REQUIREMENTS or t.lower_ in names for t in phrase):
            continue
        words = [t for t in phrase if t.is_alpha and not t.is_stop]
        if not words or _generic(words, df, rule):
            continue
        spec = max(rule.min_specificity, specificity((lemma_key(t) for t in words), df, rule))
        key = tuple(word_key(t, synonyms) for t in words)
        cand = found.setdefault(
            key, _Candidate(phrase.text.lower(), "phrase", rule.phrase * spec, key, phrase.start)
        )
        cand.add(contexts(phrase.start))
    kept = sorted(
        (c for c in found.values() if c.base * c.best > 0),
        key=lambda c: (-c.base * c.best, -c.count, c.first),
    )
    return PostingRequirements(
        tuple(
            PostingTerm(c.display, c.kind, c.count, c.base * c.best, c.part, c.required, c.key)
            for c in kept
        )
    )


def posting_title(
    text: str, relevant_titles: Iterable[str], rule: TitleRule, rules: PostingRulesFile
) -> str | None:
    """The job title a pasted posting opens with, when it names account or sales work: the
    first of its first three lines (a company name may come first) that holds one of
    ``relevant_titles`` as whole words and is short, not a sentence and not a list item;
    reading stops at the first heading."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:3]
    for line in lines:
        if _heading(line, rules)[0] is not None:
            return None
        if (
            len(line.split()) > rule.max_words
            or line.endswith((".", "!", "?"))
            or not line[0].isalnum()
        ):
            continue
        # "Job title: Account Manager" names its title after the label.
        line = line.rstrip(":").split(":", 1)[-1].strip() or line
        words = f" {' '.join(_WORDS.findall(line.lower()))} "
        if any(f" {title} " in words for title in relevant_titles):
            return line
    return None


def with_title(
    posting: PostingRequirements,
    title: str,
    rates: Mapping[str, float],
    keyword_weight: Mapping[str, float],
    rule: TitleRule,
    source: Literal["posting", "level"] = "posting",
) -> PostingRequirements:
    """The posting's requirements and what postings with such a title usually ask for
    (``part`` "title"): each keyword the posting does not name itself, weighed as a term of
    the posting would be, times ``rule.weight`` (at most the intro's weight), times the
    share of real sales and account postings asking for it, so none outweighs the same
    keyword written in a part of the posting that asks for something."""
    named = {t.term for t in posting.terms if t.kind == "keyword"}
    added = [
        PostingTerm(label, "keyword", 0, keyword_weight.get(label, 0.0) * rate * rule.weight,
                    "title", False)
        for label, rate in rates.items()
        if rate >= rule.min_rate and label not in named and keyword_weight.get(label, 0.0) > 0
    ]  # fmt: skip
    terms = sorted((*posting.terms, *added), key=lambda t: -t.importance)
    return PostingRequirements(tuple(terms), title, source)


# --- the resume's side -----------------------------------------------------------------------


@dataclass(frozen=True)
class ResumeEvidence:
    """What the match compares a posting with: the keyword groups the resume uses, every
    run of up to ``max_words`` word keys, and the word keys of each part of the resume."""

    keywords: frozenset[str]
    grams: frozenset[tuple[str, ...]]
    places: tuple[frozenset[str], ...]


def resume_evidence(
    docs: Iterable[Doc], keywords: Iterable[str], max_words: int, synonyms: Mapping[str, str]
) -> ResumeEvidence:
    """The resume's keyword groups, word runs and per-part word sets, synonyms folded."""
    grams: set[tuple[str, ...]] = set()
    places: list[frozenset[str]] = []
    for doc in docs:
        keys = [word_key(t, synonyms) for t in doc if not t.is_punct]
        places.append(frozenset(keys))
        for n in range(1, max_words + 1):
            grams.update(tuple(keys[i : i + n]) for i in range(len(keys) - n + 1))
    return ResumeEvidence(frozenset(keywords), frozenset(grams), tuple(places))


def covers(term: PostingTerm, evidence: ResumeEvidence) -> bool:
    """Whether the resume covers a requirement (see the module docstring)."""
    if term.kind == "keyword":
        return term.term in evidence.keywords
    if term.key in evidence.grams:
        return True
    words = set(term.key)
    return any(words <= place for place in evidence.places)


def match_job(
    posting: PostingRequirements, evidence: ResumeEvidence, rule: JobMatchRule
) -> JobMatch:
    """Compare a posting's requirements with what the resume shows."""
    terms = tuple(
        JobTerm(t.term, t.kind, t.count, covers(t, evidence), t.importance, t.part, t.required)
        for t in posting.terms
    )
    total = sum(t.importance for t in terms)
    share = sum(t.importance for t in terms if t.covered) / total if total else 0.0
    return JobMatch(terms, share, rule.good_share, posting.title, posting.title_source)
