"""Salary distributions by level and an estimator that explains every step and its source.

The model (content/compensation.yaml, ``model``; the methodology page shows it):

- Each level's national median base is **anchored** on official statistics (a percentile of
  the BLS OEWS occupations the level is filed under) and on the published figures for the
  level (the median of their centres), as a geometric mean; the salary survey then moves it
  by its rows' gap, **shrunk toward zero**: ``rows / (rows + prior_rows)`` of the gap. A
  level without evidence of its own is priced from one named level. Medians never fall
  along the career ladder (a level is raised to the highest median below it, and says so).
- Pay around the median is a **split log-normal**: the spread below and above the median
  was measured on the survey's rows after every effect, so p10-p90 is where about 8 in 10
  people in the profile are paid.
- **Factors** are an ordered list applied generically: a choice or a yes/no flag equal to a
  value, a number at least a threshold, or a slope per doubling of years. Each factor's
  effect is the evidence-weighted mean of its log effects (survey rows count one each, a
  published article figure ``article_rows``), shrunk toward zero by ``prior_rows``; the sum
  of the factors' log effects is held within a stated cap.
- **Variable pay** is a share of base with its own distribution per group of levels (its low
  end is none); total cash is base times one plus that share, the two taken independent.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist, median
from types import MappingProxyType
from typing import Any

from scoring.errors import FieldErrors
from scoring.models import compensation as m
from scoring.models.base import ContentError, FieldProblem, load_file
from scoring.sources import Source

__all__ = [
    "CompensationData",
    "Confidence",
    "Distribution",
    "Effect",
    "EffectFigure",
    "Estimate",
    "Evidence",
    "Factor",
    "FactorRule",
    "Figure",
    "Level",
    "LevelRow",
    "OfferCheck",
    "Range",
    "SalaryProfile",
    "SkippedFactor",
    "Step",
    "check_offer",
    "estimate_salary",
    "level_table",
    "load_compensation",
    "parse_offer",
    "parse_profile",
    "validate_profile",
]

COMPENSATION_FILE = "compensation.yaml"
TRUE_WORDS = frozenset({"true", "1", "yes", "y", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "n", "off"})
CHOICE_FIELDS = ("industry", "company_size", "metro", "work_mode")
PERCENTILES = (10, 25, 50, 75, 90)
_NORMAL = NormalDist()
# z of each reported percentile.
Z = {p: _NORMAL.inv_cdf(p / 100) for p in PERCENTILES}
# The grid that combines base and variable pay into total cash (midpoint quantiles).
_GRID = 60
MINUS = "\u2212"


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Range:
    """p10, p25, median, p75 and p90 in whole US dollars a year.

    ``low``, ``typical`` and ``high`` are the contract's names for p10, median and p90.
    """

    low: int
    typical: int
    high: int
    p25: int = 0
    p75: int = 0

    @property
    def p10(self) -> int:
        """The 10th percentile (``low``)."""
        return self.low

    @property
    def median(self) -> int:
        """The median (``typical``)."""
        return self.typical

    @property
    def p90(self) -> int:
        """The 90th percentile (``high``)."""
        return self.high

    def to_dict(self) -> dict[str, int]:
        """The range as the API contract spells it, with its percentiles beside."""
        return {
            "low": self.low,
            "typical": self.typical,
            "high": self.high,
            "p10": self.low,
            "p25": self.p25,
            "median": self.typical,
            "p75": self.p75,
            "p90": self.high,
        }


@dataclass(frozen=True)
class Distribution:
    """Pay as a split log-normal: a median and a log spread below and above it."""

    median: float
    sigma_below: float
    sigma_above: float

    def at(self, z: float) -> float:
        """Dollars at standard-normal position ``z``."""
        sigma = self.sigma_below if z < 0 else self.sigma_above
        return self.median * math.exp(sigma * z)

    def quantile(self, percentile: float) -> float:
        """Dollars at a percentile (1-99)."""
        return self.at(_NORMAL.inv_cdf(percentile / 100))

    def z_of(self, dollars: float) -> float:
        """Where ``dollars`` falls, as a standard-normal position."""
        gap = math.log(dollars / self.median)
        return gap / (self.sigma_below if gap < 0 else self.sigma_above)

    def scaled(self, factor: float) -> Distribution:
        """The same shape around a median ``factor`` times as high."""
        return Distribution(self.median * factor, self.sigma_below, self.sigma_above)


@dataclass(frozen=True)
class Figure:
    """One published pay figure for a level, exactly as its source gives it."""

    source: str
    label: str
    kind: str  # range | floor | point
    low: float | None
    high: float | None
    basis: str

    @property
    def midpoint(self) -> float | None:
        """The figure's centre: a range's midpoint, a point's value, none for a floor."""
        if self.kind == "range" and self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        if self.kind == "point":
            return self.low
        return None

    @property
    def top(self) -> float:
        """The highest pay the figure describes (a floor's floor)."""
        return _req(self.high if self.kind == "range" else self.low)

    def to_dict(self) -> dict[str, Any]:
        """The figure as plain data."""
        return {
            "source": self.source,
            "label": self.label,
            "kind": self.kind,
            "low": _as_int(self.low),
            "high": _as_int(self.high),
            "basis": self.basis,
        }


@dataclass(frozen=True)
class VariableShare:
    """Variable pay as a published percentage of base for one level (a cross-check)."""

    low: float
    high: float
    source: str
    note: str


@dataclass(frozen=True)
class VariableGroup:
    """The distribution of variable pay as a share of base for a group of levels."""

    key: str
    levels_note: str
    shares: tuple[float, ...]  # p10 (always 0), p25, median, p75, p90, as fractions
    none_share: float
    rows: int
    source: str


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence behind an effect: its source, its percentage and its weight."""

    source: str
    pct: float
    weight: float
    kind: str  # survey | published
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The evidence as plain data."""
        return {
            "source": self.source,
            "pct": round(self.pct, 1),
            "weight": round(self.weight, 1),
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Step:
    """One step from the evidence to the estimate's median base, for the worked example."""

    kind: str  # anchor | survey | ladder | factor | cap
    name: str
    detail: str
    effect_pct: float
    before: float
    after: float
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The step as plain data."""
        return {
            "kind": self.kind,
            "name": self.name,
            "detail": self.detail,
            "effect_pct": round(self.effect_pct, 1),
            "before": round(self.before),
            "after": round(self.after),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Level:
    """A role level: its evidence, how its national median was reached, its variable pay."""

    slug: str
    title: str
    rank: int
    pricing: str
    figures: tuple[Figure, ...]
    priced_from: str
    encodes: frozenset[str]
    thin_note: str
    reference_years: float
    variable: VariableShare
    group: str
    survey_rows: int
    start: float  # the median before the survey moved it (the anchor, or the parent's)
    steps: tuple[Step, ...]
    band: Distribution
    sources: tuple[str, ...]

    @property
    def thin(self) -> bool:
        """Whether the level has no evidence of its own (priced from another level)."""
        return self.pricing != "direct"


@dataclass(frozen=True)
class EffectFigure:
    """One published percentage effect (or a figure shown only for comparison)."""

    source: str
    low_pct: float | None
    high_pct: float | None
    apply: bool
    note: str


@dataclass(frozen=True)
class Effect:
    """What the published sources say about a factor, kept as published."""

    key: str
    name: str
    figures: tuple[EffectFigure, ...]
    none_note: str = ""
    variable_high: float | None = None
    variable_source: str = ""

    @property
    def applied(self) -> tuple[EffectFigure, ...]:
        """The figures counted as evidence."""
        return tuple(f for f in self.figures if f.apply)


@dataclass(frozen=True)
class FactorRule:
    """One factor of the model's ordered list, with its evidence and its shrunk effect."""

    key: str
    field: str
    name: str
    value: str | bool | None
    at_least: float | None
    per_doubling: bool
    clip: float
    evidence: tuple[Evidence, ...]
    log_effect: float
    published: Effect | None
    note: str
    surveyed: bool = False  # the survey is asked about this factor (even if no row has it)

    @property
    def weight(self) -> float:
        """The total weight of the evidence, in survey rows."""
        return sum(e.weight for e in self.evidence)

    @property
    def effect_pct(self) -> float:
        """The shrunk effect in percent (per doubling of years for a slope)."""
        return (math.exp(self.log_effect) - 1) * 100

    @property
    def raw_pct(self) -> float:
        """The evidence-weighted effect before shrinking."""
        if not self.evidence:
            return 0.0
        total = sum(e.weight * math.log1p(e.pct / 100) for e in self.evidence)
        return (math.exp(total / self.weight) - 1) * 100

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources of the evidence, once each."""
        return _unique(e.source for e in self.evidence)

    def multiplier_log(self, profile: SalaryProfile, level: Level) -> float | None:
        """The log effect on this profile, or None when the factor does not apply."""
        value = profile.value(self.field)
        if self.per_doubling:
            if value is None:
                return None
            years = max(float(value), 0.5)
            doublings = math.log2(years / level.reference_years)
            limit = math.log2(self.clip)
            return self.log_effect * max(-limit, min(limit, doublings))
        if self.at_least is not None:
            if value is None or float(value) < self.at_least:
                return None
            return self.log_effect
        return self.log_effect if value == self.value else None


@dataclass(frozen=True)
class SourceNote:
    """A sentence of published fact (sector note, benefit, variable pay) with its source."""

    source: str
    text: str


@dataclass(frozen=True)
class Method:
    """Rounding and the text of the method."""

    round_small: int
    round_large: int
    round_threshold: int
    company_size_split: str
    paragraphs: tuple[str, ...]

    def round(self, amount: float) -> int:
        """Round dollars to $500 below the threshold and to $1,000 from it on."""
        step = self.round_small if amount < self.round_threshold else self.round_large
        return math.floor(amount / step + 0.5) * step


@dataclass(frozen=True)
class ModelParams:
    """The model's parameters as content/compensation.yaml states them."""

    dollars_of: str
    prior_rows: float
    article_rows: float
    sigma_below: float
    sigma_above: float
    spread_rows: int
    spread_source: str
    cap_up_pct: float
    cap_down_pct: float
    confidence: Mapping[str, str]


@dataclass(frozen=True)
class Occupation:
    """One BLS OEWS occupation's national percentiles (p90 may be unpublished)."""

    soc: str
    title: str
    source: str
    employment: int
    values: Mapping[int, float | None]  # percentile -> dollars
    p90_note: str

    def at(self, percentile: float) -> float:
        """Dollars at a percentile between p10 and p75 (or p90), interpolated in log-z."""
        known = [(p, v) for p, v in self.values.items() if v is not None]
        z = _NORMAL.inv_cdf(percentile / 100)
        for (p1, v1), (p2, v2) in itertools.pairwise(known):
            if p1 <= percentile <= p2:
                t = (z - Z[p1]) / (Z[p2] - Z[p1])
                return math.exp(math.log(v1) + t * (math.log(v2) - math.log(v1)))
        raise ValueError(f"percentile {percentile} is outside {self.soc}'s published ones")


@dataclass(frozen=True)
class CompensationData:
    """Everything in compensation.yaml, validated, with each level's distribution."""

    levels: Mapping[str, Level]
    industries: Mapping[str, str]
    company_sizes: Mapping[str, str]
    metros: Mapping[str, str]
    work_modes: Mapping[str, str]
    flags: Mapping[str, str]
    defaults: Mapping[str, str]
    portfolio_arr_max: float
    years_max: float
    published: Mapping[str, Effect]  # "metro.new-york", "mba", ...
    factors: tuple[FactorRule, ...]
    variable_groups: Mapping[str, VariableGroup]
    occupations: Mapping[str, Occupation]
    experience: Effect
    portfolio_below_note: str
    profession_wide: tuple[Figure, ...]
    variable_pay: tuple[SourceNote, ...]
    sector_notes: tuple[SourceNote, ...]
    benefits: tuple[SourceNote, ...]
    model: ModelParams
    method: Method
    # The profile the methodology page works through.
    worked_example: SalaryProfile
    sources: Mapping[str, Source]

    def choices(self, field_name: str) -> Mapping[str, str]:
        """The allowed id -> label mapping for one profile field."""
        return {
            "level": MappingProxyType({s: lv.title for s, lv in self.levels.items()}),
            "industry": self.industries,
            "company_size": self.company_sizes,
            "metro": self.metros,
            "work_mode": self.work_modes,
        }[field_name]


@dataclass(frozen=True)
class SalaryProfile:
    """Who is being priced: the profile of the API contract.

    ``flags`` holds the yes/no answers that are true (``key_accounts``, ``mba``...: the
    content's ``choices.flags``); ``years`` is years of experience, when given.
    """

    level: str
    industry: str = "other"
    company_size: str = "mid"
    metro: str = "national"
    work_mode: str = "onsite"
    portfolio_arr: float | None = None
    years: float | None = None
    flags: frozenset[str] = frozenset()

    def value(self, name: str) -> Any:
        """A field's value by name; a flag's is True or False."""
        if name in ("level", "portfolio_arr", "years", *CHOICE_FIELDS):
            return getattr(self, name)
        return name in self.flags

    def to_dict(self, flag_names: Iterable[str] = ()) -> dict[str, Any]:
        """The profile as plain data, each flag of ``flag_names`` as true or false."""
        out: dict[str, Any] = {
            "level": self.level,
            "industry": self.industry,
            "company_size": self.company_size,
            "metro": self.metro,
            "work_mode": self.work_mode,
            "portfolio_arr": self.portfolio_arr,
            "years": self.years,
        }
        for name in flag_names:
            out[name] = name in self.flags
        return out


@dataclass(frozen=True)
class Factor:
    """One factor applied to the estimate: its effect, its evidence and where it comes from."""

    name: str
    effect_pct: float
    effect_usd: int
    source: str
    note: str = ""
    low_pct: float = 0.0
    high_pct: float = 0.0
    sources: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    raw_pct: float = 0.0
    weight_share: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """The factor as the API contract spells it, plus its evidence."""
        return {
            "name": self.name,
            "effect_pct": self.effect_pct,
            "effect_usd": self.effect_usd,
            "source": self.source,
            "sources": list(self.sources or (self.source,)),
            "low_pct": self.low_pct,
            "high_pct": self.high_pct,
            "note": self.note,
            "raw_pct": round(self.raw_pct, 1),
            "weight_share": round(self.weight_share, 2),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class SkippedFactor:
    """A factor deliberately not applied, and why (to avoid double counting)."""

    name: str
    source: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """The skipped factor as plain data."""
        return {"name": self.name, "source": self.source, "reason": self.reason}


@dataclass(frozen=True)
class Confidence:
    """How much evidence stands behind an estimate: a label and the reasons for it."""

    label: str  # high | medium | low
    text: str
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The confidence as plain data."""
        return {"label": self.label, "text": self.text, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Estimate:
    """Base, variable and total cash pay with every step, factor, source and caveat."""

    profile: SalaryProfile
    level_title: str
    base: Range
    variable: Range
    total_cash: Range
    level_band: Range
    variable_share_pct: tuple[float, float, float]
    factors: tuple[Factor, ...]
    skipped: tuple[SkippedFactor, ...]
    sources: tuple[str, ...]
    notes: tuple[str, ...]
    by_source: tuple[Figure, ...]
    steps: tuple[Step, ...]
    confidence: Confidence
    priced_from: str
    above_sources: str
    distribution: Distribution
    total_z: tuple[tuple[float, float], ...]  # (z, dollars) knots of total cash
    flag_names: tuple[str, ...] = ()
    citations: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The estimate as the JSON API returns it."""
        low, typical, high = self.variable_share_pct
        return {
            "base": self.base.to_dict(),
            "variable": self.variable.to_dict(),
            "total_cash": self.total_cash.to_dict(),
            "factors": [f.to_dict() for f in self.factors],
            "sources": list(self.sources),
            "notes": list(self.notes),
            "profile": self.profile.to_dict(self.flag_names),
            "level": {"slug": self.profile.level, "title": self.level_title},
            "level_band": self.level_band.to_dict(),
            "variable_share_pct": {"low": low, "typical": typical, "high": high},
            "skipped_factors": [s.to_dict() for s in self.skipped],
            "by_source": [f.to_dict() for f in self.by_source],
            "steps": [s.to_dict() for s in self.steps],
            "confidence": self.confidence.to_dict(),
            "priced_from": self.priced_from or None,
            "above_sources": self.above_sources or None,
            "citations": dict(self.citations),
        }


@dataclass(frozen=True)
class LevelRow:
    """One row of the browse table: a level's base and total cash range."""

    slug: str
    title: str
    rank: int
    base: Range
    total_cash: Range
    thin: bool
    priced_from: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data."""
        return {
            "slug": self.slug,
            "title": self.title,
            "rank": self.rank,
            "base": self.base.to_dict(),
            "total_cash": self.total_cash.to_dict(),
            "thin": self.thin,
        }


# --------------------------------------------------------------------------- loading


def load_compensation(
    root: Path, sources: Mapping[str, Source], levels: Sequence[str] | None = None
) -> CompensationData:
    """Read content/compensation.yaml, validate it and price each level.

    ``levels`` (the role slugs) are the levels the file must price, no more and no fewer.
    """
    path = root / COMPENSATION_FILE
    context: dict[str, Any] = {"sources": sources}
    if levels is not None:
        context["levels"] = tuple(levels)
    doc = load_file(m.CompensationFile, path, context)
    choices = doc.choices
    method = Method(**doc.method.model_dump(exclude={"worked_example"}))
    model = doc.model
    params = ModelParams(
        dollars_of=model.dollars_of,
        prior_rows=model.prior_rows,
        article_rows=model.article_rows,
        sigma_below=model.spread.sigma_below,
        sigma_above=model.spread.sigma_above,
        spread_rows=model.spread.rows,
        spread_source=model.spread.source,
        cap_up_pct=model.cap.up_pct,
        cap_down_pct=model.cap.down_pct,
        confidence=MappingProxyType({str(k): v for k, v in model.confidence.items()}),
    )
    effects = doc.effects
    published = _published_effects(effects)
    occupations = {
        soc: Occupation(
            soc=soc,
            title=o.title,
            source=o.source,
            employment=o.employment,
            values=MappingProxyType({10: o.p10, 25: o.p25, 50: o.median, 75: o.p75, 90: o.p90}),
            p90_note=o.p90_note,
        )
        for soc, o in model.oews.items()
    }
    try:
        priced = _levels(doc.levels, occupations, params)
    except FieldProblem as exc:
        raise ContentError(path, exc.field, exc.problem) from None
    row = effects.experience
    example = doc.method.worked_example
    return CompensationData(
        levels=priced,
        industries=MappingProxyType(dict(choices.industries)),
        company_sizes=MappingProxyType(dict(choices.company_sizes)),
        metros=MappingProxyType(dict(choices.metros)),
        work_modes=MappingProxyType(dict(choices.work_modes)),
        flags=MappingProxyType(dict(choices.flags)),
        defaults=MappingProxyType(choices.defaults.model_dump()),
        portfolio_arr_max=choices.portfolio_arr_max,
        years_max=choices.years_max,
        published=published,
        factors=tuple(
            _factor_rule(i, f, published, params, choices) for i, f in enumerate(model.factors)
        ),
        variable_groups=MappingProxyType(
            {
                key: VariableGroup(
                    key=key,
                    levels_note=v.levels_note,
                    shares=(0.0, v.p25 / 100, v.median / 100, v.p75 / 100, v.p90 / 100),
                    none_share=v.none_share / 100,
                    rows=v.rows,
                    source=v.source,
                )
                for key, v in model.variable.items()
            }
        ),
        occupations=MappingProxyType(occupations),
        experience=Effect(
            key="experience",
            name=row.name,
            figures=(EffectFigure(row.source, row.low_pct, row.high_pct, False, row.note),),
        ),
        portfolio_below_note=effects.portfolio_arr.below_note,
        profession_wide=tuple(_figure(f) for f in doc.profession_wide),
        variable_pay=tuple(SourceNote(n.source, n.text) for n in doc.variable_pay),
        sector_notes=tuple(SourceNote(n.source, n.text) for n in doc.sector_notes),
        benefits=tuple(SourceNote(n.source, n.text) for n in doc.benefits),
        model=params,
        method=method,
        worked_example=SalaryProfile(
            level=example.level,
            industry=example.industry,
            company_size=example.company_size,
            metro=example.metro,
            work_mode=example.work_mode,
            years=example.years,
            flags=frozenset(example.flags),
        ),
        sources=sources,
    )


def _figure(f: m.Figure) -> Figure:
    if f.kind == "point":
        low = high = f.value
    else:
        low, high = f.low, f.high
    return Figure(source=f.source, label=f.label, kind=f.kind, low=low, high=high, basis=f.basis)


def _effect(f: m.Effect, key: str) -> Effect:
    return Effect(
        key=key,
        name=f.name,
        figures=tuple(
            EffectFigure(x.source, x.low_pct, x.high_pct, x.apply, x.note) for x in f.figures
        ),
        none_note=f.none_note,
        variable_high=f.variable_high,
        variable_source=f.variable_source or "",
    )


def _published_effects(effects: m.Effects) -> Mapping[str, Effect]:
    """Every published effect by its dotted path (``metro.new-york``, ``mba``)."""
    out: dict[str, Effect] = {}
    for group in ("industry", "metro", "work_mode"):
        entries: Mapping[str, m.Effect] = getattr(effects, group)
        for key, item in entries.items():
            out[f"{group}.{key}"] = _effect(item, f"{group}.{key}")
    # One published gap between large and small companies, split evenly in ratio terms
    # around the mid-sized baseline the level figures describe.
    gap = effects.company_size_gap
    half = math.sqrt(1 + gap.gap_pct / 100)
    side_pct = {"high": (half - 1) * 100, "low": (1 / half - 1) * 100}
    for key, size in effects.company_size.items():
        figures: tuple[EffectFigure, ...] = ()
        if size.side != "none":
            pct = round(side_pct[size.side], 1)
            figures = (EffectFigure(gap.source, pct, pct, True, gap.note),)
        out[f"company_size.{key}"] = Effect(f"company_size.{key}", size.name, figures)
    for name in ("portfolio_arr", "key_accounts", "certification", "mba"):
        out[name] = _effect(getattr(effects, name), name)
    return MappingProxyType(out)


def _factor_rule(
    index: int,
    f: m.ModelFactor,
    published: Mapping[str, Effect],
    params: ModelParams,
    choices: m.Choices,
) -> FactorRule:
    effect = published.get(f.published) if f.published else None
    evidence: list[Evidence] = []
    if f.survey is not None and f.survey.rows:
        evidence.append(Evidence(f.survey.source, f.survey.pct, f.survey.rows, "survey"))
    if effect is not None:
        for fig in effect.applied:
            mid = (_req(fig.low_pct) + _req(fig.high_pct)) / 2
            evidence.append(Evidence(fig.source, mid, params.article_rows, "published", fig.note))
    weight = sum(e.weight for e in evidence)
    total = sum(e.weight * math.log1p(e.pct / 100) for e in evidence)
    name = f.name or (effect.name if effect else "") or choices.flags.get(f.field, f.field)
    return FactorRule(
        key=f"{f.field}.{f.value}" if f.value is not None else f.field,
        field=f.field,
        name=name,
        value=f.value,
        at_least=f.at_least,
        per_doubling=f.per_doubling,
        clip=f.clip,
        evidence=tuple(evidence),
        log_effect=total / (weight + params.prior_rows),
        published=effect,
        note=f.note,
        surveyed=f.survey is not None,
    )


def _published_centre(figures: Sequence[Figure]) -> float | None:
    mids = [mid for mid in (f.midpoint for f in figures) if mid is not None]
    return float(median(mids)) if mids else None


def _levels(
    evidence: Mapping[str, m.LevelEvidence],
    occupations: Mapping[str, Occupation],
    params: ModelParams,
) -> Mapping[str, Level]:
    """Price every level: anchor, survey gap (shrunk), then a ladder that never falls."""
    medians: dict[str, float] = {}
    starts: dict[str, float] = {}
    steps: dict[str, list[Step]] = {}
    level_sources: dict[str, list[str]] = {}
    figures: dict[str, tuple[Figure, ...]] = {}
    order = sorted(evidence, key=lambda s: (evidence[s].pricing != "direct", evidence[s].rank))
    for slug in order:
        item = evidence[slug]
        used: list[str] = []
        these: list[Step] = []
        if item.pricing == "direct":
            figures[slug] = tuple(_figure(x) for x in item.figures)
            parts: list[float] = []
            if item.anchor is not None:
                anchor = item.anchor
                values = [occupations[soc].at(anchor.percentile) for soc in anchor.occupations]
                official = math.exp(sum(map(math.log, values)) / len(values))
                parts.append(official)
                used.extend(occupations[soc].source for soc in anchor.occupations)
                names = " and ".join(f"{occupations[s].title} ({s})" for s in anchor.occupations)
                these.append(
                    Step(
                        "anchor",
                        "Official statistics",
                        f"BLS OEWS national wages, {_ordinal(anchor.percentile)} percentile "
                        f"of {names}: {_dollars(official)}. {anchor.why}",
                        0.0,
                        official,
                        official,
                        _unique(occupations[s].source for s in anchor.occupations),
                    )
                )
            centre = _published_centre(figures[slug])
            if centre is not None:
                parts.append(centre)
                used.extend(f.source for f in figures[slug])
                these.append(
                    Step(
                        "anchor",
                        "Published figures",
                        f"The median centre of {len(figures[slug])} published figures for "
                        f"the level: {_dollars(centre)}.",
                        0.0,
                        centre,
                        centre,
                        _unique(f.source for f in figures[slug]),
                    )
                )
            if not parts:
                raise FieldProblem(
                    f"levels.{slug}.figures", "needs an anchor, a range or an average"
                )
            start = math.exp(sum(map(math.log, parts)) / len(parts))
            if len(parts) > 1:
                these.append(
                    Step(
                        "anchor",
                        "Anchor",
                        "The geometric mean of the official and the published centre.",
                        0.0,
                        start,
                        start,
                    )
                )
        else:
            parent = item.priced_from[0]
            figures[slug] = figures[parent]
            start = medians[parent]
            used.extend(level_sources[parent])
            these.append(
                Step(
                    "anchor",
                    f"Priced from {evidence[parent].title}",
                    item.thin_note,
                    0.0,
                    start,
                    start,
                )
            )
        value = starts[slug] = start
        if item.survey is not None and item.survey.rows:
            survey = item.survey
            share = survey.rows / (survey.rows + params.prior_rows)
            moved = math.log1p(survey.pct / 100) * share
            value = start * math.exp(moved)
            used.append(survey.source)
            these.append(
                Step(
                    "survey",
                    "Salary survey",
                    f"{survey.rows} survey rows at this level are paid "
                    f"{_signed(survey.pct)} against the anchor (after their own factors); "
                    f"the estimate moves {share:.0%} of that way "
                    f"({survey.rows} / ({survey.rows} + {params.prior_rows:g}) rows).",
                    (math.exp(moved) - 1) * 100,
                    start,
                    value,
                    (survey.source,),
                )
            )
        medians[slug] = value
        steps[slug] = these
        level_sources[slug] = used
    # The ladder never falls: a level is at least the highest median of the ranks below it.
    out: dict[str, Level] = {}
    for slug in sorted(evidence, key=lambda s: evidence[s].rank):
        item = evidence[slug]
        below = [(medians[s], s) for s in out if evidence[s].rank < item.rank and medians[s] > 0]
        if below:
            floor, floor_slug = max(below)
            if floor > medians[slug]:
                steps[slug].append(
                    Step(
                        "ladder",
                        "Career ladder",
                        f"Raised to the {evidence[floor_slug].title} median: typical pay does "
                        "not fall along the career path.",
                        (floor / medians[slug] - 1) * 100,
                        medians[slug],
                        floor,
                    )
                )
                medians[slug] = floor
        published = item.variable
        out[slug] = Level(
            slug=slug,
            title=item.title,
            rank=item.rank,
            pricing=item.pricing,
            figures=figures[slug],
            priced_from=item.priced_from[0] if item.priced_from else "",
            encodes=frozenset(item.encodes),
            thin_note=item.thin_note,
            reference_years=item.reference_years,
            variable=VariableShare(published.low, published.high, published.source, published.note),
            group=published.group,
            survey_rows=item.survey.rows if item.survey else 0,
            start=starts[slug],
            steps=tuple(steps[slug]),
            band=Distribution(medians[slug], params.sigma_below, params.sigma_above),
            sources=_unique(level_sources[slug]),
        )
    return MappingProxyType({slug: out[slug] for slug in evidence})


# --------------------------------------------------------------------------- profiles


def validate_profile(profile: SalaryProfile, data: CompensationData) -> None:
    """Raise FieldErrors naming every bad field (unknown values list the allowed ones)."""
    errors: dict[str, str] = {}
    for name in ("level", *CHOICE_FIELDS):
        value = getattr(profile, name)
        allowed = data.choices(name)
        if not isinstance(value, str) or value not in allowed:
            errors[name] = f"Unknown value '{value}'. Allowed values: {', '.join(allowed)}."
    arr_error = _portfolio_error(profile.portfolio_arr, data)
    if arr_error:
        errors["portfolio_arr"] = arr_error
    years_error = _years_error(profile.years, data)
    if years_error:
        errors["years"] = years_error
    unknown = sorted(set(profile.flags) - set(data.flags))
    if unknown:
        errors["flags"] = f"Unknown flag(s) {', '.join(unknown)}. Known: {', '.join(data.flags)}."
    if errors:
        raise FieldErrors(errors)


def _number_error(value: object) -> bool:
    return isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)


def _portfolio_error(value: object, data: CompensationData) -> str:
    if value is None:
        return ""
    if _number_error(value):
        return "Must be a number of US dollars, such as 5000000."
    assert isinstance(value, int | float)
    if value < 0:
        return "Cannot be negative: enter the annual recurring revenue you manage, in US dollars."
    if value > data.portfolio_arr_max:
        return (
            f"{_dollars(value)} is above the {_dollars(data.portfolio_arr_max)} limit; "
            "enter the annual recurring revenue in US dollars (for $5 million, 5000000)."
        )
    return ""


def _years_error(value: object, data: CompensationData) -> str:
    if value is None:
        return ""
    if _number_error(value):
        return "Must be a number of years, such as 6."
    assert isinstance(value, int | float)
    if value < 0:
        return "Cannot be negative: enter your years of experience in the field."
    if value > data.years_max:
        return f"{value:g} years is more than {data.years_max:g}; enter years of experience."
    return ""


def _text(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _amount(
    params: Mapping[str, Any], name: str, errors: dict[str, str], example: str
) -> float | None:
    """A number as typed in a query string ("$5,000,000" is fine), or None when absent."""
    raw = _text(params, name)
    if raw is None:
        return None
    cleaned = raw.replace(",", "").replace("_", "").removeprefix("$").strip()
    try:
        return float(cleaned)
    except ValueError:
        errors[name] = f"'{raw}' is not a number: enter {example}."
        return None


def parse_profile(params: Mapping[str, Any], data: CompensationData) -> SalaryProfile:
    """Build a profile from query-string style values, raising FieldErrors for bad ones."""
    errors: dict[str, str] = {}
    level = _text(params, "level")
    if level is None:
        errors["level"] = f"Required. Allowed values: {', '.join(data.levels)}."
    choice_values = {name: _text(params, name) or data.defaults[name] for name in CHOICE_FIELDS}
    flags: set[str] = set()
    for name in data.flags:
        raw = _text(params, name)
        if raw is None or raw.lower() in FALSE_WORDS:
            continue
        if raw.lower() in TRUE_WORDS:
            flags.add(name)
        else:
            errors[name] = f"Must be true or false (got '{raw}')."
    portfolio = _amount(params, "portfolio_arr", errors, "US dollars, such as 5000000")
    if portfolio is not None and (message := _portfolio_error(portfolio, data)):
        errors["portfolio_arr"] = message
        portfolio = None
    years = _amount(params, "years", errors, "a number of years, such as 6")
    if years is not None and (message := _years_error(years, data)):
        errors["years"] = message
        years = None
    profile = SalaryProfile(
        level=level or "",
        industry=choice_values["industry"],
        company_size=choice_values["company_size"],
        metro=choice_values["metro"],
        work_mode=choice_values["work_mode"],
        portfolio_arr=portfolio,
        years=years,
        flags=frozenset(flags),
    )
    try:
        validate_profile(profile, data)
    except FieldErrors as exc:
        for name, message in exc.fields.items():
            errors.setdefault(name, message)
    if errors:
        raise FieldErrors(errors)
    return profile


# --------------------------------------------------------------------------- estimating


@functools.lru_cache(maxsize=64)
def _cash_shape(
    sigma_below: float, sigma_above: float, shares: tuple[float, ...]
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Variable pay and total cash at p10..p90, per dollar of median base.

    Base and the variable share are taken independent; both are read on a grid of
    midpoint quantiles (the share's quantile function is linear between its percentiles,
    none below p10 and running on past p90 at the p75-p90 slope).
    """
    base = Distribution(1.0, sigma_below, sigma_above)
    knots = ((0.0, 0.0), *zip((0.1, 0.25, 0.5, 0.75, 0.9), shares, strict=True))
    slope = (shares[4] - shares[3]) / 0.15
    knots = (*knots, (1.0, shares[4] + slope * 0.1))

    def share_at(q: float) -> float:
        for (q1, s1), (q2, s2) in itertools.pairwise(knots):
            if q1 <= q <= q2:
                return s1 + (s2 - s1) * (q - q1) / (q2 - q1)
        return knots[-1][1]

    qs = [(i + 0.5) / _GRID for i in range(_GRID)]
    bases = [base.quantile(q * 100) for q in qs]
    share_values = [share_at(q) for q in qs]
    variable = sorted(b * s for b in bases for s in share_values)
    total = sorted(b * (1 + s) for b in bases for s in share_values)

    def pick(values: list[float]) -> tuple[float, ...]:
        n = len(values)
        return tuple(values[min(n - 1, int(p / 100 * n))] for p in PERCENTILES)

    var = pick(variable)
    # The low end of variable pay is none: many roles pay none, and none is guaranteed.
    return (0.0, *var[1:]), pick(total)


def _range(values: Sequence[float], method: Method) -> Range:
    r = [method.round(v) for v in values]
    return Range(low=r[0], typical=r[2], high=r[4], p25=r[1], p75=r[3])


def _dist_range(dist: Distribution, method: Method) -> Range:
    return _range([dist.at(Z[p]) for p in PERCENTILES], method)


def estimate_salary(profile: SalaryProfile, data: CompensationData) -> Estimate:
    """Estimate base, variable and total cash pay for a profile, explaining every step."""
    validate_profile(profile, data)
    level = data.levels[profile.level]
    params = data.model
    band = level.band
    steps: list[Step] = list(level.steps)
    factors: list[Factor] = []
    skipped: list[SkippedFactor] = []
    notes: list[str] = []
    used_sources: list[str] = list(level.sources)
    running = band.median
    total_log = 0.0
    for rule in data.factors:
        moved = rule.multiplier_log(profile, level)
        if moved is None:
            continue
        if rule.field in level.encodes:
            skipped.append(_skip(rule, level))
            continue
        if moved == 0.0:
            continue
        before = running
        running *= math.exp(moved)
        total_log += moved
        pct = (math.exp(moved) - 1) * 100
        detail = _factor_detail(rule, profile, level, params)
        steps.append(Step("factor", rule.name, detail, pct, before, running, rule.sources))
        spread = [e.pct for e in rule.evidence] or [0.0]
        factors.append(
            Factor(
                name=rule.name,
                effect_pct=round(pct, 1),
                effect_usd=round(running - before),
                source=rule.sources[0] if rule.sources else "",
                note=detail,
                low_pct=round(min(spread), 1),
                high_pct=round(max(spread), 1),
                sources=rule.sources,
                evidence=rule.evidence,
                raw_pct=rule.raw_pct,
                weight_share=rule.weight / (rule.weight + params.prior_rows),
            )
        )
        used_sources.extend(rule.sources)
        if rule.published:
            notes.extend(
                f"Shown for comparison, not applied: {f.note}"
                for f in rule.published.figures
                if not f.apply
            )
    notes.extend(_unmatched_notes(profile, data))
    capped = min(
        max(total_log, math.log1p(-params.cap_down_pct / 100)), math.log1p(params.cap_up_pct / 100)
    )
    if capped != total_log:
        before = running
        running = band.median * math.exp(capped)
        steps.append(
            Step(
                "cap",
                "Cap on the combined effect",
                f"The factors together may move pay at most {_signed(params.cap_up_pct)} or "
                f"{_signed(-params.cap_down_pct)}; evidence for larger combined moves is too "
                "thin, because effects measured one at a time overlap.",
                (running / before - 1) * 100,
                before,
                running,
            )
        )
    experience = data.experience.figures[0]
    skipped.append(SkippedFactor(data.experience.name, experience.source, experience.note))
    notes.extend(s.reason for s in skipped)

    method = data.method
    dist = band.scaled(running / band.median)
    group = data.variable_groups[level.group]
    variable_shape, total_shape = _cash_shape(dist.sigma_below, dist.sigma_above, group.shares)
    base = _dist_range(dist, method)
    variable = _range([dist.median * v for v in variable_shape], method)
    total = _range([dist.median * v for v in total_shape], method)
    used_sources.append(group.source)
    used_sources.append(params.spread_source)
    above = _above_sources(level, base, data)
    confidence = _confidence(level, factors, capped != total_log, data)
    level_notes = [level.thin_note] if level.thin_note else []
    level_notes.extend(_conflicts(level, data))
    level_notes.append(level.variable.note)
    sources = _unique(used_sources)
    return Estimate(
        profile=profile,
        level_title=level.title,
        base=base,
        variable=variable,
        total_cash=total,
        level_band=_dist_range(band, method),
        variable_share_pct=(0.0, round(group.shares[2] * 100, 1), round(group.shares[4] * 100, 1)),
        factors=tuple(factors),
        skipped=tuple(skipped),
        sources=sources,
        notes=_unique(level_notes + notes + ([above] if above else [])),
        by_source=level.figures,
        steps=tuple(steps),
        confidence=confidence,
        priced_from=data.levels[level.priced_from].title if level.priced_from else "",
        above_sources=above,
        distribution=dist,
        total_z=tuple(
            (Z[p], dist.median * v) for p, v in zip(PERCENTILES, total_shape, strict=True)
        ),
        flag_names=tuple(data.flags),
        citations=MappingProxyType(
            {s: data.sources[s].citation for s in sources if s in data.sources}
        ),
    )


def _factor_detail(
    rule: FactorRule, profile: SalaryProfile, level: Level, params: ModelParams
) -> str:
    parts = []
    for e in rule.evidence:
        if e.kind == "survey":
            parts.append(f"survey {_signed(e.pct)} on {e.weight:g} rows")
        else:
            parts.append(f"published {_signed(e.pct)} (counted as {e.weight:g} rows)")
    share = rule.weight / (rule.weight + params.prior_rows)
    text = (
        f"Evidence: {'; '.join(parts)}. Combined {_signed(rule.raw_pct)}, "
        f"shrunk to {share:.0%} of it for {rule.weight:g} rows of evidence."
    )
    if rule.per_doubling:
        text += (
            f" {_signed(rule.effect_pct)} for each doubling of years against the level's "
            f"usual {level.reference_years:g} (at most {rule.clip:g} times more or fewer)."
        )
    if rule.note:
        text += " " + rule.note
    return text


def _unmatched_notes(profile: SalaryProfile, data: CompensationData) -> list[str]:
    """What the sources say about each choice the model has no factor for."""
    notes: list[str] = []
    matched = {(r.field, r.value) for r in data.factors}
    for name in CHOICE_FIELDS:
        value = getattr(profile, name)
        effect = data.published.get(f"{name}.{value}")
        if effect is None:
            continue
        if (name, value) not in matched:
            if effect.none_note:
                notes.append(effect.none_note)
            notes.extend(
                f"Shown for comparison, not applied: {f.note}"
                for f in effect.figures
                if not f.apply
            )
        elif effect.variable_high is not None and effect.none_note:
            notes.append(effect.none_note)
    if profile.portfolio_arr is not None:
        rule = next((r for r in data.factors if r.field == "portfolio_arr"), None)
        if rule and rule.at_least is not None and profile.portfolio_arr < rule.at_least:
            notes.append(data.portfolio_below_note)
    return notes


def _above_sources(level: Level, base: Range, data: CompensationData) -> str:
    """Say so when the median passes the top of every published figure for the level (a
    p90 above them is expected: articles describe typical pay, not its top tenth)."""
    if not level.figures:
        return ""
    top = max(level.figures, key=lambda f: f.top)
    who = data.sources[top.source].publisher if top.source in data.sources else top.source
    if base.typical > top.top:
        return (
            f"The typical base, {_dollars(base.typical)}, is above the top of every published "
            f"figure for this level (the highest is {_dollars(top.top)}, {who}): the factors "
            "of this profile take it past what the sources describe, so read it with care."
        )
    return ""


def _confidence(
    level: Level, factors: Sequence[Factor], capped: bool, data: CompensationData
) -> Confidence:
    reasons: list[str] = []
    score = 2
    if level.pricing != "direct":
        score = 0
        reasons.append(
            f"No evidence of its own: priced from {data.levels[level.priced_from].title}."
        )
    elif level.survey_rows < 15:
        score = min(score, 1)
        reasons.append(
            f"Only {level.survey_rows} survey rows at this level besides the official and "
            "published figures."
        )
    else:
        reasons.append(
            f"{level.survey_rows} survey rows besides the official and published figures."
        )
    thin = [f.name for f in factors if f.weight_share < 0.5]
    if thin:
        score -= 1
        reasons.append("Thin evidence for: " + ", ".join(thin) + ".")
    if capped:
        score = 0
        reasons.append("The factors together hit the cap on the combined effect.")
    label = ("low", "medium", "high")[max(score, 0)]
    return Confidence(label, data.model.confidence[label], tuple(reasons))


def level_table(
    data: CompensationData,
    industry: str | None = None,
    company_size: str | None = None,
    metro: str | None = None,
) -> list[LevelRow]:
    """Every level's base and total cash range for one industry, company size and metro."""
    rows: list[LevelRow] = []
    for level in sorted(data.levels.values(), key=lambda lv: lv.rank):
        estimate = estimate_salary(
            SalaryProfile(
                level=level.slug,
                industry=industry or data.defaults["industry"],
                company_size=company_size or data.defaults["company_size"],
                metro=metro or data.defaults["metro"],
                work_mode=data.defaults["work_mode"],
            ),
            data,
        )
        rows.append(
            LevelRow(
                slug=level.slug,
                title=level.title,
                rank=level.rank,
                base=estimate.base,
                total_cash=estimate.total_cash,
                thin=level.thin,
                priced_from=estimate.priced_from,
            )
        )
    return rows


def _skip(rule: FactorRule, level: Level) -> SkippedFactor:
    return SkippedFactor(
        name=rule.name,
        source=rule.sources[0] if rule.sources else "",
        reason=(
            f"{rule.name} is not applied: the {level.title} level already encodes it, "
            "so applying it again would count it twice."
        ),
    )


def _conflicts(level: Level, data: CompensationData) -> list[str]:
    """Say so when two sources' ranges for the level do not even overlap."""
    ranges = [f for f in level.figures if f.kind == "range"]
    if len(ranges) < 2:
        return []
    lowest_top = min(ranges, key=lambda f: _req(f.high))
    highest_floor = max(ranges, key=lambda f: _req(f.low))
    if _req(lowest_top.high) >= _req(highest_floor.low):
        return []

    def cite(f: Figure) -> str:
        who = data.sources[f.source].publisher if f.source in data.sources else f.source
        return f"{who} gives {_dollars(_req(f.low))}-{_dollars(_req(f.high))} ({f.label})"

    return [
        f"Sources disagree: {cite(lowest_top)}, while {cite(highest_floor)}. Both are kept; "
        "the anchor takes the median of all published figures."
    ]


# --------------------------------------------------------------------------- offer check


@dataclass(frozen=True)
class OfferPosition:
    """Where an amount falls in a distribution: its percentile and the words for it."""

    amount: int
    percentile: float
    words: str

    def to_dict(self) -> dict[str, Any]:
        """The position as plain data."""
        return {"amount": self.amount, "percentile": self.percentile, "words": self.words}


@dataclass(frozen=True)
class OfferCheck:
    """Where an offer falls in the estimate for its profile, and the room to negotiate."""

    estimate: Estimate
    base: OfferPosition
    total_cash: OfferPosition | None
    offer_variable: int | None
    room: str
    to_median: int
    to_p75: int

    def to_dict(self) -> dict[str, Any]:
        """The check as the JSON API returns it."""
        est = self.estimate
        return {
            "profile": est.profile.to_dict(est.flag_names),
            "level": {"slug": est.profile.level, "title": est.level_title},
            "offer": {
                "base": self.base.amount,
                "variable": self.offer_variable,
                "total_cash": self.total_cash.amount if self.total_cash else None,
            },
            "base": self.base.to_dict(),
            "total_cash": self.total_cash.to_dict() if self.total_cash else None,
            "negotiating_room": {
                "words": self.room,
                "to_median": self.to_median,
                "to_p75": self.to_p75,
            },
            "estimate": {
                "base": est.base.to_dict(),
                "total_cash": est.total_cash.to_dict(),
                "confidence": est.confidence.to_dict(),
            },
            "notes": list(est.notes),
            "sources": list(est.sources),
        }


def parse_offer(
    params: Mapping[str, Any], data: CompensationData
) -> tuple[SalaryProfile, float, float | None]:
    """The profile, the offered base and the offered variable pay, or FieldErrors for all."""
    errors: dict[str, str] = {}
    try:
        profile: SalaryProfile | None = parse_profile(params, data)
    except FieldErrors as exc:
        errors.update(exc.fields)
        profile = None
    amounts: dict[str, float | None] = {}
    for name, required in (("offer_base", True), ("offer_variable", False)):
        value = _amount(params, name, errors, "US dollars a year, such as 72000")
        if value is None and name not in errors and required:
            errors[name] = "Required: the yearly base salary you were offered, in US dollars."
        elif value is not None:
            if not math.isfinite(value) or value < 0:
                errors[name] = "Must be a positive number of US dollars a year."
            elif name == "offer_base" and value < 1_000:
                errors[name] = (
                    f"{_dollars(value)} is less than a year's pay; enter the yearly base salary "
                    "in US dollars (for $72,000, 72000)."
                )
            elif value > 10_000_000:
                errors[name] = f"{_dollars(value)} is above the $10,000,000 limit."
        amounts[name] = value
    if errors or profile is None:
        raise FieldErrors(errors)
    offer_base = amounts["offer_base"]
    assert offer_base is not None
    return profile, offer_base, amounts["offer_variable"]


def _percentile_words(pct: float) -> str:
    if pct < 10:
        return "below about 9 in 10 people in this profile: under the range's low end"
    if pct < 25:
        return "in the bottom quarter: most people in this profile are paid more"
    if pct < 45:
        return "below the middle: more than half of people in this profile are paid more"
    if pct <= 55:
        return "about in the middle: half are paid more, half less"
    if pct <= 75:
        return "above the middle: more than half of people in this profile are paid less"
    if pct <= 90:
        return "in the top quarter: most people in this profile are paid less"
    return "above about 9 in 10 people in this profile: over the range's high end"


def _position(amount: float, knots: Sequence[tuple[float, float]]) -> float:
    """The percentile of ``amount`` given (z, dollars) knots, interpolated in log dollars."""
    x = math.log(amount)
    pts = [(z, math.log(v)) for z, v in knots]
    if x <= pts[0][1]:
        (z1, v1), (z2, v2) = pts[0], pts[1]
    elif x >= pts[-1][1]:
        (z1, v1), (z2, v2) = pts[-2], pts[-1]
    else:
        (z1, v1), (z2, v2) = next((a, b) for a, b in itertools.pairwise(pts) if a[1] <= x <= b[1])
    z = z1 + (x - v1) * (z2 - z1) / (v2 - v1) if v2 != v1 else z1
    return round(min(99.0, max(1.0, _NORMAL.cdf(z) * 100)), 1)


def check_offer(
    profile: SalaryProfile,
    offer_base: float,
    data: CompensationData,
    offer_variable: float | None = None,
) -> OfferCheck:
    """Where an offer falls in its profile's distribution, and what room the evidence gives."""
    est = estimate_salary(profile, data)
    dist = est.distribution
    base_pct = round(min(99.0, max(1.0, _NORMAL.cdf(dist.z_of(offer_base)) * 100)), 1)
    base = OfferPosition(round(offer_base), base_pct, _percentile_words(base_pct))
    total: OfferPosition | None = None
    if offer_variable is not None:
        amount = offer_base + offer_variable
        pct = _position(amount, est.total_z)
        total = OfferPosition(round(amount), pct, _percentile_words(pct))
    to_median = max(0, est.base.typical - round(offer_base))
    to_p75 = max(0, est.base.p75 - round(offer_base))
    if base_pct < 25:
        room = (
            f"Strong case to ask for more: the median for this profile is "
            f"{_dollars(est.base.typical)}, {_dollars(to_median)} above the offer, and a "
            f"quarter of people are paid {_dollars(est.base.p75)} or more."
        )
    elif base_pct < 50:
        room = (
            f"Room to ask: the median is {_dollars(to_median)} above the offer; asking for up "
            f"to {_dollars(est.base.p75)} (the 75th percentile) is within what many people "
            "in this profile are paid."
        )
    elif base_pct < 75:
        room = (
            f"A fair offer, above the median. Up to {_dollars(est.base.p75)} (the 75th "
            "percentile) is still common for this profile; beyond it the evidence thins."
        )
    else:
        room = (
            "Already high for this profile: the evidence leaves little room on base. "
            "Variable pay, title, start date or benefits may be easier to move."
        )
    if est.confidence.label == "low":
        room += " The evidence for this profile is thin, so read the percentile as rough."
    return OfferCheck(
        estimate=est,
        base=base,
        total_cash=total,
        offer_variable=None if offer_variable is None else round(offer_variable),
        room=room,
        to_median=to_median,
        to_p75=to_p75,
    )


# --------------------------------------------------------------------------- helpers


def _req(value: float | None) -> float:
    if value is None:  # pragma: no cover - guarded by the loader
        raise ValueError("missing figure")
    return value


def _as_int(value: float | None) -> int | None:
    return None if value is None else round(value)


def _dollars(value: float) -> str:
    return f"${value:,.0f}"


def _signed(pct: float) -> str:
    sign = "+" if pct >= 0 else MINUS
    return f"{sign}{abs(pct):.1f}%".replace(".0%", "%")


def _ordinal(n: float) -> str:
    k = round(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))
