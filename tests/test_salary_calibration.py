"""The salary model against real reported pay (the issue's targets), and the survey-derived
parameters of content/compensation.yaml still following from the data.

The data is ../shared/data/salaries (or EVAL_DATA), read there and never copied: when it
is absent the tests are skipped with the reason. ``make eval`` prints the same figures.
"""

from __future__ import annotations

from typing import Any

import pytest

from evaluation.corpus import absent_reason

MIN_COVERAGE, MAX_COVERAGE = 0.75, 0.85
MIN_RATIO, MAX_RATIO = 0.95, 1.05
MIN_LEVEL_RATIO, MAX_LEVEL_RATIO = 0.90, 1.10
MAX_P90_OVER_P10 = 2.3


@pytest.fixture(scope="module")
def salaries() -> Any:
    reason = absent_reason("salaries")
    if reason:
        pytest.skip(reason)
    from evaluation import salaries

    return salaries


@pytest.fixture(scope="module")
def figures(salaries: Any) -> dict[str, Any]:
    result: dict[str, Any] = salaries.evaluate().figures()
    return result


def test_every_row_is_scored(figures: dict[str, Any]) -> None:
    assert figures["rows"] == 248


def test_p10_to_p90_holds_about_8_in_10(figures: dict[str, Any]) -> None:
    assert MIN_COVERAGE <= figures["base_coverage"] <= MAX_COVERAGE
    assert figures["below_p10_share"] <= 0.15 and figures["above_p90_share"] <= 0.15


def test_the_median_is_centred_on_real_pay(figures: dict[str, Any]) -> None:
    assert MIN_RATIO <= figures["median_real_over_typical"] <= MAX_RATIO


def test_every_level_with_enough_rows_is_centred(figures: dict[str, Any]) -> None:
    assert set(figures["level_ratio"]) >= {"account-manager", "senior-account-manager"}
    for slug, ratio in figures["level_ratio"].items():
        assert MIN_LEVEL_RATIO <= ratio <= MAX_LEVEL_RATIO, slug


def test_ranges_are_not_wider_than_needed(figures: dict[str, Any]) -> None:
    assert figures["median_p90_p10"] <= MAX_P90_OVER_P10


def test_total_cash_ranges_hold_most_real_total_pay(figures: dict[str, Any]) -> None:
    assert figures["total_cash_coverage"] >= 0.7


def test_content_parameters_follow_from_the_survey(salaries: Any) -> None:
    """Every survey-derived figure in compensation.yaml is what evaluation derives now."""
    data = salaries.load_data()
    derived = salaries.derive(data)
    for slug, level in data.levels.items():
        survey = next((s for s in level.steps if s.kind == "survey"), None)
        assert level.survey_rows == derived["levels"][slug]["rows"], slug
        if survey is not None:
            raw = float(survey.detail.split(" paid ")[1].split("%")[0].replace("\u2212", "-"))
            assert raw == pytest.approx(derived["levels"][slug]["pct"], abs=0.15), slug
    for rule in data.factors:
        found = [e for e in rule.evidence if e.kind == "survey"]
        key = "years" if rule.per_doubling else rule.key
        expected = derived["years"] if rule.per_doubling else derived["factors"].get(key)
        if expected is None:
            assert not found, key
            continue
        [survey_evidence] = found
        assert survey_evidence.weight == expected["rows"], key
        assert survey_evidence.pct == pytest.approx(expected["pct"], abs=0.15), key
    model = data.model
    assert model.sigma_below == pytest.approx(derived["spread"]["sigma_below"], abs=0.006)
    assert model.sigma_above == pytest.approx(derived["spread"]["sigma_above"], abs=0.006)
    for key, group in data.variable_groups.items():
        want = derived["variable"][key]
        assert group.rows == want["rows"], key
        got = [round(s * 100, 1) for s in group.shares[1:]]
        assert got == pytest.approx([want[k] for k in ("p25", "median", "p75", "p90")], abs=0.15)


def test_the_national_bands_sit_within_the_official_statistics(salaries: Any) -> None:
    result = salaries.evaluate()
    for slug, soc, e25, e50, e75, o25, o50, o75 in result.oews_check:
        if soc in ("41-4011",):  # technical sales reps: a cross-check above the level
            continue
        assert o25 <= e50 <= o75, (slug, soc)
