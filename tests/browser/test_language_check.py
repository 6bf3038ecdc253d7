"""The language check in a real browser: paste a posting, send it with the keyboard."""

from __future__ import annotations

import pytest

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser

POSTING = """Account Manager

We want a competitive, ambitious, assertive, decisive and confident account manager, a young
salesman who is supportive of the whole team.

Requirements
- 3 years of account management experience
"""


@pytest.mark.parametrize("width", [1280, 390])
def test_paste_a_posting_and_submit_with_the_keyboard(page, live_server, width):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/job-descriptions/check")

    page.get_by_label("Job posting").fill(POSTING)
    # Tab on to the submit button (optional fields may sit between).
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip() == "Check the language":
            break
    assert page.evaluate("document.activeElement.textContent").strip() == "Check the language"
    page.keyboard.press("Enter")

    page.wait_for_url("**/job-descriptions/check#language-report")
    report = page.locator("#language-report")
    assert report.locator(".verdict .badge").inner_text() == "Masculine-coded"
    first = report.locator(".highlighted-text mark.masculine").first
    assert first.inner_text().startswith("competitive")
    assert first.is_visible()
    assert (
        report.locator(".highlighted-text mark.feminine")
        .first.inner_text()
        .startswith("supportive")
    )
    # Risks beyond gender are highlighted too, and listed with what to write instead.
    issue = report.locator(".highlighted-text mark.issue-gendered-term").first
    assert issue.inner_text().startswith("salesman")
    assert issue.is_visible()
    assert "salesperson" in report.locator("table.language-issues").inner_text()
    # The posting stays in the textarea, and nothing spills sideways on a phone.
    assert page.get_by_label("Job posting").input_value() == POSTING
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def test_empty_posting_shows_the_error_summary_with_focus(page, live_server):
    page.goto(live_server + "/job-descriptions/check")
    page.get_by_role("button", name="Check the language").click()
    summary = page.locator("#error-summary")
    assert "Paste the text of a job posting" in summary.inner_text()
    # site.js is deferred: wait for it to move focus rather than racing it. (Playwright's
    # expect polls without eval, which the page's CSP would refuse.)
    expect(summary).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "error-summary"
