"""Salary pages: browse ranges by level, estimate one profile, and the methodology."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue

from scoring.salary import (
    CompensationData,
    Estimate,
    Factor,
    ProfileError,
    SalaryProfile,
    estimate_salary,
    level_table,
    parse_profile,
)
from webapp import get_content
from webapp.extensions import heavy_limit
from webapp.formatting import usd
from webapp.pdf import pdf_response, render_pdf
from webapp.salaries import bp
from webapp.salaries.charts import ChartRow, range_chart
from webapp.salaries.forms import EstimateForm, SalaryFilterForm

# The level the estimator's form starts on, and the profile the methodology works through.
DEFAULT_LEVEL = "account-manager"
WORKED_EXAMPLE = SalaryProfile(
    level="account-manager",
    industry="technology-saas",
    company_size="large",
    metro="san-francisco",
    work_mode="hybrid",
)


@dataclass(frozen=True)
class WorkedStep:
    """One factor of the worked example with the typical base before and after it."""

    factor: Factor
    before: float
    after: float


def compensation() -> CompensationData:
    """The compensation data loaded for this app."""
    return get_content(current_app).compensation


@bp.app_template_filter("signed_usd")
def signed_usd(value: float) -> str:
    """Dollars with an explicit sign: +$13,000, -$4,500."""
    return ("+" if value >= 0 else "") + usd(value)


@bp.app_template_filter("pct")
def pct(value: float) -> str:
    """A percentage with at most one decimal: 20%, 6.8%."""
    sign = "\u2212" if value < 0 else ""
    return sign + f"{abs(value):.1f}".removesuffix(".0") + "%"


@bp.app_template_filter("signed_pct")
def signed_pct(value: float) -> str:
    """A percentage with an explicit sign: +20%, -6.3%."""
    return ("+" if value >= 0 else "") + pct(value)


@bp.app_template_global()
def salary_role_url(slug: str) -> str | None:
    """The level's role page, when the roles blueprint is registered."""
    if "roles.detail" in current_app.view_functions:
        return url_for("roles.detail", slug=slug)
    return None


@bp.get("/salaries")
def browse() -> ResponseReturnValue:
    """Every level's base and total cash range, filtered by the query string."""
    data = compensation()
    form = SalaryFilterForm(data, formdata=request.args)
    try:
        rows = level_table(data, form.industry.data, form.company_size.data, form.metro.data)
    except ProfileError as exc:
        form.add_profile_errors(exc.fields)
        return render_template("salaries/browse.html", form=form, rows=[]), 400
    chart = range_chart([ChartRow(r.title, r.base, r.thin) for r in rows])
    return render_template("salaries/browse.html", form=form, rows=rows, chart=chart)


@bp.get("/salaries/estimate")
def estimate() -> ResponseReturnValue:
    """The profile form and, once a level is chosen, its estimate with every factor."""
    data = compensation()
    form = EstimateForm(data, DEFAULT_LEVEL, formdata=request.args)
    if "level" not in request.args:
        return render_template("salaries/estimate.html", form=form, estimate=None)
    try:
        result = estimate_salary(parse_profile(request.args, data), data)
    except ProfileError as exc:
        form.add_profile_errors(exc.fields)
        return render_template("salaries/estimate.html", form=form, estimate=None), 400
    return render_template("salaries/estimate.html", form=form, **result_context(result, data))


@bp.get("/salaries/estimate.pdf")
def estimate_pdf() -> ResponseReturnValue:
    """The same estimate as a PDF download."""
    data = compensation()
    try:
        result = estimate_salary(parse_profile(request.args, data), data)
    except ProfileError as exc:
        form = EstimateForm(data, DEFAULT_LEVEL, formdata=request.args)
        form.add_profile_errors(exc.fields)
        return render_template("salaries/estimate.html", form=form, estimate=None), 400
    return estimate_pdf_response(result, data)


@bp.get("/salaries/methodology")
def methodology() -> ResponseReturnValue:
    """How the figures combine, with a worked example computed by the estimator."""
    data = compensation()
    example = estimate_salary(WORKED_EXAMPLE, data)
    start = data.levels[WORKED_EXAMPLE.level].band.typical
    return render_template(
        "salaries/methodology.html",
        method=data.method,
        example=example,
        steps=worked_steps(example, start),
        start=start,
        query=profile_query(example.profile),
        **profile_labels(example, data),
    )


def worked_steps(result: Estimate, start: float) -> list[WorkedStep]:
    """The typical base before and after each factor, from the level band's typical value."""
    steps: list[WorkedStep] = []
    running = start
    for factor in result.factors:
        # effect_usd is the factor's share of the typical base it was applied to.
        steps.append(WorkedStep(factor, running, running + factor.effect_usd))
        running += factor.effect_usd
    return steps


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
def estimate_pdf_response(result: Estimate, data: CompensationData) -> Response:
    """Render an estimate as a PDF download (shares the heavy rate limit)."""
    pdf = render_pdf("salaries/estimate_pdf.html", cache=True, **result_context(result, data))
    return pdf_response(pdf, f"salary-estimate-{result.profile.level}.pdf")
