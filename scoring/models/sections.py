"""The model of content/resume_sections.yaml: the words the resume structure parser reads by."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from scoring.models.base import ContentModel, FieldProblem, SourceId, Text

__all__ = ["SECTION_KEYS", "SectionKey", "SectionsFile", "normalise_heading"]

SectionKey = Literal[
    "contact",
    "summary",
    "achievements",
    "experience",
    "skills",
    "education",
    "certifications",
    "other",
]
SECTION_KEYS: tuple[SectionKey, ...] = (
    "contact",
    "summary",
    "achievements",
    "experience",
    "skills",
    "education",
    "certifications",
    "other",
)

_LETTER_SPACED = re.compile(r"^[A-Za-z&](?: {1,3}[A-Za-z&])+$")


def normalise_heading(line: str) -> str:
    """A heading reduced to lower-case words: no punctuation, '&' read as 'and'."""
    text = re.sub(r"\([^()]*\)", " ", line).strip()
    if _LETTER_SPACED.match(text):
        text = " ".join(part.replace(" ", "") for part in re.split(r" {2,}| & ", text))
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z ]+", " ", text).split())


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


Words = Annotated[tuple[Text, ...], Field(min_length=1), AfterValidator(_lower)]
SomeWords = Annotated[tuple[Text, ...], AfterValidator(_lower)]


class Headings(ContentModel):
    """The headings (and synonyms) that open each section."""

    contact: Words
    summary: Words
    achievements: Words
    experience: Words
    skills: Words
    education: Words
    certifications: Words
    other: Words

    @model_validator(mode="after")
    def _each_heading_once(self) -> Headings:
        seen: set[str] = set()
        for key in SECTION_KEYS:
            for i, heading in enumerate(getattr(self, key)):
                normal = normalise_heading(heading)
                if not normal:
                    raise FieldProblem(f"{key}[{i}]", "has no letters to match")
                if normal in seen:
                    raise FieldProblem(f"{key}[{i}]", f"repeats the heading '{heading}'")
                seen.add(normal)
        return self

    def by_heading(self) -> dict[str, SectionKey]:
        """Normalised heading to the section it opens."""
        return {normalise_heading(h): key for key in SECTION_KEYS for h in getattr(self, key)}


class HeadingWords(ContentModel):
    """The last word of a heading no list names, by the section it opens."""

    contact: SomeWords = ()
    summary: SomeWords = ()
    achievements: SomeWords = ()
    experience: SomeWords = ()
    skills: SomeWords = ()
    education: SomeWords = ()
    certifications: SomeWords = ()
    other: SomeWords = ()

    def by_word(self) -> dict[str, SectionKey]:
        """Each word to the section it opens."""
        return {word: key for key in SECTION_KEYS for word in getattr(self, key)}


class SectionsFile(ContentModel):
    """content/resume_sections.yaml."""

    source: SourceId
    headings: Headings
    title_words: Words
    months: tuple[Words, ...]
    present_words: Words
    range_words: Words
    name_particles: Words
    work_modes: Words
    company_markers: Words
    list_joiners: Words
    list_headings: Words
    heading_words: HeadingWords
    seasons: dict[Text, Annotated[int, Field(strict=True, ge=1, le=12)]]
    minor_words: Words
    continuation_words: Words
    abbreviations: Words
    company_nouns: Words
    self_descriptions: Words
    credential_words: Words
    list_openers: Words

    @field_validator("months")
    @classmethod
    def _twelve(cls, value: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        if len(value) != 12:
            raise ValueError("must list twelve months, January first")
        return value

    @model_validator(mode="after")
    def _list_headings_are_headings(self) -> SectionsFile:
        known = self.headings.by_heading()
        for i, heading in enumerate(self.list_headings):
            if normalise_heading(heading) not in known:
                raise FieldProblem(f"list_headings[{i}]", f"'{heading}' is no heading listed")
        return self
