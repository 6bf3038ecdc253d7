"""Request tests of the job description builder: the page, its exports and its JSON API."""

from __future__ import annotations

import html
import io
import re
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markdown_it import MarkdownIt
from pypdf import PdfReader

from scoring.salary import SalaryProfile, estimate_salary
from tests.conftest import AppFactory
from webapp import get_content

PAGE = "/job-descriptions"
API = "/api/v1/job-descriptions"

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"

FORM: dict[str, str] = {
    "role": "senior-account-manager",
    "company_name": "Northwind Analytics",
    "company_summary": "Northwind sells forecasting software to mid-sized retailers.",
    "industry": "technology-saas",
    "metro": "chicago",
    "work_mode": "hybrid",
    "city": "Chicago",
    "state": "IL",
    "reports_to": "the Director of Client Services",
    "portfolio_size": "30 mid-market accounts",
    "extra_responsibilities": "Run quarterly reviews with buyers\r\nTrain new clients",
    "extra_requirements": "Experience selling to retailers",
    "benefits": "Health cover\r\n25 days of paid time off",
    "how_to_apply": "",
    "include_eeo": "y",
    "pay_min": "",
    "pay_max": "",
}

HEADINGS = [
    "About Northwind Analytics",
    "The role",
    "What you will do",
    "What you bring",
    "Nice to have",
    "How success is measured",
    "Pay and benefits",
    "How to apply",
    "Equal opportunity",
]


def csrf_token(client: FlaskClient) -> str:
    """The form's hidden csrf_token, read from the page as a browser would."""
    page = client.get(PAGE).get_data(as_text=True)
    match = re.search(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, "the form has no hidden csrf_token input"
    return match.group(1)


def post_form(client: FlaskClient, **changes: str) -> Any:
    """Send the builder form with a valid token; changes override FORM."""
    data = {**FORM, **changes, "csrf_token": csrf_token(client)}
    return client.post(PAGE, data=data)


def estimated_range(app: Flask, role: str, industry: str, metro: str, work_mode: str) -> str:
    """The base-salary range the estimator gives, written as the posting writes it."""
    compensation = get_content(app).compensation
    profile = SalaryProfile(
        level=role,
        industry=industry,
        company_size=compensation.defaults["company_size"],
        metro=metro,
        work_mode=work_mode,
    )
    base = estimate_salary(profile, compensation).base
    # The middle half of the estimate (25th to 75th percentile), not its full spread.
    return f"${base.p25:,} \u2013 ${base.p75:,} a year"


def field_error(page: str, field_id: str) -> str:
    """The message shown under a field."""
    match = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', page, re.S)
    assert match, f"no error under {field_id}"
    return html.unescape(match.group(1))


def input_value(page: str, field_id: str) -> str:
    """What a text input shows."""
    match = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', page)
    assert match, f"no input {field_id}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return html.unescape(value.group(1)) if value else ""


def textarea_value(page: str, field_id: str) -> str:
    """What a textarea shows (HTML drops the newline right after the opening tag)."""
    match = re.search(rf'<textarea[^>]*id="{field_id}"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {field_id}"
    return html.unescape(match.group(1)).removeprefix("\r\n").removeprefix("\n")


def selected(page: str, field_id: str) -> str:
    """The selected option of a select."""
    match = re.search(rf'<select[^>]*id="{field_id}"[^>]*>(.*?)</select>', page, re.S)
    assert match, f"no select {field_id}"
    option = re.search(r'<option selected value="([^"]*)"', match.group(1))
    assert option, f"nothing selected in {field_id}"
    return option.group(1)


def pdf_text(data: bytes) -> str:
    """The text of a PDF, pages joined."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_lines_top_down(data: bytes) -> list[list[str]]:
    """Each page's pieces of text, from the top of the page down."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
            if text.strip():
                found.append((cm[3] * tm[5] + cm[5], text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append([text for _, text in sorted(found, key=lambda f: -f[0])])
    return pages


# --- the form ---------------------------------------------------------------------


LABELS = {
    "role": "Level",
    "job_title": "Job title",
    "city": "City",
    "state": "State",
    "country": "Country, outside the US",
    "remote_states": "Remote: states a hire may live in",
    "employees": "Employees at the company",
    "deadline": "Application deadline",
    "commission": "Commission",
    "company_name": "Company name",
    "company_summary": "About the company",
    "industry": "Industry",
    "metro": "Pay market (for the suggested range)",
    "work_mode": "Work mode",
    "reports_to": "Reports to",
    "portfolio_size": "Portfolio size",
    "extra_responsibilities": "Extra responsibilities",
    "extra_requirements": "Extra requirements",
    "benefits": "Benefits",
    "how_to_apply": "How to apply",
    "pay_min": "Minimum (US dollars a year)",
    "pay_max": "Maximum (US dollars a year)",
}


def test_builder_form_labels_every_field(client: FlaskClient) -> None:
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for field_id, label in LABELS.items():
        assert f'<label for="{field_id}">{label}</label>' in page
        assert re.search(rf'<(input|select|textarea)[^>]*id="{field_id}"', page)
    # The equal-opportunity statement is on unless the recruiter unticks it.
    assert re.search(r'<input[^>]* checked id="include_eeo"[^>]*type="checkbox"', page)
    assert '<label class="check" for="include_eeo">' in page
    assert page.count("<h1") == 1
    assert 'id="posting"' not in page
    assert selected(page, "role") == "account-manager"
    assert page.count("<option") >= 12 + 8 + 10 + 3


def test_role_in_the_query_string_is_preselected(client: FlaskClient) -> None:
    page = client.get(PAGE + "?role=key-account-manager").get_data(as_text=True)
    assert selected(page, "role") == "key-account-manager"
    # An unknown role falls back to the default rather than failing.
    page = client.get(PAGE + "?role=astronaut").get_data(as_text=True)
    assert selected(page, "role") == "account-manager"


def test_check_page_links_to_the_builder(client: FlaskClient) -> None:
    page = client.get("/job-descriptions/check").get_data(as_text=True)
    assert 'href="/job-descriptions"' in page


# --- a generated posting ------------------------------------------------------------


def test_posting_has_every_section_in_order_with_the_estimated_range(
    app: Flask, client: FlaskClient
) -> None:
    response = post_form(client)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    posting = page[page.index('<article class="posting"') : page.index("</article>")]
    headings = [html.unescape(h) for h in re.findall(r"<h4>(.*?)</h4>", posting)]
    assert headings == HEADINGS
    assert '<h3 id="posting-title">Senior Account Manager</h3>' in page
    assert '<p class="posting-meta">Hybrid, based in Chicago, Illinois</p>' in page
    expected = estimated_range(
        app, "senior-account-manager", "technology-saas", "chicago", "hybrid"
    )
    assert f"Base salary: {expected}." in page
    assert f'<p class="pay-value">{expected}</p>' in page
    assert "Estimated</span>" in page
    # Typed lines land in their sections.
    assert "<li>Train new clients</li>" in page
    assert "<li>25 days of paid time off</li>" in page
    assert "You will report to the Director of Client Services." in page


def test_posting_shows_its_language_check_exports_and_copy_button(client: FlaskClient) -> None:
    page = post_form(client).get_data(as_text=True)
    assert 'id="language-report"' in page
    verdict = re.search(
        r'<span class="label">Verdict:</span>\s*<span class="badge [^"]+">(\w[\w-]*)', page
    )
    assert verdict and verdict.group(1) in {"Masculine-coded", "Feminine-coded", "Neutral"}
    # The posting's must-have section is counted, underlined plain-text heading and all.
    must_haves = re.search(r"Must-have requirements</p>\s*<p class=\"value\">(\d+)</p>", page)
    assert must_haves and int(must_haves.group(1)) > 0
    for export in ("pdf", "markdown", "text"):
        assert re.search(
            rf'<button type="submit" form="builder-form" name="format" value="{export}"', page
        )
    copy = re.search(r"<button[^>]*data-copy-target=\"([^\"]+)\"[^>]*>", page)
    assert copy and 'data-copy-status="copy-status"' in copy.group(0) and " hidden" in copy.group(0)
    assert f'id="{copy.group(1)}"' in page
    assert 'id="copy-status"' in page
    assert 'href="/job-descriptions/check"' in page
    assert page.count("<h1") == 1


def test_the_posting_is_shown_once_with_its_highlighted_copy_folded_away(
    client: FlaskClient,
) -> None:
    page = post_form(client, extra_responsibilities="Coach a competitive, ambitious team").get_data(
        as_text=True
    )
    summary_start = "Northwind Analytics is hiring"
    # Once in the posting and once in the plain-text copy, both visible as the posting;
    # the language check's highlighted copy is the third, inside a closed disclosure.
    assert page.count(summary_start) == 3
    details = re.search(r'<details class="highlight-details">(.*?)</details>', page, re.S)
    assert details, "the builder's highlighted copy should sit in a closed <details>"
    assert summary_start in details.group(1)
    assert "<mark class=" in details.group(1)
    coded = re.search(r"<summary>Show where the (\d+) coded words? appears? in the posting", page)
    masculine = re.search(r"Masculine-coded words</p>\s*<p class=\"value\">(\d+)", page)
    feminine = re.search(r"Feminine-coded words</p>\s*<p class=\"value\">(\d+)", page)
    assert coded and masculine and feminine
    assert int(coded.group(1)) == int(masculine.group(1)) + int(feminine.group(1)) >= 2


def test_every_level_s_own_wording_leans_neutral_or_feminine(app: Flask) -> None:
    # The builder should not write the masculine-coded wording its own check warns about;
    # only the leadership levels may lean on words such as "leadership".
    from scoring.roles import ROLE_SLUGS
    from webapp.jobdesc.builder import build_posting

    with app.test_request_context():
        for slug in set(ROLE_SLUGS) - {"account-director", "vp-client-services"}:
            values = {**API_BODY, "role": slug, "extra_responsibilities": []}
            report = build_posting(values, get_content(app)).report
            assert report.verdict != "masculine-coded", (slug, report.masculine_counts)


def test_a_posting_without_coded_words_has_nothing_to_unfold(client: FlaskClient) -> None:
    page = post_form(client).get_data(as_text=True)
    for gender in ("Masculine", "Feminine"):
        assert re.search(rf"{gender}-coded words</p>\s*<p class=\"value\">0</p>", page)
    assert "None: the posting uses no word from either list." in page
    assert "highlight-details" not in page
    assert "<mark" not in page


def test_recruiter_range_is_used_as_typed(client: FlaskClient) -> None:
    page = post_form(client, pay_min="$92,000", pay_max="118000").get_data(as_text=True)
    assert "Base salary: $92,000 \u2013 $118,000 a year." in page
    assert "Your range</span>" in page
    assert "pay-warnings" not in page


@pytest.mark.parametrize(
    ("low", "high", "warning"),
    [
        ("20000", "900000", "good-faith limit of 1.6"),
        ("30000", "40000", "below the median base salary"),
    ],
)
def test_a_doubtful_range_is_shown_with_a_warning(
    client: FlaskClient, low: str, high: str, warning: str
) -> None:
    page = html.unescape(post_form(client, pay_min=low, pay_max=high).get_data(as_text=True))
    assert "Your range: check it</span>" in page
    warnings = re.search(r'<ul class="pay-warnings">(.*?)</ul>', page, re.S)
    assert warnings and warning in warnings.group(1)


def test_a_single_figure_is_flagged_where_a_law_needs_a_range(client: FlaskClient) -> None:
    page = html.unescape(
        post_form(client, pay_min="85000", pay_max="85000", city="Baltimore", state="MD").get_data(
            as_text=True
        )
    )
    assert "Base salary: $85,000 a year." in page
    assert "A single figure: Maryland" in page


def test_no_eeo_statement_when_unticked(client: FlaskClient) -> None:
    data = {k: v for k, v in FORM.items() if k != "include_eeo"}
    data["csrf_token"] = csrf_token(client)
    page = client.post(PAGE, data=data).get_data(as_text=True)
    assert "<h4>Equal-opportunity statement</h4>" not in page
    assert "<h4>How to apply</h4>" in page


# --- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"pay_min": "95000", "pay_max": "80000"}, "pay_min", "is above the maximum"),
        ({"pay_min": "80000+", "pay_max": ""}, "pay_min", "open-ended"),
        ({"pay_min": "80000", "pay_max": "80000 and up"}, "pay_max", "open-ended"),
        ({"pay_min": "80000", "pay_max": ""}, "pay_max", "Enter a maximum as well"),
        ({"pay_min": "", "pay_max": "90000"}, "pay_min", "Enter a minimum as well"),
        ({"pay_min": "0", "pay_max": "90000"}, "pay_min", "positive"),
        ({"pay_min": "80", "pay_max": "90"}, "pay_min", "less than a year's pay"),
        ({"pay_min": "80000", "pay_max": "90000000"}, "pay_max", "typing mistake"),
        ({"pay_min": "eighty", "pay_max": "90000"}, "pay_min", "not a whole number"),
        ({"pay_min": "80000", "pay_max": "9" * 5000}, "pay_max", "typing mistake"),
        ({"company_name": "  "}, "company_name", "Enter the company's name"),
        ({"company_summary": "Shop."}, "company_summary", "at least 20 characters"),
        ({"company_summary": "x" * 2001}, "company_summary", "2,001 characters"),
        ({"benefits": "\n".join(f"perk {i}" for i in range(16))}, "benefits", "15 or fewer"),
        ({"role": "astronaut"}, "role", "Allowed values: account-coordinator"),
        ({"metro": "paris"}, "metro", "Unknown value 'paris'"),
    ],
)
def test_bad_input_is_400_with_message_and_keeps_what_was_typed(
    client: FlaskClient, changes: dict[str, str], field: str, message: str
) -> None:
    response = post_form(client, **changes)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in field_error(page, field)
    assert 'id="error-summary"' in page
    assert 'id="posting"' not in page
    typed = {**FORM, **changes}
    for name in ("company_name", "reports_to", "portfolio_size", "pay_min", "pay_max"):
        assert input_value(page, name) == typed[name]
    assert textarea_value(page, "company_summary") == typed["company_summary"].replace("\r\n", "\n")
    assert textarea_value(page, "benefits") == typed["benefits"].replace("\r\n", "\n")
    if field != "metro":
        assert selected(page, "metro") == typed["metro"]


@pytest.mark.parametrize(
    "typed", ["80000+", "from 80000", "80,000 and up", "UP TO 90000", "80000 DOE"]
)
def test_open_ended_range_cites_pay_transparency_laws(
    app: Flask, client: FlaskClient, typed: str
) -> None:
    page = post_form(client, pay_min=typed, pay_max="").get_data(as_text=True)
    message = html.unescape(field_error(page, "pay_min"))
    assert "is open-ended" in message
    note = app.extensions["content"].jobdesc_texts.pay_checks.law_note
    assert note.source in app.extensions["content"].sources
    assert " ".join(note.text.split()) in " ".join(message.split())
    assert "New York City" in message and "minimum and maximum" in message


def test_unknown_export_format_is_refused(client: FlaskClient) -> None:
    assert post_form(client, format="docx").status_code == 400


# --- hostile input -------------------------------------------------------------------


HOSTILE = {
    "company_name": f"Evil {SCRIPT} Co",
    "company_summary": f"We sell {LINK} and <img src=x onerror=alert(2)> widgets.",
    "extra_responsibilities": f"{SCRIPT}\r\n{LINK}",
    "benefits": f"<b>Free</b> {LINK}",
    "reports_to": f"{SCRIPT} the CEO",
    "portfolio_size": f"{LINK} 20 accounts",
    "extra_requirements": f"![img](javascript:alert(3)) {SCRIPT}",
    "how_to_apply": f"Email <a href=javascript:alert(4)>us</a> {LINK}",
}


def test_hostile_input_is_escaped_in_the_page(client: FlaskClient) -> None:
    response = post_form(client, **HOSTILE)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>Free" not in page
    assert "<a href=javascript" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "You will report to &lt;script&gt;alert(1)&lt;/script&gt; the CEO." in page
    assert "About Evil &lt;script&gt;alert(1)&lt;/script&gt; Co" in page
    assert 'href="javascript:' not in page
    assert input_value(page, "company_name") == HOSTILE["company_name"]


def test_hostile_input_is_inert_in_markdown(client: FlaskClient) -> None:
    response = post_form(client, format="markdown", **HOSTILE)
    assert response.status_code == 200
    assert response.content_type == "text/markdown; charset=utf-8"
    markdown = response.get_data(as_text=True)
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert 'href="javascript:' not in rendered
    assert 'src="javascript:' not in rendered
    assert "<a " not in rendered
    # The text itself survives, shown as text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "[x](javascript:alert(1))" in html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_hostile_input_is_literal_in_text(client: FlaskClient) -> None:
    response = post_form(client, format="text", **HOSTILE)
    assert response.status_code == 200
    assert response.content_type == "text/plain; charset=utf-8"
    text = response.get_data(as_text=True)
    assert f"About Evil {SCRIPT} Co" in text
    assert f"- {SCRIPT}\n- {LINK}\n" in text
    assert "&lt;" not in text


def test_hostile_input_is_plain_text_in_the_pdf(client: FlaskClient) -> None:
    response = post_form(client, format="pdf", **HOSTILE)
    assert response.status_code == 200
    text = pdf_text(response.data)
    flat = " ".join(text.split())
    assert SCRIPT in flat
    assert LINK in flat
    assert "<img src=x onerror=alert(2)>" in flat
    assert "Email <a href=javascript:alert(4)>us</a>" in flat


# --- exports -------------------------------------------------------------------------


def test_pdf_export_has_the_company_and_the_pay_range(app: Flask, client: FlaskClient) -> None:
    response = post_form(client, format="pdf")
    assert response.status_code == 200
    assert response.content_type == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="senior-account-manager-job-description.pdf"'
    )
    assert response.data.startswith(b"%PDF")
    flat = " ".join(pdf_text(response.data).split())
    assert "Northwind Analytics" in flat
    expected = estimated_range(
        app, "senior-account-manager", "technology-saas", "chicago", "hybrid"
    )
    assert expected in flat


def test_pdf_pages_carry_the_employer_s_name_not_the_site_s(
    app: Flask, client: FlaskClient
) -> None:
    # Long extras so the posting runs over more than one page.
    extras = "\n".join(f"Lead the quarterly review of client group {n}" for n in range(15))
    response = post_form(client, format="pdf", extra_responsibilities=extras)
    pages = pdf_lines_top_down(response.data)
    assert len(pages) >= 2
    for lines in pages:
        assert lines[0] == "Northwind Analytics"  # the header, on every page
        assert "Northwind Analytics \N{MIDDLE DOT} Senior Account Manager" in lines[-3:]
        assert not any(app.jinja_env.globals["site_name"] in line for line in lines)
    expected = estimated_range(
        app, "senior-account-manager", "technology-saas", "chicago", "hybrid"
    )
    assert expected in " ".join(pages[0][:6])  # under the title, near the top of page 1


def test_markdown_and_text_exports_are_downloads(client: FlaskClient) -> None:
    markdown = post_form(client, format="markdown")
    assert markdown.status_code == 200
    assert markdown.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert markdown.headers["Content-Disposition"] == (
        'attachment; filename="senior-account-manager-job-description.md"'
    )
    body = markdown.get_data(as_text=True)
    assert body.startswith("# Senior Account Manager")
    assert "## What you bring" in body
    assert "401\\(k\\)" not in body
    text = post_form(client, format="text")
    assert text.status_code == 200
    assert text.headers["Content-Type"].startswith("text/plain")
    assert text.headers["Content-Disposition"].endswith('-job-description.txt"')
    plain = text.get_data(as_text=True)
    assert "Pay and benefits\nBase salary:" in plain
    assert "---" not in plain and "===" not in plain


def test_export_with_bad_input_shows_the_form_again(client: FlaskClient) -> None:
    response = post_form(client, format="pdf", pay_min="90000", pay_max="80000")
    assert response.status_code == 400
    assert response.content_type.startswith("text/html")
    assert "is above the maximum" in response.get_data(as_text=True)


# --- CSRF ----------------------------------------------------------------------------


def test_post_without_csrf_token_is_refused(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    response = client.post(PAGE, data=FORM)
    assert response.status_code == 400
    assert "The form had expired" in response.get_data(as_text=True)
    response = client.post(PAGE, data={**FORM, "format": "pdf"})
    assert response.status_code == 400
    # With the page's token the same form goes through.
    assert post_form(client).status_code == 200


# --- the API -------------------------------------------------------------------------


API_BODY: dict[str, Any] = {
    "role": "account-manager",
    "company_name": "Northwind Analytics",
    "company_summary": "Northwind sells forecasting software to mid-sized retailers.",
    "industry": "healthcare",
    "metro": "boston",
    "work_mode": "remote",
    "extra_responsibilities": ["Run quarterly reviews", "Train new clients"],
    "benefits": "Health cover\nA home-office budget",
}


def pay_law(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The applicable jurisdictions of an API answer by id."""
    return {j["id"]: j for j in data["pay_transparency"]["jurisdictions"] if j["applies"]}


def test_api_pay_transparency_flags_colorado_without_benefits_or_deadline(
    client: FlaskClient,
) -> None:
    body = {**API_BODY, "work_mode": "onsite", "city": "Denver", "state": "CO", "benefits": []}
    data = client.post(API, json=body).get_json()
    colorado = pay_law(data)["colorado"]
    unmet = {r["id"] for r in colorado["requirements"] if not r["met"]}
    assert unmet == {"benefits", "deadline"}
    assert data["pay_transparency"]["compliant"] is False
    assert "not legal advice" in data["pay_transparency"]["disclaimer"]
    fixed = {
        **body,
        "benefits": ["Health insurance", "401(k)"],
        "deadline": (date.today() + timedelta(days=30)).isoformat(),
    }
    data = client.post(API, json=fixed).get_json()
    assert data["pay_transparency"]["compliant"] is True
    assert "Applications close on" in data["text"]


def test_api_remote_posting_reaches_the_covered_states(client: FlaskClient) -> None:
    body = {**API_BODY, "state": "TX", "employees": 200}
    applies = set(pay_law(client.post(API, json=body).get_json()))
    assert {"colorado", "california", "washington", "new-york-city"} <= applies
    limited = {**body, "remote_states": "TX, OK"}
    assert set(pay_law(client.post(API, json=limited).get_json())) == set()


def test_api_new_york_commission_role_carries_the_statement(
    app: Flask, client: FlaskClient
) -> None:
    place = {"work_mode": "onsite", "city": "Albany", "state": "NY", "employees": 50}
    data = client.post(API, json={**API_BODY, **place, "commission": "solely"}).get_json()
    statement = get_content(app).jobdesc_texts.commission["solely"]
    assert statement in data["text"]
    ny = pay_law(data)["new-york-state"]
    assert ny["name"] == "New York State"
    assert {r["id"]: r["met"] for r in ny["requirements"]}["commission_statement"] is True
    # Base pay only: no statement asked for, none written.
    data = client.post(API, json={**API_BODY, **place, "commission": "none"}).get_json()
    ids = {r["id"] for r in pay_law(data)["new-york-state"]["requirements"]}
    assert "commission_statement" not in ids and statement not in data["text"]


@pytest.mark.parametrize("pay", [{"pay_max": "up to 95000"}, {"pay_max": "95000"}])
def test_api_refuses_an_up_to_range_citing_the_laws(
    app: Flask, client: FlaskClient, pay: dict[str, str]
) -> None:
    place = {"work_mode": "onsite", "city": "Newark", "state": "NJ"}
    response = client.post(API, json={**API_BODY, **place, **pay})
    assert response.status_code == 400
    message = response.get_json()["error"]["fields"][
        "pay_max" if "up" in pay["pay_max"] else "pay_min"
    ]
    assert get_content(app).jobdesc_texts.pay_checks.law_note.text in message


def test_api_flags_a_range_wider_than_the_good_faith_limit(app: Flask, client: FlaskClient) -> None:
    limit = get_content(app).pay_transparency.good_faith.max_ratio
    place = {"work_mode": "onsite", "city": "Seattle", "state": "WA", "employees": 200}
    low = 60_000
    wide = {**API_BODY, **place, "pay_min": low, "pay_max": round(low * limit) + 1_000}
    data = client.post(API, json=wide).get_json()
    washington = pay_law(data)["washington"]
    unmet = [r for r in washington["requirements"] if not r["met"]]
    assert [r["id"] for r in unmet] == ["good_faith_width"]
    assert unmet[0]["message"] in data["pay_range"]["warnings"]
    assert data["pay_transparency"]["compliant"] is False
    within = {**wide, "pay_max": round(low * limit)}
    data = client.post(API, json=within).get_json()
    assert data["pay_transparency"]["compliant"] is True
    assert data["pay_range"]["warnings"] == []


def test_builder_page_names_the_law_beside_each_gap(client: FlaskClient) -> None:
    from tests.test_pay_transparency import checklist

    page = post_form(
        client, city="Denver", state="CO", benefits="", pay_min="60000", pay_max="120000"
    ).get_data(as_text=True)
    found = checklist(page)
    assert {label for label, met in found["Colorado"].items() if not met} == {
        "Benefits",
        "Application deadline",
        "Good-faith range",
    }
    # The pay range, then the checklist, then the posting itself.
    assert page.index('class="pay-summary"') < page.index('id="pay-transparency"')
    assert page.index('id="pay-transparency"') < page.index('id="posting-article"')


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"work_mode": "onsite"}, "city"),
        ({"work_mode": "onsite", "city": "Denver"}, "state"),
        ({"state": "XX"}, "state"),
        ({"remote_states": "CO, ZZ"}, "remote_states"),
        ({"employees": 0}, "employees"),
        ({"employees": "many"}, "employees"),
        ({"deadline": "2001-01-01"}, "deadline"),
        ({"deadline": "next week"}, "deadline"),
        ({"commission": "lots"}, "commission"),
    ],
)
def test_api_refuses_a_bad_place_headcount_or_deadline(
    client: FlaskClient, changes: dict[str, Any], field: str
) -> None:
    response = client.post(API, json={**API_BODY, **changes})
    assert response.status_code == 400
    assert field in response.get_json()["error"]["fields"]


def test_api_returns_the_posting_pay_range_and_language_check(
    app: Flask, client: FlaskClient
) -> None:
    response = client.post(API, json=API_BODY)
    assert response.status_code == 200
    data = response.get_json()
    assert data["title"] == "Account Manager"
    assert data["sections"][0]["paragraphs"] == ["Remote, open to candidates in the United States"]
    assert [s["key"] for s in data["sections"]] == [
        "title",
        "about",
        "summary",
        "responsibilities",
        "must_have",
        "nice_to_have",
        "kpis",
        "compensation",
        "how_to_apply",
        "eeo",
    ]
    responsibilities = data["sections"][3]["bullets"]
    assert responsibilities[-2:] == ["Run quarterly reviews", "Train new clients"]
    assert data["sections"][7]["bullets"] == ["Health cover", "A home-office budget"]
    expected = estimated_range(app, "account-manager", "healthcare", "boston", "remote")
    pay = data["pay_range"]
    assert f"${pay['low']:,} \u2013 ${pay['high']:,} a year" == expected
    assert pay["currency"] == "USD" and pay["period"] == "year"
    assert pay["source"] == "estimate" and pay["note"]
    assert data["markdown"].startswith("# Account Manager")
    assert f"Base salary: {expected}." in data["text"]
    check = data["language_check"]
    assert check["verdict"] in {"masculine-coded", "feminine-coded", "neutral"}
    assert check["must_have_count"] > 0


def test_api_recruiter_range_and_no_eeo(client: FlaskClient) -> None:
    body = {**API_BODY, "pay_min": 85000, "pay_max": "105,000", "include_eeo": False}
    data = client.post(API, json=body).get_json()
    assert data["pay_range"]["low"] == 85000 and data["pay_range"]["high"] == 105000
    assert data["pay_range"]["source"] == "recruiter"
    assert data["sections"][-1]["key"] == "how_to_apply"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"role": "astronaut"}, "role", "Allowed values: account-coordinator"),
        ({"role": None}, "role", "Required"),
        ({"industry": "mining"}, "industry", "technology-saas"),
        ({"metro": "paris"}, "metro", "san-francisco"),
        ({"work_mode": "moon"}, "work_mode", "onsite, hybrid, remote"),
        ({"company_name": ""}, "company_name", "company's name"),
        ({"company_name": 7}, "company_name", "Must be text"),
        ({"pay_min": 100000, "pay_max": 90000}, "pay_min", "above the maximum"),
        ({"pay_min": "90000+", "pay_max": None}, "pay_min", "open-ended"),
        ({"pay_min": True, "pay_max": 90000}, "pay_min", "whole number"),
        ({"extra_requirements": [1, 2]}, "extra_requirements", "list of strings"),
        ({"include_eeo": "yes"}, "include_eeo", "true or false"),
    ],
)
def test_api_rejects_bad_fields(
    client: FlaskClient, changes: dict[str, Any], field: str, message: str
) -> None:
    response = client.post(API, json={**API_BODY, **changes})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert message in error["fields"][field]


@pytest.mark.parametrize("body", ["not json", "[1, 2]", ""])
def test_api_needs_a_json_object(client: FlaskClient, body: str) -> None:
    response = client.post(API, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"


@pytest.mark.parametrize(
    ("export", "content_type", "start"),
    [
        ("pdf", "application/pdf", b"%PDF"),
        ("markdown", "text/markdown; charset=utf-8", b"# Account Manager"),
        ("text", "text/plain; charset=utf-8", b"Account Manager"),
    ],
)
def test_api_exports(client: FlaskClient, export: str, content_type: str, start: bytes) -> None:
    response = client.post(f"{API}?format={export}", json=API_BODY)
    assert response.status_code == 200
    assert response.content_type == content_type
    assert response.data.startswith(start)
    assert "attachment" in response.headers["Content-Disposition"]


def test_api_unknown_format_lists_the_allowed_ones(client: FlaskClient) -> None:
    response = client.post(f"{API}?format=docx", json=API_BODY)
    assert response.status_code == 400
    assert "pdf, markdown, text" in response.get_json()["error"]["fields"]["format"]


def test_api_needs_no_csrf_token(csrf_app: Flask) -> None:
    response = csrf_app.test_client().post(API, json=API_BODY)
    assert response.status_code == 200


def test_api_strips_control_characters(client: FlaskClient) -> None:
    body = {**API_BODY, "company_name": "North\x00wind Analytics"}
    response = client.post(API, json=body)
    assert response.status_code == 200
    assert response.get_json()["sections"][1]["heading"] == "About Northwind Analytics"


def test_api_refuses_a_lone_surrogate(client: FlaskClient) -> None:
    """Not text at all: a clear 400 rather than a silent repair (see test_hostile)."""
    body = {**API_BODY, "company_name": "Northwind \ud800Analytics"}
    response = client.post(API, json=body)
    assert response.status_code == 400
    assert "surrogate" in response.get_json()["error"]["message"]


# --- rate limit ----------------------------------------------------------------------


def test_only_pdf_exports_spend_the_heavy_rate_limit(make_app: AppFactory) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_HEAVY="2/minute")
    client = app.test_client()
    for _ in range(3):
        assert client.post(PAGE, data=FORM).status_code == 200
        assert client.post(PAGE, data={**FORM, "format": "markdown"}).status_code == 200
    assert client.post(PAGE, data={**FORM, "format": "pdf"}).status_code == 200
    assert client.post(f"{API}?format=pdf", json=API_BODY).status_code == 200
    page = client.post(PAGE, data={**FORM, "format": "pdf"})
    assert page.status_code == 429
    assert "Too many requests" in page.get_data(as_text=True)
    limited = client.post(f"{API}?format=pdf", json=API_BODY)
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    # Building and the other exports stay available.
    assert client.post(PAGE, data=FORM).status_code == 200
    assert client.post(API, json=API_BODY).status_code == 200


def test_the_same_posting_is_language_checked_once(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check parses the whole posting; its PDF, Markdown and text exports and a
    # repeated default posting reuse the report (the cache is per content, so a fresh
    # app's first request always checks).
    from webapp.jobdesc import builder

    calls: list[str] = []
    real = builder.check_language

    def counting(text: str, lexicon: Any, nlp: Any = None, *, level: str | None = None) -> Any:
        calls.append(level or "")
        return real(text, lexicon, nlp, level=level)

    monkeypatch.setattr(builder, "check_language", counting)
    keys = ("role", "company_summary", "industry", "metro")
    body = {k: v for k, v in FORM.items() if k in keys}
    body |= {"city": "Chicago", "state": "IL", "company_name": "Cache Test Co"}
    for fmt in ("", "?format=markdown", "?format=text"):
        assert client.post(API + fmt, json=body).status_code == 200
    assert len(calls) == 1
    assert client.post(API, json={**body, "role": "account-manager"}).status_code == 200
    assert calls == ["senior-account-manager", "account-manager"]
