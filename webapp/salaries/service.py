"""What the salary pages and the salary API share: the data, the estimate, the offer check
and their PDFs."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from flask import Response, current_app

from scoring.salary import (
    CompensationData,
    Estimate,
    OfferCheck,
    SalaryProfile,
    check_offer,
    estimate_salary,
    parse_offer,
    parse_profile,
)
from webapp import get_content
from webapp.extensions import heavy_limit
from webapp.pdf import pdf_response, render_pdf
from webapp.salaries.charts import ChartRow, range_chart


def compensation() -> CompensationData:
    """The compensation data loaded for this app."""
    return get_content(current_app).compensation


# Estimates depend only on the profile and the content loaded at start-up, so each worker
# keeps the latest ones (a bounded memo, emptied when full).
MEMO_SIZE = 4096


def _memo(name: str) -> dict[Any, Any]:
    memo: dict[Any, Any] = current_app.extensions.setdefault(name, {})
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    return memo


def estimate_of(profile: SalaryProfile) -> Estimate:
    """The estimate of a valid profile, computed once per worker."""
    memo = _memo("salary_estimates")
    if profile not in memo:
        memo[profile] = estimate_salary(profile, compensation())
    result: Estimate = memo[profile]
    return result


def estimate_for(params: Mapping[str, Any]) -> Estimate:
    """The estimate of the profile in query-string values; raises FieldErrors for bad ones."""
    return estimate_of(parse_profile(params, compensation()))


def estimate_body(result: Estimate, build: Callable[[Estimate], dict[str, Any]]) -> Any:
    """The API body of an estimate, built once per worker and profile."""
    memo = _memo("salary_bodies")
    if result.profile not in memo:
        memo[result.profile] = build(result)
    return memo[result.profile]


def offer_for(params: Mapping[str, Any]) -> OfferCheck:
    """The offer check of the profile and offer in query-string values (or FieldErrors)."""
    data = compensation()
    profile, base, variable = parse_offer(params, data)
    return check_offer(profile, base, data, variable)


def profile_labels(result: Estimate, data: CompensationData) -> dict[str, Any]:
    """The profile's choices and yes/no answers as the forms label them."""
    profile = result.profile
    return {
        "industry_label": data.industries[profile.industry],
        "company_size_label": data.company_sizes[profile.company_size],
        "metro_label": data.metros[profile.metro],
        "work_mode_label": data.work_modes[profile.work_mode],
        "flag_labels": [label for name, label in data.flags.items() if name in profile.flags],
    }


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def profile_query(profile: SalaryProfile) -> dict[str, str]:
    """The query string that asks for this profile again (page, PDF or API)."""
    query = {
        "level": profile.level,
        "industry": profile.industry,
        "company_size": profile.company_size,
        "metro": profile.metro,
        "work_mode": profile.work_mode,
    }
    if profile.years is not None:
        query["years"] = _number(profile.years)
    if profile.portfolio_arr is not None:
        query["portfolio_arr"] = _number(profile.portfolio_arr)
    for name in sorted(profile.flags):
        query[name] = "true"
    return query


def offer_query(check: OfferCheck) -> dict[str, str]:
    """The query string that asks for this offer check again."""
    query = profile_query(check.estimate.profile)
    query["offer_base"] = str(check.base.amount)
    if check.offer_variable is not None:
        query["offer_variable"] = str(check.offer_variable)
    return query


def browse_axis(data: CompensationData) -> tuple[float, float]:
    """The dollar axis of the browse chart, the same for every industry, size and metro."""
    cache: dict[int, tuple[float, float]] = current_app.extensions.setdefault(
        "salary_browse_axis", {}
    )
    if id(data) not in cache:
        cache[id(data)] = _axis_bounds(data)
    return cache[id(data)]


def _axis_bounds(data: CompensationData) -> tuple[float, float]:
    # Bounds shared by every filter choice of the browse page, so bars compare across them.
    low = high = 0.0
    for name in ("industry", "company_size", "metro"):
        logs = [0.0, *(r.log_effect for r in data.factors if r.field == name)]
        low += min(logs)
        high += max(logs)
    cap = data.model
    low = max(low, math.log1p(-cap.cap_down_pct / 100))
    high = min(high, math.log1p(cap.cap_up_pct / 100))
    bands = [lv.band for lv in data.levels.values()]
    z = 1.2816
    return (
        min(b.at(-z) for b in bands) * math.exp(low),
        max(b.at(z) for b in bands) * math.exp(high),
    )


def result_context(result: Estimate, data: CompensationData) -> dict[str, Any]:
    """What the result section of the page and the PDF show."""
    return {
        "estimate": result,
        "level": data.levels[result.profile.level],
        "sources": data.sources,
        "query": profile_query(result.profile),
        "dollars_of": data.model.dollars_of,
        "chart": range_chart(
            [
                ChartRow("Base salary", result.base),
                ChartRow("Total cash", result.total_cash),
            ],
            show_ends=True,
        ),
        **profile_labels(result, data),
    }


def offer_context(check: OfferCheck, data: CompensationData) -> dict[str, Any]:
    """What the offer check's result section and PDF show."""
    return {
        **result_context(check.estimate, data),
        "check": check,
        "offer_query": offer_query(check),
    }


@heavy_limit
def estimate_pdf_response(result: Estimate) -> Response:
    """Render an estimate as a PDF download (shares the heavy rate limit)."""
    context = result_context(result, compensation())
    pdf = render_pdf("salaries/estimate_pdf.html", cache=True, **context)
    return pdf_response(pdf, f"salary-estimate-{result.profile.level}.pdf")


@heavy_limit
def offer_pdf_response(check: OfferCheck) -> Response:
    """Render an offer check as a PDF download (shares the heavy rate limit)."""
    context = offer_context(check, compensation())
    pdf = render_pdf("salaries/offer_pdf.html", cache=True, **context)
    return pdf_response(pdf, f"offer-check-{check.estimate.profile.level}.pdf")
