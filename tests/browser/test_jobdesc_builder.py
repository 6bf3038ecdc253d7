"""The job description builder in a real browser: fill the form, read the posting, download it."""

from __future__ import annotations

import pytest

from scoring.salary import SalaryProfile, estimate_salary
from webapp import get_content

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_build_a_posting_and_download_its_pdf(page, live_server, app, width, tmp_path):
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
    page.screenshot(path=str(tmp_path / f"builder-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "key-account-manager-job-description.pdf"
    with open(download.path(), "rb") as pdf:
        data = pdf.read()
    assert data[:5] == b"%PDF-"
    from tests.test_jobdesc_builder import pdf_lines_top_down

    pages = pdf_lines_top_down(data)
    # The employer's name heads every page; the pay range is near the top of page 1.
    assert all(lines[0] == "Northwind <b>Analytics</b>" for lines in pages)
    assert expected in " ".join(pages[0][:6])

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


def fill_and_build(page, live_server):
    """A Colorado posting with benefits and a deadline, built from the form."""
    page.goto(live_server + "/job-descriptions?role=account-manager")
    page.get_by_label("Company name").fill("Northwind Analytics")
    page.get_by_label("About the company").fill(
        "Northwind sells forecasting software to mid-sized retailers."
    )
    page.get_by_label("City").fill("Denver")
    page.get_by_label("State", exact=True).select_option(label="Colorado")
    page.get_by_label("Benefits").fill("Health insurance\n401(k) with a match")
    page.get_by_role("button", name="Build the posting").click()
    page.wait_for_url("**/job-descriptions#posting")


@pytest.mark.parametrize("key", ["Enter", " "])
def test_copy_as_formatted_text_from_the_keyboard(page, live_server, key):
    from playwright.sync_api import expect

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    fill_and_build(page, live_server)
    button = page.get_by_role("button", name="Copy as formatted text")
    button.focus()
    expect(button).to_be_focused()
    page.keyboard.press(key)
    expect(page.locator("#copy-status")).to_have_text("Copied as formatted text.")
    copied = page.evaluate(
        """async () => {
            const [item] = await navigator.clipboard.read();
            const html = await (await item.getType("text/html")).text();
            const text = await (await item.getType("text/plain")).text();
            return {html, text};
        }"""
    )
    html, text = copied["html"], copied["text"]
    # Headings, paragraphs and bullets, the page's own classes and ids left behind.
    assert "<h1>Account Manager</h1>" in html
    assert "<h2>What you will do</h2>" in html
    assert html.count("<li>") == page.locator("article.posting li").count()
    assert "class=" not in html and "id=" not in html
    pay = page.locator(".pay-value").inner_text()
    assert pay in html
    # The plain flavour is the posting's text export.
    assert text == page.locator("#posting-text").text_content()


def test_the_checklist_sits_between_the_pay_range_and_the_posting(page, live_server):
    fill_and_build(page, live_server)
    order = page.locator(".pay-summary, #pay-transparency, article.posting")
    assert order.evaluate_all("els => els.map(e => e.id || e.className)") == [
        "pay-summary",
        "pay-transparency",
        "posting-article",
    ]
    checklist = page.locator("#pay-transparency")
    assert "Missing: Application deadline." in checklist.inner_text()
    assert checklist.locator(".disclaimer").is_visible()
    assert "not legal advice" in checklist.locator(".disclaimer").inner_text()
