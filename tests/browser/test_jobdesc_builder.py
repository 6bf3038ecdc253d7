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
    assert page.get_by_label("Level").input_value() == "key-account-manager"

    page.get_by_label("Company name").fill("Northwind <b>Analytics</b>")
    page.get_by_label("About the company").fill(
        "Northwind sells forecasting software to mid-sized retailers."
    )
    page.get_by_label("Industry").select_option(label="Technology / SaaS")
    page.get_by_label("Pay market (for the suggested range)").select_option(label="Chicago area")
    page.get_by_label("Work mode").select_option(label="Hybrid")
    page.get_by_label("City").fill("Chicago")
    page.get_by_label("State", exact=True).select_option(label="Illinois")
    page.get_by_label("Employees at the company").fill("120")
    page.get_by_label("Benefits").fill("Health insurance\n401(k) with a match")
    page.get_by_role("button", name="Build the posting").click()

    page.wait_for_url("**/job-descriptions#posting")
    posting = page.locator("article.posting")
    assert posting.locator("h3").inner_text() == "Key Account Manager"
    assert posting.locator(".posting-meta").inner_text() == "Hybrid, based in Chicago, Illinois"
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
    expected = f"${base.p25:,} \u2013 ${base.p75:,} a year"
    assert page.locator(".pay-value").inner_text() == expected
    assert page.locator("#language-report .verdict .badge").is_visible()
    # site.js reveals the copy button; without scripts it stays hidden.
    assert page.get_by_role("button", name="Copy the text").is_visible()
    # jobdesc.js reveals the formatted copy where the browser has ClipboardItem.
    assert page.get_by_role("button", name="Copy as formatted text").is_visible()
    checklist = page.locator("#pay-transparency")
    assert "Illinois" in checklist.inner_text()
    assert "not legal advice" in checklist.inner_text()
    page.screenshot(path=f"/tmp/h16/builder-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "key-account-manager-job-description.pdf"
    with open(download.path(), "rb") as pdf:
        data = pdf.read()
    assert data[:5] == b"%PDF-"
    from pypdf import PdfReader  # a project dependency (resume reading)

    first = PdfReader(download.path()).pages[0].extract_text()
    assert "Northwind" in first.splitlines()[0]  # the employer's name in the header
    assert expected in first  # the pay range on page 1

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
