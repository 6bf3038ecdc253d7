"""Salary ranges by level and an estimator that explains every factor and its source.

All figures come from content/compensation.yaml; this module only combines them, by the
method that file states (and the methodology page shows).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from types import MappingProxyType
from typing import Any

from scoring.errors import FieldErrors
from scoring.models import compensation as m
from scoring.models.base import ContentError, FieldProblem, load_file
from scoring.sources import Source

__all__ = [
    "CompensationData",
    "Effect",
    "EffectFigure",
    "Estimate",
    "Factor",
    "Figure",
    "Level",
    "LevelRow",
    "Range",
    "SalaryProfile",
    "SkippedFactor",
    "estimate_salary",
    "level_table",
    "load_compensation",
    "parse_profile",
    "validate_profile",
]

COMPENSATION_FILE = "compensation.yaml"
TRUE_WORDS = frozenset({"true", "1", "yes", "y", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "n", "off"})


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Range:
    """Low, typical and high US dollars a year."""

    low: int
    typical: int
    high: int

    def to_dict(self) -> dict[str, int]:
        """The range as the API contract spells it."""
        return {"low": self.low, "typical": self.typical, "high": self.high}


@dataclass(frozen=True)
class Band:
    """An unrounded low / typical / high, as computed before rounding."""

    low: float
    typical: float
    high: float


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
    """Variable pay as a percentage of base for one level."""

    low: float
    high: float
    source: str
    note: str

    @property
    def typical(self) -> float:
        """The midpoint of the published share range."""
        return (self.low + self.high) / 2


@dataclass(frozen=True)
class Level:
    """A role level with its evidence and its combined base band."""

    slug: str
    title: str
    rank: int
    pricing: str
    figures: tuple[Figure, ...]
    priced_from: tuple[str, ...]
    premium: str | None
    encodes: frozenset[str]
    thin_note: str
    variable: VariableShare
    band: Band

    @property
    def thin(self) -> bool:
        """Whether the level's evidence is thin (no figure of its own, or only one)."""
        return bool(self.thin_note)


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
    """A factor that moves pay, with the published figures behind it."""

    key: str
    name: str
    figures: tuple[EffectFigure, ...]
    none_note: str = ""
    variable_high: float | None = None
    variable_source: str = ""

    @property
    def applied(self) -> tuple[EffectFigure, ...]:
        """The figures the estimator uses."""
        return tuple(f for f in self.figures if f.apply)

    @property
    def has_effect(self) -> bool:
        """Whether any figure moves base pay."""
        return bool(self.applied)

    @property
    def low_pct(self) -> float:
        """The lowest published low of the applied figures."""
        return min(_req(f.low_pct) for f in self.applied)

    @property
    def high_pct(self) -> float:
        """The highest published high of the applied figures."""
        return max(_req(f.high_pct) for f in self.applied)

    @property
    def typical_pct(self) -> float:
        """The median of the applied figures' midpoints."""
        return float(median((_req(f.low_pct) + _req(f.high_pct)) / 2 for f in self.applied))

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the applied figures' sources, in file order, once each."""
        return _unique(f.source for f in self.applied)


@dataclass(frozen=True)
class SourceNote:
    """A sentence of published fact (sector note, benefit, variable pay) with its source."""

    source: str
    text: str


@dataclass(frozen=True)
class Method:
    """The parameters and text of the combination method."""

    min_half_width_pct: float
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
class CompensationData:
    """Everything in compensation.yaml, validated and combined into level bands."""

    levels: Mapping[str, Level]
    industries: Mapping[str, str]
    company_sizes: Mapping[str, str]
    metros: Mapping[str, str]
    work_modes: Mapping[str, str]
    defaults: Mapping[str, str]
    portfolio_arr_max: float
    industry_effects: Mapping[str, Effect]
    company_size_effects: Mapping[str, Effect]
    metro_effects: Mapping[str, Effect]
    work_mode_effects: Mapping[str, Effect]
    portfolio: Effect
    portfolio_threshold: float
    portfolio_below_note: str
    key_accounts: Effect
    certification: Effect
    mba: Effect
    experience: Effect
    profession_wide: tuple[Figure, ...]
    variable_pay: tuple[SourceNote, ...]
    sector_notes: tuple[SourceNote, ...]
    benefits: tuple[SourceNote, ...]
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
    """Who is being priced: the profile of the API contract."""

    level: str
    industry: str = "other"
    company_size: str = "mid"
    metro: str = "national"
    work_mode: str = "onsite"
    portfolio_arr: float | None = None
    key_accounts: bool = False
    certification: bool = False
    mba: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The profile as plain data."""
        return {
            "level": self.level,
            "industry": self.industry,
            "company_size": self.company_size,
            "metro": self.metro,
            "work_mode": self.work_mode,
            "portfolio_arr": self.portfolio_arr,
            "key_accounts": self.key_accounts,
            "certification": self.certification,
            "mba": self.mba,
        }


@dataclass(frozen=True)
class Factor:
    """One factor applied to the estimate: its typical effect and where it comes from."""

    name: str
    effect_pct: float
    effect_usd: int
    source: str
    note: str = ""
    low_pct: float = 0.0
    high_pct: float = 0.0
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The factor as the API contract spells it, plus its range and note."""
        return {
            "name": self.name,
            "effect_pct": self.effect_pct,
            "effect_usd": self.effect_usd,
            "source": self.source,
            "sources": list(self.sources or (self.source,)),
            "low_pct": self.low_pct,
            "high_pct": self.high_pct,
            "note": self.note,
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
class Estimate:
    """Base, variable and total cash pay with every factor, source and caveat."""

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
            "profile": self.profile.to_dict(),
            "level": {"slug": self.profile.level, "title": self.level_title},
            "level_band": self.level_band.to_dict(),
            "variable_share_pct": {"low": low, "typical": typical, "high": high},
            "skipped_factors": [s.to_dict() for s in self.skipped],
            "by_source": [f.to_dict() for f in self.by_source],
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
    """Read content/compensation.yaml, validate it and combine each level's evidence.

    ``levels`` (the role slugs) are the levels the file must price, no more and no fewer.
    """
    path = root / COMPENSATION_FILE
    context: dict[str, Any] = {"sources": sources}
    if levels is not None:
        context["levels"] = tuple(levels)
    doc = load_file(m.CompensationFile, path, context)
    choices = doc.choices
    method = Method(**doc.method.model_dump(exclude={"worked_example"}))
    effects = doc.effects
    portfolio = _effect(effects.portfolio_arr, "portfolio_arr")
    key_accounts = _effect(effects.key_accounts, "key_accounts")
    row = effects.experience
    experience = Effect(
        key="experience",
        name=row.name,
        figures=(EffectFigure(row.source, row.low_pct, row.high_pct, False, row.note),),
    )
    premiums = {"key_accounts": key_accounts, "portfolio_arr": portfolio}
    try:
        priced = _levels(doc.levels, premiums, method)
    except FieldProblem as exc:
        raise ContentError(path, exc.field, exc.problem) from None
    return CompensationData(
        levels=priced,
        industries=MappingProxyType(dict(choices.industries)),
        company_sizes=MappingProxyType(dict(choices.company_sizes)),
        metros=MappingProxyType(dict(choices.metros)),
        work_modes=MappingProxyType(dict(choices.work_modes)),
        defaults=MappingProxyType(choices.defaults.model_dump()),
        portfolio_arr_max=choices.portfolio_arr_max,
        industry_effects=_effect_group(effects.industry),
        company_size_effects=_company_sizes(effects.company_size, effects.company_size_gap),
        metro_effects=_effect_group(effects.metro),
        work_mode_effects=_effect_group(effects.work_mode),
        portfolio=portfolio,
        portfolio_threshold=effects.portfolio_arr.threshold,
        portfolio_below_note=effects.portfolio_arr.below_note,
        key_accounts=key_accounts,
        certification=_effect(effects.certification, "certification"),
        mba=_effect(effects.mba, "mba"),
        experience=experience,
        profession_wide=tuple(_figure(f) for f in doc.profession_wide),
        variable_pay=tuple(SourceNote(n.source, n.text) for n in doc.variable_pay),
        sector_notes=tuple(SourceNote(n.source, n.text) for n in doc.sector_notes),
        benefits=tuple(SourceNote(n.source, n.text) for n in doc.benefits),
        method=method,
        worked_example=SalaryProfile(**doc.method.worked_example.model_dump()),
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


def _effect_group(entries: Mapping[str, m.Effect]) -> Mapping[str, Effect]:
    return MappingProxyType({key: _effect(item, key) for key, item in entries.items()})


def _company_sizes(
    entries: Mapping[str, m.CompanySize], gap: m.CompanySizeGap
) -> Mapping[str, Effect]:
    # Split the large-vs-small gap evenly in ratio terms around the mid-sized baseline.
    half = math.sqrt(1 + gap.gap_pct / 100)
    side_pct = {"high": (half - 1) * 100, "low": (1 / half - 1) * 100}
    out: dict[str, Effect] = {}
    for key, item in entries.items():
        figures: tuple[EffectFigure, ...] = ()
        if item.side != "none":
            pct = round(side_pct[item.side], 1)
            figures = (EffectFigure(gap.source, pct, pct, True, gap.note),)
        out[key] = Effect(key=key, name=item.name, figures=figures)
    return MappingProxyType(out)


def _band(figures: Iterable[Figure], method: Method, where: str) -> Band:
    figures = list(figures)
    mids = [mid for mid in (f.midpoint for f in figures) if mid is not None]
    if not mids:
        raise FieldProblem(where, "needs at least one range or average to price the level")
    typical = float(median(mids))
    lows = [_req(f.low) for f in figures if f.kind in ("range", "floor")]
    highs = [_req(f.high) for f in figures if f.kind == "range"]
    low = float(median(lows)) if lows else typical
    high = float(median(highs)) if highs else typical
    width = method.min_half_width_pct / 100
    return Band(
        low=min(low, typical * (1 - width)),
        typical=typical,
        high=max(high, typical * (1 + width)),
    )


def _levels(
    evidence: Mapping[str, m.LevelEvidence],
    premiums: Mapping[str, Effect],
    method: Method,
) -> Mapping[str, Level]:
    direct = {
        slug: tuple(_figure(x) for x in item.figures)
        for slug, item in evidence.items()
        if item.pricing == "direct"
    }
    out: dict[str, Level] = {}
    for slug, item in evidence.items():
        if item.pricing == "direct":
            figures = direct[slug]
            band = _band(figures, method, f"levels.{slug}.figures")
        else:
            figures = _unique_figures(fig for other in item.priced_from for fig in direct[other])
            band = _band(figures, method, f"levels.{slug}.priced_from")
            if item.premium is not None:
                effect = premiums[item.premium]
                band = Band(
                    low=band.low * (1 + effect.low_pct / 100),
                    typical=band.typical * (1 + effect.typical_pct / 100),
                    high=band.high * (1 + effect.high_pct / 100),
                )
        share = item.variable
        out[slug] = Level(
            slug=slug,
            title=item.title,
            rank=item.rank,
            pricing=item.pricing,
            figures=figures,
            priced_from=item.priced_from,
            premium=item.premium,
            encodes=frozenset(item.encodes),
            thin_note=item.thin_note,
            variable=VariableShare(share.low, share.high, share.source, share.note),
            band=band,
        )
    return MappingProxyType(out)


# --------------------------------------------------------------------------- profiles


def validate_profile(profile: SalaryProfile, data: CompensationData) -> None:
    """Raise FieldErrors naming every bad field (unknown values list the allowed ones)."""
    errors: dict[str, str] = {}
    for name in ("level", "industry", "company_size", "metro", "work_mode"):
        value = getattr(profile, name)
        allowed = data.choices(name)
        if not isinstance(value, str) or value not in allowed:
            errors[name] = f"Unknown value '{value}'. Allowed values: {', '.join(allowed)}."
    arr_error = _portfolio_error(profile.portfolio_arr, data)
    if arr_error:
        errors["portfolio_arr"] = arr_error
    for name in ("key_accounts", "certification", "mba"):
        if not isinstance(getattr(profile, name), bool):
            errors[name] = "Must be true or false."
    if errors:
        raise FieldErrors(errors)


def _portfolio_error(value: object, data: CompensationData) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return "Must be a number of US dollars, such as 5000000."
    if value < 0:
        return "Cannot be negative: enter the annual recurring revenue you manage, in US dollars."
    if value > data.portfolio_arr_max:
        return (
            f"{_dollars(value)} is above the {_dollars(data.portfolio_arr_max)} limit; "
            "enter the annual recurring revenue in US dollars (for $5 million, 5000000)."
        )
    return ""


def parse_profile(params: Mapping[str, Any], data: CompensationData) -> SalaryProfile:
    """Build a profile from query-string style values, raising FieldErrors for bad ones."""
    errors: dict[str, str] = {}

    def text(name: str) -> str | None:
        value = params.get(name)
        if value is None:
            return None
        value = str(value).strip()
        return value or None

    level = text("level")
    if level is None:
        errors["level"] = f"Required. Allowed values: {', '.join(data.levels)}."
    choice_values: dict[str, str] = {}
    for name in ("industry", "company_size", "metro", "work_mode"):
        choice_values[name] = text(name) or data.defaults[name]
    flags: dict[str, bool] = {}
    for name in ("key_accounts", "certification", "mba"):
        raw = text(name)
        if raw is None or raw.lower() in FALSE_WORDS:
            flags[name] = False
        elif raw.lower() in TRUE_WORDS:
            flags[name] = True
        else:
            errors[name] = f"Must be true or false (got '{raw}')."
            flags[name] = False
    portfolio: float | None = None
    raw_arr = text("portfolio_arr")
    if raw_arr is not None:
        cleaned = raw_arr.replace(",", "").replace("_", "").removeprefix("$").strip()
        try:
            portfolio = float(cleaned)
        except ValueError:
            errors["portfolio_arr"] = (
                f"'{raw_arr}' is not a number: enter US dollars, such as 5000000."
            )
        else:
            message = _portfolio_error(portfolio, data)
            if message:
                errors["portfolio_arr"] = message
                portfolio = None
    profile = SalaryProfile(
        level=level or "",
        industry=choice_values["industry"],
        company_size=choice_values["company_size"],
        metro=choice_values["metro"],
        work_mode=choice_values["work_mode"],
        portfolio_arr=portfolio,
        key_accounts=flags["key_accounts"],
        certification=flags["certification"],
        mba=flags["mba"],
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


def estimate_salary(profile: SalaryProfile, data: CompensationData) -> Estimate:
    """Estimate base, variable and total cash pay for a profile, explaining every factor."""
    validate_profile(profile, data)
    level = data.levels[profile.level]
    band = level.band
    low, typical, high = band.low, band.typical, band.high
    factors: list[Factor] = []
    skipped: list[SkippedFactor] = []
    notes: list[str] = []
    used_sources: list[str] = [f.source for f in level.figures]
    if level.premium:
        used_sources.extend(_premium_effect(level, data).sources)

    def apply(effect: Effect) -> None:
        nonlocal low, typical, high
        if not effect.has_effect:
            if effect.none_note:
                notes.append(effect.none_note)
            return
        mid = effect.typical_pct
        effect_usd = typical * mid / 100
        typical *= 1 + mid / 100
        low *= 1 + effect.low_pct / 100
        high *= 1 + effect.high_pct / 100
        factors.append(
            Factor(
                name=effect.name,
                effect_pct=round(mid, 1),
                effect_usd=round(effect_usd),
                source=effect.sources[0],
                note=" ".join(f.note for f in effect.applied),
                low_pct=round(effect.low_pct, 1),
                high_pct=round(effect.high_pct, 1),
                sources=effect.sources,
            )
        )
        used_sources.extend(effect.sources)
        notes.extend(
            f"Shown for comparison, not applied: {f.note}" for f in effect.figures if not f.apply
        )

    industry = data.industry_effects[profile.industry]
    apply(industry)
    apply(data.company_size_effects[profile.company_size])
    apply(data.metro_effects[profile.metro])
    apply(data.work_mode_effects[profile.work_mode])

    if profile.portfolio_arr is not None:
        if profile.portfolio_arr < data.portfolio_threshold:
            notes.append(data.portfolio_below_note)
        elif "portfolio_arr" in level.encodes:
            skipped.append(_skip(data.portfolio, level))
        else:
            apply(data.portfolio)
    if profile.key_accounts:
        if "key_accounts" in level.encodes:
            skipped.append(_skip(data.key_accounts, level))
        else:
            apply(data.key_accounts)
    if profile.certification:
        apply(data.certification)
    if profile.mba:
        apply(data.mba)

    experience = data.experience.figures[0]
    skipped.append(SkippedFactor(data.experience.name, experience.source, experience.note))
    notes.extend(s.reason for s in skipped)

    share_low, share_high = level.variable.low, level.variable.high
    share_typical = level.variable.typical
    used_sources.append(level.variable.source)
    if industry.variable_high is not None and industry.variable_high > share_high:
        share_high = industry.variable_high
        used_sources.append(industry.variable_source)

    method = data.method
    base = Range(method.round(low), method.round(typical), method.round(high))
    variable = Range(
        method.round(low * share_low / 100),
        method.round(typical * share_typical / 100),
        method.round(high * share_high / 100),
    )
    # Low base and a small variable share often go together, but the top of both rarely
    # does: the high end moves one of them to its extreme and keeps the other typical.
    total = Range(
        base.low + variable.low,
        base.typical + variable.typical,
        method.round(max(high * (1 + share_typical / 100), typical * (1 + share_high / 100))),
    )
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
        level_band=Range(
            method.round(band.low), method.round(band.typical), method.round(band.high)
        ),
        variable_share_pct=(share_low, share_typical, share_high),
        factors=tuple(factors),
        skipped=tuple(skipped),
        sources=sources,
        notes=_unique(level_notes + notes),
        by_source=level.figures,
        citations=MappingProxyType(
            {s: data.sources[s].citation for s in sources if s in data.sources}
        ),
    )


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
            )
        )
    return rows


def _premium_effect(level: Level, data: CompensationData) -> Effect:
    return {"key_accounts": data.key_accounts, "portfolio_arr": data.portfolio}[level.premium or ""]


def _skip(effect: Effect, level: Level) -> SkippedFactor:
    return SkippedFactor(
        name=effect.name,
        source=effect.sources[0] if effect.sources else "",
        reason=(
            f"{effect.name} is not applied: the {level.title} level already encodes it, "
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
        "the combined range takes the median of all published figures."
    ]


# --------------------------------------------------------------------------- helpers


def _req(value: float | None) -> float:
    if value is None:  # pragma: no cover - guarded by the loader
        raise ValueError("missing figure")
    return value


def _as_int(value: float | None) -> int | None:
    return None if value is None else round(value)


def _dollars(value: float) -> str:
    return f"${value:,.0f}"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _unique_figures(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(dict.fromkeys(figures))
