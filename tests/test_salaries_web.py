"""Request tests of the salary pages, the salary API and the estimate PDF."""

from __future__ import annotations

import html
import io
import re
from urllib.parse import urlencode

import pytest
from pypdf import PdfReader

from scoring.salary import SalaryProfile, estimate_salary, level_table
from webapp.salaries.views import usd


@pytest.fixture()
def data(app):
    return app.extensions["content"].compensation


def _page(response) -> str:
    """The page's text with tags removed and entities decoded, for reading figures."""
    return html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


EN_DASH = "\u2013"  # between low and high, as the pages print a range


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


PROFILE = {
    "level": "senior-account-manager",
    "industry": "technology-saas",
    "company_size": "large",
    "metro": "new-york",
    "work_mode": "hybrid",
    "portfolio_arr": "6000000",
    "years": "7",
    "certification": "y",
}


def _estimate(data, **overrides):
    values = {**PROFILE, **overrides}
    return estimate_salary(
        SalaryProfile(
            level=values["level"],
            industry=values["industry"],
            company_size=values["company_size"],
            metro=values["metro"],
            work_mode=values["work_mode"],
            portfolio_arr=float(values["portfolio_arr"]),
            years=float(values["years"]),
            flags=frozenset({"certification"}),
        ),
        data,
    )


# --------------------------------------------------------------------------- browse


def test_browse_lists_every_level_with_its_ranges(client, data):
    response = client.get("/salaries")
    assert response.status_code == 200
    text = _page(response)
    for row in level_table(data):
        assert row.title in text
        for value in (row.base.low, row.base.typical, row.base.high, row.total_cash.typical):
            assert usd(value) in text
    page = response.get_data(as_text=True)
    assert 'role="img"' in page and 'aria-labelledby="browse-chart-title browse-chart-desc"' in page
    assert "Priced from Key Account Manager" in text
    assert "8 in 10" in text
    assert "/salaries/estimate?level=account-manager" in page
    # The browse page starts on every industry together.
    assert '<option selected value="">All industries</option>' in page


def test_browse_filters_move_the_ranges_and_keep_the_choice(client, data):
    query = {"industry": "technology-saas", "company_size": "large", "metro": "san-francisco"}
    response = client.get("/salaries?" + urlencode(query))
    assert response.status_code == 200
    text = _page(response)
    filtered = level_table(data, **query)
    unfiltered = level_table(data)
    assert filtered[0].base.typical > unfiltered[0].base.typical
    for row in filtered:
        assert usd(row.total_cash.typical) in text
    page = response.get_data(as_text=True)
    assert '<option selected value="san-francisco">' in page
    # Each level's estimate link carries the filters, so the estimate matches the row.
    assert "company_size=large" in page and "metro=san-francisco" in page


def _axis_labels(page: str) -> list[str]:
    svg = page.split('id="browse-chart-title"', 1)[1]
    return re.findall(r">\$([\d,]+)k</text>", svg)


def test_browse_chart_keeps_one_axis_across_filters(client):
    plain = _axis_labels(client.get("/salaries").get_data(as_text=True))
    query = {"industry": "technology-saas", "company_size": "large", "metro": "san-francisco"}
    rich = _axis_labels(client.get("/salaries?" + urlencode(query)).get_data(as_text=True))
    small = {"industry": "business-services", "company_size": "small"}
    poor = _axis_labels(client.get("/salaries?" + urlencode(small)).get_data(as_text=True))
    assert plain and plain == rich == poor


def test_browse_rejects_an_unknown_filter_with_the_form_still_shown(client):
    response = client.get("/salaries?industry=astrology&metro=chicago")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Unknown value &#39;astrology&#39;" in page
    assert "technology-saas" in page  # the allowed values are named
    assert '<select aria-describedby="industry-error"' in page
    assert '<option selected value="chicago">' in page
    assert "<table" not in page


def test_browse_links_role_pages_only_when_the_roles_blueprint_exists(client, app):
    page = client.get("/salaries").get_data(as_text=True)
    if "roles.detail" in app.view_functions:
        assert 'href="/roles/account-manager"' in page
    else:
        assert "/roles/" not in page


# --------------------------------------------------------------------------- estimate


def test_estimate_form_alone_has_no_result(client):
    response = client.get("/salaries/estimate")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<option selected value="account-manager">' in page
    assert 'id="result"' not in page
    for name in ("level", "industry", "company_size", "metro", "work_mode", "portfolio_arr"):
        assert f'<label for="{name}"' in page


def test_estimate_page_shows_the_estimators_figures_and_every_factor(client, data):
    expected = _estimate(data)
    response = client.get("/salaries/estimate?" + urlencode(PROFILE))
    assert response.status_code == 200
    text = _page(response)
    for pay in (expected.base, expected.variable, expected.total_cash):
        for value in (pay.low, pay.p25, pay.typical, pay.p75, pay.high):
            assert usd(value) in text
    assert "8 in 10 are paid within" in text
    assert f"Confidence: {expected.confidence.label}" in text
    assert expected.factors, "the profile should apply factors"
    for factor in expected.factors:
        assert factor.name in text
    for skipped in expected.skipped:
        assert skipped.name in text
    for figure in expected.by_source:
        assert figure.label in text
    page = response.get_data(as_text=True)
    assert 'href="/sources#interview-guys-2025"' in page
    assert 'href="/salaries/methodology"' in page
    assert "/salaries/estimate.pdf?level=senior-account-manager" in page
    for step in expected.steps:
        assert step.name in text
    assert 'aria-labelledby="estimate-chart-title estimate-chart-desc"' in page


def test_estimate_errors_are_400_on_their_fields_and_keep_the_values(client):
    query = {**PROFILE, "metro": "atlantis", "portfolio_arr": "-5", "mba": "y", "years": "lots"}
    response = client.get("/salaries/estimate?" + urlencode(query))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="metro-error"' in page and "Allowed values: national" in page
    assert 'id="portfolio_arr-error"' in page and "Cannot be negative" in page
    assert 'value="-5"' in page
    assert 'id="years-error"' in page and 'value="lots"' in page
    assert re.search(r'<input[^>]*checked[^>]*id="mba"', page)
    assert re.search(r'<input[^>]*checked[^>]*id="certification"', page)
    assert '<option selected value="senior-account-manager">' in page
    assert 'id="result"' not in page


def test_estimate_pdf_download_carries_the_typical_total_cash(client, data):
    expected = _estimate(data)
    page_text = _page(client.get("/salaries/estimate?" + urlencode(PROFILE)))
    shown = usd(expected.total_cash.typical)
    assert shown in page_text
    response = client.get("/salaries/estimate.pdf?" + urlencode(PROFILE))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith(b"%PDF")
    text = _pdf_text(response.data)
    assert shown in text
    assert f"{usd(expected.total_cash.low)} {EN_DASH} {usd(expected.total_cash.high)}" in text


def test_estimate_pdf_with_bad_values_is_a_400_page(client):
    response = client.get("/salaries/estimate.pdf?level=chief-of-everything")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "Allowed values: account-coordinator" in response.get_data(as_text=True)


# --------------------------------------------------------------------------- methodology


def test_methodology_shows_the_method_and_a_live_worked_example(client, data):
    response = client.get("/salaries/methodology")
    assert response.status_code == 200
    text = " ".join(_page(response).split())
    for paragraph in data.method.paragraphs:
        assert " ".join(paragraph.split())[:60] in text
    expected = estimate_salary(data.worked_example, data)
    kinds = {step.kind for step in expected.steps}
    assert {"anchor", "survey", "factor"} <= kinds
    for step in expected.steps:
        assert step.name in text
        assert usd(step.after) in text
    for factor in expected.factors:
        assert factor.name in text
    for pay in (expected.base, expected.variable, expected.total_cash):
        assert usd(pay.typical) in text
        assert f"{usd(pay.low)} {EN_DASH} {usd(pay.high)}" in text
    # The official figures the levels are anchored on, and every level's median.
    for occupation in data.occupations.values():
        assert occupation.title in text
        assert usd(occupation.values[50]) in text
    for level in data.levels.values():
        assert usd(level.band.median) in text


# --------------------------------------------------------------------------- API


def test_api_returns_the_contract_shape(client, data):
    response = client.get("/api/v1/salary/estimate?" + urlencode(PROFILE))
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    for key in ("base", "variable", "total_cash"):
        assert set(body[key]) == {"low", "typical", "high", "p10", "p25", "median", "p75", "p90"}
        assert body[key]["low"] <= body[key]["typical"] <= body[key]["high"]
        assert body[key]["p10"] <= body[key]["p25"] <= body[key]["median"]
        assert body[key]["median"] <= body[key]["p75"] <= body[key]["p90"]
    assert body["profile"]["years"] == 7
    assert body["confidence"]["label"] in {"high", "medium", "low"}
    assert body["steps"][0]["kind"] == "anchor"
    for factor in body["factors"]:
        assert {"name", "effect_pct", "effect_usd", "source"} <= set(factor)
    assert isinstance(body["sources"], list) and body["sources"]
    assert isinstance(body["notes"], list)
    assert body == _estimate(data).to_dict()


def test_api_defaults_match_the_design(client, data):
    body = client.get("/api/v1/salary/estimate?level=account-manager").get_json()
    assert body == estimate_salary(SalaryProfile(level="account-manager"), data).to_dict()
    assert body["factors"] == []


@pytest.mark.parametrize(
    ("query", "field", "needle"),
    [
        ({"level": "wizard"}, "level", "account-coordinator"),
        ({}, "level", "Required"),
        ({"level": "account-manager", "industry": "mining"}, "industry", "technology-saas"),
        ({"level": "account-manager", "company_size": "huge"}, "company_size", "small, mid, large"),
        ({"level": "account-manager", "metro": "paris"}, "metro", "san-francisco"),
        ({"level": "account-manager", "work_mode": "moon"}, "work_mode", "onsite, hybrid, remote"),
        ({"level": "account-manager", "portfolio_arr": "lots"}, "portfolio_arr", "not a number"),
        ({"level": "account-manager", "portfolio_arr": "-1"}, "portfolio_arr", "negative"),
        ({"level": "account-manager", "portfolio_arr": "1e15"}, "portfolio_arr", "limit"),
        ({"level": "account-manager", "mba": "maybe"}, "mba", "true or false"),
        ({"level": "account-manager", "years": "ten"}, "years", "not a number"),
    ],
)
def test_api_rejects_bad_values_naming_what_is_allowed(client, query, field, needle):
    response = client.get("/api/v1/salary/estimate?" + urlencode(query))
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["message"]
    assert needle in error["fields"][field]


def test_api_rejects_an_unknown_format(client):
    response = client.get("/api/v1/salary/estimate?level=account-manager&format=xlsx")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_format"
    assert "json, pdf" in error["fields"]["format"]


def test_api_pdf_format(client, data):
    response = client.get("/api/v1/salary/estimate?" + urlencode({**PROFILE, "format": "pdf"}))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert usd(_estimate(data).total_cash.typical) in _pdf_text(response.data)


def test_pdf_exports_share_the_heavy_rate_limit_and_json_does_not(make_app):
    app = make_app(RATELIMIT_HEAVY="2 per minute")
    client = app.test_client()
    query = "level=account-coordinator"
    assert client.get(f"/salaries/estimate.pdf?{query}").status_code == 200
    assert client.get(f"/api/v1/salary/estimate?{query}&format=pdf").status_code == 200
    limited = client.get(f"/api/v1/salary/estimate?{query}&format=pdf")
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    assert client.get(f"/salaries/estimate.pdf?{query}").status_code == 429
    # The JSON estimate and the pages are cheap and stay available.
    assert client.get(f"/api/v1/salary/estimate?{query}").status_code == 200
    assert client.get(f"/salaries/estimate?{query}").status_code == 200


def test_methodology_shows_every_published_figure_and_note(app, client) -> None:
    """Nothing loaded from compensation.yaml is left unshown: the profession-wide figures,
    variable pay, sector notes and benefits appear on the methodology page with sources."""
    import html as html_module

    page = html_module.unescape(client.get("/salaries/methodology").get_data(as_text=True))
    data = app.extensions["content"].compensation
    assert data.profession_wide and data.variable_pay and data.sector_notes and data.benefits
    for figure in data.profession_wide:
        assert figure.label in page
    for note in (*data.variable_pay, *data.sector_notes, *data.benefits):
        assert " ".join(note.text.split()) in " ".join(page.split())
        assert f"/sources#{note.source}" in page


def test_methodology_title_is_only_its_title(client) -> None:
    page = client.get("/salaries/methodology").get_data(as_text=True)
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("How the salary figures are made")
    assert "<h2" not in title and page.count('id="published"') == 1
