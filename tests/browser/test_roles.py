"""The role library in a real browser: the ladder's levels lead to role pages; compare two roles."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_click_a_level_in_the_ladder_and_land_on_its_page(page, live_server, width):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/roles")

    ladder = page.locator("figure.ladder")
    assert ladder.locator("a.rung-title").count() == 12
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    box = ladder.locator('a.rung-title[href="/roles/key-account-manager"]')
    box.scroll_into_view_if_needed()
    assert box.is_visible()
    box.click()

    page.wait_for_url("**/roles/key-account-manager")
    assert page.locator("h1").inner_text() == "Key Account Manager"
    assert page.get_by_role("heading", name="Responsibilities").is_visible()
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def _box(locator):
    box = locator.bounding_box()
    assert box
    return box


@pytest.mark.parametrize("width", [1280, 390])
def test_main_path_is_one_line_and_branches_sit_by_their_step(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/roles")
    steps = page.locator(".ladder-step > .rung")
    lefts = {round(_box(steps.nth(i))["x"]) for i in range(steps.count())}
    assert len(lefts) == 1  # the main path is one straight column of steps
    tops = [_box(steps.nth(i))["y"] for i in range(steps.count())]
    assert tops == sorted(tops)
    for i in range(steps.count() - 1):
        # Every branch of a step lies between that step and the next one down.
        step = page.locator(".ladder-step").nth(i)
        for branch in step.locator(".branch-list > li").all():
            b = _box(branch)
            assert tops[i] <= b["y"] < tops[i + 1]
            if width >= 1280:
                assert b["x"] > _box(steps.nth(i))["x"] + _box(steps.nth(i))["width"]  # beside
            assert b["x"] + b["width"] <= width


def test_a_ladder_level_is_reachable_with_the_keyboard(page, live_server):
    page.goto(live_server + "/roles")
    box = page.locator('figure.ladder a.rung-title[href="/roles/account-coordinator"]')
    box.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/roles/account-coordinator")
    assert page.locator("h1").inner_text() == "Account Coordinator"


@pytest.mark.parametrize("width", [1280, 390])
def test_compare_with_nothing_chosen_helps_choose(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(live_server + "/roles/compare")
    assert response.status == 200
    assert page.locator(".alert-error, .field-error").count() == 0
    page.get_by_role("link", name="Account Manager and Senior Account Manager").click()
    page.wait_for_url("**/roles/compare?a=account-manager&b=senior-account-manager")
    assert page.get_by_role("heading", name="At a glance").is_visible()


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
