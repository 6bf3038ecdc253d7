"""Request tests of the resume checker: the /resume page, its PDF report and the JSON API."""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from docx import Document
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from weasyprint import HTML

from scoring.resume.extract import ExtractionError, extract_pasted, extract_text
from scoring.resume.report import ResumeReport, analyze_resume
from tests.conftest import AppFactory
from tests.test_extract import blank_pdf, zip_bomb
from webapp.resume.forms import MAX_RESUME_CHARS

PAGE = "/resume"
API = "/api/v1/resume/analyze"

# A sentence no template or log message could contain by chance.
DISTINCTIVE = "Rescued the Quillfeather Marmalade account from churn"

RESUME = f"""Morgan Avery
morgan.avery@example.com | (312) 555-0199 | https://www.linkedin.com/in/morgan-avery-am

Summary
Account Manager with six years in B2B SaaS, running quarterly business reviews.

Experience
Senior Account Manager | Northwind Cloud | Feb 2020 - Present
• Grew net revenue retention to 118% across 42 enterprise accounts worth $6.5M ARR
• Responsible for contract renewals
• {DISTINCTIVE} by renewing a $900K contract two months early
• Helped the sales team with onboarding

Account Manager | Contoso Data | Jun 2017 - Jan 2020
• Negotiated 27 renewals totaling $3.1M, reducing churn by 35%
• Worked on upsell campaigns

Skills
Salesforce, HubSpot, Forecasting, Contract Negotiation, Stakeholder Management

Education
B.S. Marketing, Ohio State University, 2017
"""

POSTING = (
    "Account Manager. Own renewals for enterprise accounts, run quarterly business reviews, "
    "build account plans in Salesforce and grow net revenue retention. Account plans and "
    "renewals are the core of the role."
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def resume_docx() -> bytes:
    """The resume as a Word document built in memory, bullets as list paragraphs."""
    document = Document()
    for line in RESUME.splitlines():
        if line.startswith("• "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def resume_pdf() -> bytes:
    """The resume as a text PDF rendered by WeasyPrint."""
    body = []
    for line in RESUME.splitlines():
        if line.startswith("• "):
            body.append(f"<ul><li>{html.escape(line[2:])}</li></ul>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    pdf: bytes = HTML(string="".join(body)).write_pdf()
    return pdf


def expected_report(app: Flask, text: str = RESUME, **kw: Any) -> ResumeReport:
    """What the scorer says about ``text`` once normalised as the page does."""
    kw.setdefault("job_description", None)
    return analyze_resume(
        extract_pasted(text).text, analyzer=app.extensions["resume_analyzer"], **kw
    )


def csrf_token(client: FlaskClient) -> str:
    """Read the form's hidden csrf_token from the page, as a browser gets it."""
    page = client.get(PAGE).get_data(as_text=True)
    match = re.search(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, "the form has no hidden csrf_token input"
    return match.group(1)


def submit(client: FlaskClient, **data: Any) -> tuple[int, str]:
    """Post the form (multipart, as the browser does) with a valid token."""
    data.setdefault("level", "account-manager")
    data["csrf_token"] = csrf_token(client)
    response = client.post(PAGE, data=data, content_type="multipart/form-data")
    return response.status_code, response.get_data(as_text=True)


def upload(data: bytes, filename: str) -> tuple[io.BytesIO, str]:
    return io.BytesIO(data), filename


def textarea(page: str, field_id: str = "resume_text") -> str:
    """A textarea's content as the browser shows it."""
    match = re.search(rf'<textarea[^>]*id="{field_id}"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, f"no {field_id} textarea on the page"
    return html.unescape(match.group(1)).removeprefix("\r\n").removeprefix("\n")


def shown_score(page: str) -> int:
    match = re.search(r'class="score-number">(\d+)<', page)
    assert match, "no score on the page"
    return int(match.group(1))


def field_error(page: str, field_id: str) -> str:
    match = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', page, re.S)
    assert match, f"no error shown on {field_id}"
    return html.unescape(match.group(1))


def extraction_message(data: bytes, filename: str) -> str:
    with pytest.raises(ExtractionError) as caught:
        extract_text(data, filename)
    return caught.value.message


# --- the form ------------------------------------------------------------------------------


def test_form_has_labelled_fields_and_no_report_yet(client: FlaskClient) -> None:
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count("<h1") == 1
    for field_id, label in [
        ("resume_text", "Paste your resume"),
        ("resume_file", "Or upload a file"),
        ("level", "Target level"),
        ("job_description", "Job posting to match (optional)"),
    ]:
        assert f'<label for="{field_id}">{label}</label>' in page
        assert re.search(rf'<[^>]*aria-describedby="{field_id}-hint"[^>]*id="{field_id}"', page)
    assert re.search(r'<input[^>]*accept=".pdf,.docx,.txt"[^>]*type="file"', page)
    assert 'enctype="multipart/form-data"' in page
    options = re.findall(r'<option[^>]*value="([^"]+)"', page)
    assert len(options) == 12
    assert re.search(r'<option selected value="account-manager">', page)
    assert 'id="resume-report"' not in page
    assert 'value="pdf"' not in page, "no PDF button before there is a report"


def test_a_role_page_link_preselects_its_level(client: FlaskClient) -> None:
    page = client.get("/resume?level=key-account-manager").get_data(as_text=True)
    assert re.search(r'<option selected value="key-account-manager">', page)
    assert len(re.findall(r"<option selected", page)) == 1
    # An unknown level in a hand-edited link is ignored, not an error.
    response = client.get("/resume?level=<script>")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert re.search(r'<option selected value="account-manager">', page)
    assert "<script>" not in page.split('id="main"')[-1]


# --- pasted text ---------------------------------------------------------------------------


def test_pasted_resume_gets_the_scorers_report(app: Flask, client: FlaskClient) -> None:
    expected = expected_report(app)
    status, page = submit(client, resume_text=RESUME)
    assert status == 200
    assert shown_score(page) == expected.score.score
    assert page.count("<h1") == 1
    # Every bullet with its verdict badge, findings and, where weak or fair, its rewrite.
    assert len(expected.bullets) == 6
    plain = html.unescape(page)
    for number, bullet in enumerate(expected.bullets, start=1):
        verdict = bullet.verdict
        badge = f'<span class="badge badge-{verdict}" data-field="verdict">{verdict.capitalize()}'
        card = re.search(rf'<li class="bullet-card[^"]*" id="bullet-{number}".*?</li>', plain, re.S)
        assert card, f"no card for bullet {number}"
        assert badge in card.group(0)
        assert f'<span data-field="text">{bullet.text}</span></p>' in card.group(0)
        if bullet.suggestion:
            assert bullet.suggestion in plain
    verdicts = {b.verdict for b in expected.bullets}
    assert {"strong", "weak"} <= verdicts
    # The top fixes with their gains, and the keyword table.
    for fix in expected.fixes:
        assert f"+{round(fix.gain, 1)} points" in page
    assert "Skills list only" in page and "In experience bullets" in page
    # What an ATS reads: contact details as plain text, jobs with dates.
    assert "morgan.avery@example.com" in page
    assert "Jun 2017 - Jan 2020" in page
    assert "Northwind Cloud" in page
    # The resume stays in the form, and the report's PDF button sends that form.
    assert textarea(page) == RESUME
    summary = page.split('id="report-summary"')[1].split('id="bullets"')[0]
    assert (
        '<button type="submit" form="resume-form" class="secondary" name="format" value="pdf">'
        in summary
    )


def hidden_previous(page: str) -> str:
    """The form's hidden record of the check just shown."""
    match = re.search(r'<input[^>]*name="previous"[^>]*value="([^"]*)"', page)
    assert match, "the form carries no previous check"
    return html.unescape(match.group(1))


def test_the_top_answers_how_good_what_first_and_how_well_it_fits(
    app: Flask, client: FlaskClient
) -> None:
    expected = expected_report(app, job_description=POSTING)
    assert expected.band and expected.job_match
    status, page = submit(client, resume_text=RESUME, job_description=POSTING)
    assert status == 200
    top = html.unescape(page.split('id="report-summary"')[1].split('id="bullets"')[0])
    assert f"{expected.band.label}</span>" in top
    assert expected.band.meaning in top
    assert f"<strong>{round(100 * expected.job_match.share)}%</strong>" in top
    required = [t.term for t in expected.job_match.missing if t.required]
    assert required, "the posting fixture should leave a must-have missing"
    assert f"Must-haves it does not name:</span> {', '.join(required[:5])}." in top
    # The three fixes worth most, each linking to a place that exists on the page.
    first = top.split('<details class="more-fixes"')[0]
    links = re.findall(r'<p class="fix-link"><a href="#([\w-]+)">', first)
    assert len(links) == min(3, len(expected.fixes))
    for anchor in links:
        assert f'id="{anchor}"' in page
    assert [f.title for f in expected.fixes[:3]] == re.findall(
        r"<li>\s*<p><strong>(.*?)</strong>", first
    )


def test_bullets_are_shown_weak_first_and_strong_folded(app: Flask, client: FlaskClient) -> None:
    expected = expected_report(app)
    status, page = submit(client, resume_text=RESUME)
    assert status == 200
    shown = re.findall(r'class="bullet-card verdict-(\w+)" id="bullet-(\d+)"', page)
    verdicts = [v for v, _ in shown]
    rank = {"weak": 0, "fair": 1, "strong": 2}
    assert verdicts == sorted(verdicts, key=rank.__getitem__)
    assert sorted(int(n) for _, n in shown) == list(range(1, len(expected.bullets) + 1))
    folded = page.split('id="strong-bullets"')[1].split("</details>")[0]
    strong = sum(1 for b in expected.bullets if b.verdict == "strong")
    assert folded.count('class="bullet-card verdict-strong"') == strong > 0
    assert "verdict-weak" not in folded and "verdict-fair" not in folded


def test_beyond_six_bullets_to_improve_the_rest_fold(app: Flask, client: FlaskClient) -> None:
    from tests.browser.test_resume_report import RESUME as MANY_WEAK

    expected = expected_report(app, MANY_WEAK)
    to_improve = [b for b in expected.bullets if b.verdict != "strong"]
    assert len(to_improve) > 6
    status, page = submit(client, resume_text=MANY_WEAK)
    assert status == 200
    shown, rest = page.split('id="more-bullets"')
    rest = rest.split('id="strong-bullets"')[0]
    assert shown.split('id="bullets"')[1].count('class="bullet-card') == 6
    assert rest.count('class="bullet-card') == len(to_improve) - 6
    assert f"{len(to_improve) - 6} more bullet" in rest


def test_the_keyword_part_says_how_many_points_earn_full_marks(
    app: Flask, client: FlaskClient
) -> None:
    target = app.extensions["resume_analyzer"].lexicon.rules.keywords.target
    status, page = submit(client, resume_text=RESUME)
    assert status == 200
    assert f"<strong>{round(target)} points earn full marks</strong>" in page
    assert f"keyword points of the {round(target)} that earn full marks" in page
    assert re.search(r"\d+ of \d+ bullets carry a metric", page)


def test_a_recheck_says_what_changed_carried_by_the_form(app: Flask, client: FlaskClient) -> None:
    first = expected_report(app)
    status, page = submit(client, resume_text=RESUME)
    assert status == 200
    previous = hidden_previous(page)
    assert f'"score":{first.score.score}' in previous
    assert "What changed since the last check" not in page
    weak = "Responsible for contract renewals"
    better = "Negotiated 40 contract renewals worth $2M, reducing churn by 20%"
    edited = RESUME.replace(weak, better)
    second = expected_report(app, edited)
    number = next(i for i, b in enumerate(first.bullets, start=1) if b.text == weak)
    assert second.bullets[number - 1].verdict == "strong"
    status, page = submit(client, resume_text=edited, previous=previous)
    assert status == 200
    changes = html.unescape(page.split('id="report-changes"')[1].split("</div>")[0])
    assert f"<strong>{first.score.score}</strong> → <strong>{second.score.score}</strong>" in (
        changes
    )
    assert f'<a href="#bullet-{number}">Bullet {number}</a>: weak → <strong>strong</strong>' in (
        changes
    )
    assert f"Was {first.score.score} at the last check" in page
    # The hidden field now holds this check, for the next one.
    assert f'"score":{second.score.score}' in hidden_previous(page)


@pytest.mark.parametrize("previous", ["{not json", '{"score": 500}', "x" * 200_000])
def test_a_tampered_previous_check_is_ignored(client: FlaskClient, previous: str) -> None:
    status, page = submit(client, resume_text=RESUME, previous=previous)
    assert status == 200
    assert "What changed since the last check" not in page


def test_resume_links_are_never_clickable(client: FlaskClient) -> None:
    status, page = submit(client, resume_text=RESUME)
    assert status == 200
    assert "https://www.linkedin.com/in/morgan-avery-am" in page
    anchors = re.findall(r"<a\b[^>]*>", page)
    assert not [a for a in anchors if "linkedin" in a or "mailto:" in a or "example.com" in a]


def test_suggested_level_links_only_to_pages_that_exist(app: Flask, client: FlaskClient) -> None:
    status, page = submit(client, resume_text=RESUME, level="junior-account-manager")
    assert status == 200
    suggested = expected_report(app, level="junior-account-manager").structure["suggested_level"]
    assert suggested == "senior-account-manager"
    assert "usually means <strong>Senior Account Manager</strong>" in page
    if "salaries.estimate" in app.view_functions:
        assert 'href="/salaries/estimate?level=senior-account-manager"' in page
    if "roles.detail" in app.view_functions:
        assert 'href="/roles/senior-account-manager"' in page
    else:
        assert 'href="/roles/' not in page


def test_job_match_shows_share_and_missing_terms(app: Flask, client: FlaskClient) -> None:
    expected = expected_report(app, job_description=POSTING).job_match
    assert expected is not None
    status, page = submit(client, resume_text=RESUME, job_description=POSTING)
    assert status == 200
    assert f"<strong>{round(100 * expected.share)}%</strong>" in page
    assert f"about {round(100 * expected.good_share)}% is a good match" in page
    for term in expected.missing:
        assert f"<td>{html.escape(term.term)}</td>" in page
    assert textarea(page, "job_description") == POSTING


def test_a_posting_with_its_title_shows_what_the_title_adds(
    app: Flask, client: FlaskClient
) -> None:
    posting = "Account Executive\nRequirements\n- Experience with Salesforce\n- Answer emails"
    expected = expected_report(app, job_description=posting).job_match
    assert expected is not None and expected.title == "Account Executive"
    usual = [t for t in expected.terms if t.part == "title"]
    assert usual
    status, page = submit(client, resume_text=RESUME, job_description=posting)
    assert status == 200
    assert f"({len(usual)} of them usual for its title)" in page
    assert "Read as a posting for <strong>Account Executive</strong>" in page
    for term in expected.missing:
        if term.part == "title":
            row = f"<tr><td>{html.escape(term.term)}</td><td>Usual for the title</td>"
            assert row in page
    # Without a title line, it is read for the level chosen, and the page says so.
    status, page = submit(
        client,
        resume_text=RESUME,
        job_description=posting.split("\n", 1)[1],
        level="key-account-manager",
    )
    assert status == 200
    assert "read as a posting for <strong>Key Account Manager</strong>, the level you chose" in page
    assert "Usual for the title" in page


def test_blanks_left_by_an_accepted_rewrite_are_flagged(client: FlaskClient) -> None:
    filled = RESUME
    status, page = submit(client, resume_text=filled)
    assert status == 200 and 'id="unfilled-blanks"' not in page
    bullet = "Renewed [N] contracts worth $[X] with enterprise clients"
    status, page = submit(
        client, resume_text=filled.replace("Experience\n", f"Experience\n- {bullet}\n", 1)
    )
    assert status == 200
    assert 'id="unfilled-blanks"' in page
    assert "1 bullet still holds a blank to fill</strong>, such as [N]" in page


def test_crlf_line_breaks_from_browsers_are_normalised(app: Flask, client: FlaskClient) -> None:
    status, page = submit(client, resume_text=RESUME.replace("\n", "\r\n"))
    assert status == 200
    assert shown_score(page) == expected_report(app).score.score


# --- uploads -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "filename", "kind"),
    [(resume_docx, "resume.docx", "DOCX"), (resume_pdf, "resume.pdf", "PDF")],
)
def test_uploaded_file_is_read_and_its_text_kept_for_the_pdf(
    client: FlaskClient, make: Any, filename: str, kind: str
) -> None:
    data = make()
    status, page = submit(client, resume_file=upload(data, filename), resume_text="")
    assert status == 200, field_error(page, "resume_file")
    assert f"We read your {kind} file" in page
    assert "Negotiated 27 renewals totaling $3.1M, reducing churn by 35%" in page
    assert 'badge-strong" data-field="verdict">Strong</span>' in page
    # The extracted text fills the textarea so the PDF button re-sends it as text.
    assert textarea(page) == extract_text(data, filename).text
    assert "Morgan Avery" in textarea(page)


def test_file_wins_over_pasted_text_and_says_so(client: FlaskClient) -> None:
    status, page = submit(
        client, resume_file=upload(resume_docx(), "resume.docx"), resume_text="Pasted text"
    )
    assert status == 200
    assert "the file was checked instead" in page
    assert "Pasted text" not in textarea(page)


# --- failures: a clear message on the field and a 400 -------------------------------------


def test_nothing_sent(client: FlaskClient) -> None:
    status, page = submit(client, resume_text="   ")
    assert status == 400
    assert "Paste your resume, or choose" in field_error(page, "resume_text")
    assert 'id="error-summary"' in page
    assert 'id="resume-report"' not in page


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (PNG, "resume.pdf"),
        (blank_pdf(1, password="secret"), "resume.pdf"),
        (zip_bomb(64 * 1024 * 1024), "resume.docx"),
        (blank_pdf(1), "scan.pdf"),
        (b"", "resume.txt"),
    ],
    ids=["png-renamed-pdf", "encrypted-pdf", "zip-bomb-docx", "no-text-pdf", "empty-file"],
)
def test_unreadable_file_gets_the_extractors_message(
    client: FlaskClient, data: bytes, filename: str
) -> None:
    message = extraction_message(data, filename)
    status, page = submit(
        client,
        resume_file=upload(data, filename),
        resume_text="My pasted draft",
        job_description=POSTING,
    )
    assert status == 400
    assert message in field_error(page, "resume_file")
    assert "Choose the file again" in page
    # What was typed stays in the form.
    assert textarea(page) == "My pasted draft"
    assert textarea(page, "job_description") == POSTING


def test_wrong_file_extension_is_refused(client: FlaskClient) -> None:
    status, page = submit(client, resume_file=upload(PNG, "photo.png"))
    assert status == 400
    assert "Choose a PDF, Word (.docx) or plain text (.txt) file." in field_error(
        page, "resume_file"
    )


def test_too_long_pasted_text(client: FlaskClient) -> None:
    text = "Grew accounts. " * (MAX_RESUME_CHARS // 10)
    with pytest.raises(ExtractionError) as caught:
        extract_pasted(text, MAX_RESUME_CHARS)
    status, page = submit(client, resume_text=text)
    assert status == 400
    assert field_error(page, "resume_text") == caught.value.message
    assert textarea(page) == text


def test_too_long_posting(client: FlaskClient) -> None:
    status, page = submit(client, resume_text=RESUME, job_description="x" * 20_001)
    assert status == 400
    assert "the limit is 20,000" in field_error(page, "job_description")
    assert textarea(page) == RESUME


def test_unknown_level_is_refused(client: FlaskClient) -> None:
    status, page = submit(client, resume_text=RESUME, level="astronaut")
    assert status == 400
    assert field_error(page, "level")


# --- security ------------------------------------------------------------------------------


HOSTILE = (
    'Eve <a href="javascript:alert(3)">site</a>\neve@example.com\n\nExperience\n'
    "Account Manager | Evil Corp | Jan 2020 - Present\n"
    "• <script>alert(1)</script> Grew revenue 20% across 30 accounts\n"
    '• <img src=x onerror="alert(2)"> Renewed 10 contracts\n'
)


def test_hostile_text_comes_back_escaped(client: FlaskClient) -> None:
    status, page = submit(client, resume_text=HOSTILE, job_description="<script>alert(4)</script>")
    assert status == 200
    for raw in ("<script>alert", "<img src=x", 'href="javascript:', 'onerror="alert'):
        assert raw not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Grew revenue 20%" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page


def test_post_without_csrf_token_is_refused(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    response = client.post(PAGE, data={"resume_text": RESUME})
    assert response.status_code == 400
    assert "The form had expired" in response.get_data(as_text=True)
    token = csrf_token(client)
    ok = client.post(PAGE, data={"resume_text": RESUME, "csrf_token": token})
    assert ok.status_code == 200


# --- the PDF report ------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pdf_button_returns_the_report(app: Flask, client: FlaskClient) -> None:
    expected = expected_report(app, job_description=POSTING)
    response = client.post(
        PAGE,
        data={
            "resume_text": RESUME,
            "job_description": POSTING,
            "level": "account-manager",
            "format": "pdf",
            "csrf_token": csrf_token(client),
        },
    )
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    text = pdf_text(response.data)
    assert f"{expected.score.score} / 100" in text
    assert "Responsible for contract renewals" in text
    assert "Job match" in text
    # Dated, page-numbered, and the summary (band, fixes, must-haves) on page 1.
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages]
    assert f"Checked on {date.today():%B} {date.today().day}, {date.today().year}" in pages[0]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert expected.band and expected.band.label in pages[0]
    assert expected.fixes[0].title in pages[0]
    assert expected.job_match and "Must-haves of the posting" in pages[0]


def test_pdf_after_an_upload_is_made_from_the_kept_text(client: FlaskClient) -> None:
    status, page = submit(client, resume_file=upload(resume_docx(), "resume.docx"))
    assert status == 200
    response = client.post(
        PAGE,
        data={"resume_text": textarea(page), "format": "pdf", "csrf_token": csrf_token(client)},
    )
    assert response.data.startswith(b"%PDF")
    assert f"{shown_score(page)} / 100" in pdf_text(response.data)


def test_pdf_request_with_an_error_shows_the_form(client: FlaskClient) -> None:
    status, page = submit(client, resume_text="", format="pdf")
    assert status == 400
    assert "Paste your resume, or choose" in page


# --- the JSON API --------------------------------------------------------------------------


def test_api_json(app: Flask, client: FlaskClient) -> None:
    response = client.post(API, json={"text": RESUME, "level": "account-manager"})
    assert response.status_code == 200
    body = response.get_json()
    document = body.pop("document")
    assert body == expected_report(app).to_dict()
    assert document == {"kind": "txt", "pages": None, "reordered": False, "warnings": []}
    assert {"score", "keywords", "bullets", "sections", "suggestions", "job_match"} <= set(body)
    # What the ATS saw: the text read, and every non-blank line with the part it was read as.
    assert body["text"].startswith(RESUME.strip().splitlines()[0])
    numbered = body["text"].split("\n")
    assert [line["number"] for line in body["lines"]] == [
        n for n, text in enumerate(numbered, start=1) if text.strip()
    ]
    for line in body["lines"]:
        assert line["text"] == numbered[line["number"] - 1].strip()
    kinds = {line["kind"] for line in body["lines"]}
    assert {"heading", "job", "bullet", "contact"} <= kinds
    assert body["language"] == {"code": "en", "name": "English", "english": True, "message": None}
    assert set(body["keywords"]) == {"found", "missing", "by_category"}
    assert {b["verdict"] for b in body["bullets"]} <= {"strong", "fair", "weak"}
    assert body["job_match"] is None


def test_api_json_with_posting_and_default_level(app: Flask, client: FlaskClient) -> None:
    response = client.post(API, json={"text": RESUME, "job_description": POSTING})
    assert response.status_code == 200
    body = response.get_json()
    assert body["structure"]["level"] == "account-manager"
    assert body["job_match"] == expected_report(app, job_description=POSTING).to_dict()["job_match"]


def test_api_multipart_file(client: FlaskClient) -> None:
    data = resume_pdf()
    response = client.post(
        API,
        data={"file": upload(data, "resume.pdf"), "level": "senior-account-manager"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["structure"]["level"] == "senior-account-manager"
    assert body["structure"]["contact"]["email"] == "morgan.avery@example.com"
    assert any(b["text"].startswith("Negotiated 27 renewals") for b in body["bullets"])


def test_api_multipart_text(client: FlaskClient) -> None:
    response = client.post(
        API, data={"text": RESUME, "job_description": POSTING}, content_type="multipart/form-data"
    )
    assert response.status_code == 200
    assert response.get_json()["job_match"] is not None


def test_api_pdf(app: Flask, client: FlaskClient) -> None:
    response = client.post(API + "?format=pdf", json={"text": RESUME})
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert f"{expected_report(app).score.score} / 100" in pdf_text(response.data)


def api_error(response: Any) -> dict[str, Any]:
    assert response.status_code == 400
    assert response.is_json
    error: dict[str, Any] = response.get_json()["error"]
    assert set(error) == {"code", "message", "fields"}
    return error


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"data": "not json", "content_type": "text/plain"}, "invalid_json", None),
        ({"data": "{broken", "content_type": "application/json"}, "invalid_json", None),
        ({"json": ["a list"]}, "invalid_json", None),
        ({"json": {}}, "validation_error", "text"),
        ({"json": {"text": 42}}, "validation_error", "text"),
        ({"json": {"text": "  "}}, "empty", "text"),
        ({"json": {"text": "x" * (MAX_RESUME_CHARS + 1)}}, "too_large", "text"),
        ({"json": {"text": RESUME, "job_description": 7}}, "validation_error", "job_description"),
        (
            {"json": {"text": RESUME, "job_description": "x" * 20_001}},
            "validation_error",
            "job_description",
        ),
        (
            {"data": {"level": "account-manager"}, "content_type": "multipart/form-data"},
            "validation_error",
            "text",
        ),
        ({"data": {"text": "", "level": "account-manager"}}, "empty", "text"),
    ],
    ids=[
        "not-json",
        "broken-json",
        "json-list",
        "no-text",
        "text-not-string",
        "blank-text",
        "text-too-long",
        "posting-not-string",
        "posting-too-long",
        "multipart-without-file",
        "form-with-empty-text",
    ],
)
def test_api_bad_requests(
    client: FlaskClient, kwargs: dict[str, Any], code: str, field: str | None
) -> None:
    error = api_error(client.post(API, **kwargs))
    assert error["code"] == code
    if field:
        assert field in error["fields"] and error["fields"][field]


def test_api_unknown_level_lists_the_allowed_ones(client: FlaskClient) -> None:
    error = api_error(client.post(API, json={"text": RESUME, "level": "astronaut"}))
    assert error["code"] == "validation_error"
    assert "astronaut" in error["fields"]["level"]
    for slug in ("account-coordinator", "account-manager", "vp-client-services"):
        assert slug in error["fields"]["level"]


def test_api_unknown_format(client: FlaskClient) -> None:
    error = api_error(client.post(API + "?format=xml", json={"text": RESUME}))
    assert error["code"] == "invalid_format"
    assert "json, pdf" in error["message"]


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (PNG, "resume.pdf"),
        (blank_pdf(1, password="secret"), "resume.pdf"),
        (zip_bomb(64 * 1024 * 1024), "resume.docx"),
    ],
    ids=["png-renamed-pdf", "encrypted-pdf", "zip-bomb-docx"],
)
def test_api_extraction_failures_carry_the_extractors_code(
    client: FlaskClient, data: bytes, filename: str
) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_text(data, filename)
    error = api_error(
        client.post(API, data={"file": upload(data, filename)}, content_type="multipart/form-data")
    )
    assert error["code"] == caught.value.code
    assert error["fields"] == {"file": caught.value.message}


def test_api_needs_no_csrf_token(csrf_app: Flask) -> None:
    response = csrf_app.test_client().post(API, json={"text": RESUME})
    assert response.status_code == 200


# --- rate limit ----------------------------------------------------------------------------


@pytest.fixture()
def limited_app(make_app: AppFactory) -> Iterator[Flask]:
    """An app whose heavy endpoints allow two requests a minute."""
    yield make_app(WTF_CSRF_ENABLED=False, RATELIMIT_HEAVY="2/minute")


def test_analysis_is_rate_limited_but_the_form_is_not(limited_app: Flask) -> None:
    client = limited_app.test_client()
    for _ in range(2):
        assert client.post(API, json={}).status_code == 400
    limited = client.post(API, json={"text": RESUME})
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    page = client.post(PAGE, data={"resume_text": RESUME})
    assert page.status_code == 429
    assert "Too many requests" in page.get_data(as_text=True)
    for _ in range(3):
        assert client.get(PAGE).status_code == 200


# --- privacy -------------------------------------------------------------------------------


def test_resume_text_never_reaches_the_logs(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("werkzeug", "flask_limiter", "weasyprint", "pypdf", "webapp"):
        caplog.set_level(logging.DEBUG, logger=name)
    assert submit(client, resume_text=RESUME, job_description=POSTING)[0] == 200
    assert submit(client, resume_file=upload(resume_pdf(), "resume.pdf"))[0] == 200
    pdf = client.post(
        PAGE, data={"resume_text": RESUME, "format": "pdf", "csrf_token": csrf_token(client)}
    )
    assert pdf.data.startswith(b"%PDF")
    assert client.post(API, json={"text": RESUME}).status_code == 200
    assert client.post(API, json={"text": RESUME, "level": "nope"}).status_code == 400
    client.post(
        API, data={"file": upload(resume_docx(), "resume.docx")}, content_type="multipart/form-data"
    )
    logged = caplog.text + "".join(str(r.args) + r.getMessage() for r in caplog.records)
    assert DISTINCTIVE not in logged
    assert "Quillfeather" not in logged
    assert "morgan.avery@example.com" not in logged


SPANISH_RESUME = """María López
Gerente de Cuentas
maria.lopez@example.com

Experiencia
Gerente de Cuentas, Distribuidora del Norte, 2019 - 2024
- Gestioné una cartera de 40 clientes y aumenté las ventas un 20% en dos años.
- Coordiné con los equipos de logística y de soporte para resolver las incidencias de los clientes.
- Preparé los informes mensuales de ventas para la dirección comercial.

Educación
Licenciatura en Administración de Empresas, Universidad de Sevilla
"""


def test_api_says_plainly_when_a_resume_is_not_in_english(client: FlaskClient) -> None:
    response = client.post(API, json={"text": SPANISH_RESUME})
    assert response.status_code == 200
    body = response.get_json()
    assert body["score"] is None
    assert body["suggestions"] == []
    assert body["language"]["code"] == "es" and body["language"]["english"] is False
    assert "Spanish" in body["language"]["message"]
    assert any(line["kind"] == "bullet" for line in body["lines"])


def test_page_says_plainly_when_a_resume_is_not_in_english(client: FlaskClient) -> None:
    status, page = submit(client, resume_text=SPANISH_RESUME)
    assert status == 200
    assert "reads as Spanish" in page
    assert "out of 100" not in page


def test_accuracy_page_shows_the_latest_figures_and_the_rubric(
    app: Flask, client: FlaskClient
) -> None:
    from webapp.resume.accuracy import eval_results

    response = client.get("/resume/accuracy")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    results = eval_results()
    if results:
        assert results["date"] in page
    else:
        assert "No measurement has been recorded yet" in page
    rubric = app.extensions["content"].rubric
    for section in rubric.sections:
        assert section.title in page
    assert 'href="/resume/accuracy"' in client.get("/resume").get_data(as_text=True)


def test_accuracy_page_without_a_measurement(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webapp.resume.accuracy as accuracy

    monkeypatch.setattr(accuracy, "eval_results", lambda path=None: {})
    page = client.get("/resume/accuracy").get_data(as_text=True)
    assert "No measurement has been recorded yet" in page
