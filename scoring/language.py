"""Inclusive-language check of a job posting: gender-coded words, wider risks and metrics.

The word lists (Gaucher, Friesen & Kay 2011, exactly as printed, and gender-decoder's
additions as an optional extension), the sense-in-context exceptions, the suggestions,
the verdict's thresholds and the risk categories live in content/language/; this module
matches them against spaCy's reading of the text (tagger, parser, entities).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from lemminflect import getInflection, getLemma
from spacy.language import Language
from spacy.tokens import Doc, Token

from scoring.language_issues import Issue, IssueRules, find_issues, load_issue_rules
from scoring.language_text import Unglued, unglue
from scoring.models.base import ContentError, load_file
from scoring.models.language import (
    EXPLANATION_KEYS,
    Context,
    ExceptionRule,
    GenderCodedFile,
    entry_key,
    entry_matches,
)

__all__ = [
    "CodedWord",
    "GenderLexicon",
    "LanguageReport",
    "PostingRules",
    "check_language",
    "highlight_segments",
    "load_gender_lexicon",
]

Gender = Literal["masculine", "feminine"]
Verdict = Literal["masculine-coded", "feminine-coded", "neutral", "too-close-to-call"]
LengthVerdict = Literal["too-short", "good", "too-long"]

LEXICON_FILE = Path("language") / "gender_coded.yaml"

# A word is a run of letters, with apostrophes allowed between letters ("leader's").
# Hyphens split words; a hyphenated entry ("self-confiden*") is matched on the two
# parts together.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s")
_SENTENCE_END = (".", "!", "?", ",", ";")
_PHRASE_BREAK = (".", "!", "?")
# A line of only "-", "=", "*" or "_": a heading's underline or a divider, not content.
_RULE_LINE = re.compile(r"(?:[-=*_]\s*){3,}")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+(?=\S)")
# The spaCy parts of speech that suggestions are keyed by.
_POS_KEY = {
    "PROPN": "NOUN",
    "AUX": "VERB",
    "NOUN": "NOUN",
    "VERB": "VERB",
    "ADJ": "ADJ",
    "ADV": "ADV",
}
_NAME_ENTITIES = {"GPE", "LOC", "FAC"}
_ORG_ENTITIES = {"ORG", "PRODUCT", "PERSON", "WORK_OF_ART"}
_HEADING_MAX_WORDS = 6
_PLURAL_TAGS = {"NNS", "NNPS"}
_DESCRIBING_CLAUSES = {"relcl", "acl"}
# Dependencies that keep a noun inside the phrase it belongs to (for _in_predicate).
_INSIDE_PHRASE = {"pobj", "prep", "conj", "appos", "compound", "nmod", "poss"}
_PART_OF = {"of", "among"}
# An abbreviation in brackets right after a capitalized phrase: "(BLS)", "(KPIs)".
_INITIALS = re.compile(r"\s*\(([A-Z]{2,8})s?\)")
# An abbreviation right before the brackets that spell it out: "FEA (".
_INITIALS_BEFORE = re.compile(r"\b([A-Z]{2,8})s?\s*\($")


@dataclass(frozen=True)
class PostingRules:
    """Thresholds and vocabulary for the posting-quality metrics."""

    min_words: int
    max_words: int
    max_must_haves: int
    min_bullet_share: float
    max_bullet_share: float
    bullet_markers: tuple[str, ...]
    must_have_headings: frozenset[str]
    heading_max_words: int
    warnings: Mapping[str, str]


@dataclass(frozen=True)
class Entry:
    """One entry of a list: a stem ("compet*") or a whole word ("confident")."""

    text: str
    gender: Gender
    extension: bool


@dataclass(frozen=True)
class GenderLexicon:
    """The coded entries, their exceptions, suggestions, verdict wording and the risk rules."""

    source: str
    extension_source: str
    masculine: tuple[str, ...]
    feminine: tuple[str, ...]
    entries: tuple[Entry, ...]
    exceptions: tuple[ExceptionRule, ...]
    boilerplate_markers: tuple[str, ...]
    benefits_markers: tuple[str, ...]
    pay_markers: tuple[str, ...]
    per_words: int
    neutral_band: float
    min_difference: int
    strong_difference: int
    explanations: Mapping[str, str]
    evidence_note: str
    evidence_source: str
    posting: PostingRules
    # By masculine entry key: suggestions by lemma, by part of speech, or "any".
    alternatives: Mapping[str, Mapping[str, tuple[str, ...]]]
    issues: IssueRules
    _by_first: Mapping[str, tuple[Entry, ...]] = field(repr=False, compare=False)


@dataclass(frozen=True)
class CodedWord:
    """One occurrence of a coded word, with its character offsets in the checked text."""

    word: str
    stem: str
    start: int
    end: int
    gender: Gender
    suggestions: tuple[str, ...] = ()
    extension: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The occurrence as the JSON API returns it."""
        return {
            "word": self.word,
            "stem": self.stem,
            "start": self.start,
            "end": self.end,
            "suggestions": list(self.suggestions),
            "list": "gender-decoder" if self.extension else "gaucher-2011",
        }


@dataclass(frozen=True)
class LanguageReport:
    """What the check found in one text."""

    masculine: tuple[CodedWord, ...]
    feminine: tuple[CodedWord, ...]
    masculine_counts: Mapping[str, int]
    feminine_counts: Mapping[str, int]
    verdict: Verdict
    explanation: str
    word_count: int
    length_verdict: LengthVerdict
    bullet_share: float
    must_have_count: int
    warnings: tuple[str, ...]
    # Each masculine-coded word found (lower case) and the wording suggested instead.
    alternatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    issues: tuple[Issue, ...] = ()
    rates: Mapping[str, float] = field(default_factory=dict)
    evidence: str = ""
    level: str | None = None

    @property
    def masculine_total(self) -> int:
        """How many masculine-coded words the text holds."""
        return len(self.masculine)

    @property
    def feminine_total(self) -> int:
        """How many feminine-coded words the text holds."""
        return len(self.feminine)

    def to_dict(self) -> dict[str, Any]:
        """The report as the JSON API returns it."""
        return {
            "verdict": self.verdict,
            "counts": {"masculine": self.masculine_total, "feminine": self.feminine_total},
            "per_100_words": dict(self.rates),
            "masculine": [w.to_dict() for w in self.masculine],
            "feminine": [w.to_dict() for w in self.feminine],
            "word_count": self.word_count,
            "length": self.length_verdict,
            "bullet_share": round(self.bullet_share, 3),
            "must_have_count": self.must_have_count,
            "warnings": list(self.warnings),
            "explanation": self.explanation,
            "evidence": self.evidence,
            "alternatives": {word: list(alts) for word, alts in self.alternatives.items()},
            "issues": [issue.to_dict() for issue in self.issues],
            "level": self.level,
        }


# --- loading ---------------------------------------------------------------


def load_gender_lexicon(root: Path, sources: Mapping[str, object]) -> GenderLexicon:
    """Read content/language/*.yaml; raise ContentError naming file and field."""
    path = root / LEXICON_FILE
    doc = load_file(GenderCodedFile, path, {"sources": sources})
    ext = doc.extension
    entries = (
        [Entry(e, "masculine", False) for e in doc.masculine]
        + [Entry(e, "feminine", False) for e in doc.feminine]
        + [Entry(e, "masculine", True) for e in ext.masculine]
        + [Entry(e, "feminine", True) for e in ext.feminine]
    )
    by_first: dict[str, list[Entry]] = {}
    for entry in entries:
        by_first.setdefault(entry.text[0], []).append(entry)
    # Longest entry first, the paper's before the extension's.
    ordered = {
        k: tuple(sorted(v, key=lambda e: (e.extension, -len(e.text.rstrip("*")))))
        for k, v in by_first.items()
    }
    alternatives = {
        key: MappingProxyType(dict(given) if isinstance(given, dict) else {"any": given})
        for key, given in doc.alternatives.items()
    }
    rules = doc.posting
    lexicon = GenderLexicon(
        source=doc.source,
        extension_source=ext.source,
        masculine=doc.masculine,
        feminine=doc.feminine,
        entries=tuple(entries),
        exceptions=doc.exceptions,
        boilerplate_markers=tuple(m.lower() for m in doc.boilerplate_markers),
        benefits_markers=tuple(m.lower() for m in doc.benefits_markers),
        pay_markers=tuple(m.lower() for m in doc.pay_markers),
        per_words=doc.per_words,
        neutral_band=doc.neutral_band,
        min_difference=doc.min_difference,
        strong_difference=doc.strong_difference,
        explanations=MappingProxyType({key: doc.explanations[key] for key in EXPLANATION_KEYS}),
        evidence_note=doc.evidence.note,
        evidence_source=doc.evidence.source,
        posting=PostingRules(
            min_words=rules.words.min,
            max_words=rules.words.max,
            max_must_haves=rules.must_haves.max,
            min_bullet_share=rules.bullet_share.min,
            max_bullet_share=rules.bullet_share.max,
            bullet_markers=rules.bullet_markers,
            must_have_headings=frozenset(_heading_key(h) for h in rules.must_have_headings),
            heading_max_words=rules.heading_max_words,
            warnings=MappingProxyType(rules.warnings.model_dump()),
        ),
        alternatives=MappingProxyType(alternatives),
        issues=load_issue_rules(root, sources),
        _by_first=MappingProxyType(ordered),
    )
    # A suggestion must not swap one coded word for another.
    for key, groups in alternatives.items():
        for suggestions in groups.values():
            for suggestion in suggestions:
                found = [w for w, _, _, _ in _list_hits(suggestion, lexicon, extended=True)]
                if found:
                    raise ContentError(
                        path,
                        f"alternatives.{key}",
                        f"'{suggestion}' is itself coded ({', '.join(found)})",
                    )
    return lexicon


# --- checking --------------------------------------------------------------


def check_language(
    text: str,
    lexicon: GenderLexicon,
    nlp: Language | None = None,
    *,
    level: str | None = None,
    extended: bool = False,
) -> LanguageReport:
    """Find the coded words and the wider risks in a posting, and measure it.

    ``level`` is the role slug when known (the builder); otherwise the level is read
    from the posting's title words. ``extended`` adds gender-decoder's words.
    """
    if nlp is None:
        from scoring.nlp import load_pipeline

        nlp = load_pipeline()
    glued = unglue(text, lexicon.posting.bullet_markers)
    doc = nlp(glued.text)
    masculine, feminine = find_coded_words(glued, doc, lexicon, extended=extended, nlp=nlp)
    word_count = sum(1 for chunk in text.split() if any(c.isalnum() for c in chunk))
    verdict, explanation, rates = _verdict(len(masculine), len(feminine), word_count, lexicon)

    rules = lexicon.posting
    length: LengthVerdict = "good"
    if word_count < rules.min_words:
        length = "too-short"
    elif word_count > rules.max_words:
        length = "too-long"
    lines = [
        line.strip()
        for line in glued.text.splitlines()
        if line.strip() and not _RULE_LINE.fullmatch(line.strip())
    ]
    bullets = [_is_bullet(line, rules) for line in lines]
    bullet_share = sum(bullets) / len(lines) if lines else 0.0
    must_haves = _count_must_haves(lines, bullets, rules)
    issues, used_level = find_issues(glued, doc, lexicon.issues, level=level)
    alternatives: dict[str, tuple[str, ...]] = {}
    for word in masculine:
        if word.suggestions:
            alternatives.setdefault(word.word.lower(), word.suggestions)
    return LanguageReport(
        masculine=tuple(masculine),
        feminine=tuple(feminine),
        masculine_counts=_counts(masculine),
        feminine_counts=_counts(feminine),
        verdict=verdict,
        explanation=explanation,
        word_count=word_count,
        length_verdict=length,
        bullet_share=bullet_share,
        must_have_count=must_haves,
        warnings=_warnings(rules, word_count, length, must_haves, bullet_share, bool(lines)),
        alternatives=MappingProxyType(alternatives),
        issues=tuple(issues),
        rates=MappingProxyType(rates),
        evidence=lexicon.evidence_note,
        level=used_level,
    )


def _verdict(
    masculine: int, feminine: int, words: int, lexicon: GenderLexicon
) -> tuple[Verdict, str, dict[str, float]]:
    """The verdict on coded words per 100 words, with a neutral band and a too-close call."""
    per = lexicon.per_words / max(words, 1)
    rates = {"masculine": round(masculine * per, 2), "feminine": round(feminine * per, 2)}
    difference = feminine - masculine
    verdict: Verdict
    if difference == 0 or abs(difference) * per < lexicon.neutral_band:
        verdict, key = "neutral", ("neutral" if masculine or feminine else "empty")
    elif abs(difference) < lexicon.min_difference:
        verdict, key = "too-close-to-call", "too-close"
    else:
        verdict = "feminine-coded" if difference > 0 else "masculine-coded"
        key = f"strongly-{verdict}" if abs(difference) >= lexicon.strong_difference else verdict
    explanation = lexicon.explanations[key].format(
        masculine=masculine,
        feminine=feminine,
        masculine_rate=f"{rates['masculine']:.1f}",
        feminine_rate=f"{rates['feminine']:.1f}",
    )
    return verdict, explanation, rates


def _list_hits(
    text: str, lexicon: GenderLexicon, *, extended: bool
) -> list[tuple[str, int, int, Entry]]:
    """Every word of the text a list entry covers, by spelling alone: (word, start, end, entry)."""
    tokens = [
        (m.start(), m.end(), m.group().lower().replace("\u2019", "'")) for m in _WORD.finditer(text)
    ]
    out: list[tuple[str, int, int, Entry]] = []
    skip_next = False
    for i, (start, end, lower) in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        if _INNER_CAPITAL.search(text[start:end]):
            continue  # a product or company name written as one word ("SharePoint")
        if end < len(text) and (text[end].isdigit() or text[end] == "@"):
            # A word run straight into figures or an "@" is a name or an address
            # written as one word ("Loyalty360", "Support@example.edu").
            continue
        word = lower[:-2] if lower.endswith("'s") else lower
        if i + 1 < len(tokens) and text[end : tokens[i + 1][0]] == "-":
            pair = f"{word}-{tokens[i + 1][2]}"
            entry = _entry_for(pair, lexicon, extended=extended, hyphenated=True)
            if entry:
                out.append((text[start : tokens[i + 1][1]], start, tokens[i + 1][1], entry))
                skip_next = True
                continue
        entry = _entry_for(word, lexicon, extended=extended, hyphenated=False)
        if entry:
            out.append((text[start:end], start, end, entry))
    return out


def _entry_for(
    word: str, lexicon: GenderLexicon, *, extended: bool, hyphenated: bool
) -> Entry | None:
    for entry in lexicon._by_first.get(word[:1], ()):
        if entry.extension and not extended:
            continue
        if ("-" in entry.text) != hyphenated:
            continue
        if entry_matches(entry.text, word):
            return entry
    return None


def find_coded_words(
    glued: Unglued,
    doc: Doc,
    lexicon: GenderLexicon,
    *,
    extended: bool = False,
    nlp: Language | None = None,
) -> tuple[list[CodedWord], list[CodedWord]]:
    """The coded words in reading order, by gender, with the exceptions in context (the
    sense rules) left out.

    Offsets are in the original text (``glued.original``). With ``nlp``, a capitalized
    word is also read in its line written in lower case (see ``LowerReading``).
    """
    found: dict[Gender, list[CodedWord]] = {"masculine": [], "feminine": []}
    lower = LowerReading(nlp) if nlp is not None else None
    for word, start, end, entry in _list_hits(glued.text, lexicon, extended=extended):
        span = doc.char_span(start, end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else None
        if token is not None and excepted(token, entry, glued, lexicon, lower) is not None:
            continue
        suggestions = _suggest(token, word, entry, lexicon) if entry.gender == "masculine" else ()
        o_start, o_end = glued.to_original(start, end)
        found[entry.gender].append(
            CodedWord(
                glued.original[o_start:o_end],
                entry_key(entry.text),
                o_start,
                o_end,
                entry.gender,
                suggestions,
                entry.extension,
            )
        )
    return found["masculine"], found["feminine"]


class LowerReading:
    """Case does not change a phrase's sense: "DECISION MAKERS" and "Decision Makers" are
    decision makers. The tagger reads capitalized words as proper names (no lemma, no
    part of speech of their own), so a capitalized word is also read in its line written
    in lower case, each line parsed once."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._lines: dict[tuple[int, int], Doc | None] = {}

    def __call__(self, token: Token) -> Token | None:
        """The token as read in its line in lower case; None for a word in lower case."""
        if token.is_lower or not token.is_alpha:
            return None
        text = token.doc.text
        start = text.rfind("\n", 0, token.idx) + 1
        end = text.find("\n", token.idx)
        end = len(text) if end < 0 else end
        key = (id(token.doc), start)
        if key not in self._lines:
            line = text[start:end]
            lowered = line.lower()
            # Lower-casing keeps offsets for almost every text; skip a line it would not.
            self._lines[key] = self._nlp(lowered) if len(lowered) == len(line) else None
        doc = self._lines[key]
        if doc is None:
            return None
        span = doc.char_span(token.idx - start, token.idx - start + len(token.text))
        return span.root if span is not None and len(span) else None


def excepted(
    token: Token,
    entry: Entry,
    glued: Unglued,
    lexicon: GenderLexicon,
    lower: LowerReading | None = None,
) -> ExceptionRule | None:
    """The exception rule that clears this occurrence, if any: read as written, or, for a
    capitalized word, in lower case (rules on headings and names need the case)."""
    rules = [r for r in lexicon.exceptions if "any" in r.entries or entry.text in r.entries]
    adjective: Token | None = None
    for rule in rules:
        if _rule_holds(rule, token, glued, lexicon):
            if rule.context == "heading" and lower is not None:
                # A heading's adjective describing a thing in the singular is the
                # employer's wording about the job or the workplace ("Our Supportive
                # Environment:", "Competitive Compensation"); a section is named by a
                # plural before a colon ("PRINCIPLE ACCOUNTABILITIES:"). A line of its
                # own without a colon is an item of the list above it, plural or not
                # ("Qualifications / Analytical Skills / Communication skills"). Read
                # in lower case: capitals make every word a name.
                lowered = lower(token)
                if (
                    lowered is not None
                    and lowered.pos_ == "ADJ"
                    and (lowered.head.tag_ not in _PLURAL_TAGS or not _colon_after(token))
                ):
                    adjective = lowered
                    continue
            return rule
    if adjective is not None:
        # The adjective read in its line in lower case meets the other rules as any
        # adjective does ("Active Real Estate Investor": an investor's status).
        for rule in rules:
            if rule.context not in ("heading", "name") and _rule_holds(
                rule, adjective, glued, lexicon
            ):
                return rule
    return None


def _lemma(token: Token) -> str:
    """The word's lemma in lower case. Case does not change a phrase's sense
    ("DECISION MAKERS" are decision makers): a word the tagger reads as a name because
    it is capitalized is lemmatized as the common noun it spells ("Makers" -> "maker")."""
    if token.pos_ == "PROPN" and token.is_alpha:
        lemmas = getLemma(token.lower_, upos="NOUN")
        if lemmas:
            return str(lemmas[0])
    return token.lemma_.lower()


def _object_lemmas(token: Token) -> set[str]:
    """The lemmas of what the word governs: a direct object, or a preposition's object."""
    out = set()
    for child in token.children:
        if child.dep_ == "dobj":
            out.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            out.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return out


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPOUND_DEPS = frozenset({"compound", "nmod", "amod"})


def _subject_lemmas(token: Token) -> set[str]:
    """The lemmas of what the word is said of: its own subject, or, for a complement of
    a verb ("the offer will be dependent on ..."), the verb's subject."""
    own = {_lemma(c) for c in token.children if c.dep_ in _SUBJECTS}
    if own or token.dep_ not in {"acomp", "attr", "xcomp", "oprd"} or token.head is token:
        return own
    return {_lemma(c) for c in token.head.children if c.dep_ in _SUBJECTS}


def _compound_lemmas(token: Token) -> set[str]:
    """The lemmas of the other words of the compound the word stands in: the noun it
    modifies, and that noun's other modifiers ("Active TS/SCI Clearance")."""
    if token.dep_ not in _COMPOUND_DEPS or token.head is token:
        return set()
    out = {_lemma(token.head)}
    out.update(
        _lemma(c) for c in token.head.children if c is not token and c.dep_ in _COMPOUND_DEPS
    )
    return out


def _conjunct_lemmas(token: Token) -> set[str]:
    """The lemmas of the words the word is coordinated with: its conjuncts, and the word
    it is a conjunct of ("individuals, foundations and companies")."""
    out = {_lemma(c) for c in token.children if c.dep_ == "conj"}
    if token.dep_ == "conj" and token.head is not token:
        out.add(_lemma(token.head))
    return out


def _list_head_lemma(token: Token) -> str | None:
    """The lemma of the word the list the token is a later item of attaches to: up the
    conjunct links to the first item, then its head; None for a word in no list."""
    first = token
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first is token or first.head is first:
        return None
    return _lemma(first.head)


def _rule_holds(rule: ExceptionRule, token: Token, glued: Unglued, lexicon: GenderLexicon) -> bool:
    if rule.lemma and _lemma(token) not in rule.lemma:
        return False
    if rule.pos and token.pos_ not in rule.pos:
        return False
    if rule.tag and token.tag_ not in rule.tag:
        return False
    if rule.dep and token.dep_ not in rule.dep:
        return False
    if rule.head_lemma and _lemma(token.head) not in rule.head_lemma:
        return False
    if (
        rule.not_head_lemma
        and token.head is not token
        and _lemma(token.head) in rule.not_head_lemma
    ):
        return False
    if rule.conj_lemma and not _conjunct_lemmas(token) & set(rule.conj_lemma):
        return False
    if rule.head_head_lemma and _lemma(token.head.head) not in rule.head_head_lemma:
        return False
    if rule.list_head_lemma and _list_head_lemma(token) not in rule.list_head_lemma:
        return False
    if rule.child_lemma:
        if not any(
            c.lemma_.lower() in rule.child_lemma
            and (not rule.child_dep or c.dep_ in rule.child_dep)
            for c in token.children
        ):
            return False
    elif rule.child_dep and not any(c.dep_ in rule.child_dep for c in token.children):
        return False
    if rule.object_lemma and not _object_lemmas(token) & set(rule.object_lemma):
        return False
    if rule.head_dep and (token.head is token or token.head.dep_ not in rule.head_dep):
        return False
    if rule.without_child_dep and any(c.dep_ in rule.without_child_dep for c in token.children):
        return False
    if rule.not_tag and token.tag_ in rule.not_tag:
        return False
    if rule.head_child_dep and not any(
        c.dep_ in rule.head_child_dep for c in token.head.children if c is not token
    ):
        return False
    if rule.not_in_predicate and _in_predicate(token.head):
        return False
    if rule.inside_sentence and _starts_sentence(token):
        return False
    if rule.prev_lemma and not _neighbour_in(token, -1, rule.prev_lemma):
        return False
    if rule.next_lemma and not _neighbour_in(token, 1, rule.next_lemma):
        return False
    if rule.not_next_lemma and _neighbour_in(token, 1, rule.not_next_lemma):
        return False
    if rule.subject_lemma and not _subject_lemmas(token) & set(rule.subject_lemma):
        return False
    if rule.sibling_lemma and not _compound_lemmas(token) & set(rule.sibling_lemma):
        return False
    return rule.context is None or _in_context(token, rule.context, glued, lexicon)


def _in_context(token: Token, context: Context, glued: Unglued, lexicon: GenderLexicon) -> bool:
    """Whether the token stands in a heading, a name, or legal, benefits or pay text."""
    if context == "heading":
        return _in_heading(token, glued)
    if context == "name":
        return _in_name(token)
    if context in ("boilerplate", "benefits", "pay"):
        markers = {
            "boilerplate": lexicon.boilerplate_markers,
            "benefits": lexicon.benefits_markers,
            "pay": lexicon.pay_markers,
        }[context]
        sentence = _sentence_in_line(token).lower()
        if context == "boilerplate":
            # A label run into the legal text after it ("Commitment to Diversity:Acme is an
            # equal opportunity employer") belongs to it.
            sentence += " " + _run_into_label(token, glued).lower()
            # The legal text is the sentence's main clause: a clause describing the
            # employer inside it ("an equal opportunity employer that provides a
            # supportive community", "... employer committed to diversity") is the
            # employer's own wording unless it holds the legal phrase itself.
            clause = _describing_clause(token)
            if clause is not None:
                sentence = clause.lower()
        # A marker before a colon is a section label ("Essential Functions: Responds
        # to ..."), the duties it introduces, not the legal phrase.
        return any(re.search(rf"(?<![a-z]){re.escape(m)}(?!\s*:)", sentence) for m in markers)
    return True


def _run_into_label(token: Token, glued: Unglued) -> str:
    """When the token's line ends in a colon that the text after it was run into
    ("Team Leadership:Manage a team"), that text's first line; else ""."""
    text = glued.text
    end = text.find("\n", token.idx)
    if end <= 0 or text[end - 1] != ":" or glued.original[glued.origin[end]].isspace():
        return ""
    after = text.find("\n", end + 1)
    return text[end + 1 : len(text) if after < 0 else after]


def _in_predicate(noun: Token) -> bool:
    """Whether a noun stands in what its sentence says something is: the complement of
    "be" itself or a phrase inside it ("has been one of the leading providers", "be part
    of the nation's leading company")."""
    node = noun
    while True:
        if node.dep_ == "attr":
            return True
        if node.dep_ not in _INSIDE_PHRASE or node.head is node:
            return False
        if node.dep_ == "prep" and node.lower_ not in _PART_OF:
            # "a search partner for some of the world's leading organizations": the
            # organisations are the ones it works for, not what the subject is.
            return False
        node = node.head


def _describing_clause(token: Token) -> str | None:
    """The text of the relative or adjectival clause the token stands in, if any."""
    if token.tag_ in {"VBN", "VBD"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in token.children
    ):
        # A participle after the noun it describes ("an Equal Opportunity Employer
        # committed to a diverse ... environment"), however the parser attaches it: the
        # clause is the participle and what follows it.
        subtree = list(token.subtree)
        if subtree[0].i < token.i and token.doc[token.i - 1].pos_ in {"NOUN", "PROPN"}:
            return token.doc[token.i : subtree[-1].i + 1].text
    for node in (token, *token.ancestors):
        if node.dep_ in _DESCRIBING_CLAUSES and node.pos_ in {"VERB", "AUX"}:
            subtree = list(node.subtree)
            return token.doc[subtree[0].i : subtree[-1].i + 1].text
        if node.dep_ == "ROOT":
            break
    return None


def _neighbour_in(token: Token, step: int, lemmas: tuple[str, ...]) -> bool:
    """Whether the word before (step -1) or after (step 1) has one of the lemmas, within
    the same phrase: a sentence end or a line end between them breaks it ("direct
    sales. Lead, mentor..." is no sales lead)."""
    i = token.i + step
    while 0 <= i < len(token.doc) and token.doc[i].is_punct and token.doc[i].text != "\n":
        if token.doc[i].text in _PHRASE_BREAK:
            return False
        i += step
    if not 0 <= i < len(token.doc) or "\n" in token.doc[i].text:
        return False
    other = token.doc[i]
    return _lemma(other) in lemmas or other.lower_ in lemmas


def _starts_sentence(token: Token) -> bool:
    """Whether the token is the first word of its sentence or of its line."""
    i = token.i - 1
    while i >= 0 and (token.doc[i].is_punct or token.doc[i].is_space):
        if "\n" in token.doc[i].text or token.doc[i].text in _PHRASE_BREAK:
            return True
        i -= 1
    return i < 0 or bool(token.is_sent_start)


def _sentence_in_line(token: Token) -> str:
    """The token's sentence, cut at the line ends around the token."""
    sent = token.sent
    text = token.doc.text
    start = max(sent.start_char, text.rfind("\n", 0, token.idx) + 1)
    end_line = text.find("\n", token.idx)
    end = sent.end_char if end_line < 0 else min(sent.end_char, end_line)
    return text[start:end]


def _in_heading(token: Token, glued: Unglued) -> bool:
    """Whether the token stands in a line that is a section heading."""
    if _lost_line_heading(token):
        return True
    text = glued.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    # A section heading with its text on the same line ("Responsibilities: Manage
    # accounts", "PRINCIPLE ACCOUNTABILITIES:Sales"): the words before the first colon,
    # when they are in capitals or the token is their last word and a plural naming the
    # posting's parts. An item's lead-in ("Leadership Skills: ...", "Competitive
    # Package: ...") is content, and so is a singular label ("Commute Commitment: ...").
    end = len(text) if line_end < 0 else line_end
    colon = text.find(":", line_start, end)
    if 0 <= colon < token.idx:
        # A label later on a line that holds an earlier one ("Job Description: ...
        # problem solver Duties and responsibility: Maintain"): the colon after the token.
        colon = text.find(":", token.idx, end)
    # The label starts the line or follows a sentence end on it.
    ends = [m.end() for m in re.finditer(r"[.!?]\s", text[line_start : token.idx])]
    # Text run into the colon ("Team Leadership:Manage a team") was on the label's line
    # before the ungluing split it off: the label is an item's lead-in as when a space
    # follows the colon.
    run_in = (
        colon > token.idx
        and colon + 1 < len(text)
        and text[colon + 1] == "\n"
        and not glued.original[glued.origin[colon + 1]].isspace()
    )
    if colon > token.idx and (text[colon + 1 : end].strip() or ends or run_in):
        label = text[line_start + (ends[-1] if ends else 0) : colon].strip()
        between = re.sub(r"\([^)]*\)", "", text[token.idx + len(token.text) : colon]).split()
        # The token ends a section name, or one run into a second label whose words are
        # all capitalized ("Primary Duties and Responsibilities Essential Functions:").
        last = not between or (
            len(between) <= 3 and token.text[:1].isupper() and all(w[:1].isupper() for w in between)
        )
        plural = last and _names_parts(token)
        if not (label.isupper() or plural):
            return False
        line = label
    elif colon > token.idx and not text[colon + 1 : end].strip():
        # A line ending in "Plural Section Name:" after other text run into it ("...
        # Company MatchStudent Loan Repayment Program Responsibilities:").
        last = not re.sub(r"\([^)]*\)", "", text[token.idx + len(token.text) : colon]).strip()
        plural = last and _names_parts(token)
    else:
        plural = False
    sentence_case = False
    if plural:
        # The section name is the run of capitalized words that ends in the token.
        run: list[str] = []
        # Markdown around the label ("**Key Responsibilities:**") is no part of its words.
        span = text[line_start + (ends[-1] if ends else 0) : token.idx + len(token.text)]
        for w in reversed([w.strip("*_#") for w in span.split() if w.strip("*_#")]):
            if not (w[:1].isupper() or w in {"&", "and", "of"}):
                break
            run.insert(0, w)
        while run and not run[0][:1].isupper():
            run.pop(0)
        if not run:
            # A label in sentence case ending in the plural: "Roles and responsibilities:".
            label = text[line_start + (ends[-1] if ends else 0) : colon].strip()
            sentence_case = label[:1].isupper()
            run = label.split() if sentence_case else []
            if len(run) > _HEADING_MAX_WORDS:
                # The label run into the item before it, whose line end was lost
                # ("... problem solver Duties and responsibility: Maintain"): the label
                # is its capitalized first word and the joining words after it.
                run = _sentence_case_label(text[line_start:colon].split())
        line = " ".join(run)
    line = re.sub(r"\([^)]*\)", " ", line).strip().rstrip(":").strip()
    line = line.lstrip("#*_ ").rstrip("*_ ")
    if not line or line.endswith((".", "!", "?", ",", ";")):
        return False
    words = [w for w in re.split(r"[\s:/&,+-]+", line) if w]
    if not words or len(words) > _HEADING_MAX_WORDS:
        return False
    if sentence_case:
        return True
    # Every longer word capitalized: "Duties and Responsibilities", "CORE COMPETENCIES".
    return all(w[0].isupper() or len(w) <= 3 for w in words if w[0].isalpha())


def _sentence_case_label(words: list[str]) -> list[str]:
    """The last words of a line that read as a label in sentence case: a capitalized
    word, then only joining words, up to the last word ("Duties and responsibility")."""
    run = words[-1:]
    for w in reversed(words[:-1]):
        run.insert(0, w)
        if w[:1].isupper():
            return run
        if w not in {"and", "&", "of"}:
            return []
    return []


def _names_parts(token: Token) -> bool:
    """Whether a label's last word names the posting's parts: a plural, or a word joined
    to a plural ("Job Requirements and Responsibility")."""
    return _plural(token) or (token.dep_ == "conj" and token.head.tag_ in _PLURAL_TAGS)


def _colon_after(token: Token) -> bool:
    """Whether a colon follows the token on its line."""
    text = token.doc.text
    end = text.find("\n", token.idx)
    return ":" in text[token.idx : len(text) if end < 0 else end]


def _lost_line_heading(token: Token) -> bool:
    """A section name whose line ends were lost: a capitalized plural noun the parser
    leaves as a phrase of its own, between a sentence end and a capitalized word ("...
    how to sell.  Responsibilities Full life-cycle recruiting")."""
    doc = token.doc
    i, j = token.i - 1, token.i + 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    if (
        token.tag_ in _PLURAL_TAGS
        and token.text[:1].isupper()
        and token.dep_ == "ROOT"
        and i >= 0
        and doc[i].text in _PHRASE_BREAK
        and j < len(doc)
        and doc[j].text[:1].isupper()
    ):
        return True
    return _run_in_line_end_heading(token) or _heading_run_into_text(token)


def _plural(token: Token) -> bool:
    """Whether the word is a plural noun, by its tag or, when markup or capitals mislead
    the tagger ("**Responsibilities:**"), by its spelling."""
    if token.tag_ in _PLURAL_TAGS:
        return True
    # The word's letters, without markup the tokenizer left on it ("Responsibilities:**-").
    letters = re.match(r"[^\W\d_]+", token.lower_)
    if letters is None:
        return False
    word = letters.group()
    lemmas = getLemma(word, upos="NOUN")
    return bool(lemmas) and str(lemmas[0]) != word


def _heading_run_into_text(token: Token) -> bool:
    """A section name run into its first item, whose line end was lost: a capitalized
    plural at a line start or after a sentence end, after at most two capitalized words,
    followed by a capitalized verb or a bullet ("Primary Responsibilities Drive the ...",
    "Duties & Responsibilities Works with ...", "... the team.  Responsibilities· Post");
    or a plural section name in capitals run into a capitalized word ("DUTIES AND
    RESPONSIBILITIESPoint person"). "Responsibilities include:" (a lower-case verb) is a
    sentence of the posting and stays as it is."""
    doc = token.doc
    text = doc.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    caps = re.match(r"[A-Z]{3,}(?=[A-Z][a-z])", token.text)
    if caps is not None:
        # A section name is a plural ("RESPONSIBILITIES"); a value in capitals run into
        # its description ("COMPASSIONATEYou care deeply") is the employer's wording.
        lemmas = getLemma(caps.group().lower(), upos="NOUN")
        if not lemmas or str(lemmas[0]) == caps.group().lower():
            return False
        before = re.split(r"[\s&/]+", text[line_start : token.idx].strip())
        return all(w.isupper() or w.lower() == "and" for w in before if w)
    if not (token.text[:1].isupper() and _plural(token)):
        return False
    i, count = token.i - 1, 0
    while (
        i >= 0
        and count < 3
        and (
            doc[i].text in {"&", "/"}
            or doc[i].lower_ == "and"
            or (doc[i].is_alpha and doc[i].text[:1].isupper())
        )
    ):
        i, count = i - 1, count + 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if not (i < 0 or "\n" in doc[i].text or doc[i].text in _PHRASE_BREAK):
        return False
    j = token.i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j >= len(doc):
        return False
    nxt = doc[j]
    first = nxt.text[:1]
    bullet = not first.isascii() and unicodedata.category(first) in {"So", "Po"}
    return bullet or (first.isupper() and nxt.pos_ in {"VERB", "AUX"})


def _run_in_line_end_heading(token: Token) -> bool:
    """A section name run onto the end of the item before it, whose line end was lost
    ("... writing unit/integration tests Key Responsibilities" / "Essential Job
    Functions:"): a capitalized plural ending its line, with at most two capitalized
    words before it, after a lower-case noun that ends the item, and a capitalized next
    line."""
    doc = token.doc
    nxt = token.i + 1
    if not (
        token.tag_ in _PLURAL_TAGS
        and token.text[:1].isupper()
        and nxt < len(doc)
        and "\n" in doc[nxt].text
    ):
        return False
    j = nxt + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j >= len(doc) or not doc[j].text[:1].isupper():
        return False
    i = token.i - 1
    while i >= 0 and token.i - i <= 2 and doc[i].text[:1].isupper() and doc[i].is_alpha:
        i -= 1
    return i >= 0 and doc[i].is_lower and doc[i].pos_ == "NOUN" and "\n" not in doc[i].text


def _in_name(token: Token) -> bool:
    """Whether the token is part of a place, a company or a product name."""
    if token.pos_ == "VERB" and any(c.dep_ == "dobj" for c in token.children):
        # A verb with an object is an action, whatever entity the tagger puts it in
        # ("Supporting our Small Business Sales Specialist" on a line run into the last).
        return False
    if token.ent_type_ in _NAME_ENTITIES or _spelled_by_initials(token):
        return True
    # A capitalized phrase the tagger reads as a proper name inside a lower-case sentence
    # ("awarded Trusted Carrier by the Department"): an award, a programme or a product.
    # The phrase may be longer than two words ("and Independent Interior Design
    # community": a segment's name describing the noun after it).
    head = token.head
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    if (
        token.pos_ == "PROPN"
        and token.dep_ == "compound"
        and head.i > token.i
        and (
            (head.pos_ == "PROPN" and head.i == token.i + 1)
            or (after.pos_ == "PROPN" and after.dep_ == "compound" and after.head.i == head.i)
        )
        and token.text[:1].isupper()
        and after.text[:1].isupper()
        and token.i > 0
        and token.doc[token.i - 1].is_lower
        and token.doc[token.i - 1].is_alpha
    ):
        return True
    if _short_label(token):
        # A short label before a colon ("Documentation & Analysis:") is a heading or an
        # item's lead-in, whatever entity the tagger reads in its capitals.
        return False
    if _role_title(token):
        return False
    return token.pos_ == "PROPN" and token.ent_type_ in _ORG_ENTITIES and token.ent_iob_ == "I"


def _role_title(token: Token) -> bool:
    """Whether the token ends a capitalized job title that is the subject of what the
    hire will do ("The Services Tech Lead will complete analysis"): the role, in the
    middle of a sentence, however the tagger reads its capitals as a company's name."""
    doc = token.doc
    ends_entity = token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I"
    return (
        ends_entity
        and token.dep_ in _SUBJECTS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and any(c.dep_ == "compound" for c in token.children)
        and any(c.dep_ == "aux" and c.lower_ == "will" for c in token.head.children)
    )


def _spelled_by_initials(token: Token) -> bool:
    """Whether the token is one of the capitalized words whose initials the abbreviation in
    brackets after them spells ("Current Basic Life Support (BLS)", "Key Performance
    Indicators (KPIs)"): the name of a certificate, a course or a programme."""
    doc = token.doc
    if not token.text[:1].isupper() or not token.is_alpha:
        return False
    if _spells_initials_before(token):
        return True
    last = token.i
    while last + 1 < len(doc) and doc[last + 1].is_alpha and doc[last + 1].text[:1].isupper():
        last += 1
    brackets = _INITIALS.match(doc.text, doc[last].idx + len(doc[last].text))
    if brackets is None:
        return False
    letters = brackets.group(1)
    first = last + 1 - len(letters)
    if first < 0 or first > token.i:
        return False
    words = doc[first : last + 1]
    return all(w.is_alpha and w.text[:1].isupper() for w in words) and letters == "".join(
        w.text[0] for w in words
    )


def _spells_initials_before(token: Token) -> bool:
    """Whether the token is one of the capitalized words in brackets whose initials the
    abbreviation before the brackets spells ("FEA (Finite Element Analysis)")."""
    doc = token.doc
    first = last = token.i
    while first > 0 and doc[first - 1].is_alpha and doc[first - 1].text[:1].isupper():
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].is_alpha and doc[last + 1].text[:1].isupper():
        last += 1
    before = _INITIALS_BEFORE.search(doc.text, max(0, doc[first].idx - 16), doc[first].idx)
    after = doc.text[doc[last].idx + len(doc[last].text) :].lstrip()
    if before is None or not after.startswith(")"):
        return False
    letters = before.group(1)
    words = doc[first : last + 1]
    return len(words) == len(letters) and letters == "".join(w.text[0] for w in words)


def _short_label(token: Token) -> bool:
    """Whether the token stands in a line's first few words, ended by a colon."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    colon = text.find(":", token.idx, len(text) if end < 0 else end)
    return colon >= 0 and len(text[start:colon].split()) <= _HEADING_MAX_WORDS


def _suggest(
    token: Token | None, word: str, entry: Entry, lexicon: GenderLexicon
) -> tuple[str, ...]:
    """Drop-in replacements: chosen by lemma or part of speech, inflected to the word's form."""
    groups = lexicon.alternatives.get(entry_key(entry.text))
    if not groups:
        return ()
    lower = word.lower()
    keys = [lower]
    if token is not None:
        keys = [token.lemma_.lower(), lower, _POS_KEY.get(token.pos_, token.pos_)]
    keys.append("any")
    chosen = next((groups[k] for k in keys if k in groups), ())
    if token is None:
        return tuple(chosen)
    out = []
    for suggestion in chosen:
        fitted = _inflect(suggestion, token)
        if word[:1].isupper():
            fitted = fitted[:1].upper() + fitted[1:]
        out.append(fitted)
    return tuple(out)


def _inflect(suggestion: str, token: Token) -> str:
    """The suggestion in the token's form: "guide" for "leads" (VBZ) reads "guides"."""
    tag = token.tag_
    parts = suggestion.split(" ")
    if tag in {"VBZ", "VBD", "VBG", "VBN"} and token.pos_ in {"VERB", "AUX"}:
        forms = getInflection(parts[0], tag=tag)
        if forms:
            parts[0] = forms[0]
    elif tag in {"NNS", "NNPS"} and len(parts) == 1:
        forms = getInflection(parts[0], tag="NNS")
        if forms:
            parts[0] = forms[0]
    return " ".join(parts)


def highlight_segments(text: str, report: LanguageReport) -> list[tuple[str, str | None]]:
    """Split the text into (segment, kind) pieces in order; kind is None, 'masculine',
    'feminine' or 'issue-<category>'.

    Joining the segments gives back the text; a template escapes each piece and wraps
    the marked ones in a highlight, so no HTML is built here. Where marks overlap, the
    earlier one wins and the rest of a longer one keeps its own mark ("competitive" coded,
    then " pay" of the issue "competitive pay"), so every issue stays visible.
    """
    marks: list[tuple[int, int, str]] = [
        (w.start, w.end, w.gender) for w in report.masculine + report.feminine
    ]
    marks += [(i.start, i.end, f"issue-{i.category}") for i in report.issues if i.end > i.start]
    segments: list[tuple[str, str | None]] = []
    position = 0
    for start, end, kind in sorted(marks):
        if end <= position:
            continue
        start = max(start, position)
        if start > position:
            segments.append((text[position:start], None))
        segments.append((text[start:end], kind))
        position = end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


def _counts(words: list[CodedWord]) -> Mapping[str, int]:
    """How often each coded word occurs, most frequent first, then alphabetically."""
    counter = Counter(w.word.lower() for w in words)
    ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return MappingProxyType(dict(ordered))


def _is_bullet(line: str, rules: PostingRules) -> bool:
    """Whether a stripped line is a list item: a bullet marker or a number like "1."."""
    if _NUMBERED.match(line):
        return True
    for marker in rules.bullet_markers:
        if line.startswith(marker):
            rest = line[len(marker) :]
            # ASCII markers need a space after them, so "-3%" or "**Bold**" is not a bullet.
            return not marker.isascii() or not rest or rest[0].isspace()
    return False


def _heading_key(line: str) -> str:
    """A line reduced for comparison with the heading vocabulary."""
    key = line.strip().lstrip("#").strip().strip("*_").strip().rstrip(":").strip()
    return " ".join(key.replace("\u2019", "'").lower().split())


def _is_heading(line: str, rules: PostingRules) -> bool:
    """Whether a non-bullet line reads as a section heading."""
    if line.startswith("#") or (line.startswith("**") and line.rstrip(":").endswith("**")):
        return True
    return len(line.split()) <= rules.heading_max_words and not line.endswith(_SENTENCE_END)


def _count_must_haves(lines: list[str], bullets: list[bool], rules: PostingRules) -> int:
    """Requirements under a must-have heading, up to the next heading: each bullet, and
    each sentence of a line that is not a bullet (pasted text has often lost its bullets)."""
    count = 0
    inside = False
    for line, is_bullet in zip(lines, bullets, strict=True):
        if is_bullet:
            count += inside
        elif _heading_key(line) in rules.must_have_headings:
            inside = True
        elif _is_heading(line, rules):
            inside = False
        elif inside:
            count += len(_SENTENCE_SPLIT.split(line.strip()))
    return count


def _warnings(
    rules: PostingRules,
    words: int,
    length: LengthVerdict,
    must_haves: int,
    bullet_share: float,
    has_lines: bool,
) -> tuple[str, ...]:
    """The posting-quality warnings, in the order a reader fixes them."""
    out: list[str] = []
    bounds = {"words": words, "min": rules.min_words, "max": rules.max_words}
    if length == "too-short":
        out.append(rules.warnings["too_short"].format(**bounds))
    elif length == "too-long":
        out.append(rules.warnings["too_long"].format(**bounds))
    if must_haves > rules.max_must_haves:
        out.append(
            rules.warnings["many_must_haves"].format(count=must_haves, max=rules.max_must_haves)
        )
    if has_lines:
        percent = round(bullet_share * 100)
        if bullet_share < rules.min_bullet_share:
            out.append(rules.warnings["few_bullets"].format(percent=percent))
        elif bullet_share > rules.max_bullet_share:
            out.append(rules.warnings["mostly_bullets"].format(percent=percent))
    return tuple(out)
