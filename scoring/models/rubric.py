"""Model of content/rubric.yaml: how a bullet is judged, in the site's own words.

Sections of rules and worked examples, shaped for a template: each section has a title,
a short intro, its rules and its examples. An example states what the checker must find
in it (any of ``is_bullet``, ``action_verb``, ``verb_strength``, ``metric``, ``outcome``,
``verdict``, ``rewrite``); tests/test_rubric.py holds the checker to every one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from scoring.models.base import Bool, ContentModel, FieldProblem, SourceId, Text, load_file

__all__ = ["Rubric", "RubricExample", "RubricSection", "load_rubric"]

SectionKey = Literal["bullet", "verb", "strength", "metric", "outcome", "verdict", "rewrite"]


class RubricExample(ContentModel):
    """A bullet written for the site and what the rubric says of it."""

    text: Text
    why: Text
    is_bullet: Bool = True
    # "Field given as null" (no verb) differs from "not stated": see ``states``.
    action_verb: Text | None = None
    verb_strength: Literal["strong", "plain"] | None = None
    metric: Bool | None = None
    outcome: Bool | None = None
    verdict: Literal["strong", "fair", "weak"] | None = None
    rewrite: Text | None = None

    def states(self, part: str) -> bool:
        """Whether the example says anything about ``part`` (null included)."""
        return part in self.model_fields_set

    def expected(self) -> dict[str, Any]:
        """The parts the example states, and their values."""
        return {
            k: getattr(self, k) for k in sorted(self.model_fields_set) if k not in ("text", "why")
        }


class RubricSection(ContentModel):
    """One part of the rubric: a title, a short intro, its rules and examples."""

    key: SectionKey
    title: Text
    intro: Text
    rules: tuple[Text, ...] = Field(min_length=1)
    examples: tuple[RubricExample, ...] = ()


class Rubric(ContentModel):
    """content/rubric.yaml."""

    source: SourceId
    note: Text
    title: Text
    intro: Text
    sections: tuple[RubricSection, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _each_key_once(self) -> Rubric:
        seen: set[str] = set()
        for i, section in enumerate(self.sections):
            if section.key in seen:
                raise FieldProblem(f"sections[{i}].key", f"repeats '{section.key}'")
            seen.add(section.key)
        return self

    def section(self, key: str) -> RubricSection:
        """The section of one key ("verb", "metric", ...)."""
        return next(s for s in self.sections if s.key == key)

    @property
    def examples(self) -> tuple[RubricExample, ...]:
        """Every example of every section, in order."""
        return tuple(e for s in self.sections for e in s.examples)


def load_rubric(content_root: Path, sources: Any) -> Rubric:
    """Read and validate content/rubric.yaml."""
    return load_file(Rubric, content_root / "rubric.yaml", {"sources": sources})
