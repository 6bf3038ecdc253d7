"""Models of what the score and the job match read: keyword weights by level, the score's
bands and length guard, job-posting rules (content/lexicon/job_posting.yaml) and the
document frequencies derived from real postings (content/lexicon/posting_terms.yaml).

Labels and words compared case-insensitively are lower-cased here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from scoring.models.base import ContentError, ContentModel, FieldProblem, Int, Number, Text

__all__ = [
    "POSTING_PARTS",
    "Bands",
    "JobMatchRule",
    "KeywordScoring",
    "LevelKeywordsFile",
    "PostingPart",
    "PostingRulesFile",
    "PostingTermsFile",
    "ScoreBand",
    "TitleKeywords",
    "TitleRule",
    "check_level_keywords",
    "check_title_keywords",
]


def _lower_tuple(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def _lower_map(table: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType({k.lower(): v.lower() for k, v in table.items()})


Words = Annotated[tuple[Text, ...], Field(min_length=1), AfterValidator(_lower_tuple)]
Labels = Annotated[tuple[Text, ...], Field(min_length=1)]

#: The parts of a posting, by what they say about the job.
PostingPart = Literal["requirements", "responsibilities", "preferred", "intro", "about", "legal"]
POSTING_PARTS: tuple[PostingPart, ...] = (
    "requirements",
    "responsibilities",
    "preferred",
    "intro",
    "about",
    "legal",
)


# --- scoring.yaml: keyword weights, the length guard, the bands --------------------------------


class CategoryWeights(ContentModel):
    """What one keyword of each category is worth."""

    hard: Number = Field(ge=0)
    soft: Number = Field(ge=0)
    industry: Number = Field(ge=0)


class KeywordScoring(ContentModel):
    """How found keywords turn into the keyword part of the score.

    A keyword is worth its category's weight (``generic`` for a generic soft skill), times
    ``related_share`` when the chosen level does not target it; a keyword found only in the
    skills list earns ``skills_only_credit`` of that. ``target`` weighted points earn the
    whole part.
    """

    target: Number = Field(gt=0)
    skills_only_credit: Number = Field(ge=0, le=1)
    categories: CategoryWeights
    generic: Number = Field(ge=0)
    related_share: Number = Field(ge=0, le=1)
    # The bullet parts count in full once the keywords reach ``bullets_full_at`` of the
    # target, and ``bullets_floor`` of their points with no keyword at all.
    bullets_floor: Number = Field(ge=0, le=1)
    bullets_full_at: Number = Field(gt=0, le=1)


class LengthGuard(ContentModel):
    """Points lost for a resume far shorter or longer than the accepted range."""

    max_penalty: Number = Field(ge=0)
    tolerance: Number = Field(gt=0)


class ScoreBand(ContentModel):
    """A plain-language band of the score: from ``min`` up to the next band."""

    min: Int = Field(ge=0, le=100)
    label: Text
    meaning: Text


def bands_descending(bands: tuple[ScoreBand, ...]) -> tuple[ScoreBand, ...]:
    """Bands must start at 0 and be listed from the highest ``min`` down, without repeats."""
    mins = [b.min for b in bands]
    if mins != sorted(set(mins), reverse=True):
        raise FieldProblem("", "must be listed from the highest min down, each min once")
    if mins[-1] != 0:
        raise FieldProblem(f"[{len(mins) - 1}].min", "the last band must start at 0")
    return bands


Bands = Annotated[tuple[ScoreBand, ...], Field(min_length=1), AfterValidator(bands_descending)]


class PartWeights(ContentModel):
    """How much a term counts by the part of the posting it sits in."""

    requirements: Number = Field(ge=0)
    responsibilities: Number = Field(ge=0)
    preferred: Number = Field(ge=0)
    intro: Number = Field(ge=0)
    about: Number = Field(ge=0)
    legal: Number = Field(ge=0)

    def as_dict(self) -> dict[str, float]:
        """Part name to weight."""
        return self.model_dump()


class TitleRule(ContentModel):
    """What a posting's job title adds to its requirements: the keywords real postings with
    such a title usually ask for (posting_terms.yaml ``title_keywords``), each weighed as
    the posting's own term would be, times ``weight`` (at most the intro's part weight),
    times the share of those postings asking for it; a keyword asked for by fewer than
    ``min_rate`` of them is left out."""

    weight: Number = Field(ge=0, le=1)
    min_rate: Number = Field(gt=0, le=1)
    # The most words a first line may have to be read as the posting's title.
    max_words: Int = Field(ge=1)


class JobMatchRule(ContentModel):
    """How a posting's requirements are weighed, and what share is a good match."""

    good_share: Number = Field(gt=0, le=1)
    max_phrase_words: Int = Field(ge=1)
    parts: PartWeights
    nice_to_have: Number = Field(ge=0, le=1)
    keyword: CategoryWeights
    generic_keyword: Number = Field(ge=0)
    phrase: Number = Field(ge=0)
    # A phrase's words this common in postings (document frequency) say nothing of the job.
    generic_df: Number = Field(gt=0, le=1)
    # The document frequency at and below which a word counts as fully specific.
    specific_df: Number = Field(gt=0, le=1)
    min_specificity: Number = Field(ge=0, le=1)
    generic_terms: Annotated[
        frozenset[Text], AfterValidator(lambda s: frozenset(map(str.lower, s)))
    ]
    title: TitleRule

    @model_validator(mode="after")
    def _ordered(self) -> JobMatchRule:
        if self.specific_df >= self.generic_df:
            raise FieldProblem("specific_df", "must be below generic_df")
        if self.title.weight > self.parts.intro:
            raise FieldProblem("title.weight", "may not exceed parts.intro")
        return self


# --- role_keywords.yaml -------------------------------------------------------------------------


class ExtraKeyword(ContentModel):
    """A keyword this site adds to the published lists, and its spellings."""

    label: Text
    category: Literal["hard", "soft", "industry"]
    variants: tuple[Text, ...] = Field(min_length=1)


class LevelKeywordsFile(ContentModel):
    """content/lexicon/role_keywords.yaml: added keywords, generic ones, targets by level.

    ``common`` are targeted at every level; ``levels`` adds each level's own (the keywords
    its role page names are added by the analyzer). Labels are checked against the whole
    keyword list after loading.
    """

    note: Text
    keywords: tuple[ExtraKeyword, ...] = Field(min_length=1)
    generic: Labels
    common: Labels
    levels: dict[Text, Labels]
    # Variants that are job titles: matched as written, never in the plural (other people).
    person_titles: Words
    # Job titles holding one of these (whole words, any case) are account or sales work.
    relevant_titles: Words


# --- job_posting.yaml ---------------------------------------------------------------------------


class PostingRulesFile(ContentModel):
    """content/lexicon/job_posting.yaml: how a pasted posting is cut into its parts."""

    note: Text
    headings: dict[PostingPart, Words]
    # A short line opening with one of these ("About Acme", "Why join Acme?") opens "about".
    about_heading_openers: Words
    # A sentence opening with one of these speaks of the company, not the job.
    about_openers: Words
    nice_to_have_cues: Words
    must_cues: Words
    legal_cues: Words
    # Words that mean the same in a resume and a posting: every spelling -> one key.
    synonyms: Annotated[dict[Text, Text], AfterValidator(_lower_map)]

    @model_validator(mode="after")
    def _every_part(self) -> PostingRulesFile:
        for part in POSTING_PARTS:
            if part != "intro" and part not in self.headings:
                raise FieldProblem(f"headings.{part}", "is required")
        return self


# --- posting_terms.yaml (generated) -------------------------------------------------------------


class TitleKeywords(ContentModel):
    """How often real sales and account postings ask for each keyword of the lexicon."""

    method: Text
    postings: Int = Field(ge=1)
    rate: dict[Text, Number]


class PostingTermsFile(ContentModel):
    """content/lexicon/posting_terms.yaml: the share of real postings each word appears in,
    and the share of sales and account postings that ask for each keyword."""

    note: Text
    method: Text
    postings: Int = Field(ge=1)
    min_df: Number = Field(gt=0, le=1)
    title_keywords: TitleKeywords
    df: dict[Text, Number]

    @model_validator(mode="after")
    def _shares(self) -> PostingTermsFile:
        for word, share in self.df.items():
            if not 0 < share <= 1:
                raise FieldProblem(f"df.{word}", "must be a share above 0 and at most 1")
        for label, share in self.title_keywords.rate.items():
            if not 0 < share <= 1:
                raise FieldProblem(
                    f"title_keywords.rate.{label}", "must be a share above 0 and at most 1"
                )
        return self


def check_title_keywords(file: PostingTermsFile, labels: Iterable[str], path: Path) -> None:
    """Cross-file check: every keyword whose rate is given is a keyword of the lexicon."""
    known = set(labels)
    for label in file.title_keywords.rate:
        if label not in known:
            raise ContentError(path, f"title_keywords.rate.{label}", "is not a keyword")


def check_level_keywords(
    file: LevelKeywordsFile, published: Iterable[str], levels: Sequence[str] | None, path: Path
) -> None:
    """Cross-file checks: added labels are new, every label named is a keyword, every level
    (when given) has its list and no other key is a level."""
    known = {label.lower() for label in published}
    for i, keyword in enumerate(file.keywords):
        if keyword.label.lower() in known:
            raise ContentError(path, f"keywords[{i}].label", f"repeats '{keyword.label}'")
        known.add(keyword.label.lower())
    named = [
        *(("generic", i, label) for i, label in enumerate(file.generic)),
        *(("common", i, label) for i, label in enumerate(file.common)),
        *(
            (f"levels.{lvl}", i, label)
            for lvl, labels in file.levels.items()
            for i, label in enumerate(labels)
        ),
    ]
    for where, i, label in named:
        if label.lower() not in known:
            raise ContentError(path, f"{where}[{i}]", f"'{label}' is not a keyword")
    if levels is not None:
        for level in file.levels:
            if level not in levels:
                raise ContentError(path, f"levels.{level}", "is not a known level")
        for level in levels:
            if level not in file.levels:
                raise ContentError(path, f"levels.{level}", "is required")
