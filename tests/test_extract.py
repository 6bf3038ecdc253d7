"""Extraction of uploaded resumes: every good file type, and every way a file can fail."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from weasyprint import HTML

from scoring.resume.extract import (
    BULLET,
    ExtractionError,
    ExtractLimits,
    extract_pasted,
    extract_text,
    normalize_text,
)
from tests import resume_fixtures as fixtures

RESUME_HTML = """
<h1>Jane Doe</h1>
<p>jane.doe@example.com | (312) 555-0142</p>
<h2>Experience</h2>
<p>Senior Account Manager, Acme Corp, Jan 2020 - Present</p>
<ul>
  <li>Grew net revenue retention to 115% across 40 enterprise accounts</li>
  <li>Renewed $2.4M in annual contracts with zero churn</li>
</ul>
<h2>Skills</h2>
<p>Salesforce, QBRs, Negotiation</p>
"""


def pdf_bytes(html: str = RESUME_HTML) -> bytes:
    """A real text PDF rendered by WeasyPrint."""
    return HTML(string=html).write_pdf()


def blank_pdf(pages: int, password: str | None = None) -> bytes:
    """A PDF of blank pages (no text at all), optionally encrypted."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(with_table: bool = False) -> bytes:
    """A Word document built in memory: heading, list paragraphs and optionally a table."""
    document = Document()
    document.add_paragraph("Jane Doe")
    document.add_paragraph("jane.doe@example.com")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Account Manager, Acme Corp, 2019 - 2022")
    document.add_paragraph("Grew revenue 20% across 40 accounts", style="List Bullet")
    document.add_paragraph("Renewed 30 contracts worth $2M", style="List Bullet")
    if with_table:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Salesforce"
        table.cell(0, 1).text = "Negotiation"
    document.add_heading("Education", level=1)
    document.add_paragraph("BA Economics, State University")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb(size: int = 200 * 1024 * 1024) -> bytes:
    """A zip whose word/document.xml inflates to `size` bytes of zeros, streamed in."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                entry.write(chunk)
    return out.getvalue()


def assert_refused(data: bytes, filename: str, code: str, *phrases: str) -> ExtractionError:
    """Extraction fails with the code, and the message says the phrases a user needs."""
    with pytest.raises(ExtractionError) as caught:
        extract_text(data, filename)
    assert caught.value.code == code
    for phrase in phrases:
        assert phrase.lower() in caught.value.message.lower()
    return caught.value


# --- good files --------------------------------------------------------------------------


def test_pdf_text_comes_out_in_reading_order_with_bullets() -> None:
    result = extract_text(pdf_bytes(), "resume.pdf")
    assert result.kind == "pdf"
    assert result.pages == 1
    lines = result.text.splitlines()
    order = [
        "Jane Doe",
        "jane.doe@example.com | (312) 555-0142",
        "Experience",
        "Senior Account Manager, Acme Corp, Jan 2020 - Present",
        f"{BULLET} Grew net revenue retention to 115% across 40 enterprise accounts",
        f"{BULLET} Renewed $2.4M in annual contracts with zero churn",
        "Skills",
        "Salesforce, QBRs, Negotiation",
    ]
    positions = [lines.index(line) for line in order]
    assert positions == sorted(positions)
    assert result.warnings == ()


def test_pdf_bullet_that_wraps_is_one_line() -> None:
    long_bullet = "Grew net revenue retention " + "across many enterprise accounts " * 6
    result = extract_text(pdf_bytes(f"<p>Jane Doe</p><ul><li>{long_bullet}</li></ul>"), "r.pdf")
    bullets = [line for line in result.text.splitlines() if line.startswith(BULLET)]
    assert bullets == [f"{BULLET} {' '.join(long_bullet.split())}"]


def test_pdf_two_columns_are_read_one_after_the_other_and_flagged() -> None:
    left = "".join(f"<p>Skill number {i}</p>" for i in range(6))
    right = "".join(f"<p>Grew revenue in region {i} by {'a lot ' * i}</p>" for i in range(6))
    html = (
        '<div style="display:flex"><div style="width:30%">' + left + "</div>"
        '<div style="width:65%;margin-left:5%">' + right + "</div></div>"
    )
    result = extract_text(pdf_bytes(html), "columns.pdf")
    assert any("columns side by side" in warning for warning in result.warnings)
    assert result.reordered
    lines = result.text.splitlines()
    assert "Skill number 0" in lines and "Grew revenue in region 1 by a lot" in lines
    # The narrow sidebar is read after the main column, each as whole lines.
    assert lines.index("Grew revenue in region 5 by a lot a lot a lot a lot a lot") < lines.index(
        "Skill number 0"
    )


def test_right_aligned_dates_are_not_mistaken_for_columns() -> None:
    rows = "".join(
        f'<p>Account Manager at Company {i}<span style="float:right">2019 - 2022</span></p>'
        for i in range(6)
    )
    result = extract_text(pdf_bytes(rows), "dates.pdf")
    assert result.warnings == ()
    assert "Account Manager at Company 0  2019 - 2022" in result.text


def test_docx_paragraphs_and_list_items_in_order() -> None:
    result = extract_text(docx_bytes(), "resume.docx")
    assert result.kind == "docx"
    assert result.text.splitlines() == [
        "Jane Doe",
        "jane.doe@example.com",
        "Experience",
        "Account Manager, Acme Corp, 2019 - 2022",
        f"{BULLET} Grew revenue 20% across 40 accounts",
        f"{BULLET} Renewed 30 contracts worth $2M",
        "Education",
        "BA Economics, State University",
    ]
    assert result.warnings == ()


def test_docx_table_text_is_kept_and_flagged() -> None:
    result = extract_text(docx_bytes(with_table=True), "resume.docx")
    lines = result.text.splitlines()
    assert lines.index("Salesforce | Negotiation") < lines.index("Education")
    assert any("table" in warning for warning in result.warnings)
    assert result.reordered


def test_utf8_text_with_bom() -> None:
    data = "\ufeffJosé Núñez\nAccount Manager at Acme since 2019\n".encode()
    result = extract_text(data, "resume.txt")
    assert result.kind == "txt"
    assert result.text == "José Núñez\nAccount Manager at Acme since 2019"


def test_cp1252_text_is_decoded() -> None:
    data = "Renée O’Brien – Account Manager\n• Grew revenue by 20% for “key” accounts\n"  # noqa: RUF001
    result = extract_text(data.encode("cp1252"), "resume.txt")
    assert result.text.splitlines() == [
        "Renée O’Brien – Account Manager",  # noqa: RUF001
        f"{BULLET} Grew revenue by 20% for “key” accounts",
    ]


def test_content_decides_the_type_and_a_wrong_name_is_flagged() -> None:
    result = extract_text(pdf_bytes(), "resume.docx")
    assert result.kind == "pdf"
    assert "Jane Doe" in result.text
    assert any("named .docx" in warning for warning in result.warnings)


def test_owner_password_only_pdf_is_read() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "Jane Doe" in extract_text(out.getvalue(), "resume.pdf").text


def test_two_page_pdf_is_fast() -> None:
    items = "".join(
        f"<li>Grew net revenue retention to {i}% across 40 enterprise accounts in the west</li>"
        for i in range(40)
    )
    data = pdf_bytes(f"<h1>Jane Doe</h1><h2>Experience</h2><ul>{items}</ul>" * 2)
    extract_text(data, "warm-up.pdf")
    started = time.perf_counter()
    result = extract_text(data, "resume.pdf")
    assert result.pages is not None and result.pages >= 2
    # A generous bound that catches a pathological slowdown; the 100 ms target is benchmarked.
    assert time.perf_counter() - started < 1.0


# --- failures ----------------------------------------------------------------------------


def test_empty_file() -> None:
    assert_refused(b"", "resume.pdf", "empty", "empty")
    assert_refused(b"  \n\t ", "resume.txt", "empty", "empty")


def test_too_large() -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_text(b"a" * 2000, "resume.txt", ExtractLimits(max_bytes=1000))
    assert caught.value.code == "too_large"
    assert "limit" in caught.value.message


def test_encrypted_pdf() -> None:
    assert_refused(blank_pdf(1, password="pw"), "resume.pdf", "encrypted", "password")


def test_encrypted_word_document() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200 + "EncryptedPackage".encode("utf-16-le")
    assert_refused(ole, "resume.docx", "encrypted", "password")


def test_legacy_doc_is_refused_with_a_way_out() -> None:
    assert_refused(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "resume.doc", "unsupported_type", ".docx"
    )


def test_three_hundred_pages_are_refused_quickly() -> None:
    data = blank_pdf(300)
    started = time.perf_counter()
    error = assert_refused(data, "resume.pdf", "too_many_pages", "300 pages", "20")
    assert time.perf_counter() - started < 1.0
    assert error.message


def test_scanned_pdf_has_no_text() -> None:
    assert_refused(blank_pdf(1), "scan.pdf", "no_text", "ATS cannot read it either", "text-based")


def test_zip_bomb_docx_is_refused_before_inflating() -> None:
    data = zip_bomb()
    assert len(data) < 1024 * 1024
    started = time.perf_counter()
    assert_refused(data, "resume.docx", "zip_bomb", "expands")
    assert time.perf_counter() - started < 0.5


def test_renamed_png() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(range(256))
    assert_refused(png, "resume.pdf", "unsupported_type", "PNG image", "cannot read text")


def test_random_bytes() -> None:
    noise = bytes((i * 97 + 13) % 256 for i in range(4096))
    assert_refused(noise, "resume.bin", "unsupported_type", ".bin")
    assert_refused(noise, "resume.pdf", "not_really_pdf", "not a PDF")
    assert_refused(noise, "resume.docx", "corrupt", "not a readable Word document")
    assert_refused(noise, "resume.txt", "binary_text", "not plain text")


def test_broken_pdf_is_corrupt_and_leaks_no_warnings() -> None:
    truncated = pdf_bytes()[:600]
    assert_refused(truncated, "resume.pdf", "corrupt", "damaged")


def test_broken_docx_is_corrupt() -> None:
    data = bytearray(docx_bytes())
    data[len(data) // 2 : len(data) // 2 + 400] = b"\0" * 400
    assert_refused(bytes(data), "resume.docx", "corrupt", "damaged")


def test_other_zip_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert_refused(out.getvalue(), "resume.docx", "unsupported_type", "not a Word document")


def test_text_with_nul_bytes() -> None:
    assert_refused(b"Jane Doe\x00\x00\x00Account Manager", "resume.txt", "binary_text", "binary")


# --- pasted text and normalisation -------------------------------------------------------


def test_pasted_text_is_normalised() -> None:
    result = extract_pasted("Jane Doe\r\n\r\n\r\n\r\n▪ Grew revenue\x07\n* Cut churn\n")
    assert result.text == f"Jane Doe\n\n{BULLET} Grew revenue\n{BULLET} Cut churn"
    assert result.kind == "txt" and result.pages is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "empty"), ("   \n  ", "empty"), ("x" * 50_001, "too_large")],
)
def test_pasted_text_failures(text: str, code: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_pasted(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "line",
    [
        "• Grew revenue",
        "•Grew revenue",
        "▪ Grew revenue",
        "– Grew revenue",  # noqa: RUF001
        "— Grew revenue",
        "- Grew revenue",
        "* Grew revenue",
        "· Grew revenue",
        "\uf0b7 Grew revenue",
        "   ➢  Grew revenue",
    ],
)
def test_every_bullet_glyph_becomes_one_form(line: str) -> None:
    assert normalize_text(line) == f"{BULLET} Grew revenue"


@pytest.mark.parametrize(
    "line",
    ["-5% churn year over year", "2019 - 2022", "*Note: references on request"],
)
def test_text_that_only_looks_like_a_bullet_is_kept(line: str) -> None:
    assert normalize_text(line) == line


def test_glyph_on_its_own_line_joins_the_next_line() -> None:
    assert normalize_text("•\nGrew revenue") == f"{BULLET} Grew revenue"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalising_is_idempotent_and_never_fails(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\x00" not in once


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from(["a.pdf", "a.docx", "a.txt", "a", "a.png"]))
def test_any_bytes_give_text_or_a_clear_error(data: bytes, filename: str) -> None:
    try:
        result = extract_text(data, filename)
    except ExtractionError as error:
        assert error.message
    else:
        assert result.text.strip()


# --- DOCX layouts ------------------------------------------------------------------------


def test_docx_table_rows_read_left_to_right_with_their_bullets() -> None:
    result = extract_text(fixtures.docx_table_experience(), "resume.docx")
    expected = ["Experience"]
    for title, dates, bullets in fixtures.JOBS:
        expected.append(" | ".join([*title.split(", "), dates]))
        expected.extend(f"{BULLET} {bullet}" for bullet in bullets)
    expected.append("Education")
    lines = result.text.splitlines()
    assert [line for line in lines if line in expected] == expected
    assert result.reordered
    assert any("table" in warning for warning in result.warnings)


def test_docx_text_box_header_comes_first_once_and_numbered_items_are_bullets() -> None:
    result = extract_text(fixtures.docx_text_box_header(), "resume.docx")
    lines = result.text.splitlines()
    assert lines[:2] == list(fixtures.HEADER_BOX)
    assert lines[2:] == list(fixtures.job_lines())
    assert result.text.count("Dana Lee") == 1  # the VML fallback copy is not read again
    assert result.reordered
    assert any("text boxes" in warning for warning in result.warnings)


def test_docx_page_header_is_read_first_and_footer_last() -> None:
    result = extract_text(fixtures.docx_header_contact(), "resume.docx")
    assert result.text.splitlines()[:2] == ["Dana Lee | dana.lee@example.com", "Experience"]
    assert any("header or footer" in warning for warning in result.warnings)
    footer = extract_text(fixtures.docx_text_box_header(footer="Dana Lee, Chicago IL"), "r.docx")
    assert footer.text.splitlines()[-1] == "Dana Lee, Chicago IL"


def test_docx_footer_page_number_alone_is_not_text() -> None:
    result = extract_text(fixtures.docx_text_box_header(footer="2"), "resume.docx")
    assert result.text.splitlines()[-1] != "2"
    assert not any("header or footer" in warning for warning in result.warnings)


# --- garbled characters ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("garbled", "repaired"),
    [
        ("Grew sales to $43\u00c2 million", "Grew sales to $43 million"),
        ("\u00e2\u20ac\u00a2Display a positive attitude", f"{BULLET} Display a positive attitude"),
        ("Company Name \u00ef\u00bc\u200b City", "Company Name \uff0d City"),
        ("the team\u00e2\u20ac\u2122s quota", "the team\u2019s quota"),
        ("a $ \u00c2\u00bd million deal", "a $ \u00bd million deal"),
        ("caf\u00c3\u00a9 chain", "caf\u00e9 chain"),
        ("\ufb01nance and o\ufb03ce", "finance and office"),
    ],
)
def test_mojibake_is_repaired_on_both_paths(garbled: str, repaired: str) -> None:
    assert extract_pasted(garbled).text == repaired
    upload = extract_text(f"Dana Lee, Account Manager\n{garbled}".encode(), "resume.txt")
    assert upload.text == f"Dana Lee, Account Manager\n{repaired}"


def test_plain_text_and_real_accents_are_left_alone() -> None:
    text = "Ren\u00e9e O\u2019Brien \u2013 \u201cR&amp;D\u201d accounts in S\u00e3o Paulo"
    assert normalize_text(text) == text


def test_repairing_fifty_kilobytes_is_fast() -> None:
    line = "Grew sales\u00e2\u20ac\u2122 pipeline by 20%\u00c2 in Q3 \u00ef\u00bc\u200b City {}\n"
    text = "".join(line.format(i) for i in range(1100))[:50_000]
    normalize_text(text[:1000])
    started = time.perf_counter()
    normalize_text(text)
    # Measured about 60 ms for 50 KB garbled on every line, 2 ms for a real resume.
    assert time.perf_counter() - started < 0.5
