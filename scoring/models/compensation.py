"""The model of content/compensation.yaml: pay evidence by level, the effects that move
it, and the method that combines them (scoring/salary.py does the combining)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, model_validator

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

__all__ = [
    "ENCODABLE",
    "Choices",
    "CompanySize",
    "CompanySizeGap",
    "CompensationFile",
    "Effect",
    "EffectFigure",
    "Effects",
    "ExperienceRow",
    "Figure",
    "LevelEvidence",
    "Method",
    "PortfolioEffect",
    "SourceNote",
    "VariableShare",
]

Premium = Literal["key_accounts", "portfolio_arr"]
# Profile flags whose premium a level may already encode.
ENCODABLE: tuple[str, ...] = ("key_accounts", "portfolio_arr")
Percent = Annotated[Number, Field(ge=0, le=100)]
Labels = Annotated[dict[str, Text], Field(min_length=1)]


class Figure(ContentModel):
    """One published pay figure: a range (low, high), a floor (low) or a point (value)."""

    source: SourceId
    label: Text
    kind: Literal["range", "floor", "point"]
    basis: Literal["base", "total", "unspecified"]
    low: Number | None = None
    high: Number | None = None
    value: Number | None = None

    @model_validator(mode="after")
    def _fields_of_kind(self) -> Figure:
        needs = {"range": ("low", "high"), "floor": ("low",), "point": ("value",)}[self.kind]
        for name in ("low", "high", "value"):
            given = getattr(self, name) is not None
            if name in needs and not given:
                raise FieldProblem(name, f"is required for kind '{self.kind}'")
            if name not in needs and given:
                raise FieldProblem(name, f"is not used by kind '{self.kind}'")
        first = "value" if self.kind == "point" else "low"
        if (getattr(self, first) or 0) <= 0:
            raise FieldProblem(first, "must be a positive amount")
        if self.kind == "range" and (self.high or 0) < (self.low or 0):
            raise FieldProblem("high", "must not be below low")
        return self


class VariableShare(ContentModel):
    """Variable pay as a percentage of base for one level."""

    low: Percent
    high: Percent
    source: SourceId
    note: Text

    @model_validator(mode="after")
    def _ordered(self) -> VariableShare:
        if self.high < self.low:
            raise FieldProblem("high", "must not be below low")
        return self


class LevelEvidence(ContentModel):
    """A level's pay evidence: its own figures, or the levels (and premium) it is priced from."""

    title: Text
    rank: Int = Field(ge=1)
    pricing: Literal["direct", "pooled", "premium"]
    figures: tuple[Figure, ...] = ()
    priced_from: tuple[Text, ...] = ()
    premium: Premium | None = None
    encodes: tuple[Premium, ...] = ()
    thin_note: OptText = ""
    variable: VariableShare

    @model_validator(mode="after")
    def _pricing_fields(self) -> LevelEvidence:
        if self.pricing == "direct":
            if not self.figures:
                raise FieldProblem(
                    "figures", "must list at least one item for a directly priced level"
                )
            for name in ("priced_from", "premium"):
                if getattr(self, name):
                    raise FieldProblem(name, "is not used by a directly priced level")
            return self
        if self.figures:
            raise FieldProblem("figures", "belongs only to a directly priced level")
        if not self.priced_from:
            raise FieldProblem("priced_from", "is required for a level without its own figures")
        if not self.thin_note:
            raise FieldProblem("thin_note", "is required for a level without its own figures")
        if self.pricing == "premium" and self.premium is None:
            raise FieldProblem("premium", "is required when pricing is 'premium'")
        if self.pricing == "pooled" and self.premium is not None:
            raise FieldProblem("premium", "is used only when pricing is 'premium'")
        return self


class EffectFigure(ContentModel):
    """One published percentage effect, or a figure shown only for comparison (apply: false)."""

    source: SourceId
    apply: Bool = True
    low_pct: Number | None = None
    high_pct: Number | None = None
    note: Text

    @model_validator(mode="after")
    def _percentages(self) -> EffectFigure:
        if self.apply or self.low_pct is not None or self.high_pct is not None:
            for name in ("low_pct", "high_pct"):
                if getattr(self, name) is None:
                    raise FieldProblem(name, "is required")
            if (self.high_pct or 0) < (self.low_pct or 0):
                raise FieldProblem("high_pct", "must not be below low_pct")
        return self


class Effect(ContentModel):
    """A factor that moves pay, with the published figures behind it."""

    name: Text
    figures: tuple[EffectFigure, ...] = ()
    none_note: OptText = ""
    variable_high: Percent | None = None
    variable_source: SourceId | None = None

    @model_validator(mode="after")
    def _variable_cited(self) -> Effect:
        if self.variable_high is not None and self.variable_source is None:
            raise FieldProblem("variable_source", "is required when variable_high is given")
        if self.variable_high is None and self.variable_source is not None:
            raise FieldProblem("variable_high", "is required when variable_source is given")
        return self


class PortfolioEffect(Effect):
    """The premium for a large book of business, above ``threshold`` dollars of ARR."""

    threshold: Number = Field(gt=0)
    below_note: Text


class CompanySizeGap(ContentModel):
    """The one published gap between large and small companies, split around mid-sized."""

    source: SourceId
    gap_pct: Number
    note: Text


class CompanySize(ContentModel):
    """Which side of the published gap a company size falls on."""

    name: Text
    side: Literal["low", "none", "high"]


class ExperienceRow(ContentModel):
    """The experience premium: shown, never applied (the level encodes experience)."""

    name: Text
    source: SourceId
    low_pct: Number
    high_pct: Number
    note: Text


class Effects(ContentModel):
    """Every factor the estimator can apply or shows as not applied."""

    industry: dict[str, Effect]
    company_size_gap: CompanySizeGap
    company_size: dict[str, CompanySize]
    metro: dict[str, Effect]
    work_mode: dict[str, Effect]
    portfolio_arr: PortfolioEffect
    key_accounts: Effect
    certification: Effect
    mba: Effect
    experience: ExperienceRow


class Defaults(ContentModel):
    """The value each profile field takes when the user gives none."""

    industry: Text
    company_size: Text
    metro: Text
    work_mode: Text


class Choices(ContentModel):
    """The values the estimator accepts, id -> label, in the order the forms show them."""

    industries: Labels
    company_sizes: Labels
    metros: Labels
    work_modes: Labels
    defaults: Defaults
    portfolio_arr_max: Number = Field(gt=0)

    def labels(self, field: str) -> dict[str, str]:
        """The choices of one profile field (``industry``, ``metro``...)."""
        plural = {"industry": "industries"}.get(field, field + "s")
        labels: dict[str, str] = getattr(self, plural)
        return labels

    @model_validator(mode="after")
    def _defaults_are_choices(self) -> Choices:
        for field in ("industry", "company_size", "metro", "work_mode"):
            value = getattr(self.defaults, field)
            allowed = self.labels(field)
            if value not in allowed:
                raise FieldProblem(
                    f"defaults.{field}", f"must be one of {', '.join(allowed)} (got '{value}')"
                )
        return self


class WorkedExample(ContentModel):
    """The profile the methodology page works through, step by step."""

    level: Text
    industry: Text
    company_size: Text
    metro: Text
    work_mode: Text


class Method(ContentModel):
    """The parameters and text of the combination method."""

    min_half_width_pct: Number = Field(ge=0, lt=100)
    round_small: Int = Field(ge=1)
    round_large: Int = Field(ge=1)
    round_threshold: Int = Field(ge=0)
    company_size_split: Text
    paragraphs: tuple[Text, ...] = Field(min_length=1)
    worked_example: WorkedExample


class SourceNote(ContentModel):
    """A sentence of published fact (sector note, benefit, variable pay) with its source."""

    source: SourceId
    text: Text


class CompensationFile(ContentModel):
    """content/compensation.yaml."""

    choices: Choices
    levels: dict[str, LevelEvidence]
    profession_wide: tuple[Figure, ...] = ()
    effects: Effects
    variable_pay: tuple[SourceNote, ...] = ()
    sector_notes: tuple[SourceNote, ...] = ()
    benefits: tuple[SourceNote, ...] = ()
    method: Method

    @model_validator(mode="after")
    def _keys_match(self, info: ValidationInfo) -> CompensationFile:
        levels = (info.context or {}).get("levels")
        if levels is not None:
            _same_keys("levels", self.levels, levels, "level")
        direct = [slug for slug, level in self.levels.items() if level.pricing == "direct"]
        for slug, level in self.levels.items():
            for i, other in enumerate(level.priced_from):
                if other not in direct:
                    raise FieldProblem(
                        f"levels.{slug}.priced_from[{i}]",
                        f"must name a directly priced level ({', '.join(direct)})",
                    )
        for group, field in (
            ("industry", "industry"),
            ("company_size", "company_size"),
            ("metro", "metro"),
            ("work_mode", "work_mode"),
        ):
            entries = getattr(self.effects, group)
            _same_keys(f"effects.{group}", entries, self.choices.labels(field), "choice")
        example = self.method.worked_example
        if example.level not in self.levels:
            raise FieldProblem(
                "method.worked_example.level", f"names unknown level '{example.level}'"
            )
        for field in ("industry", "company_size", "metro", "work_mode"):
            value = getattr(example, field)
            if value not in self.choices.labels(field):
                raise FieldProblem(
                    f"method.worked_example.{field}",
                    f"must be one of {', '.join(self.choices.labels(field))} (got '{value}')",
                )
        return self


def _same_keys(
    where: str, entries: Mapping[str, object], expected: Iterable[str], what: str
) -> None:
    """``entries`` must have exactly the keys ``expected`` lists."""
    names = list(expected)
    for key in names:
        if key not in entries:
            raise FieldProblem(f"{where}.{key}", f"is required (every {what} needs an entry)")
    for key in entries:
        if key not in names:
            raise FieldProblem(f"{where}.{key}", f"is not a known {what} ({', '.join(names)})")
