"""Models of content/lexicon/*.yaml: the resume checker's word lists, scoring rules and fixes.

Word lists compared case-insensitively are lower-cased here, once, so the checker never
has to. Mappings keyed by role level (``ideal_words``) must list exactly the levels given
as ``context["levels"]`` when the loader is given them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from string import Formatter
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from scoring.models.base import (
    Bool,
    ContentModel,
    FieldProblem,
    Int,
    Number,
    OptText,
    SourceId,
    Text,
)
from scoring.models.judgement import MetricJudgement, ResultRules, VerbFinding
from scoring.models.matching import Bands, JobMatchRule, KeywordScoring, LengthGuard

__all__ = [
    "KEYWORD_CATEGORIES",
    "METRIC_KINDS",
    "ActionVerbs",
    "CountNoun",
    "FixText",
    "FixesFile",
    "JobMatchRule",
    "KeywordsFile",
    "LevelBand",
    "MetricsFile",
    "OutcomesFile",
    "RewriteFile",
    "ScoringRules",
    "StuffingRule",
    "WeakPhrasesFile",
    "WordRange",
    "levels_listed",
    "past_tense_lemmas",
]

KeywordCategory = Literal["hard", "soft", "industry"]
KEYWORD_CATEGORIES: tuple[KeywordCategory, ...] = ("hard", "soft", "industry")
MetricKind = Literal["percent", "money", "multiplier", "timeframe", "count"]
METRIC_KINDS: tuple[MetricKind, ...] = ("percent", "money", "multiplier", "timeframe", "count")


def _lower_tuple(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def _lower_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _lower_keys(table: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType({k.lower(): v for k, v in table.items()})


#: Words compared case-insensitively, in the order written.
Words = Annotated[tuple[Text, ...], Field(min_length=1), AfterValidator(_lower_tuple)]
#: Words compared case-insensitively, where only membership matters.
WordSet = Annotated[frozenset[Text], Field(min_length=1), AfterValidator(_lower_set)]
#: A table looked up by a lower-cased word (``ran: run``).
WordTable = Annotated[dict[Text, Text], AfterValidator(_lower_keys)]


def levels_listed(table: Mapping[str, Any], info: ValidationInfo) -> Mapping[str, Any]:
    """A mapping keyed by role level must list exactly ``context["levels"]``, when given.

    Returns the mapping in the order of the levels given (the career ladder).
    """
    levels: Sequence[str] | None = (info.context or {}).get("levels")
    if levels is None:
        return table
    for key in table:
        if key not in levels:
            raise FieldProblem(str(key), "is not a known level")
    for level in levels:
        if level not in table:
            raise FieldProblem(level, "is required")
    return {level: table[level] for level in levels}


def past_tense_lemmas(word: str, irregular: Mapping[str, str]) -> frozenset[str]:
    """The base forms a past-tense word may come from, by the irregular table and the
    spelling rules: "built" -> build, "organized" -> organize, "planned" -> plan,
    "applied" -> apply. Callers keep the ones their own verb list holds."""
    word = word.lower()
    candidates = {irregular.get(word, ""), word[:-1], word[:-2], word[:-3]}
    if word.endswith("ied"):
        candidates.add(word[:-3] + "y")
    return frozenset(c for c in candidates if c)


def _unique_labels(items: Iterable[Any], key: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.label.lower() in seen:
            raise FieldProblem(f"{key}[{i}].label", f"repeats '{item.label}'")
        seen.add(item.label.lower())


# --- keywords.yaml, outcomes.yaml, weak_phrases.yaml -----------------------------------------


class Keyword(ContentModel):
    """An ATS keyword as published (``label``) and the spellings that count as it."""

    label: Text
    category: KeywordCategory
    variants: tuple[Text, ...] = Field(min_length=1)


class KeywordsFile(ContentModel):
    """content/lexicon/keywords.yaml."""

    source: SourceId
    keywords: tuple[Keyword, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> KeywordsFile:
        _unique_labels(self.keywords, "keywords")
        return self


class Outcome(ContentModel):
    """A business outcome word and its spellings."""

    label: Text
    variants: tuple[Text, ...] = Field(min_length=1)


class OutcomesFile(ContentModel):
    """content/lexicon/outcomes.yaml."""

    source: SourceId
    outcomes: tuple[Outcome, ...] = Field(min_length=1)
    results: ResultRules

    @model_validator(mode="after")
    def _unique(self) -> OutcomesFile:
        _unique_labels(self.outcomes, "outcomes")
        return self


class WeakPhrase(ContentModel):
    """A phrase that names a duty instead of a result, and the verb a rewrite opens with."""

    label: Text
    variants: tuple[Text, ...] = Field(min_length=1)
    stronger: Text
    with_object: OptText = ""


class WeakPhrasesFile(ContentModel):
    """content/lexicon/weak_phrases.yaml."""

    source: SourceId
    note: Text | None = None
    phrases: tuple[WeakPhrase, ...] = Field(min_length=1)
    generic_stand_ins: Words

    @model_validator(mode="after")
    def _stand_ins_are_phrase_verbs(self) -> WeakPhrasesFile:
        _unique_labels(self.phrases, "phrases")
        verbs = {p.stronger.split()[0].lower() for p in self.phrases}
        for i, verb in enumerate(self.generic_stand_ins):
            if verb not in verbs:
                raise FieldProblem(
                    f"generic_stand_ins[{i}]", f"'{verb}' is the `stronger` verb of no phrase"
                )
        return self


# --- action_verbs.yaml ------------------------------------------------------------------------


class ActionVerbs(ContentModel):
    """content/lexicon/action_verbs.yaml: strong verbs, plain verbs and their rewrites.

    ``verbs`` are strong opening verbs (lemmas); ``irregular`` maps their irregular past
    forms to them; ``plain_verbs`` maps plain verbs (lemmas) to the strong verb a rewrite
    offers instead; ``plain_irregular`` maps irregular past forms of plain verbs to lemmas.
    """

    source: SourceId
    note: Text | None = None
    verbs: WordSet
    irregular: WordTable
    nominalizations: WordTable
    plain_verbs: WordTable
    change_verbs: WordSet
    plain_irregular: WordTable
    finding: VerbFinding

    @model_validator(mode="after")
    def _consistent(self) -> ActionVerbs:
        if not self.change_verbs <= self.verbs:
            unknown = ", ".join(sorted(self.change_verbs - self.verbs))
            raise FieldProblem("change_verbs", f"lists verbs missing from `verbs`: {unknown}")
        for plain, stronger in self.plain_verbs.items():
            if plain in self.verbs:
                raise FieldProblem(f"plain_verbs.{plain}", "is also listed as a strong verb")
            if not past_tense_lemmas(stronger.split()[0], self.irregular) & self.verbs:
                raise FieldProblem(
                    f"plain_verbs.{plain}", f"'{stronger}' is not a form of a verb in `verbs`"
                )
        return self

    @property
    def lemmas(self) -> frozenset[str]:
        """The strong verbs."""
        return self.verbs

    @property
    def plain(self) -> Mapping[str, str]:
        """Plain verb to the strong verb a rewrite offers instead."""
        return self.plain_verbs

    @property
    def change(self) -> frozenset[str]:
        """Strong verbs that move a figure ("Improved ... by [Y]%")."""
        return self.change_verbs


# --- scoring.yaml -----------------------------------------------------------------------------


class Weights(ContentModel):
    """The points each part of the score is worth; they add up to 100."""

    keywords: Number = Field(ge=0)
    relevant_titles: Number = Field(ge=0)
    keyword_placement: Number = Field(ge=0)
    action_verbs: Number = Field(ge=0)
    metrics: Number = Field(ge=0)
    impact: Number = Field(ge=0)
    no_weak_phrases: Number = Field(ge=0)
    sections: Number = Field(ge=0)

    @model_validator(mode="after")
    def _add_up_to_100(self) -> Weights:
        total = sum(self.as_dict().values())
        if abs(total - 100) > 1e-6:
            raise ValueError(f"must add up to 100 (they add up to {total:g})")
        return self

    def as_dict(self) -> dict[str, float]:
        """Part name to points, in the order of the score."""
        return self.model_dump()


class SectionPoints(ContentModel):
    """How the section points are split among the sections an ATS looks for."""

    contact: Number = Field(ge=0)
    summary: Number = Field(ge=0)
    experience: Number = Field(ge=0)
    skills: Number = Field(ge=0)
    education: Number = Field(ge=0)
    certifications: Number = Field(ge=0)

    def as_dict(self) -> dict[str, float]:
        """Section key to points, in the order sections are reported."""
        return self.model_dump()


class WordRange(ContentModel):
    """The ideal length of a resume in words."""

    min: Int = Field(ge=1)
    max: Int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> WordRange:
        if self.min >= self.max:
            raise FieldProblem("max", "must be greater than min")
        return self


class Verdict(ContentModel):
    """The bullet verdict rule's one figure."""

    weak_max_elements: Int = Field(ge=0, le=3)


class StuffingRule(ContentModel):
    """When repetition or an unsupported skills list counts as keyword stuffing."""

    max_repeats: Int = Field(ge=1)
    max_in_one_bullet: Int = Field(ge=1)
    max_share: Number = Field(gt=0)
    min_repeats_for_share: Int = Field(ge=1)
    unsupported_min_terms: Int = Field(ge=1)
    supported_min_share: Number = Field(ge=0, le=1)
    penalty_per_flag: Number = Field(ge=0)
    max_penalty: Number = Field(ge=0)


class CountNoun(ContentModel):
    """Nouns a metric can count ("25 accounts") and the outcome a rewrite suggests for them.

    ``people`` marks the nouns for the people a bullet worked with, which a rewrite
    names an outcome for only when the bullet counts nothing else.
    """

    nouns: tuple[Text, ...] = Field(min_length=1)
    outcome: Text
    valued: Bool
    people: Bool = False


class LevelBand(ContentModel):
    """A role slug suggested for years of experience below ``max_years`` (None: no limit)."""

    slug: Text
    max_years: Number | None = Field(default=None, gt=0)


class LevelByYears(ContentModel):
    """The level years of experience suggest, from a source."""

    source: SourceId
    bands: tuple[LevelBand, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _open_ended_and_rising(self) -> LevelByYears:
        if self.bands[-1].max_years is not None:
            raise FieldProblem("bands", "the last band must have no max_years")
        previous = 0.0
        for i, band in enumerate(self.bands[:-1]):
            if band.max_years is None or band.max_years <= previous:
                raise FieldProblem(
                    f"bands[{i}].max_years", "must be given and rise from band to band"
                )
            previous = band.max_years
        return self


class ScoringRules(ContentModel):
    """content/lexicon/scoring.yaml: weights, thresholds and ranges that make the score."""

    source: SourceId
    note: Text | None = None
    weights: Weights
    keywords: KeywordScoring
    recent_jobs: Int = Field(ge=1)
    section_points: SectionPoints
    length_guard: LengthGuard
    ideal_words: Annotated[
        dict[Text, WordRange], Field(min_length=1), AfterValidator(levels_listed)
    ]
    bands: Bands
    verdict: Verdict
    stuffing: StuffingRule
    job_match: JobMatchRule
    count_nouns: tuple[CountNoun, ...] = Field(min_length=1)
    level_by_years: LevelByYears

    @model_validator(mode="after")
    def _cross_checks(self) -> ScoringRules:
        for i, band in enumerate(self.level_by_years.bands):
            if band.slug not in self.ideal_words:
                raise FieldProblem(f"level_by_years.bands[{i}].slug", "is not a known level")
        people = [i for i, c in enumerate(self.count_nouns) if c.people]
        if len(people) > 1:
            raise FieldProblem(f"count_nouns[{people[1]}].people", "may be true for one entry")
        return self

    @property
    def levels(self) -> tuple[str, ...]:
        """The role slugs the checker accepts as a target level."""
        return tuple(self.ideal_words)

    @property
    def weak_max_elements(self) -> int:
        """A bullet with at most this many of verb, metric and outcome is weak."""
        return self.verdict.weak_max_elements


# --- metrics.yaml -----------------------------------------------------------------------------


class MoneyWords(ContentModel):
    """What makes a number an amount of money."""

    currency: tuple[Text, ...] = Field(min_length=1)
    suffixes: Words
    scale_words: Words
    amount_words: Words


class TimeframeWords(ContentModel):
    """What makes a number a time frame ("within 48 hours")."""

    prepositions: Words
    fillers: Words
    units: Words


class CountWords(ContentModel):
    """How far a number may stand from the noun it counts."""

    breaks: Words
    max_words_between: Int = Field(ge=0)


class MetricsFile(ContentModel):
    """content/lexicon/metrics.yaml: the words that make a number in a bullet a metric."""

    source: SourceId | None = None
    note: Text
    percent: Words
    range_words: Words
    multiplier_words: Words
    money: MoneyWords
    timeframe: TimeframeWords
    count: CountWords
    prefer: tuple[MetricKind, ...]
    judgement: MetricJudgement

    @field_validator("prefer")
    @classmethod
    def _every_kind_once(cls, value: tuple[MetricKind, ...]) -> tuple[MetricKind, ...]:
        if sorted(value) != sorted(METRIC_KINDS):
            raise ValueError(f"must list each of {', '.join(METRIC_KINDS)} once")
        return value


# --- rewrite.yaml -----------------------------------------------------------------------------


class RewriteFile(ContentModel):
    """content/lexicon/rewrite.yaml: the small words a bullet's rewrite is built around."""

    source: SourceId | None = None
    note: Text
    clause_breaks: WordSet
    determiners: WordSet
    noun_phrase_openers: WordSet
    particles: WordSet
    function_words: WordSet
    pair_joiners: WordSet
    series_joiners: WordSet
    possessive_marks: WordSet


# --- fixes.yaml -------------------------------------------------------------------------------


class FixText(ContentModel):
    """A fix's title and detail as the report shows them."""

    title: Text
    detail: Text


#: The placeholders each fix's title and detail may use.
FIX_PLACEHOLDERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "metrics": frozenset({"n", "s"}),
        "action_verbs": frozenset({"n", "s"}),
        "impact": frozenset({"n", "s"}),
        "weak_phrases": frozenset({"n", "s"}),
        "keyword_placement": frozenset({"n", "s", "names"}),
        "missing_keywords": frozenset({"n", "s", "names"}),
        "stuffing": frozenset({"names"}),
        "section": frozenset({"section", "heading"}),
        "length_short": frozenset({"lo", "hi", "words"}),
        "length_long": frozenset({"lo", "hi", "words"}),
    }
)


class FixTexts(ContentModel):
    """The wording of every kind of fix."""

    metrics: FixText
    action_verbs: FixText
    impact: FixText
    weak_phrases: FixText
    keyword_placement: FixText
    missing_keywords: FixText
    stuffing: FixText
    section: FixText
    length_short: FixText
    length_long: FixText

    @model_validator(mode="after")
    def _placeholders(self) -> FixTexts:
        for fix, allowed in FIX_PLACEHOLDERS.items():
            text: FixText = getattr(self, fix)
            for part in ("title", "detail"):
                try:
                    names = {f for _, f, _, _ in Formatter().parse(getattr(text, part)) if f}
                except ValueError as exc:
                    raise FieldProblem(f"{fix}.{part}", f"has a stray brace ({exc})") from None
                if names - allowed:
                    known = ", ".join("{" + n + "}" for n in sorted(allowed))
                    bad = ", ".join("{" + n + "}" for n in sorted(names - allowed))
                    raise FieldProblem(f"{fix}.{part}", f"uses {bad} (allowed: {known})")
        return self


class FixesFile(ContentModel):
    """content/lexicon/fixes.yaml: how many fixes the report lists, and their wording."""

    source: SourceId | None = None
    note: Text
    shown: Int = Field(ge=1)
    min_gain: Number = Field(ge=0)
    keywords_named: Int = Field(ge=1)
    keywords_added: Int = Field(ge=1)
    texts: FixTexts
