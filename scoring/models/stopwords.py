"""The model of content/lexicon/stopwords.yaml: the function words that tell languages apart.

Words are lower-cased here, once. Every language's code is unique, and the language the
checker scores (English) must be one of them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from scoring.models.base import ContentModel, FieldProblem, Int, Number, SourceId, Text

__all__ = ["LanguageWords", "StopwordsFile"]


def _lower_unique(words: tuple[str, ...]) -> tuple[str, ...]:
    lowered = tuple(w.lower() for w in words)
    seen: set[str] = set()
    for word in lowered:
        if word in seen:
            raise ValueError(f"lists '{word}' twice")
        if " " in word:
            raise ValueError(f"'{word}' is not one word")
        seen.add(word)
    return lowered


class LanguageWords(ContentModel):
    """One language: its ISO 639-1 code, its English name and its common function words."""

    code: Annotated[Text, Field(pattern=r"^[a-z]{2}$")]
    name: Text
    words: Annotated[tuple[Text, ...], Field(min_length=10), AfterValidator(_lower_unique)]


class StopwordsFile(ContentModel):
    """content/lexicon/stopwords.yaml."""

    source: SourceId
    note: Text
    #: The code of the language the checker scores.
    scored: Annotated[Text, Field(pattern=r"^[a-z]{2}$")]
    #: The fewest function words of another language before the text is said to be in it.
    min_words: Annotated[Int, Field(ge=1)]
    #: How many times the scored language's evidence another language must have.
    lead: Annotated[Number, Field(ge=1.0)]
    languages: Annotated[tuple[LanguageWords, ...], Field(min_length=2)]

    @model_validator(mode="after")
    def _codes(self) -> StopwordsFile:
        codes = [language.code for language in self.languages]
        for index, code in enumerate(codes):
            if code in codes[:index]:
                raise FieldProblem(f"languages[{index}].code", f"'{code}' is listed twice")
        if self.scored not in codes:
            raise FieldProblem("scored", f"'{self.scored}' is not one of the languages listed")
        return self
