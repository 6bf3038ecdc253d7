"""The model of content/pay_transparency.yaml: pay-range-in-posting laws as data."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, Strict, model_validator

from scoring.models.base import (
    Bool,
    ContentModel,
    FieldProblem,
    Int,
    Number,
    SourceId,
    Text,
    exact_keys,
)
from scoring.models.jobdesc import check_placeholders

__all__ = [
    "REACHES",
    "REQUIREMENT_IDS",
    "GoodFaith",
    "Jurisdiction",
    "PayTransparencyFile",
    "PostingDetection",
    "RequirementText",
]

Date = Annotated[date, Strict()]

# What a posting can be checked for; the checker knows how to test each one.
REQUIREMENT_IDS: tuple[str, ...] = (
    "pay_range",
    "benefits",
    "deadline",
    "commission_statement",
    "good_faith_width",
)
# How a law reaches a posting: the place of work is in it; a remote hire may live in it;
# a remote job reports to an office in it.
REACHES: tuple[str, ...] = ("place", "residence", "reports_to")
Reach = Literal["place", "residence", "reports_to"]
Requirement = Literal[
    "pay_range", "benefits", "deadline", "commission_statement", "good_faith_width"
]
WIDTH_FIELDS = frozenset({"ratio", "actual", "reason"})


class GoodFaith(ContentModel):
    """The widest range accepted as a good-faith estimate, and why."""

    max_ratio: Number = Field(gt=1.0)
    reason: Text
    source: SourceId


class RequirementText(ContentModel):
    """How the checklist names a requirement and says it is met or not."""

    label: Text
    met: Text
    missing: Text
    open_ended: Text | None = None
    single_figure: Text | None = None


class PostingDetection(ContentModel):
    """What marks the pay line, benefits, a deadline or a commission statement in a pasted
    posting."""

    pay_words: tuple[Text, ...] = Field(min_length=1)
    benefits_words: tuple[Text, ...] = Field(min_length=1)
    deadline_phrases: tuple[Text, ...] = Field(min_length=1)
    commission_words: tuple[Text, ...] = Field(min_length=1)
    # Words near a figure that say it measures something other than the pay.
    not_pay_words: tuple[Text, ...] = ()
    # Words that close a first figure into a range with a higher one after it.
    range_closers: tuple[Text, ...] = ()


class Jurisdiction(ContentModel):
    """One state's or city's rule: who it covers, from when, what a posting must show."""

    id: Text
    name: Text
    state: Annotated[str, Strict(), Field(pattern=r"^[A-Z]{2}$")]
    # Empty: the whole state. Otherwise the city names (any case) the rule covers.
    cities: tuple[Text, ...] = ()
    min_employees: Int = Field(ge=1)
    # True when the threshold counts only employees working in the state.
    employees_in_state: Bool = False
    reach: tuple[Reach, ...] = Field(min_length=1)
    effective: Date
    requirements: tuple[Requirement, ...] = Field(min_length=1)
    # Which commission roles need the statement: paid solely on commission, or any part.
    commission: Literal["solely", "any"] | None = None
    fixed_figure_allowed: Bool
    note: Text
    verified: Bool
    source: SourceId
    checked: Date

    @model_validator(mode="after")
    def _consistent(self) -> Jurisdiction:
        if ("commission_statement" in self.requirements) != (self.commission is not None):
            raise FieldProblem(
                "commission", "is set exactly when requirements list commission_statement"
            )
        if "pay_range" not in self.requirements:
            raise FieldProblem("requirements", "must include pay_range")
        return self


class PayTransparencyFile(ContentModel):
    """content/pay_transparency.yaml."""

    disclaimer: Text
    good_faith: GoodFaith
    requirements: dict[str, RequirementText]
    detection: PostingDetection
    jurisdictions: tuple[Jurisdiction, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> PayTransparencyFile:
        exact_keys("requirements", self.requirements, REQUIREMENT_IDS)
        pay = self.requirements["pay_range"]
        if pay.open_ended is None or pay.single_figure is None:
            raise FieldProblem("requirements.pay_range", "needs open_ended and single_figure")
        width = self.requirements["good_faith_width"]
        for key in ("met", "missing"):
            check_placeholders(
                f"requirements.good_faith_width.{key}", getattr(width, key), WIDTH_FIELDS
            )
        seen: set[str] = set()
        for i, rule in enumerate(self.jurisdictions):
            if rule.id in seen:
                raise FieldProblem(f"jurisdictions[{i}].id", f"'{rule.id}' is used twice")
            seen.add(rule.id)
        return self
