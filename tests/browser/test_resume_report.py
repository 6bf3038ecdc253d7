"""The resume report in a real browser: follow the first fix to its bullet, edit the bullet
in place until it turns strong, accept a rewrite, re-check the whole resume and read what
changed; with the mouse at 1280 and 390 px, and with the keyboard only."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# Written for these tests: most bullets list duties, so the fixes worth most concern them.
RESUME = """Jamie Okafor
jamie.okafor@example.com | (415) 555-0142

Summary
Account Manager with seven years in B2B software, running quarterly business reviews,
renewals and expansion for mid-market and enterprise customers in Salesforce.

Experience
Senior Account Manager | Bluewater Software | Mar 2021 - Present
- Responsible for contract renewals with enterprise clients
- Helped the sales team with onboarding of new customers
- Worked on upsell campaigns for the analytics product line
- Managed 35 enterprise accounts worth $4.2M ARR, raising net revenue retention to 112%
- Led quarterly business reviews with executive sponsors at each account
- Negotiated 22 renewals totaling $1.8M, reducing churn by 30%

Account Manager | Harbor Analytics | Jun 2017 - Feb 2021
- Handled customer escalations and support tickets
- Built account plans for the top 20 customers, growing upsell revenue by 25%
- Coordinated with product and support teams on feature requests
- Closed 14 cross-sell deals worth $600K in one year, ranking first of 9 account managers
- Trained new hires on the CRM and the renewal process

Skills
Salesforce, HubSpot, Gainsight, Forecasting, Contract Negotiation, Account Planning,
Stakeholder Management, Upselling, Cross-Selling, Client Retention

Education
B.A. Economics, University of Washington, 2017
"""

STRONG = "Renewed 40 enterprise contracts worth $2.5M, raising net revenue retention to 115%"


def console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def check_resume(page: Any, base: str) -> None:
    page.goto(base + "/resume")
    page.get_by_label("Paste your resume").fill(RESUME)
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_url("**/resume#resume-report")
    page.locator("#report-summary").wait_for()


def score(page: Any) -> int:
    return int(page.locator(".score-number").inner_text())


def first_fix_bullet(page: Any) -> str:
    """The id of the bullet the first fix links to."""
    link = page.locator("#report-summary .fix-link a").first
    href = link.get_attribute("href")
    assert href and re.fullmatch(r"#bullet-\d+", href), href
    return href[1:]


def in_viewport(page: Any, element_id: str) -> bool:
    """Whether the element's top is on screen (within a pixel of rounding)."""
    top, height = page.evaluate(
        "(id) => [document.getElementById(id).getBoundingClientRect().top, window.innerHeight]",
        element_id,
    )
    return bool(-1 <= top < height)


def selected_text(page: Any, element_id: str) -> str:
    return str(
        page.evaluate(
            "(id) => { const t = document.getElementById(id);"
            " return t.value.slice(t.selectionStart, t.selectionEnd); }",
            element_id,
        )
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_fix_edit_accept_recheck(page: Any, live_server: str, width: int) -> None:
    errors = console_errors(page)
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
    check_resume(page, live_server)
    before = score(page)
    # The summary and the first fixes are within the first two screens.
    fixes_bottom = page.evaluate(
        "document.querySelector('#report-summary .fix-list').getBoundingClientRect().bottom"
        " + window.scrollY - document.getElementById('resume-report').offsetTop"
    )
    assert fixes_bottom <= 2 * page.viewport_size["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # Follow the first fix to its bullet.
    target = first_fix_bullet(page)
    page.locator("#report-summary .fix-link a").first.click()
    page.wait_for_url(f"**#{target}")
    assert in_viewport(page, target)
    card = page.locator(f"#{target}")
    assert card.locator("[data-field=verdict]").inner_text() == "Weak"

    # Edit it until it turns strong; the verdict follows as it is typed.
    card.get_by_role("button", name=re.compile(r"^Edit bullet")).click()
    editor = card.get_by_role("textbox")
    assert editor.evaluate("e => e === document.activeElement")
    editor.fill(STRONG)
    card.locator(".badge-strong[data-field=verdict]").wait_for()
    assert card.locator("[data-field=metric]").inner_text() != "None"
    assert "strong" in page.locator("#bullet-status").inner_text()
    # A strong bullet needs no rewrite: none is offered.
    assert not card.get_by_role("button", name="Use this rewrite").is_visible()

    # Accept another bullet's rewrite: it lands in the editor with its first blank selected.
    other = page.locator(".bullet-card.verdict-weak").first
    rewrite = other.get_attribute("data-rewrite")
    assert rewrite and "[" in rewrite
    other.get_by_role("button", name="Use this rewrite").click()
    other_editor = other.get_by_role("textbox")
    assert other_editor.input_value() == rewrite
    blank = selected_text(page, other_editor.get_attribute("id"))
    assert re.fullmatch(r"\[[^\]]*\]", blank), blank
    page.keyboard.type("12")
    assert other_editor.input_value() == rewrite.replace(blank, "12", 1)

    # Re-check the whole resume: the edits are in the text, and the report says what changed.
    page.get_by_role("button", name="Re-check the whole resume").click()
    page.wait_for_load_state("load")
    page.locator("#report-changes").wait_for()
    assert STRONG in page.get_by_label("Paste your resume").input_value()
    changes = page.locator("#report-changes").inner_text()
    assert f"{before} → {score(page)}" in changes
    number = target.split("-")[1]
    assert re.search(rf"Bullet {number}: weak → strong", changes)
    assert f"Was {before} at the last check" in page.locator("#report-summary").inner_text()
    assert not errors


def test_the_same_loop_with_the_keyboard_only(page: Any, live_server: str) -> None:
    errors = console_errors(page)
    page.goto(live_server + "/resume")
    page.get_by_label("Paste your resume").focus()
    page.keyboard.insert_text(RESUME)
    page.keyboard.press("Tab")
    for _ in range(10):  # through the file field and level to the submit button
        if page.evaluate("document.activeElement.id") == "check-resume":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/resume#resume-report")
    before = score(page)

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#report-summary .fix-link a")
    target = first_fix_bullet(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#{target}")
    assert page.evaluate("document.activeElement.id") == target
    tab_to(f"#{target} [data-action=edit]", 10)
    page.keyboard.press("Enter")
    # The editor opens on the next frame; a busy machine may take a moment.
    for _ in range(30):
        if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
            break
        page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.press("Control+A")
    page.keyboard.type(STRONG)
    page.locator(f"#{target} .badge-strong[data-field=verdict]").wait_for()

    tab_to(".bullet-card.verdict-weak [data-action=use-rewrite]", 20)
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("edit-bullet-")
    assert re.fullmatch(r"\[[^\]]*\]", selected_text(page, focused))
    page.keyboard.type("12")

    tab_to("#recheck-resume")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    page.locator("#report-changes").wait_for()
    assert f"{before} → " in page.locator("#report-changes").inner_text()
    assert not errors


def test_a_fix_pointing_into_the_folded_strong_bullets_opens_them(
    page: Any, live_server: str
) -> None:
    check_resume(page, live_server)
    folded = page.locator("#strong-bullets")
    assert folded.evaluate("d => !d.open")
    strong = folded.locator(".bullet-card").first
    assert not strong.is_visible()
    number = strong.get_attribute("data-bullet")
    # A link to it (as a fix's or a change's link would be) opens the fold and focuses it.
    page.evaluate(
        "(n) => { const a = document.createElement('a'); a.href = '#bullet-' + n;"
        " a.textContent = 'to the bullet'; document.getElementById('report-summary')"
        ".appendChild(a); }",
        number,
    )
    page.get_by_role("link", name="to the bullet").click()
    assert folded.evaluate("d => d.open")
    assert strong.is_visible()
    assert page.evaluate("document.activeElement.id") == f"bullet-{number}"


def test_without_javascript_the_report_is_whole_and_a_recheck_still_compares(
    browser: Any, live_server: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        check_resume(page, live_server)
        before = score(page)
        assert not page.get_by_role("button", name=re.compile(r"^Edit bullet")).first.is_visible()
        assert not page.get_by_role("button", name="Re-check the whole resume").is_visible()
        box = page.get_by_label("Paste your resume")
        weak = "Responsible for contract renewals with enterprise clients"
        box.fill(box.input_value().replace(weak, STRONG))
        page.get_by_role("button", name="Check my resume").click()
        page.wait_for_url("**/resume#resume-report")
        assert f"{before} → {score(page)}" in page.locator("#report-changes").inner_text()
    finally:
        context.close()


# --- states of the report for tests/browser/test_accessibility.py ------------------------


def report_editing(page: Any, base: str) -> None:
    """The report with every fold open and a bullet being edited (its verdict updated)."""
    check_resume(page, base)
    page.evaluate("document.querySelectorAll('#resume-report details').forEach(d => d.open = true)")
    first = page.locator(".bullet-card.verdict-weak").first.get_attribute("id")
    card = page.locator(f"#{first}")  # by id: its class changes as its verdict does
    card.get_by_role("button", name=re.compile(r"^Edit bullet")).click()
    card.get_by_role("textbox").fill(STRONG)
    card.locator(".badge-strong[data-field=verdict]").wait_for()
    page.locator(".bullet-card.verdict-weak").first.get_by_role(
        "button", name="Use this rewrite"
    ).click()


def report_rechecked(page: Any, base: str) -> None:
    """The report after a re-check with an edited bullet: the before and after shown."""
    report_editing(page, base)
    page.get_by_role("button", name="Re-check the whole resume").click()
    page.wait_for_load_state("load")
    page.locator("#report-changes").wait_for()
