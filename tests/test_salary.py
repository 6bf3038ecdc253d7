"""Unit tests of the salary estimator: calibration, factors, no double counting, reconciliation."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.content import ContentError
from scoring.errors import FieldErrors
from scoring.roles import ROLE_SLUGS
from scoring.salary import (
    CompensationData,
    Estimate,
    SalaryProfile,
    estimate_salary,
    level_table,
    load_compensation,
    parse_profile,
)
from scoring.sources import load_sources

CONTENT = Path(__file__).resolve().parent.parent / "content"
KEY_LEVELS = [
    "key-account-manager",
    "enterprise-account-manager",
    "strategic-account-manager",
    "global-account-manager",
    "account-director",
    "vp-client-services",
]
# The design's twelve slugs; tests/test_roles.py checks the list itself.
ALL_SLUGS = list(ROLE_SLUGS)


@pytest.fixture(scope="module")
def data() -> CompensationData:
    return load_compensation(CONTENT, load_sources(CONTENT))


def estimate(data: CompensationData, level: str = "account-manager", **kw: Any) -> Estimate:
    return estimate_salary(SalaryProfile(level=level, **kw), data)


def factor_names(est: Estimate) -> list[str]:
    return [f.name for f in est.factors]


# ---------------------------------------------------------------- levels and calibration


def test_every_role_slug_is_priced(data: CompensationData) -> None:
    assert list(data.levels) == ALL_SLUGS


@pytest.mark.parametrize(
    ("level", "lowest_typical", "highest_typical"),
    [
        # Public surveys put coordinators around $40k-$55k, account managers' base around
        # $60k-$80k, seniors $85k-$120k, key account managers around $100k, VPs six figures.
        ("account-coordinator", 40_000, 55_000),
        ("junior-account-manager", 42_000, 60_000),
        ("account-manager", 60_000, 80_000),
        ("senior-account-manager", 85_000, 120_000),
        ("key-account-manager", 90_000, 130_000),
        ("account-director", 110_000, 170_000),
        ("vp-client-services", 120_000, 200_000),
    ],
)
def test_national_typical_base_is_in_the_surveyed_area(
    data: CompensationData, level: str, lowest_typical: int, highest_typical: int
) -> None:
    est = estimate(data, level)
    assert lowest_typical <= est.base.typical <= highest_typical
    assert est.total_cash.typical > est.base.typical


def test_account_manager_range_covers_the_published_averages(data: CompensationData) -> None:
    est = estimate(data, "account-manager")
    for average in (58_000, 61_255, 68_535):  # Payscale, recruiter guide, Zippia
        assert est.base.low <= average <= est.base.high


def test_ranges_are_not_falsely_narrow(data: CompensationData) -> None:
    for slug in ALL_SLUGS:
        base = estimate(data, slug).base
        assert base.low <= base.typical * 0.86
        assert base.high >= base.typical * 1.14


def test_higher_level_never_has_a_lower_typical_pay(data: CompensationData) -> None:
    levels = list(data.levels.values())
    for lower in levels:
        for higher in levels:
            if lower.rank < higher.rank:
                a, b = estimate(data, lower.slug), estimate(data, higher.slug)
                assert a.base.typical <= b.base.typical, (lower.slug, higher.slug)
                assert a.total_cash.typical <= b.total_cash.typical, (lower.slug, higher.slug)


# ---------------------------------------------------------------- each factor


@pytest.mark.parametrize(
    ("field", "value", "name", "pct", "source"),
    [
        ("industry", "technology-saas", "Industry: technology / SaaS", 20.0, "interview-guys-2025"),
        ("industry", "financial-services", "Industry: financial services", 7.5, "cuevr-2025"),
        ("company_size", "large", "Company size: large enterprise", 6.8, "interview-guys-2025"),
        ("company_size", "small", "Company size: small", -6.3, "interview-guys-2025"),
        ("metro", "san-francisco", "Metro: San Francisco", 35.0, "interview-guys-2025"),
        ("metro", "new-york", "Metro: New York", 35.0, "interview-guys-2025"),
        ("metro", "chicago", "Metro: Chicago", 9.3, "cuevr-2025"),
        ("metro", "boston", "Metro: Boston", 20.5, "cuevr-2025"),
        ("metro", "atlanta", "Metro: Atlanta", 12.5, "cuevr-2025"),
        ("metro", "other-major-metro", "Metro: another major metro", 12.5, "cuevr-2025"),
        ("work_mode", "hybrid", "Work mode: hybrid", 6.5, "interview-guys-2025"),
        ("portfolio_arr", 5_000_000.0, "Portfolio of $5M+ ARR", 25.0, "interview-guys-2025"),
        ("key_accounts", True, "Key account responsibility", 20.0, "interview-guys-2025"),
        (
            "certification",
            True,
            "Certification (CSAM / strategic account management)",
            10.0,
            "interview-guys-2025",
        ),
        ("mba", True, "MBA", 14.0, "interview-guys-2025"),
    ],
)
def test_each_factor_is_listed_with_its_source_and_moves_pay(
    data: CompensationData, field: str, value: Any, name: str, pct: float, source: str
) -> None:
    baseline = estimate(data, "account-manager")
    est = estimate(data, "account-manager", **{field: value})
    [factor] = [f for f in est.factors if f.name == name]
    assert factor.effect_pct == pytest.approx(pct, abs=0.05)
    assert factor.source == source
    assert source in est.sources
    expected = baseline.level_band.typical * (1 + pct / 100)
    assert est.base.typical == pytest.approx(expected, abs=600)
    assert factor.effect_usd == pytest.approx(expected - baseline.level_band.typical, abs=600)


@pytest.mark.parametrize(
    ("field", "value", "note_start"),
    [
        ("work_mode", "remote", "No source gives a remote-work effect"),
        ("industry", "healthcare", "No source gives a healthcare effect"),
        ("portfolio_arr", 2_000_000.0, "The Interview Guys table gives a premium only for"),
    ],
)
def test_choices_without_evidence_apply_nothing_and_say_so(
    data: CompensationData, field: str, value: Any, note_start: str
) -> None:
    baseline = estimate(data, "account-manager")
    est = estimate(data, "account-manager", **{field: value})
    assert est.base == baseline.base
    assert est.factors == ()
    assert any(n.startswith(note_start) for n in est.notes)


def test_retail_raises_the_top_of_variable_pay_only(data: CompensationData) -> None:
    other = estimate(data, "account-manager")
    retail = estimate(data, "account-manager", industry="retail-distribution")
    assert retail.base == other.base
    assert retail.variable_share_pct[2] == 40
    assert retail.variable.high > other.variable.high
    assert retail.total_cash.high >= other.total_cash.high
    assert any("30% to 40%" in n for n in retail.notes)


def test_factors_multiply_and_widen_the_range(data: CompensationData) -> None:
    base = estimate(data, "account-manager")
    est = estimate(
        data, "account-manager", industry="technology-saas", metro="san-francisco", mba=True
    )
    expected = base.level_band.typical * 1.20 * 1.35 * 1.14
    assert est.base.typical == pytest.approx(expected, rel=0.01)
    spread_before = base.base.high / base.base.low
    spread_after = est.base.high / est.base.low
    assert spread_after > spread_before


def test_metro_cross_checks_are_shown_but_not_applied(data: CompensationData) -> None:
    est = estimate(data, "account-manager", metro="san-francisco")
    [factor] = est.factors
    assert factor.high_pct == 40  # the BLS all-occupations +48.9% is not used
    assert any("$46.86" in n and "not applied" in n for n in est.notes)


# ---------------------------------------------------------------- no double counting


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_experience_row_is_never_applied(data: CompensationData, slug: str) -> None:
    est = estimate(data, slug)
    assert "Experience (5+ years)" not in factor_names(est)
    assert [s.name for s in est.skipped] == ["Experience (5+ years)"]
    assert est.base == est.level_band


@pytest.mark.parametrize("slug", KEY_LEVELS)
def test_key_accounts_add_nothing_on_levels_that_encode_them(
    data: CompensationData, slug: str
) -> None:
    without = estimate(data, slug)
    with_flag = estimate(data, slug, key_accounts=True, portfolio_arr=20_000_000.0)
    assert with_flag.base == without.base
    assert with_flag.total_cash == without.total_cash
    skipped = {s.name for s in with_flag.skipped}
    assert {"Key account responsibility", "Portfolio of $5M+ ARR"} <= skipped
    assert any("count it twice" in n for n in with_flag.notes)


def test_enterprise_level_carries_the_key_account_premium_once(data: CompensationData) -> None:
    senior = estimate(data, "senior-account-manager")
    enterprise = estimate(data, "enterprise-account-manager")
    senior_with_flag = estimate(data, "senior-account-manager", key_accounts=True)
    assert enterprise.base.typical == pytest.approx(senior.base.typical * 1.20, abs=600)
    assert enterprise.base.typical == senior_with_flag.base.typical


def test_certification_uses_the_table_not_the_sector_average_claim(
    data: CompensationData,
) -> None:
    est = estimate(data, "senior-account-manager", certification=True)
    [factor] = est.factors
    assert factor.effect_pct == 10.0
    assert factor.high_pct == 12.0
    assert any("20% above the sector average" in n for n in est.notes)


# ---------------------------------------------------------------- reconciliation


def test_conflicting_entry_level_ranges_are_both_kept(data: CompensationData) -> None:
    est = estimate(data, "junior-account-manager")
    published = {(f.source, f.low, f.high) for f in est.by_source}
    assert ("cuevr-2025", 42_000, 50_000) in published
    assert ("interview-guys-2025", 52_000, 68_000) in published
    assert any(n.startswith("Sources disagree") for n in est.notes)
    # The combined range spans both sources' ranges rather than picking one.
    assert est.level_band.low < 50_000 < 52_000 < est.level_band.high
    assert 46_000 <= est.level_band.typical <= 60_000


def test_estimate_shows_every_source_figure_for_the_level(data: CompensationData) -> None:
    est = estimate(data, "account-manager")
    labels = {(f.source, f.kind, f.low) for f in est.by_source}
    assert ("recruiter-hiring-guide", "point", 61_255) in labels
    assert ("cuevr-2025", "range", 54_000) in labels
    assert ("careers-blog-guide", "range", 55_000) in labels
    assert set(est.citations) == set(est.sources)


@pytest.mark.parametrize(
    "slug",
    [
        "enterprise-account-manager",
        "strategic-account-manager",
        "global-account-manager",
        "technical-account-manager",
        "digital-account-manager",
    ],
)
def test_levels_without_own_figures_are_marked_thin(data: CompensationData, slug: str) -> None:
    est = estimate(data, slug)
    assert est.notes[0].startswith("No source publishes")
    assert est.by_source  # the borrowed evidence is still shown
    assert {row.slug: row.thin for row in level_table(data)}[slug] is True


# ---------------------------------------------------------------- bad profiles


@pytest.mark.parametrize(
    ("params", "field", "fragment"),
    [
        ({"level": "ceo"}, "level", "account-manager"),
        ({}, "level", "Required"),
        ({"level": "account-manager", "industry": "mining"}, "industry", "technology-saas"),
        ({"level": "account-manager", "metro": "paris"}, "metro", "san-francisco"),
        ({"level": "account-manager", "company_size": "huge"}, "company_size", "large"),
        ({"level": "account-manager", "work_mode": "moon"}, "work_mode", "hybrid"),
        ({"level": "account-manager", "portfolio_arr": "-5"}, "portfolio_arr", "negative"),
        ({"level": "account-manager", "portfolio_arr": "2e10"}, "portfolio_arr", "limit"),
        ({"level": "account-manager", "portfolio_arr": "lots"}, "portfolio_arr", "not a number"),
        ({"level": "account-manager", "portfolio_arr": "nan"}, "portfolio_arr", "number"),
        ({"level": "account-manager", "portfolio_arr": "inf"}, "portfolio_arr", "number"),
        ({"level": "account-manager", "mba": "maybe"}, "mba", "true or false"),
    ],
)
def test_bad_profiles_are_rejected_with_a_clear_message(
    data: CompensationData, params: dict[str, str], field: str, fragment: str
) -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_profile(params, data)
    assert isinstance(caught.value, ValueError)
    assert fragment in caught.value.fields[field]


def test_every_bad_field_is_reported_at_once(data: CompensationData) -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_profile({"level": "x", "metro": "y", "portfolio_arr": "-1"}, data)
    assert set(caught.value.fields) == {"level", "metro", "portfolio_arr"}


def test_estimate_rejects_an_invalid_profile_object(data: CompensationData) -> None:
    with pytest.raises(FieldErrors) as caught:
        estimate_salary(SalaryProfile(level="account-manager", portfolio_arr=-1.0), data)
    assert "negative" in caught.value.fields["portfolio_arr"]


def test_friendly_values_are_accepted(data: CompensationData) -> None:
    profile = parse_profile(
        {"level": "account-manager", "portfolio_arr": "$5,000,000", "mba": "true", "metro": ""},
        data,
    )
    assert profile.portfolio_arr == 5_000_000
    assert profile.mba is True
    assert profile.metro == "national"


def test_dataclass_defaults_match_the_content_defaults(data: CompensationData) -> None:
    profile = SalaryProfile(level="account-manager")
    for name, value in data.defaults.items():
        assert getattr(profile, name) == value


# ---------------------------------------------------------------- contract and browse


def test_to_dict_matches_the_api_contract(data: CompensationData) -> None:
    est = estimate(data, "account-manager", industry="technology-saas", key_accounts=True)
    payload = json.loads(json.dumps(est.to_dict()))
    for key in ("base", "variable", "total_cash"):
        assert set(payload[key]) == {"low", "typical", "high"}
        assert all(isinstance(v, int) for v in payload[key].values())
    assert payload["factors"]
    for factor in payload["factors"]:
        assert {"name", "effect_pct", "effect_usd", "source"} <= set(factor)
    assert set(payload["sources"]) <= set(data.sources)
    assert all(isinstance(n, str) for n in payload["notes"])
    assert payload["by_source"][0]["source"] in data.sources


def test_level_table_lists_every_level_and_follows_the_filters(data: CompensationData) -> None:
    national = level_table(data)
    sf = level_table(data, industry="technology-saas", company_size="large", metro="san-francisco")
    assert [r.slug for r in national] == [r.slug for r in sf]
    assert sorted(r.slug for r in national) == sorted(ALL_SLUGS)
    assert [r.rank for r in national] == sorted(r.rank for r in national)
    for a, b in zip(national, sf, strict=True):
        assert b.base.typical > a.base.typical
        assert b.total_cash.typical > a.total_cash.typical


def test_level_table_rejects_unknown_filters(data: CompensationData) -> None:
    with pytest.raises(FieldErrors) as caught:
        level_table(data, metro="narnia")
    assert "chicago" in caught.value.fields["metro"]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_valid_profile_gives_ordered_rounded_ranges(draw: st.DataObject) -> None:
    data = load_compensation_cached()
    profile = SalaryProfile(
        level=draw.draw(st.sampled_from(list(data.levels))),
        industry=draw.draw(st.sampled_from(list(data.industries))),
        company_size=draw.draw(st.sampled_from(list(data.company_sizes))),
        metro=draw.draw(st.sampled_from(list(data.metros))),
        work_mode=draw.draw(st.sampled_from(list(data.work_modes))),
        portfolio_arr=draw.draw(st.none() | st.floats(0, 1e10)),
        key_accounts=draw.draw(st.booleans()),
        certification=draw.draw(st.booleans()),
        mba=draw.draw(st.booleans()),
    )
    est = estimate_salary(profile, data)
    for rng in (est.base, est.variable, est.total_cash):
        assert 0 <= rng.low <= rng.typical <= rng.high
        assert all(v % 500 == 0 for v in (rng.low, rng.typical, rng.high))
    assert est.total_cash.typical == est.base.typical + est.variable.typical
    # The breakdown explains the whole move from the level's typical base.
    moved = sum(f.effect_usd for f in est.factors)
    assert est.base.typical == pytest.approx(est.level_band.typical + moved, abs=1_000)


_CACHE: dict[str, CompensationData] = {}


def load_compensation_cached() -> CompensationData:
    if "data" not in _CACHE:
        _CACHE["data"] = load_compensation(CONTENT, load_sources(CONTENT))
    return _CACHE["data"]


# ---------------------------------------------------------------- broken content


def _drop_title(doc: dict[str, Any]) -> None:
    del doc["levels"]["account-manager"]["title"]


def _unknown_source(doc: dict[str, Any]) -> None:
    doc["levels"]["junior-account-manager"]["figures"][0]["source"] = "made-up-survey"


def _missing_metro_effect(doc: dict[str, Any]) -> None:
    del doc["effects"]["metro"]["austin"]


def _bad_pool(doc: dict[str, Any]) -> None:
    doc["levels"]["digital-account-manager"]["priced_from"] = ["enterprise-account-manager"]


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (_drop_title, "levels.account-manager.title", "required"),
        (_unknown_source, "levels.junior-account-manager.figures[0].source", "made-up-survey"),
        (_missing_metro_effect, "effects.metro.austin", "required"),
        (_bad_pool, "levels.digital-account-manager.priced_from[0]", "directly priced"),
    ],
)
def test_broken_compensation_file_names_file_and_field(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], None], field: str, problem: str
) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    path = root / "compensation.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_compensation(root, load_sources(root))
    assert caught.value.path.endswith("compensation.yaml")
    assert caught.value.field == field
    assert problem in str(caught.value)
