"""The resume checker in a real browser: paste, upload, download the PDF, keyboard only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_resume_web import RESUME, resume_docx, resume_pdf

pytestmark = pytest.mark.browser

SHORT_RESUME = """Sam Lee
sam.lee@example.com

Experience
Account Manager | Acme | Jan 2021 - Present
- Grew revenue 20% across 30 enterprise accounts
- Responsible for renewals
"""


def console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def assert_report_shown(page: Any) -> None:
    report = page.locator("#resume-report")
    report.wait_for()
    score = int(report.locator(".score-number").inner_text())
    assert 0 <= score <= 100
    assert report.locator(".bullet-card").count() >= 2
    assert report.locator(".bullet-card .badge-weak").first.is_visible()
    # Strong bullets are folded until asked for.
    strong = report.locator("#strong-bullets")
    assert not strong.locator(".badge-strong").first.is_visible()
    strong.locator("summary").click()
    assert strong.locator(".badge-strong").first.is_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_paste_a_resume_read_the_report_and_download_it(
    page: Any, live_server: str, width: int, tmp_path: Path
) -> None:
    errors = console_errors(page)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/resume")
    page.get_by_label("Paste your resume").fill(RESUME)
    page.get_by_label("Target level").select_option("senior-account-manager")
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_url("**/resume#resume-report")
    assert_report_shown(page)
    assert page.get_by_label("Paste your resume").input_value() == RESUME
    assert page.get_by_label("Target level").input_value() == "senior-account-manager"
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    with page.expect_download() as info:
        page.get_by_role("button", name="Download PDF report").click()
    saved = tmp_path / "report.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert errors == [], f"console errors (CSP violations show here): {errors}"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("make", "name", "kind"),
    [(resume_docx, "resume.docx", "DOCX"), (resume_pdf, "resume.pdf", "PDF")],
)
def test_upload_a_file_and_see_the_report(
    page: Any, live_server: str, tmp_path: Path, make: Any, name: str, kind: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    errors = console_errors(page)
    path = tmp_path / name
    path.write_bytes(make())
    page.goto(live_server + "/resume")
    page.get_by_label("Or upload a file").set_input_files(str(path))
    page.get_by_role("button", name="Check my resume").click()
    assert_report_shown(page)
    assert f"We read your {kind} file" in page.locator("#resume-report").inner_text()
    # The text read from the file is now in the textarea, ready for the PDF button.
    assert "Morgan Avery" in page.get_by_label("Paste your resume").input_value()
    assert errors == [], f"console errors: {errors}"


def test_unreadable_upload_shows_the_error_and_keeps_the_text(
    page: Any, live_server: str, tmp_path: Path
) -> None:
    path = tmp_path / "photo.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    page.goto(live_server + "/resume")
    page.get_by_label("Paste your resume").fill("My draft")
    page.get_by_label("Or upload a file").set_input_files(str(path))
    page.get_by_role("button", name="Check my resume").click()
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert "PNG" in summary.inner_text()
    assert "Choose the file again" in page.locator("#resume_file-hint").inner_text()
    assert page.get_by_label("Paste your resume").input_value() == "My draft"


def test_keyboard_only_run(page: Any, live_server: str) -> None:
    page.goto(live_server + "/resume")

    def tab_to(check: str, limit: int = 30) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(check):
                return
        raise AssertionError(f"Tab never reached: {check}")

    tab_to("document.activeElement.id === 'resume_text'")
    page.keyboard.type(SHORT_RESUME)
    tab_to("document.activeElement.textContent.trim() === 'Check my resume'")
    # The focused button shows a visible focus ring.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    page.wait_for_url("**/resume#resume-report")
    report = page.locator("#resume-report")
    report.wait_for()
    assert report.locator(".bullet-card").count() == 2
    assert "Responsible for renewals" in report.inner_text()
    # The strong bullet is folded; the keyboard opens it.
    assert "Grew revenue 20% across 30 enterprise accounts" not in report.inner_text()
    tab_to("document.activeElement.matches('#strong-bullets summary')", 60)
    page.keyboard.press("Enter")
    assert "Grew revenue 20% across 30 enterprise accounts" in report.inner_text()
    assert page.get_by_label("Paste your resume").input_value() == SHORT_RESUME


@pytest.mark.parametrize("width", [1280, 390])
def test_the_text_as_an_ats_reads_it_opens_and_fits(
    page: Any, live_server: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server + "/resume")
    page.get_by_label("Paste your resume").fill(SHORT_RESUME)
    page.get_by_role("button", name="Check my resume").click()
    panel = page.locator("#ats-view")
    panel.wait_for()
    lines = panel.locator(".ats-line")
    assert not lines.first.is_visible()  # folded until asked for
    panel.locator("summary").focus()
    page.keyboard.press("Enter")  # the keyboard opens it
    assert lines.first.is_visible()
    kinds = panel.locator(".ats-kind").all_inner_texts()
    assert {"Heading", "Job", "Bullet"} <= set(kinds)
    assert lines.count() == len([line for line in SHORT_RESUME.splitlines() if line.strip()])
    assert page.evaluate("document.documentElement.scrollWidth") <= width
