"""The model of content/compensation.yaml: pay evidence by level, the effects that move
it, and the method that combines them (scoring/salary.py does the combining)."""

from __future__ import annotations

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
    exact_keys,
)

__all__ = [
    "ENCODABLE",
    "FACTOR_FIELDS",
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
    "Model",
    "ModelFactor",
    "OewsOccupation",
    "PortfolioEffect",
    "SourceNote",
    "SurveyEvidence",
    "VariableDistribution",
    "VariableShare",
]

Premium = Literal["key_accounts", "portfolio_arr"]
# Profile flags whose premium a level may already encode.
ENCODABLE: tuple[str, ...] = ("key_accounts", "portfolio_arr")
Percent = Annotated[Number, Field(ge=0, le=100)]
# The profile fields a factor of the model can read (flags are added from choices.flags).
FACTOR_FIELDS: tuple[str, ...] = (
    "industry",
    "company_size",
    "metro",
    "work_mode",
    "portfolio_arr",
    "years",
)
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
    """Variable pay for one level: the published share of base (a cross-check) and the
    survey group whose distribution the estimate uses."""

    low: Percent
    high: Percent
    source: SourceId
    note: Text
    group: Text

    @model_validator(mode="after")
    def _ordered(self) -> VariableShare:
        if self.high < self.low:
            raise FieldProblem("high", "must not be below low")
        return self


class SurveyEvidence(ContentModel):
    """What the salary survey says about a level or a factor: a log-mean gap and its rows."""

    source: SourceId
    pct: Number
    rows: Int = Field(ge=0)


class Anchor(ContentModel):
    """Where a level sits in the official statistics: one percentile of some occupations."""

    occupations: tuple[Text, ...] = Field(min_length=1)
    percentile: Number = Field(ge=10, le=90)
    why: Text


class LevelEvidence(ContentModel):
    """A level's pay evidence: its own (official anchor, published figures, survey rows), or
    the level it is priced from."""

    title: Text
    rank: Int = Field(ge=1)
    pricing: Literal["direct", "pooled"]
    anchor: Anchor | None = None
    figures: tuple[Figure, ...] = ()
    survey: SurveyEvidence | None = None
    priced_from: tuple[Text, ...] = ()
    encodes: tuple[Premium, ...] = ()
    thin_note: OptText = ""
    reference_years: Number = Field(gt=0)
    variable: VariableShare

    @model_validator(mode="after")
    def _pricing_fields(self) -> LevelEvidence:
        if self.pricing == "direct":
            if not self.figures and self.anchor is None:
                raise FieldProblem(
                    "figures", "must list at least one item for a directly priced level"
                )
            if self.priced_from:
                raise FieldProblem("priced_from", "is not used by a directly priced level")
            return self
        for name in ("figures", "anchor"):
            if getattr(self, name):
                raise FieldProblem(name, "belongs only to a directly priced level")
        if len(self.priced_from) != 1:
            raise FieldProblem(
                "priced_from", "must name exactly one level for a level without its own figures"
            )
        if not self.thin_note:
            raise FieldProblem("thin_note", "is required for a level without its own figures")
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
    flags: Labels
    portfolio_arr_max: Number = Field(gt=0)
    years_max: Number = Field(gt=0)

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
    years: Number | None = None
    flags: tuple[Text, ...] = ()


class Method(ContentModel):
    """The parameters and text of the combination method."""

    round_small: Int = Field(ge=1)
    round_large: Int = Field(ge=1)
    round_threshold: Int = Field(ge=0)
    company_size_split: Text
    paragraphs: tuple[Text, ...] = Field(min_length=1)
    worked_example: WorkedExample


class OewsOccupation(ContentModel):
    """One occupation's national wage percentiles as BLS publishes them (a cited fact)."""

    title: Text
    source: SourceId
    employment: Int = Field(ge=0)
    p10: Number = Field(gt=0)
    p25: Number = Field(gt=0)
    median: Number = Field(gt=0)
    p75: Number = Field(gt=0)
    p90: Number | None = None
    p90_note: OptText = ""

    @model_validator(mode="after")
    def _ordered(self) -> OewsOccupation:
        values = [self.p10, self.p25, self.median, self.p75]
        if self.p90 is not None:
            values.append(self.p90)
        if values != sorted(values):
            raise FieldProblem("p90", "percentiles must rise from p10 to p90")
        if self.p90 is None and not self.p90_note:
            raise FieldProblem("p90_note", "is required when p90 is not published")
        return self


class Spread(ContentModel):
    """How far pay spreads around a profile's median, in log dollars (split normal)."""

    sigma_below: Number = Field(gt=0, lt=2)
    sigma_above: Number = Field(gt=0, lt=2)
    source: SourceId
    rows: Int = Field(ge=1)


class Cap(ContentModel):
    """The largest combined move the factors may make, up and down."""

    up_pct: Number = Field(gt=0)
    down_pct: Number = Field(gt=0, lt=100)


class ModelFactor(ContentModel):
    """One factor of the ordered list: when it applies and the evidence behind it.

    ``value`` applies it when the profile field equals it (a choice, or true for a flag);
    ``at_least`` when a number is at least that; ``per_doubling`` makes it a slope on
    log2(value / the level's reference years). ``published`` names the entry of
    ``effects`` whose applied figures count as evidence beside ``survey``.
    """

    field: Text
    name: OptText = ""
    value: Text | Bool | None = None
    at_least: Number | None = None
    per_doubling: Bool = False
    clip: Number = Field(default=3.0, ge=1)
    published: OptText = ""
    survey: SurveyEvidence | None = None
    note: OptText = ""

    @model_validator(mode="after")
    def _one_kind(self) -> ModelFactor:
        kinds = [self.value is not None, self.at_least is not None, self.per_doubling]
        if sum(kinds) != 1:
            raise FieldProblem("value", "give exactly one of value, at_least or per_doubling")
        return self


class VariableDistribution(ContentModel):
    """Variable pay as a share of base (percent) at p25, median, p75 and p90; p10 is none."""

    levels_note: Text
    p25: Number = Field(ge=0)
    median: Number = Field(ge=0)
    p75: Number = Field(ge=0)
    p90: Number = Field(ge=0)
    none_share: Number = Field(ge=0, le=100)
    rows: Int = Field(ge=0)
    source: SourceId

    @model_validator(mode="after")
    def _ordered(self) -> VariableDistribution:
        if [self.p25, self.median, self.p75, self.p90] != sorted(
            [self.p25, self.median, self.p75, self.p90]
        ):
            raise FieldProblem("p90", "shares must rise from p25 to p90")
        return self


class Model(ContentModel):
    """The distribution model: anchors, spread, the ordered factors, shrinkage and the cap."""

    dollars_of: Text
    oews: dict[str, OewsOccupation] = Field(min_length=1)
    prior_rows: Number = Field(gt=0)
    article_rows: Number = Field(gt=0)
    spread: Spread
    cap: Cap
    factors: tuple[ModelFactor, ...]
    variable: dict[str, VariableDistribution] = Field(min_length=1)
    confidence: dict[Literal["high", "medium", "low"], Text]


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
    model: Model
    method: Method

    @model_validator(mode="after")
    def _keys_match(self, info: ValidationInfo) -> CompensationFile:
        levels = (info.context or {}).get("levels")
        if levels is not None:
            exact_keys("levels", self.levels, levels, "level")
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
            exact_keys(f"effects.{group}", entries, self.choices.labels(field), "choice")
        self._model_refers_to_known_things()
        example = self.method.worked_example
        for i, flag in enumerate(example.flags):
            if flag not in self.choices.flags:
                raise FieldProblem(
                    f"method.worked_example.flags[{i}]",
                    f"must be one of {', '.join(self.choices.flags)} (got '{flag}')",
                )
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

    def _model_refers_to_known_things(self) -> None:
        model = self.model
        for slug, level in self.levels.items():
            if level.anchor is not None:
                for i, soc in enumerate(level.anchor.occupations):
                    if soc not in model.oews:
                        raise FieldProblem(
                            f"levels.{slug}.anchor.occupations[{i}]",
                            f"names no occupation of model.oews ({', '.join(model.oews)})",
                        )
            if level.variable.group not in model.variable:
                raise FieldProblem(
                    f"levels.{slug}.variable.group",
                    f"names no group of model.variable ({', '.join(model.variable)})",
                )
        fields = (*FACTOR_FIELDS, *self.choices.flags)
        for i, factor in enumerate(model.factors):
            where = f"model.factors[{i}]"
            if factor.field not in fields:
                raise FieldProblem(f"{where}.field", f"must be one of {', '.join(fields)}")
            if factor.field in self.choices.flags and factor.value is not True:
                raise FieldProblem(f"{where}.value", "must be true for a yes/no factor")
            if factor.field in ("industry", "company_size", "metro", "work_mode"):
                allowed = self.choices.labels(factor.field)
                if factor.value not in allowed:
                    raise FieldProblem(f"{where}.value", f"must be one of {', '.join(allowed)}")
            if factor.published and _published(self.effects, factor.published) is None:
                raise FieldProblem(
                    f"{where}.published", f"names no entry of effects ('{factor.published}')"
                )


def _published(effects: Effects, path: str) -> object | None:
    """The entry of ``effects`` a dotted path names (``metro.new-york``, ``mba``), or None."""
    group, _, key = path.partition(".")
    if group not in Effects.model_fields:
        return None
    item = getattr(effects, group)
    if isinstance(item, dict):
        return item.get(key)
    return None if key else item
