"""Inclusive-language check of a job posting: gender-coded words and posting metrics.

The word lists, the false alarms and every threshold live in
content/language/gender_coded.yaml; this module only matches and counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from scoring.models.base import ContentError, load_file
from scoring.models.language import EXPLANATION_KEYS, INDEX_LEN, GenderCodedFile

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
Verdict = Literal["masculine-coded", "feminine-coded", "neutral"]
LengthVerdict = Literal["too-short", "good", "too-long"]

LEXICON_FILE = Path("language") / "gender_coded.yaml"

# A word is a run of letters, with apostrophes allowed between letters
# ("leader's"). Hyphens split words, as gender-decoder does; a hyphenated coded
# stem ("self-confiden") is matched on the two parts together.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_PHRASE_GAP = re.compile(r"\s+|-")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s")
_SENTENCE_END = (".", "!", "?", ",", ";")
# A line of only "-", "=", "*" or "_": a heading's underline or a divider, not content.
_RULE_LINE = re.compile(r"(?:[-=*_]\s*){3,}")


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
class GenderLexicon:
    """The coded stems, their false alarms and the verdict wording, ready to match."""

    source: str
    masculine: tuple[str, ...]
    feminine: tuple[str, ...]
    exception_words: frozenset[str]
    exception_phrases: tuple[tuple[str, ...], ...]
    strong_difference: int
    explanations: Mapping[str, str]
    posting: PostingRules
    # What to write instead, for every masculine stem that has a suggestion.
    alternatives: Mapping[str, tuple[str, ...]]
    # Lookup tables derived from the lists above, built once by the loader.
    _by_prefix: Mapping[str, tuple[tuple[str, Gender], ...]] = field(repr=False, compare=False)
    _hyphenated: tuple[tuple[str, Gender], ...] = field(repr=False, compare=False)
    _phrases_by_first: Mapping[str, tuple[tuple[str, ...], ...]] = field(repr=False, compare=False)


@dataclass(frozen=True)
class CodedWord:
    """One occurrence of a coded word, with its character offsets in the checked text."""

    word: str
    stem: str
    start: int
    end: int
    gender: Gender

    def to_dict(self) -> dict[str, Any]:
        """The occurrence as the JSON API returns it."""
        return {"word": self.word, "stem": self.stem, "start": self.start, "end": self.end}


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
            "masculine": [w.to_dict() for w in self.masculine],
            "feminine": [w.to_dict() for w in self.feminine],
            "word_count": self.word_count,
            "length": self.length_verdict,
            "bullet_share": round(self.bullet_share, 3),
            "must_have_count": self.must_have_count,
            "warnings": list(self.warnings),
            "explanation": self.explanation,
            "alternatives": {word: list(alts) for word, alts in self.alternatives.items()},
        }


# --- loading ---------------------------------------------------------------


def load_gender_lexicon(root: Path, sources: Mapping[str, object]) -> GenderLexicon:
    """Read content/language/gender_coded.yaml; raise ContentError naming file and field."""
    path = root / LEXICON_FILE
    doc = load_file(GenderCodedFile, path, {"sources": sources})
    masculine, feminine = doc.masculine, doc.feminine
    coded = [(s, "masculine") for s in masculine] + [(s, "feminine") for s in feminine]

    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for entry in doc.exceptions:
        for text in entry.words:
            parts = tuple(p for p in re.split(r"[\s-]+", text.lower()) if p)
            if len(parts) == 1:
                words.add(parts[0])
            else:
                phrases.append(parts)

    by_prefix: dict[str, list[tuple[str, Gender]]] = {}
    hyphenated: list[tuple[str, Gender]] = []
    for stem, gender in coded:
        typed: Gender = "masculine" if gender == "masculine" else "feminine"
        if "-" in stem:
            hyphenated.append((stem, typed))
        else:
            by_prefix.setdefault(stem[:INDEX_LEN], []).append((stem, typed))
    phrases_by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        phrases_by_first.setdefault(phrase[0], []).append(phrase)

    alternatives = _alternatives(doc.alternatives, masculine)
    rules = doc.posting

    lexicon = GenderLexicon(
        source=doc.source,
        masculine=masculine,
        feminine=feminine,
        exception_words=frozenset(words),
        exception_phrases=tuple(phrases),
        strong_difference=doc.strong_difference,
        explanations=MappingProxyType({key: doc.explanations[key] for key in EXPLANATION_KEYS}),
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
        _by_prefix=MappingProxyType(
            {k: tuple(sorted(v, key=lambda sg: -len(sg[0]))) for k, v in by_prefix.items()}
        ),
        _hyphenated=tuple(sorted(hyphenated, key=lambda sg: -len(sg[0]))),
        _phrases_by_first=MappingProxyType(
            {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases_by_first.items()}
        ),
    )
    # A suggestion must not swap one coded word for another.
    for stem, suggestions in alternatives.items():
        for suggestion in suggestions:
            found = [w.word for group in _find_coded_words(suggestion, lexicon) for w in group]
            if found:
                raise ContentError(
                    path,
                    f"alternatives.{stem}",
                    f"'{suggestion}' is itself coded ({', '.join(found)})",
                )
    return lexicon


def _alternatives(
    given: Mapping[str, tuple[str, ...]], masculine: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    """Suggestions by masculine stem; a stem without its own entry uses its spelling twin's
    ("selfconfiden" uses "self-confiden") or the longest stem it extends ("dominant")."""
    out = dict(given)
    for stem in masculine:
        if stem in out:
            continue
        twin = next((g for g in given if g.replace("-", "") == stem.replace("-", "")), None)
        prefix = max((g for g in given if stem.startswith(g)), key=len, default=None)
        if twin or prefix:
            out[stem] = given[twin or prefix or ""]
    return out


# --- checking --------------------------------------------------------------


def check_language(text: str, lexicon: GenderLexicon) -> LanguageReport:
    """Find the gender-coded words in a text and measure it as a job posting.

    The verdict follows gender-decoder: subtract the masculine count from the
    feminine count. Zero (a tie, or no coded words at all) is 'neutral'; any
    other difference, even of one word, codes the text towards the larger
    side. A difference of ``strong_difference`` or more only changes the
    explanation ("leans strongly"), never the verdict.
    """
    masculine, feminine = _find_coded_words(text, lexicon)
    difference = len(feminine) - len(masculine)
    verdict: Verdict
    if difference == 0:
        verdict = "neutral"
        key = "neutral" if masculine else "empty"
    else:
        verdict = "feminine-coded" if difference > 0 else "masculine-coded"
        strong = abs(difference) >= lexicon.strong_difference
        key = f"strongly-{verdict}" if strong else verdict
    explanation = lexicon.explanations[key].format(masculine=len(masculine), feminine=len(feminine))

    rules = lexicon.posting
    word_count = sum(1 for chunk in text.split() if any(c.isalnum() for c in chunk))
    length: LengthVerdict = "good"
    if word_count < rules.min_words:
        length = "too-short"
    elif word_count > rules.max_words:
        length = "too-long"
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not _RULE_LINE.fullmatch(line.strip())
    ]
    bullets = [_is_bullet(line, rules) for line in lines]
    bullet_share = sum(bullets) / len(lines) if lines else 0.0
    must_haves = _count_must_haves(lines, bullets, rules)

    alternatives = {
        word.word.lower(): lexicon.alternatives[word.stem]
        for word in masculine
        if word.stem in lexicon.alternatives
    }
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
    )


def highlight_segments(text: str, report: LanguageReport) -> list[tuple[str, str | None]]:
    """Split the text into (segment, None | 'masculine' | 'feminine') pieces, in order.

    Joining the segments gives back the text; a template escapes each piece and
    wraps the coded ones in a highlight, so no HTML is built here.
    """
    segments: list[tuple[str, str | None]] = []
    position = 0
    for word in sorted(report.masculine + report.feminine, key=lambda w: w.start):
        if word.start > position:
            segments.append((text[position : word.start], None))
        segments.append((text[word.start : word.end], word.gender))
        position = word.end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


def _find_coded_words(text: str, lexicon: GenderLexicon) -> tuple[list[CodedWord], list[CodedWord]]:
    """Every coded word in reading order, split by gender, false alarms left out."""
    tokens = [
        (m.start(), m.end(), m.group().lower().replace("\u2019", "'")) for m in _WORD.finditer(text)
    ]
    cleared = _cleared_by_phrases(text, tokens, lexicon)
    found: dict[Gender, list[CodedWord]] = {"masculine": [], "feminine": []}
    skip_next = False
    for i, (start, end, lower) in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        if i in cleared:
            continue
        # A hyphenated stem spans this word and the next ("self-confident").
        if i + 1 < len(tokens) and text[end : tokens[i + 1][0]] == "-":
            pair = f"{lower}-{tokens[i + 1][2]}"
            hit = next(((s, g) for s, g in lexicon._hyphenated if pair.startswith(s)), None)
            if hit and i + 1 not in cleared:
                next_end = tokens[i + 1][1]
                found[hit[1]].append(
                    CodedWord(text[start:next_end], hit[0], start, next_end, hit[1])
                )
                skip_next = True
                continue
        if lower in lexicon.exception_words or _base(lower) in lexicon.exception_words:
            continue
        for stem, gender in lexicon._by_prefix.get(lower[:INDEX_LEN], ()):
            if lower.startswith(stem):
                found[gender].append(CodedWord(text[start:end], stem, start, end, gender))
                break
    return found["masculine"], found["feminine"]


def _base(word: str) -> str:
    """The word without a possessive ending, so "committee's" is read as "committee"."""
    return word[:-2] if word.endswith("'s") else word


def _cleared_by_phrases(
    text: str, tokens: list[tuple[int, int, str]], lexicon: GenderLexicon
) -> set[int]:
    """Indexes of the words that fall inside an exception phrase ("market share")."""
    cleared: set[int] = set()
    for i, (_, _, lower) in enumerate(tokens):
        for phrase in lexicon._phrases_by_first.get(lower, ()):
            last = i + len(phrase) - 1
            if last >= len(tokens):
                continue
            if all(
                tokens[i + k][2] == part
                and (k == 0 or _PHRASE_GAP.fullmatch(text[tokens[i + k - 1][1] : tokens[i + k][0]]))
                for k, part in enumerate(phrase)
            ):
                cleared.update(range(i, last + 1))
                break
    return cleared


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
    """Bullets under a must-have heading, up to the next heading."""
    count = 0
    inside = False
    for line, is_bullet in zip(lines, bullets, strict=True):
        if is_bullet:
            count += inside
        elif _heading_key(line) in rules.must_have_headings:
            inside = True
        elif _is_heading(line, rules):
            inside = False
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
