"""axe-core on every page of the site, result pages included, at desktop and phone widths.

No violation of impact "serious" or "critical" may remain; the minor and moderate ones
are listed in the failure message so they can be read alongside.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.test_language_check import ALL_RISKS, POSTING, TOO_CLOSE, check
from tests.browser.test_resume_checker import SHORT_RESUME
from tests.browser.test_resume_report import report_editing, report_rechecked

pytestmark = pytest.mark.browser

WIDTHS = {1280: 900, 390: 844}
BLOCKING = {"serious", "critical"}

PAGES = [
    "/",
    "/sources",
    "/roles",
    "/roles/account-manager",
    "/roles/compare",
    "/roles/compare?a=account-manager&b=senior-account-manager",
    "/salaries",
    "/salaries?industry=technology-saas",
    "/salaries/estimate",
    "/salaries/estimate?level=account-manager&metro=new-york",
    "/salaries/methodology",
    "/job-descriptions",
    "/job-descriptions/check",
    "/resume",
    "/no-such-page",
]


def _language_check_result(page: Any, base: str) -> None:
    page.goto(base + "/job-descriptions/check")
    page.get_by_label("Job posting").fill(POSTING)
    page.get_by_role("button", name="Check the language").click()
    page.wait_for_url("**/job-descriptions/check#check-results")
    page.locator("#language-report").wait_for()


def _language_check_every_risk(page: Any, base: str) -> None:
    check(page, base, ALL_RISKS)


def _language_check_too_close(page: Any, base: str) -> None:
    check(page, base, TOO_CLOSE)


def _job_description_result(page: Any, base: str) -> None:
    page.goto(base + "/job-descriptions")
    page.get_by_label("Company name").fill("Northwind Analytics")
    page.get_by_label("About the company").fill(
        "Northwind sells forecasting software to mid-sized retailers."
    )
    # A place, a headcount and a range too wide: pay warnings and a checklist with gaps.
    page.get_by_label("City").fill("Denver")
    page.get_by_label("State", exact=True).select_option(label="Colorado")
    page.get_by_label("Employees at the company").fill("120")
    page.get_by_label("Minimum (US dollars a year)").fill("70000")
    page.get_by_label("Maximum (US dollars a year)").fill("130000")
    page.get_by_role("button", name="Build the posting").click()
    page.wait_for_url("**/job-descriptions#posting")
    page.locator("article.posting").wait_for()
    page.locator(".pay-warnings").wait_for()
    for summary in page.locator("#pay-transparency summary").all():
        summary.click()  # every law's note and the laws that do not apply, open


def _pay_transparency_check_result(page: Any, base: str) -> None:
    page.goto(base + "/job-descriptions/check")
    page.get_by_label("Job posting").fill(POSTING + "\nSalary: up to $95,000 a year.\n")
    page.get_by_text("Also check pay-transparency laws").click()
    page.get_by_label("City").fill("Newark")
    page.get_by_label("State", exact=True).select_option(label="New Jersey")
    page.get_by_label("Employees at the company").fill("40")
    page.get_by_label("Commission").select_option(index=1)
    page.get_by_role("button", name="Check the language").click()
    page.wait_for_url("**/job-descriptions/check#check-results")
    page.locator("#pay-transparency .checklist").first.wait_for()


def _resume_result(page: Any, base: str) -> None:
    page.goto(base + "/resume")
    page.get_by_label("Paste your resume").fill(SHORT_RESUME)
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_url("**/resume#resume-report")
    page.locator("#resume-report").wait_for()


RESULT_PAGES: dict[str, Callable[[Any, str], None]] = {
    "language-check-result": _language_check_result,
    "language-check-every-risk": _language_check_every_risk,  # every category grouped
    "language-check-too-close": _language_check_too_close,  # too close; issue over a word
    "job-description-result": _job_description_result,  # with pay warnings and checklist
    "pay-transparency-check": _pay_transparency_check_result,  # place fields open, checklist
    "resume-result": _resume_result,  # strong bullets and keyword groups folded
    "resume-editing": report_editing,  # every fold open, a bullet edited, a rewrite used
    "resume-rechecked": report_rechecked,  # after a re-check: the before and after
}


def _describe(violation: dict[str, Any]) -> str:
    targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
    more = len(violation["nodes"]) - len(targets)
    suffix = f" (+{more} more)" if more > 0 else ""
    return (
        f"[{violation['impact']}] {violation['id']}: {violation['help']}\n"
        f"    at {'; '.join(targets)}{suffix}\n"
        f"    {violation['helpUrl']}"
    )


def _assert_accessible(page: Any, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    others = [v for v in violations if v["impact"] not in BLOCKING]
    if blocking:
        lines = [f"axe found serious or critical violations on {where}:"]
        lines += [_describe(v) for v in blocking]
        if others:
            lines.append("Other (non-blocking) violations:")
            lines += [_describe(v) for v in others]
        pytest.fail("\n".join(lines), pytrace=False)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_violations(page: Any, live_server: str, path: str, width: int):
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    response = page.goto(live_server + path)
    expected = 404 if path == "/no-such-page" else 200
    assert response.status == expected
    _assert_accessible(page, f"{path} at {width} px")


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(RESULT_PAGES))
def test_result_page_has_no_serious_violations(page: Any, live_server: str, name: str, width: int):
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    RESULT_PAGES[name](page, live_server)
    _assert_accessible(page, f"the {name} page at {width} px")
