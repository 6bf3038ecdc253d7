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

# Coded words and every risk category but "pay-missing" (a posting with figures).
ALL_RISKS = """Junior Account Coordinator

We are a dominant, fast-growing agency looking for a young, energetic salesman and digital
native to join our team. He will be a rockstar who can work hard, play hard and lead client
projects. You are competitive, ambitious and analytical, yet supportive and committed to
your clients. A recent graduate and native English speaker is ideal.

What you will do
- Support account managers with client reporting and analyze campaign results
- Be always on: expect 60 hours a week during launches
- Must be able to lift 50 lbs and stand for long periods

Requirements
- 5+ years of account management experience

Pay: up to $65,000 a year with bonus.
"""
ALL_RISKS_CATEGORIES = {
    "age",
    "national-origin",
    "disability",
    "gendered-term",
    "jargon",
    "hours",
    "experience",
    "pay-open-ended",
}

# Two masculine-coded words and no feminine ones: too close to call; no pay figures.
TOO_CLOSE = """Account Coordinator

You will prepare client reports each week, keep the account records in order and answer
client questions by email and phone. You will work with two account managers on renewals,
prepare meeting notes and keep the shared calendar up to date. We will teach you our
reporting tools in your first month.

Requirements
- Clear writing and careful work with numbers
- You analyze figures calmly and ask when something looks wrong

We offer competitive pay and a hybrid schedule.
"""


def check(page, live_server: str, posting: str) -> object:
    """Send a posting from the check page; the report's locator."""
    page.goto(live_server + "/job-descriptions/check")
    page.get_by_label("Job posting").fill(posting)
    page.get_by_role("button", name="Check the language").click()
    page.wait_for_url("**/job-descriptions/check#check-results")
    return page.locator("#language-report")


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

    page.wait_for_url("**/job-descriptions/check#check-results")
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
    assert "salesperson" in report.locator(".language-issues").inner_text()
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


def _fits(page, selector: str) -> bool:
    """Whether every element matching the selector shows all its content without scrolling
    sideways."""
    return page.eval_on_selector_all(
        selector, "els => els.every(e => e.scrollWidth <= e.clientWidth + 1)"
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_every_risk_highlighted_and_listed_by_category(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    report = check(page, live_server, ALL_RISKS)
    assert report.locator(".verdict .badge").inner_text() == "Masculine-coded"
    # Each category: highlighted in the posting, and one group in the risks list whose
    # table names what was found and what to write instead.
    for category in ALL_RISKS_CATEGORIES:
        mark = report.locator(f".highlighted-text mark.issue-{category}").first
        assert mark.is_visible(), category
        group = report.locator(f"#issue-group-{category}").locator("..")
        assert group.locator("table.issue-finds tbody tr").count() >= 1, category
        assert group.get_by_role("link", name="Source").count() >= 1, category
    groups = report.locator(".language-issues .issue-group")
    assert groups.count() == len(ALL_RISKS_CATEGORIES)
    assert "salesperson" in report.locator(".language-issues").inner_text()
    # The key names the third kind of mark; nothing scrolls sideways, page or tables.
    assert "other risks" in report.locator(".highlight-legend").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert _fits(page, "#language-report table, #language-report .table-wrap")


@pytest.mark.parametrize("width", [1280, 390])
def test_too_close_to_call_and_an_issue_over_a_coded_word(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    report = check(page, live_server, TOO_CLOSE)
    assert report.locator(".verdict .badge").inner_text() == "Too close to call"
    assert "one or two words" in report.inner_text()
    text = report.locator(".highlighted-text")
    # "competitive" is coded and "competitive pay" says no figures: both show.
    assert text.locator("mark.masculine", has_text="competitive").count() == 1
    assert text.locator("mark.issue-pay-missing").first.is_visible()
    assert report.locator("#issue-group-pay-missing").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert _fits(page, "#language-report table, #language-report .table-wrap")
