"""The site in a real browser: the home page loads and its links lead somewhere."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_page_loads_and_footer_link_leads_to_sources(page, live_server):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    response = page.goto(live_server + "/")
    assert response.status == 200
    assert page.title().endswith("Account Manager Toolkit")
    assert (
        page.locator("h1").first.inner_text().startswith("Everything about the Account Manager job")
    )
    page.get_by_role("link", name="sources page").click()
    page.wait_for_url("**/sources")
    assert page.locator("h1").inner_text() == "Sources"
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def test_skip_link_is_first_in_tab_order(page, live_server):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"


@pytest.mark.parametrize(
    ("link", "heading"),
    [
        ("Roles", "Account Manager"),
        ("Salaries", "salar"),
        ("Resume checker", "resume"),
        ("Job description builder", "job description"),
    ],
)
def test_main_navigation_links_lead_to_each_tool(page, live_server, link, heading):
    page.goto(live_server + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name=link).click()
    page.wait_for_load_state()
    assert heading.lower() in page.locator("h1").inner_text().lower()
    current = page.get_by_role("navigation", name="Main").locator("[aria-current=page]")
    assert current.inner_text() == link
