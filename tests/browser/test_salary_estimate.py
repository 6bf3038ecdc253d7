"""The salary estimator in a real browser: fill the form, read the breakdown, get the PDF."""

from __future__ import annotations

import pytest

from scoring.salary import SalaryProfile, estimate_salary
from webapp.salaries.views import usd

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_estimate_a_salary_and_download_its_pdf(page, live_server, app, width):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/salaries")
    page.get_by_role("link", name="Estimate for Key Account Manager").click()
    page.wait_for_url("**/salaries/estimate?*level=key-account-manager*")

    page.get_by_label("Level").select_option(label="Account Manager")
    page.get_by_label("Industry").select_option(label="Financial services")
    page.get_by_label("Company size").select_option(label="Large enterprise")
    page.get_by_label("Metro area").select_option(label="Chicago area")
    page.get_by_label("Work mode").select_option(label="Remote")
    page.get_by_label("Portfolio managed").fill("$6,500,000")
    page.get_by_label("I manage key or enterprise accounts").check()
    page.get_by_role("button", name="Estimate pay").click()
    page.wait_for_url("**/salaries/estimate?*level=account-manager*")

    expected = estimate_salary(
        SalaryProfile(
            level="account-manager",
            industry="financial-services",
            company_size="large",
            metro="chicago",
            work_mode="remote",
            portfolio_arr=6_500_000,
            flags=frozenset({"key_accounts"}),
        ),
        app.extensions["content"].compensation,
    )
    result = page.locator("#result")
    assert result.get_by_role("heading", name="Estimate: Account Manager").is_visible()
    assert usd(expected.total_cash.typical) in result.locator(".figure-row").inner_text()
    breakdown = page.get_by_role("table", name="Factors applied to the median base salary")
    assert breakdown.is_visible()
    for factor in expected.factors:
        assert factor.name in breakdown.inner_text()
    assert page.get_by_role("img", name="Estimated pay range for Account Manager").is_visible()
    # The form keeps what was chosen.
    assert page.get_by_label("Portfolio managed").input_value() == "$6,500,000"
    assert page.get_by_label("I manage key or enterprise accounts").is_checked()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "salary-estimate-account-manager.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def test_bad_portfolio_is_reported_on_its_field(page, live_server):
    page.goto(live_server + "/salaries/estimate")
    page.get_by_label("Portfolio managed").fill("a lot")
    page.get_by_role("button", name="Estimate pay").click()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "not a number" in page.locator("#portfolio_arr-error").inner_text()
    assert page.get_by_label("Portfolio managed").input_value() == "a lot"
    # The summary links to the field.
    summary.get_by_role("link", name="Portfolio managed").click()
    assert page.evaluate("document.activeElement.id") == "portfolio_arr"


def test_browse_table_and_chart_are_readable_at_390_px(page, live_server):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_server + "/salaries")
    # Nothing is cut: the page does not scroll sideways and each median is shown whole.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cell = page.locator(".salary-table td.typical").first
    text = cell.inner_text()
    assert cell.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert text.endswith(",000") or text.endswith(",500")
    # Chart labels render at a legible size on screen.
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.range-chart text')]
            .filter(t => t.getBoundingClientRect().height > 0)
            .map(t => t.getBoundingClientRect().height)"""
    )
    assert sizes and min(sizes) >= 11


def test_offer_check_from_the_estimate(page, live_server):
    page.goto(live_server + "/salaries/estimate?level=account-manager&metro=chicago")
    page.get_by_role("link", name="Check an offer for this profile").click()
    page.get_by_label("Offered base salary").fill("$64,000")
    page.get_by_role("button", name="Check the offer").click()
    result = page.locator("#result")
    assert result.get_by_role("heading", name="Offer check: Account Manager").is_visible()
    assert "Higher than about" in result.inner_text()
    assert page.get_by_label("Metro area").input_value() == "chicago"
