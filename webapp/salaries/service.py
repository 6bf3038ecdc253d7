"""What the salary pages and the salary API share: the data, the estimate and its PDF."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Response, current_app

from scoring.salary import (
    CompensationData,
    Estimate,
    SalaryProfile,
    estimate_salary,
    parse_profile,
)
from webapp import get_content
from webapp.extensions import heavy_limit
from webapp.pdf import pdf_response, render_pdf
from webapp.salaries.charts import ChartRow, range_chart


def compensation() -> CompensationData:
    """The compensation data loaded for this app."""
    return get_content(current_app).compensation


def estimate_for(params: Mapping[str, Any]) -> Estimate:
    """The estimate of the profile in query-string values; raises FieldErrors for bad ones."""
    data = compensation()
    return estimate_salary(parse_profile(params, data), data)


def profile_labels(result: Estimate, data: CompensationData) -> dict[str, str]:
    """The profile's choices as the forms label them."""
    profile = result.profile
    return {
        "industry_label": data.industries[profile.industry],
        "company_size_label": data.company_sizes[profile.company_size],
        "metro_label": data.metros[profile.metro],
        "work_mode_label": data.work_modes[profile.work_mode],
    }


def profile_query(profile: SalaryProfile) -> dict[str, str]:
    """The query string that asks for this profile again (page, PDF or API)."""
    query = {
        "level": profile.level,
        "industry": profile.industry,
        "company_size": profile.company_size,
        "metro": profile.metro,
        "work_mode": profile.work_mode,
    }
    if profile.portfolio_arr is not None:
        arr = profile.portfolio_arr
        query["portfolio_arr"] = str(int(arr)) if float(arr).is_integer() else str(arr)
    for name in ("key_accounts", "certification", "mba"):
        if getattr(profile, name):
            query[name] = "true"
    return query


def result_context(result: Estimate, data: CompensationData) -> dict[str, Any]:
    """What the result section of the page and the PDF show."""
    return {
        "estimate": result,
        "level": data.levels[result.profile.level],
        "sources": data.sources,
        "query": profile_query(result.profile),
        "chart": range_chart(
            [
                ChartRow("Base salary", result.base),
                ChartRow("Total cash (base + variable)", result.total_cash),
            ],
            show_ends=True,
        ),
        **profile_labels(result, data),
    }


@heavy_limit
def estimate_pdf_response(result: Estimate) -> Response:
    """Render an estimate as a PDF download (shares the heavy rate limit)."""
    context = result_context(result, compensation())
    pdf = render_pdf("salaries/estimate_pdf.html", cache=True, **context)
    return pdf_response(pdf, f"salary-estimate-{result.profile.level}.pdf")
