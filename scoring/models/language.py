"""The models of content/language/: the coded word lists of gender_coded.yaml (the paper's
entries, an optional extension, sense-in-context exceptions, suggestions by part of
speech, the verdict and the posting-quality rules) and the risk categories of
inclusive.yaml."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, model_validator

from scoring.models.base import (
    ContentModel,
    FieldProblem,
    Int,
    Number,
    SourceId,
    Text,
    exact_keys,
)

__all__ = [
    "CATEGORIES",
    "CONTEXTS",
    "EXPLANATION_KEYS",
    "POS_KEYS",
    "WARNING_FIELDS",
    "Context",
    "ExceptionRule",
    "GenderCodedFile",
    "InclusiveFile",
    "IssueCategory",
    "PostingRulesModel",
    "entry_key",
]

# An entry is letters (one hyphen allowed), 3 or more, with a trailing "*" for a stem.
_ENTRY = re.compile(r"[a-z]+(?:-[a-z]+)?\*?")
MIN_ENTRY = 3
EXPLANATION_KEYS = (
    "empty",
    "neutral",
    "too-close",
    "masculine-coded",
    "strongly-masculine-coded",
    "feminine-coded",
    "strongly-feminine-coded",
)
# The contract's issue categories (DESIGN.md), in the order the page lists them.
IssueCategory = Literal[
    "age",
    "national-origin",
    "disability",
    "gendered-term",
    "jargon",
    "hours",
    "experience",
    "pay-missing",
    "pay-open-ended",
]
CATEGORIES: tuple[str, ...] = get_args(IssueCategory)
# Where an exception holds by the text around the word, not by the word's own reading.
Context = Literal["heading", "name", "boilerplate", "benefits", "pay"]
CONTEXTS: tuple[Context, ...] = get_args(Context)
POS_KEYS = ("NOUN", "VERB", "ADJ", "ADV")
# The placeholders each warning template may use (with sample values to try them).
WARNING_FIELDS: Mapping[str, Mapping[str, object]] = {
    "too_short": {"words": 0, "min": 0, "max": 0},
    "too_long": {"words": 0, "min": 0, "max": 0},
    "many_must_haves": {"count": 0, "max": 0},
    "few_bullets": {"percent": 0},
    "mostly_bullets": {"percent": 0},
}
_SAMPLE = {"masculine": 0, "feminine": 0, "masculine_rate": "0.0", "feminine_rate": "0.0"}


def entry_key(entry: str) -> str:
    """An entry without its stem mark: the key of its alternatives."""
    return entry.rstrip("*")


def _entry(value: str) -> str:
    entry = value.lower()
    if not _ENTRY.fullmatch(entry) or len(entry.replace("-", "").rstrip("*")) < MIN_ENTRY:
        raise ValueError(
            f"'{entry}' must be letters (one hyphen allowed), 3 or more, '*' for a stem"
        )
    return entry


Entry = Annotated[Text, AfterValidator(_entry)]


def _unique(entries: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        if entry in seen:
            raise FieldProblem(f"[{i}]", f"'{entry}' is listed twice")
        seen.add(entry)
    return entries


Entries = Annotated[tuple[Entry, ...], Field(min_length=1), AfterValidator(_unique)]


def entry_matches(entry: str, word: str) -> bool:
    """Whether a lower-case word (hyphens kept) falls under an entry."""
    if entry.endswith("*"):
        return word.startswith(entry[:-1])
    return word == entry


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


class Extension(ContentModel):
    """gender-decoder's additions: used only when asked for, labelled as theirs."""

    source: SourceId
    masculine: Entries
    feminine: Entries


class ExceptionRule(ContentModel):
    """A listed word that, in context, does not carry the sense the research measured."""

    entries: tuple[Text, ...] = Field(min_length=1)
    lemma: tuple[Text, ...] = ()
    pos: tuple[Text, ...] = ()
    tag: tuple[Text, ...] = ()
    dep: tuple[Text, ...] = ()
    head_lemma: tuple[Text, ...] = ()
    child_dep: tuple[Text, ...] = ()
    # A child with one of these lemmas (and, when child_dep is given, one of those
    # dependencies): "lead" with the preposition "to" ("which will lead to success").
    child_lemma: tuple[Text, ...] = ()
    # The lemma of what the word governs: its direct object, or the object of a
    # preposition under it ("stay connected with us" -> "we").
    object_lemma: tuple[Text, ...] = ()
    # The rule does not hold when the word attaches to a word with one of these lemmas
    # ("takes the lead": leading, not a sales lead).
    not_head_lemma: tuple[Text, ...] = ()
    # The lemma of a word it is coordinated with, either way ("individuals and
    # organizations", "individual and foundation donors").
    conj_lemma: tuple[Text, ...] = ()
    # The lemma of the word that the word it attaches to attaches to ("help them make the
    # best decision": decision -> make -> help).
    head_head_lemma: tuple[Text, ...] = ()
    # The lemma of the word a list the word is a later item of attaches to ("the
    # academic, social, emotional, and career needs": emotional -> social -> academic ->
    # needs); the rule does not hold for a word that is no later item of a list.
    list_head_lemma: tuple[Text, ...] = ()
    # The dependency of the word it attaches to ("leading customers" as an object).
    head_dep: tuple[Text, ...] = ()
    # The rule holds only when the word has no child with one of these dependencies.
    without_child_dep: tuple[Text, ...] = ()
    # The rule does not hold for these tags ("leading" is never a sales prospect).
    not_tag: tuple[Text, ...] = ()
    # The word it attaches to has a child with one of these dependencies besides the
    # word itself ("tie together lead generation": the verb has an object).
    head_child_dep: tuple[Text, ...] = ()
    # The rule does not hold when the noun the word describes stands in what a sentence
    # says something is ("has been one of the leading providers", "be part of the
    # nation's leading company"): the subject describing itself.
    not_in_predicate: bool = False
    # The rule holds only inside a sentence, not on its first word (where an imperative
    # verb is often read as a noun: "Lead negotiations").
    inside_sentence: bool = False
    prev_lemma: tuple[Text, ...] = ()
    next_lemma: tuple[Text, ...] = ()
    # The rule does not hold when the next word has one of these lemmas ("Leads by example").
    not_next_lemma: tuple[Text, ...] = ()
    # The lemma of the subject of the word, or of the verb the word completes ("the
    # offer will be dependent on ...": offer): what the word is said of.
    subject_lemma: tuple[Text, ...] = ()
    # The lemma of another word of the compound the word stands in: the noun it
    # modifies or a word beside it under that noun ("Active TS/SCI Clearance": clearance).
    sibling_lemma: tuple[Text, ...] = ()
    context: Context | None = None
    why: Text

    @model_validator(mode="after")
    def _has_a_condition(self) -> ExceptionRule:
        conditions = (
            self.lemma,
            self.pos,
            self.tag,
            self.dep,
            self.head_lemma,
            self.child_dep,
            self.child_lemma,
            self.object_lemma,
            self.conj_lemma,
            self.head_dep,
            self.head_head_lemma,
            self.list_head_lemma,
            self.head_child_dep,
            self.prev_lemma,
            self.next_lemma,
            self.subject_lemma,
            self.sibling_lemma,
        )
        if not any(conditions) and self.context is None:
            raise FieldProblem("why", "a rule needs at least one condition besides its entries")
        return self


Suggestions = tuple[Text, ...]


class Evidence(ContentModel):
    source: SourceId
    note: Text


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
    masculine: Entries
    feminine: Entries
    extension: Extension
    # By entry key: suggestions for any use, or by lemma / part of speech.
    alternatives: dict[str, Suggestions | dict[str, Suggestions]]
    exceptions: tuple[ExceptionRule, ...] = ()
    boilerplate_markers: tuple[Text, ...] = ()
    benefits_markers: tuple[Text, ...] = ()
    pay_markers: tuple[Text, ...] = ()
    per_words: Int = Field(ge=1)
    neutral_band: Number = Field(ge=0)
    min_difference: Int = Field(ge=1)
    strong_difference: Int = Field(ge=1)
    explanations: dict[str, Text]
    evidence: Evidence
    posting: PostingRulesModel

    @model_validator(mode="after")
    def _consistent(self) -> GenderCodedFile:
        exact_keys("explanations", self.explanations, EXPLANATION_KEYS)
        try:
            _check_templates(self.explanations, dict.fromkeys(EXPLANATION_KEYS, _SAMPLE))
        except FieldProblem as exc:
            raise FieldProblem(f"explanations.{exc.field}", exc.problem) from None
        every = self.masculine + self.feminine + self.extension.masculine + self.extension.feminine
        keys = {entry_key(e) for e in every}
        for i, rule in enumerate(self.exceptions):
            for j, entry in enumerate(rule.entries):
                if entry != "any" and entry not in every:
                    raise FieldProblem(f"exceptions[{i}].entries[{j}]", f"'{entry}' is not listed")
        masculine = {entry_key(e) for e in self.masculine + self.extension.masculine}
        for key, given in self.alternatives.items():
            if key not in keys:
                raise FieldProblem(f"alternatives.{key}", "is not an entry listed above")
            if key not in masculine:
                raise FieldProblem(f"alternatives.{key}", "suggestions are for masculine entries")
            groups: Mapping[str, Any] = given if isinstance(given, dict) else {"any": given}
            for form, suggestions in groups.items():
                if not suggestions:
                    raise FieldProblem(f"alternatives.{key}.{form}", "must list at least one item")
                if form.isupper() and form not in POS_KEYS:
                    raise FieldProblem(
                        f"alternatives.{key}.{form}",
                        f"is not a part of speech ({', '.join(POS_KEYS)})",
                    )
        return self


# --- inclusive.yaml -------------------------------------------------------------------------


class PatternEntry(ContentModel):
    """A spaCy Matcher pattern and the wording to suggest for what it matches."""

    pattern: tuple[dict[str, Any], ...] = Field(min_length=1)
    suggestion: Text


class Category(ContentModel):
    source: SourceId
    message: Text
    patterns: tuple[PatternEntry, ...] = ()
    unless_text_has: tuple[Text, ...] = ()
    # Lemmas of nouns the matched words may describe without the risk: the people a job
    # serves ("young children"), or a thing ("a youthful look").
    not_describing: tuple[Text, ...] = ()
    min_weekly_hours: Int | None = None
    entry_levels: tuple[Text, ...] = ()
    max_years: Int | None = None
    entry_title_words: tuple[Text, ...] = ()
    openers: tuple[Text, ...] = ()
    # The openers that give a lower bound, and the words that close it with an upper one.
    lower_openers: tuple[Text, ...] = ()
    pay_words: tuple[Text, ...] = ()


class InclusiveFile(ContentModel):
    """content/language/inclusive.yaml."""

    categories: dict[str, Category]

    @model_validator(mode="after")
    def _every_category(self) -> InclusiveFile:
        exact_keys("categories", self.categories, CATEGORIES, "category")
        needs = {
            "hours": ("min_weekly_hours",),
            "experience": ("entry_levels", "max_years", "entry_title_words"),
            "pay-open-ended": ("openers", "pay_words"),
        }
        for name, fields in needs.items():
            for field in fields:
                if not getattr(self.categories[name], field):
                    raise FieldProblem(f"categories.{name}.{field}", "is required")
        try:
            self.categories["experience"].message.format(years=3, max_years=2)
        except (KeyError, IndexError, ValueError) as exc:
            raise FieldProblem(
                "categories.experience.message",
                f"bad placeholder {exc} (allowed: {{years}}, {{max_years}})",
            ) from None
        return self
