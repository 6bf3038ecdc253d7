"""Salary pages: browse ranges by level, estimate one profile, and the methodology."""

from __future__ import annotations

from flask import current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue

from scoring.errors import FieldErrors
from scoring.roles import DEFAULT_ROLE
from scoring.salary import estimate_salary, level_table
from webapp.formatting import usd
from webapp.salaries import bp
from webapp.salaries.charts import ChartRow, range_chart
from webapp.salaries.forms import SalaryFilterForm, estimate_form, offer_form
from webapp.salaries.service import (
    browse_axis,
    compensation,
    estimate_for,
    estimate_pdf_response,
    offer_context,
    offer_for,
    offer_pdf_response,
    profile_labels,
    profile_query,
    result_context,
)

# The level the estimator's form starts on.
DEFAULT_LEVEL = DEFAULT_ROLE


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
    except FieldErrors as exc:
        form.add_field_errors(exc.fields)
        return render_template("salaries/browse.html", form=form, rows=[]), 400
    chart = range_chart([ChartRow(r.title, r.base, r.thin) for r in rows], axis=browse_axis(data))
    return render_template(
        "salaries/browse.html", form=form, rows=rows, chart=chart, model=data.model
    )


@bp.get("/salaries/estimate")
def estimate() -> ResponseReturnValue:
    """The profile form and, once a level is chosen, its estimate with every factor."""
    data = compensation()
    form = estimate_form(data, DEFAULT_LEVEL, formdata=request.args)
    if "level" not in request.args:
        return render_template("salaries/estimate.html", form=form, estimate=None)
    try:
        result = estimate_for(request.args)
    except FieldErrors as exc:
        form.add_field_errors(exc.fields)
        return render_template("salaries/estimate.html", form=form, estimate=None), 400
    return render_template("salaries/estimate.html", form=form, **result_context(result, data))


@bp.get("/salaries/estimate.pdf")
def estimate_pdf() -> ResponseReturnValue:
    """The same estimate as a PDF download."""
    try:
        result = estimate_for(request.args)
    except FieldErrors as exc:
        form = estimate_form(compensation(), DEFAULT_LEVEL, formdata=request.args)
        form.add_field_errors(exc.fields)
        return render_template("salaries/estimate.html", form=form, estimate=None), 400
    return estimate_pdf_response(result)


@bp.get("/salaries/offer")
def offer() -> ResponseReturnValue:
    """The offer form and, once an offer is given, where it falls for its profile."""
    data = compensation()
    form = offer_form(data, DEFAULT_LEVEL, formdata=request.args)
    if "offer_base" not in request.args:
        return render_template("salaries/offer.html", form=form, check=None)
    try:
        check = offer_for(request.args)
    except FieldErrors as exc:
        form.add_field_errors(exc.fields)
        return render_template("salaries/offer.html", form=form, check=None), 400
    return render_template("salaries/offer.html", form=form, **offer_context(check, data))


@bp.get("/salaries/offer.pdf")
def offer_pdf() -> ResponseReturnValue:
    """The same offer check as a PDF download."""
    try:
        check = offer_for(request.args)
    except FieldErrors as exc:
        form = offer_form(compensation(), DEFAULT_LEVEL, formdata=request.args)
        form.add_field_errors(exc.fields)
        return render_template("salaries/offer.html", form=form, check=None), 400
    return offer_pdf_response(check)


@bp.get("/salaries/methodology")
def methodology() -> ResponseReturnValue:
    """How the figures combine, with a worked example computed by the estimator."""
    data = compensation()
    example = estimate_salary(data.worked_example, data)
    return render_template(
        "salaries/methodology.html",
        method=data.method,
        model=data.model,
        data=data,
        sources=data.sources,
        example=example,
        level=data.levels[example.profile.level],
        query=profile_query(example.profile),
        **profile_labels(example, data),
    )
