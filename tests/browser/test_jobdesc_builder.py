"""The job description builder in a real browser: fill the form, read the posting, download it."""

from __future__ import annotations

import pytest

from scoring.salary import SalaryProfile, estimate_salary
from webapp import get_content

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_build_a_posting_and_download_its_pdf(page, live_server, app, width):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/job-descriptions?role=key-account-manager")
    assert page.get_by_label("Role").input_value() == "key-account-manager"

    page.get_by_label("Company name").fill("Northwind <b>Analytics</b>")
    page.get_by_label("About the company").fill(
        "Northwind sells forecasting software to mid-sized retailers."
    )
    page.get_by_label("Industry").select_option(label="Technology / SaaS")
    page.get_by_label("Location (metro area)").select_option(label="Chicago area")
    page.get_by_label("Work mode").select_option(label="Hybrid")
    page.get_by_label("Benefits").fill("Health cover\n25 days of paid time off")
    page.get_by_role("button", name="Build the posting").click()

    page.wait_for_url("**/job-descriptions#posting")
    posting = page.locator("article.posting")
    assert (
        posting.locator("h3").inner_text()
        == "Key Account Manager \u2013 Chicago area \u2013 Hybrid"
    )
    assert posting.get_by_role("heading", name="About Northwind <b>Analytics</b>").is_visible()
    base = estimate_salary(
        SalaryProfile(
            level="key-account-manager",
            industry="technology-saas",
            metro="chicago",
            work_mode="hybrid",
        ),
        get_content(app).compensation,
    ).base
    expected = f"${base.low:,} \u2013 ${base.high:,} a year"
    assert page.locator(".pay-value").inner_text() == expected
    assert page.locator("#language-report .verdict .badge").is_visible()
    # site.js reveals the copy button; without scripts it stays hidden.
    assert page.get_by_role("button", name="Copy the text").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "key-account-manager-job-description.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download Markdown").click()
    assert download_info.value.suggested_filename == "key-account-manager-job-description.md"
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def test_open_ended_range_is_explained_on_its_field(page, live_server):
    from playwright.sync_api import expect  # the fixture skips when playwright is missing

    page.goto(live_server + "/job-descriptions")
    page.get_by_label("Company name").fill("Northwind")
    page.get_by_label("About the company").fill("Northwind sells software to retailers.")
    page.get_by_label("Minimum (US dollars a year)").fill("80000+")
    page.get_by_role("button", name="Build the posting").click()
    # site.js moves focus to the summary; expect() waits for it without eval (CSP).
    expect(page.locator("#error-summary")).to_be_focused()
    assert "open-ended" in page.locator("#pay_min-error").inner_text()
    assert page.get_by_label("Minimum (US dollars a year)").input_value() == "80000+"
    assert page.get_by_label("Company name").input_value() == "Northwind"
