"""Say which language a resume is written in, from its function words, with no network.

Every language's common function words (articles, prepositions, pronouns) are listed in
content/lexicon/stopwords.yaml. A text's words are counted against each list; a word in
several lists counts for each, split between them. Proper nouns, skills, numbers and
garbled characters are in no list, so they weigh nothing. Another language is named only
with clear evidence (``min_words`` of its words, and ``lead`` times English's evidence):
a resume with a few Spanish words ("Bilingual (English/Spanish)") stays English.

Measured: about 0.5 ms for a two-page resume; all 100 resumes of the real corpus read as
English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from scoring.models.base import load_file
from scoring.models.stopwords import StopwordsFile
from scoring.sources import load_sources

__all__ = ["LanguageGuess", "LanguageProfiles", "detect_language", "load_language_profiles"]

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageGuess:
    """The language a text reads as: its code and name, and how sure the guess is (0 to 1).

    ``english`` is what the report needs: False only when another language is clearly
    the text's language. ``confidence`` is that language's share of the function words
    found; ``evidence`` is how many function words of it were found.
    """

    code: str
    name: str
    english: bool
    confidence: float
    evidence: float


@dataclass(frozen=True)
class LanguageProfiles:
    """The function words of each language, ready to count a text against."""

    #: For each word, the languages that list it and its weight (1 / how many list it).
    weights: Mapping[str, tuple[tuple[str, float], ...]]
    names: Mapping[str, str]
    scored: str
    min_words: int
    lead: float

    @classmethod
    def from_file(cls, data: StopwordsFile) -> LanguageProfiles:
        """Index a validated stopwords.yaml by word."""
        listed: dict[str, list[str]] = {}
        for language in data.languages:
            for word in language.words:
                listed.setdefault(word, []).append(language.code)
        weights = {
            word: tuple((code, 1 / len(codes)) for code in codes) for word, codes in listed.items()
        }
        return cls(
            weights=MappingProxyType(weights),
            names=MappingProxyType({lang.code: lang.name for lang in data.languages}),
            scored=data.scored,
            min_words=data.min_words,
            lead=data.lead,
        )


def load_language_profiles(
    content_root: Path, sources: Mapping[str, object] | None = None
) -> LanguageProfiles:
    """Load and validate content/lexicon/stopwords.yaml (a bad file names file and field)."""
    context = {"sources": load_sources(content_root) if sources is None else sources}
    data = load_file(StopwordsFile, content_root / "lexicon" / "stopwords.yaml", context)
    return LanguageProfiles.from_file(data)


def detect_language(text: str, profiles: LanguageProfiles) -> LanguageGuess:
    """The language a resume is written in; English unless another is clearly it."""
    scores = dict.fromkeys(profiles.names, 0.0)
    weights = profiles.weights
    for match in _WORD.finditer(text):
        for code, weight in weights.get(match.group(0).lower(), ()):
            scores[code] += weight
    total = sum(scores.values())
    best = max(scores, key=lambda code: scores[code])
    scored = profiles.scored
    other = (
        best != scored
        and scores[best] >= profiles.min_words
        and scores[best] >= profiles.lead * scores[scored]
    )
    code = best if other else scored
    share = scores[code] / total if total else 0.0
    return LanguageGuess(
        code=code,
        name=profiles.names[code],
        english=not other,
        confidence=round(share, 3),
        evidence=round(scores[code], 1),
    )
