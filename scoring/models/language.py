"""The model of content/language/gender_coded.yaml: the coded word stems, their false
alarms, the verdict wording and the posting-quality rules of the language check."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from scoring.models.base import ContentModel, FieldProblem, Int, Number, SourceId, Text, exact_keys

__all__ = [
    "EXPLANATION_KEYS",
    "INDEX_LEN",
    "WARNING_FIELDS",
    "ExceptionEntry",
    "GenderCodedFile",
    "PostingRulesModel",
    "stem_of",
]

_STEM = re.compile(r"[a-z]+(?:-[a-z]+)?")
INDEX_LEN = 3  # stems are indexed by their first letters; none may be shorter
EXPLANATION_KEYS = (
    "empty",
    "neutral",
    "masculine-coded",
    "strongly-masculine-coded",
    "feminine-coded",
    "strongly-feminine-coded",
)
# The placeholders each warning template may use (with sample values to try them).
WARNING_FIELDS: Mapping[str, Mapping[str, object]] = {
    "too_short": {"words": 0, "min": 0, "max": 0},
    "too_long": {"words": 0, "min": 0, "max": 0},
    "many_must_haves": {"count": 0, "max": 0},
    "few_bullets": {"percent": 0},
    "mostly_bullets": {"percent": 0},
}
_SAMPLE = {"masculine": 0, "feminine": 0}


def _stem(value: str) -> str:
    stem = value.lower()
    if not _STEM.fullmatch(stem) or len(stem.replace("-", "")) < INDEX_LEN:
        raise ValueError(f"'{stem}' must be letters (one hyphen allowed), 3 or more")
    return stem


Stem = Annotated[Text, AfterValidator(_stem)]


def _unique_stems(stems: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    for i, stem in enumerate(stems):
        if stem in seen:
            raise FieldProblem(f"[{i}]", f"'{stem}' is listed twice")
        seen.add(stem)
    return stems


Stems = Annotated[tuple[Stem, ...], Field(min_length=1), AfterValidator(_unique_stems)]


def stem_of(word: str, stems: tuple[str, ...]) -> str | None:
    """The longest stem the word starts with, if any."""
    matches = [s for s in stems if word.startswith(s)]
    return max(matches, key=len) if matches else None


def _check_templates(
    templates: Mapping[str, str], samples: Mapping[str, Mapping[str, object]]
) -> None:
    """A message template may only use the placeholders the code fills in."""
    for key, template in templates.items():
        sample = samples[key]
        try:
            template.format(**sample)
        except (KeyError, IndexError, ValueError) as exc:
            allowed = ", ".join("{" + k + "}" for k in sample) or "none"
            raise FieldProblem(key, f"bad placeholder {exc} (allowed: {allowed})") from None


class ExceptionEntry(ContentModel):
    """Words that start with a coded stem but do not carry its meaning, and why."""

    words: tuple[Text, ...] = Field(min_length=1)
    why: Text


class WordRange(ContentModel):
    min: Int = Field(ge=1)
    max: Int = Field(ge=1)
    why: Text

    @model_validator(mode="after")
    def _ordered(self) -> WordRange:
        if self.min >= self.max:
            raise FieldProblem("max", "must be greater than min")
        return self


class MustHaves(ContentModel):
    max: Int = Field(ge=1)
    why: Text


class BulletShare(ContentModel):
    min: Number
    max: Number
    why: Text

    @model_validator(mode="after")
    def _ordered(self) -> BulletShare:
        if not 0 <= self.min < self.max <= 1:
            raise FieldProblem("max", "min and max must satisfy 0 <= min < max <= 1")
        return self


class Warnings(ContentModel):
    too_short: Text
    too_long: Text
    many_must_haves: Text
    few_bullets: Text
    mostly_bullets: Text

    @model_validator(mode="after")
    def _placeholders(self) -> Warnings:
        _check_templates(self.model_dump(), WARNING_FIELDS)
        return self


class PostingRulesModel(ContentModel):
    """Thresholds and vocabulary for the posting-quality metrics."""

    words: WordRange
    must_haves: MustHaves
    bullet_share: BulletShare
    bullet_markers: tuple[Text, ...] = Field(min_length=1)
    must_have_headings: tuple[Text, ...] = Field(min_length=1)
    heading_max_words: Int = Field(ge=1)
    warnings: Warnings


class GenderCodedFile(ContentModel):
    """content/language/gender_coded.yaml."""

    source: SourceId
    transcribed_from: Text
    masculine: Stems
    feminine: Stems
    alternatives: dict[str, tuple[Text, ...]]
    exceptions: tuple[ExceptionEntry, ...] = ()
    strong_difference: Int = Field(ge=1)
    explanations: dict[str, Text]
    posting: PostingRulesModel

    @model_validator(mode="after")
    def _consistent(self) -> GenderCodedFile:
        exact_keys("explanations", self.explanations, EXPLANATION_KEYS)
        try:
            _check_templates(self.explanations, dict.fromkeys(EXPLANATION_KEYS, _SAMPLE))
        except FieldProblem as exc:
            raise FieldProblem(f"explanations.{exc.field}", exc.problem) from None
        for i, fem in enumerate(self.feminine):
            for masc in self.masculine:
                if fem.startswith(masc) or masc.startswith(fem):
                    raise FieldProblem(
                        f"feminine[{i}]", f"'{fem}' overlaps the masculine stem '{masc}'"
                    )
        coded = self.masculine + self.feminine
        for i, entry in enumerate(self.exceptions):
            for j, text in enumerate(entry.words):
                parts = [p for p in re.split(r"[\s-]+", text.lower()) if p]
                if not any(stem_of(p, coded) for p in parts):
                    raise FieldProblem(
                        f"exceptions[{i}].words[{j}]",
                        f"'{text}' contains no word with a coded stem",
                    )
        for stem, suggestions in self.alternatives.items():
            if stem not in self.masculine:
                raise FieldProblem(f"alternatives.{stem}", "is not a masculine stem listed above")
            if not suggestions:
                raise FieldProblem(f"alternatives.{stem}", "must list at least one item")
        return self
