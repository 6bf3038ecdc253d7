"""The model of content/jobdesc.yaml: the generic wording of a job posting."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache

from pydantic import Field, model_validator

from scoring.models.base import ContentModel, FieldProblem, Int, SourceId, Text, exact_keys

__all__ = [
    "HEADING_KEYS",
    "TEMPLATE_FIELDS",
    "WORK_MODES",
    "JobDescriptionFile",
    "LevelText",
    "WorkModeText",
]

WORK_MODES: tuple[str, ...] = ("onsite", "hybrid", "remote")
# The headed sections of a posting (the title has no heading of its own).
HEADING_KEYS: tuple[str, ...] = (
    "about",
    "summary",
    "responsibilities",
    "must_have",
    "nice_to_have",
    "kpis",
    "compensation",
    "how_to_apply",
    "eeo",
)
# Which placeholders each template may use: the composer fills exactly these.
TEMPLATE_FIELDS: Mapping[str, frozenset[str]] = {
    "about_fallback": frozenset({"company", "industry"}),
    "intro": frozenset({"company", "a_title", "where"}),
    "reports_to": frozenset({"reports_to"}),
    "portfolio": frozenset({"portfolio"}),
    "pay_range": frozenset({"symbol", "low", "high", "period"}),
    "pay_fixed": frozenset({"symbol", "amount", "period"}),
    "pay_line": frozenset({"range"}),
    "deadline": frozenset({"date"}),
    "remote_anywhere": frozenset(),
    "remote_states": frozenset({"states"}),
}
HEADING_FIELDS = frozenset({"company"})
EEO_FIELDS = frozenset({"company"})
WORK_MODE_FIELDS = frozenset({"place", "area"})
LEVEL_FIELDS = frozenset({"years"})
COMMISSION_KINDS: tuple[str, ...] = ("part", "solely")


def check_placeholders(field: str, text: str, allowed: frozenset[str]) -> None:
    """Reject a template that uses a placeholder the composer does not fill."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise FieldProblem(field, f"is not a valid template ({exc})") from None
    for _, placeholder, spec, conversion in parsed:
        if placeholder is None:
            continue
        if placeholder not in allowed or spec or conversion:
            known = ", ".join("{" + p + "}" for p in sorted(allowed)) or "none"
            raise FieldProblem(
                field, f"uses unknown placeholder '{{{placeholder}}}' (allowed: {known})"
            )


class WorkModeText(ContentModel):
    """How a posting names a work mode: its label, the line under the title, and the
    phrase that says where the work happens."""

    label: Text
    line: Text
    phrase: Text


class LevelText(ContentModel):
    """A level's own posting text, in the employer's voice."""

    summary: Text
    # The experience asked for; {years} is the role's one years figure.
    experience: Text
    # The role's must-have line (from 0) this one replaces, when it states years too.
    experience_replaces: Int | None = Field(default=None, ge=0)
    how_to_apply: Text


class SourcedText(ContentModel):
    """A sentence that states a fact, with the source it rests on."""

    text: Text
    source: SourceId


class PayChecks(ContentModel):
    """What the builder accepts as a yearly pay range (this site's editorial bounds)."""

    min_yearly: Int = Field(gt=0)
    max_yearly: Int = Field(gt=0)
    # Wording that leaves a range open at one end ("up to", "from", "and up").
    open_ended_phrases: tuple[Text, ...] = Field(min_length=1)
    law_note: SourcedText

    def is_open_ended(self, typed: str) -> bool:
        """Whether typed pay wording leaves the range open at one end."""
        return bool(_open_ended_pattern(self.open_ended_phrases).search(typed))


@cache
def _open_ended_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words, any case, any spacing (``up to`` also catches ``upto``); a phrase that
    starts with a symbol (``+``) matches anywhere."""
    parts = []
    for phrase in phrases:
        words = phrase.split()
        if words[0][0].isalnum():
            parts.append(r"\b" + r"\s*".join(map(re.escape, words)) + r"\b")
        else:
            parts.append(re.escape(phrase))
    return re.compile("|".join(parts), re.IGNORECASE)


class JobDescriptionFile(ContentModel):
    """content/jobdesc.yaml."""

    headings: dict[str, Text]
    work_modes: dict[str, WorkModeText]
    templates: dict[str, Text]
    currencies: dict[str, Text] = Field(min_length=1)
    periods: dict[str, Text] = Field(min_length=1)
    commission_labels: dict[str, Text]
    commission: dict[str, Text]
    default_how_to_apply: Text
    eeo_statement: Text
    levels: dict[str, LevelText]
    pay_checks: PayChecks
    us_names: tuple[Text, ...] = Field(min_length=1)
    us_states: dict[str, Text] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> JobDescriptionFile:
        exact_keys("headings", self.headings, HEADING_KEYS)
        exact_keys("work_modes", self.work_modes, WORK_MODES)
        exact_keys("templates", self.templates, tuple(TEMPLATE_FIELDS))
        for key, text in self.headings.items():
            check_placeholders(f"headings.{key}", text, HEADING_FIELDS)
        exact_keys("commission", self.commission, COMMISSION_KINDS)
        exact_keys("commission_labels", self.commission_labels, ("none", *COMMISSION_KINDS))
        for key, mode in self.work_modes.items():
            check_placeholders(f"work_modes.{key}.phrase", mode.phrase, WORK_MODE_FIELDS)
            check_placeholders(f"work_modes.{key}.line", mode.line, WORK_MODE_FIELDS)
        for key, level in self.levels.items():
            check_placeholders(f"levels.{key}.experience", level.experience, LEVEL_FIELDS)
            for name in ("summary", "how_to_apply"):
                check_placeholders(f"levels.{key}.{name}", getattr(level, name), frozenset())
        for code in self.us_states:
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise FieldProblem(f"us_states.{code}", "must be a two-letter postal code")
        for key, text in self.templates.items():
            check_placeholders(f"templates.{key}", text, TEMPLATE_FIELDS[key])
        check_placeholders("eeo_statement", self.eeo_statement, EEO_FIELDS)
        if self.pay_checks.max_yearly <= self.pay_checks.min_yearly:
            raise FieldProblem("pay_checks.max_yearly", "must be greater than min_yearly")
        return self
