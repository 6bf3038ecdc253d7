"""Models of the rubric's rules as the checker reads them: how a bullet's verb, metric and
outcome are found (parts of action_verbs.yaml, metrics.yaml and outcomes.yaml).

The words are data, the shapes are code: these models hold the word lists the rules in
``scoring/resume/components.py`` and ``scoring/resume/bullets.py`` are built from.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated

from pydantic import AfterValidator, Field

from scoring.models.base import ContentModel, Text

__all__ = ["MetricJudgement", "ResultRules", "VerbFinding", "phrase_set"]


def _lower_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _lower_keys(table: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType({k.lower(): v.lower() for k, v in table.items()})


#: Words compared case-insensitively, where only membership matters.
WordSet = Annotated[frozenset[Text], Field(min_length=1), AfterValidator(_lower_set)]
#: A word to another, both lower-cased ("forty: 40").
WordTable = Annotated[dict[Text, Text], Field(min_length=1), AfterValidator(_lower_keys)]


def phrase_set(phrases: frozenset[str]) -> frozenset[tuple[str, ...]]:
    """Phrases as tuples of lower-case words, for matching on tokens."""
    return frozenset(tuple(p.lower().split()) for p in phrases)


class VerbFinding(ContentModel):
    """Where the action verb of a bullet is looked for, and what is no verb at all.

    ``no_verb_openings``: openings that mean the bullet names no action of its own
    ("responsible for"); ``be_forms``: forms of "to be" (a passive or "Was ..." opening);
    ``skip``: words that may stand before the verb ("I", "have", "also");
    ``subjects``: the first person, after which the verb is looked for further on;
    ``label_marks``: signs that end a run-in label ("Key results: Grew ...").
    """

    no_verb_openings: WordSet
    be_forms: WordSet
    skip: WordSet
    subjects: WordSet
    label_marks: WordSet
    label_max_words: int = Field(ge=1, strict=True)
    not_before_noun: WordSet


class MetricJudgement(ContentModel):
    """Numbers in words, ranks, and the quantities that are not the writer's metric."""

    number_words: WordTable
    ordinal_suffixes: WordSet
    rank_words: WordSet
    rank_marks: WordSet
    fractions: WordSet
    horizon_units: WordSet
    others: WordSet
    others_links: WordSet
    tools: WordSet
    names: WordSet
    not_counted: WordSet


class ResultRules(ContentModel):
    """What makes a bullet state a result (an outcome), beyond the outcome words.

    A result is a change in a measured thing (``change_verbs``, ``change_nouns``), a
    quantity the writer produced (``result_verbs`` with a metric), a target met
    (``target_verbs`` with ``target_nouns``), a recognition (``recognition``), new
    business won (``new_words`` before ``new_things``), or attendance of an event run.
    A purpose (``purpose_marks``: "to boost sales") is no result unless a metric follows
    in it; ``result_marks`` ("resulting in") introduce one.
    """

    change_verbs: WordSet
    change_nouns: WordSet
    result_verbs: WordSet
    result_marks: WordSet
    target_verbs: WordSet
    target_nouns: WordSet
    recognition: WordSet
    new_words: WordSet
    new_things: WordSet
    won_verbs: WordSet
    attendance: WordSet
    purpose_marks: WordSet
    not_results: WordSet
