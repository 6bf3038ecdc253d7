"""The home page in a real browser: its three ways in, at desktop and phone widths.

Drop a resume on the drop zone and land on the report; look up a salary and land on the
estimate; start a posting and land on the builder with the level chosen. Also: a file
over the upload limit is refused in the browser with the limit said and the form kept,
and the estimator's fields line up in each row.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_accessibility import _assert_accessible
from tests.browser.test_resume_checker import SHORT_RESUME

pytestmark = pytest.mark.browser

WIDTHS = {1280: 900, 390: 844}


def _open_home(page: Any, base: str, width: int) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    response = page.goto(base + "/")
    assert response.status == 200
    return errors


def _fits(page: Any, selector: str, width: int) -> None:
    box = page.locator(selector).bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, selector


def _drop(page: Any, selector: str, name: str, content: str, mime: str = "text/plain") -> None:
    """Drop a file on an element the way a browser does: a drop event with a DataTransfer."""
    transfer = page.evaluate_handle(
        """([name, content, mime]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([content], name, { type: mime }));
            return transfer;
        }""",
        [name, content, mime],
    )
    page.dispatch_event(selector, "dragenter", {"dataTransfer": transfer})
    page.dispatch_event(selector, "dragover", {"dataTransfer": transfer})
    page.dispatch_event(selector, "drop", {"dataTransfer": transfer})


@pytest.mark.parametrize("width", list(WIDTHS))
def test_home_page_offers_three_ways_in_and_fits(page: Any, live_server: str, width: int):
    errors = _open_home(page, live_server, width)
    for name in ("Check your resume", "What does a level pay?", "Write a job posting"):
        heading = page.get_by_role("heading", name=name)
        assert heading.is_visible(), name
    for selector in (".home-resume", ".home-salary", ".home-posting", ".home-honest"):
        _fits(page, selector, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    honest = page.locator(".home-honest")
    assert honest.get_by_role("link", name="How accurate the resume checker is").is_visible()
    _assert_accessible(page, f"/ at {width} px")
    assert errors == [], f"console errors (CSP violations show here): {errors}"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_drop_a_resume_on_the_home_page_and_land_on_the_report(
    page: Any, live_server: str, width: int
):
    errors = _open_home(page, live_server, width)
    page.get_by_label("The level you are applying for").select_option("senior-account-manager")
    with page.expect_navigation():
        _drop(page, "[data-dropzone]", "resume.txt", SHORT_RESUME)
    page.wait_for_url("**/resume#resume-report")
    report = page.locator("#resume-report")
    assert report.is_visible()
    # The checker's own form now holds what was sent: the file's text and the level.
    assert page.get_by_label("Target level").input_value() == "senior-account-manager"
    assert "Sam Lee" in page.get_by_label("Paste your resume").input_value()
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def test_paste_a_resume_on_the_home_page_and_land_on_the_report(page: Any, live_server: str):
    _open_home(page, live_server, 1280)
    page.get_by_text("Or paste the text").click()
    page.get_by_label("Paste your resume").fill(SHORT_RESUME)
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_url("**/resume#resume-report")
    assert page.locator("#resume-report").is_visible()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_look_up_a_salary_on_the_home_page_and_land_on_the_estimate(
    page: Any, live_server: str, width: int
):
    errors = _open_home(page, live_server, width)
    card = page.locator(".home-salary")
    card.get_by_label("Level").select_option("key-account-manager")
    card.get_by_label("Metro area").select_option("chicago")
    card.get_by_role("button", name="See the estimate").click()
    page.wait_for_url("**/salaries/estimate?level=key-account-manager&metro=chicago")
    # The estimate's form keeps the look-up's choices.
    assert page.get_by_label("Level", exact=True).input_value() == "key-account-manager"
    assert page.get_by_label("Metro area").input_value() == "chicago"
    assert errors == [], f"console errors (CSP violations show here): {errors}"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_start_a_posting_on_the_home_page_with_the_level_chosen(
    page: Any, live_server: str, width: int
):
    errors = _open_home(page, live_server, width)
    card = page.locator(".home-posting")
    card.get_by_label("Level to hire").select_option("account-director")
    card.get_by_role("button", name="Start the posting").click()
    page.wait_for_url("**/job-descriptions?role=account-director")
    chosen = page.locator("select[name=role]").input_value()
    assert chosen == "account-director"
    assert errors == [], f"console errors (CSP violations show here): {errors}"


def test_a_file_over_the_limit_is_refused_in_the_browser_keeping_the_form(
    page: Any, live_server: str, app: Any
):
    _open_home(page, live_server, 1280)
    limit = app.config["MAX_CONTENT_LENGTH"]
    page.get_by_text("Or paste the text").click()
    page.get_by_label("Paste your resume").fill("Typed before the big file")
    page.get_by_label("The level you are applying for").select_option("account-coordinator")
    big = {"name": "huge.pdf", "mimeType": "application/pdf", "buffer": b"0" * (limit + 1)}
    page.locator("#home-resume-file").set_input_files(big)

    error = page.locator("#home-resume-file-size-error")
    error.wait_for()
    limit_mb = f"{limit / (1024 * 1024):g} MB"
    assert f"the limit is {limit_mb}" in error.inner_text()
    assert page.url.rstrip("/") == live_server  # nothing was sent
    assert page.get_by_label("Paste your resume").input_value() == "Typed before the big file"
    assert page.get_by_label("The level you are applying for").input_value() == (
        "account-coordinator"
    )
    assert page.locator("#home-resume-file").input_value() == ""  # the file is let go
    described = page.locator("#home-resume-file").get_attribute("aria-describedby")
    assert "home-resume-file-size-error" in described


def test_a_file_over_the_limit_on_the_checker_is_refused_before_sending(
    page: Any, live_server: str, app: Any
):
    page.goto(live_server + "/resume")
    limit = app.config["MAX_CONTENT_LENGTH"]
    page.get_by_label("Paste your resume").fill("Kept text")
    big = {"name": "big.txt", "mimeType": "text/plain", "buffer": b"x" * (limit + 10)}
    sent: list[str] = []
    page.on(
        "request", lambda request: sent.append(request.url) if request.method == "POST" else None
    )
    page.get_by_label("Or upload a file").set_input_files(big)
    error = page.locator("#resume_file-size-error")
    error.wait_for()
    assert f"the limit is {limit / (1024 * 1024):g} MB" in error.inner_text()
    assert sent == []  # refused before anything was sent
    assert page.get_by_label("Paste your resume").input_value() == "Kept text"
    # The refused file is let go, so the pasted text can still be checked.
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_url("**/resume#resume-report")
    assert error.count() == 0


def test_estimator_fields_line_up_in_each_row(page: Any, live_server: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/salaries/estimate")
    tops: dict[float, list[float]] = {}
    for control in page.locator(".form-grid-aligned > .field > :is(select, input)").all():
        box = control.bounding_box()
        field_top = control.locator("xpath=..").bounding_box()["y"]
        tops.setdefault(round(field_top), []).append(box["y"])
    assert len(tops) >= 2  # at least two rows at this width
    for row in tops.values():
        assert max(row) - min(row) <= 1, row
