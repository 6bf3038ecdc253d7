"""The role library in a real browser: the ladder's boxes lead to role pages; compare two roles."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_click_a_level_in_the_ladder_and_land_on_its_page(page, live_server, width):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/roles")

    # Only the diagram for this width is shown; its boxes are the visible links.
    diagram = page.locator("figure.ladder svg:visible")
    assert diagram.count() == 1
    assert diagram.locator("a").count() == 12
    box = diagram.locator('a[href="/roles/key-account-manager"]')
    assert box.is_visible()
    width_on_screen = diagram.bounding_box()["width"]
    assert width_on_screen <= width  # the diagram fits the screen, no sideways scrolling
    box.click()

    page.wait_for_url("**/roles/key-account-manager")
    assert page.locator("h1").inner_text() == "Key Account Manager"
    assert page.get_by_role("heading", name="Responsibilities").is_visible()
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def test_a_ladder_box_is_reachable_with_the_keyboard(page, live_server):
    page.goto(live_server + "/roles")
    box = page.locator('figure.ladder svg:visible a[href="/roles/account-coordinator"]')
    box.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/roles/account-coordinator")
    assert page.locator("h1").inner_text() == "Account Coordinator"


def test_compare_two_roles_with_the_form(page, live_server):
    page.goto(live_server + "/roles")
    page.get_by_label("First role").select_option("account-manager")
    page.get_by_label("Second role").select_option("technical-account-manager")
    page.get_by_role("button", name="Compare the two roles").click()

    page.wait_for_url("**/roles/compare?a=account-manager&b=technical-account-manager")
    heading = page.locator("h1").inner_text()
    assert "Account Manager" in heading and "Technical Account Manager" in heading
    assert page.locator(".diff-shared").first.is_visible()
    assert (
        page.locator(".diff-only-b .badge").first.inner_text() == "Only Technical Account Manager"
    )

    # The form at the foot of the page keeps the choice and compares again.
    assert page.get_by_label("First role").input_value() == "account-manager"
    page.get_by_label("Second role").select_option("")
    page.get_by_role("button", name="Compare the two roles").click()
    assert page.locator("#error-summary").inner_text().count("Choose the second role") == 1
    assert page.get_by_label("First role").input_value() == "account-manager"
