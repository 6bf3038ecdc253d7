"""Resumes in the layouts real uploads have, written at test time (WeasyPrint, python-docx).

Every text here is invented. Each fixture comes with what a person reads from it: the
experience heading, the job lines and the bullets, in order (``Expected``).
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from weasyprint import HTML

BULLET = "\u2022"

JOBS = (
    (
        "Senior Account Manager, Northwind Traders",
        "Jan 2019 \u2013 Present",
        (
            "Grew net revenue retention to 118% across 42 enterprise accounts",
            "Renewed $3.1M in annual contracts two quarters ahead of plan",
            "Cut onboarding time by 30% with a shared success plan",
        ),
    ),
    (
        "Account Manager, Contoso Ltd",
        "03/2016 to 12/2018",
        (
            "Expanded a book of 60 mid-market accounts by 25% in two years",
            "Led quarterly business reviews with 15 client executives",
        ),
    ),
)
SIDEBAR = (
    "Contact",
    "dana.lee@example.com",
    "(555) 010-2233",
    "Skills",
    "Salesforce",
    "Negotiation",
    "Forecasting",
    "QBRs",
)


@dataclass(frozen=True)
class Expected:
    """What the extracted text must hold as whole lines, in this order."""

    lines: tuple[str, ...]
    apart: tuple[str, ...] = ()  # lines that must not be glued into any other line


def job_lines(jobs: tuple[tuple[str, str, tuple[str, ...]], ...] = JOBS) -> tuple[str, ...]:
    """The heading, each job line ("title  dates" or "title, dates") and each bullet."""
    out = ["Experience"]
    for title, dates, bullets in jobs:
        out.append(f"{title}, {dates}")
        out.extend(f"{BULLET} {bullet}" for bullet in bullets)
    return tuple(out)


def experience_html(jobs: tuple[tuple[str, str, tuple[str, ...]], ...] = JOBS) -> str:
    """The experience section as HTML: a heading, each job line and its bulleted list."""
    parts = ["<h2>Experience</h2>"]
    for title, dates, bullets in jobs:
        parts.append(f"<p>{title}, {dates}</p>")
        parts.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
    return "".join(parts)


def sidebar_html() -> str:
    headings = {"Contact", "Skills"}
    return "".join(f"<h3>{line}</h3>" if line in headings else f"<p>{line}</p>" for line in SIDEBAR)


_PAGE = "<style>@page { size: letter; margin: 2cm } body { font: 10pt sans-serif }</style>"


def pdf(html: str) -> bytes:
    """A text PDF rendered by WeasyPrint."""
    return HTML(string=_PAGE + html).write_pdf()


def sidebar_pdf(side: str = "left") -> bytes:
    """A 30% sidebar (contact and skills) beside the experience, as a CSS grid."""
    bar = f'<div class="bar">{sidebar_html()}</div>'
    main = f'<div class="main"><h1>Dana Lee</h1>{experience_html()}</div>'
    columns = "30% 1fr" if side == "left" else "1fr 30%"
    body = bar + main if side == "left" else main + bar
    style = f"<style>.grid {{ display: grid; grid-template-columns: {columns}; gap: 24pt }}</style>"
    return pdf(f'{style}<div class="grid">{body}</div>')


def two_column_pdf() -> bytes:
    """Two columns of about equal width: experience on the left, the rest on the right."""
    right = (
        "<h2>Education</h2><p>BA Economics, Lakeside University, 2015</p>"
        "<h2>Certifications</h2><p>Certified Customer Success Manager</p>"
        "<h2>Skills</h2><p>Salesforce, Gainsight, Negotiation, Forecasting</p>"
    )
    style = "<style>.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24pt }</style>"
    return pdf(
        f'{style}<h1>Dana Lee</h1><div class="grid"><div>{experience_html()}</div>'
        f"<div>{right}</div></div>"
    )


def newspaper_jobs() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Enough jobs to fill one column and flow into the next."""
    more = (
        "Account Coordinator, Fabrikam Inc",
        "Summer 2015",
        ("Prepared renewal quotes for 80 small accounts", "Kept CRM records current"),
    )
    jobs = (*JOBS, more, *JOBS)
    return tuple(
        (f"{title} {i}", dates, tuple(f"{bullet} ({i})" for bullet in bullets))
        for i, (title, dates, bullets) in enumerate(jobs)
    )


def newspaper_pdf() -> bytes:
    """Newspaper style: the experience flows down the left column, then the right one."""
    style = "<style>.cols { column-count: 2; column-gap: 24pt } h2 { margin-top: 0 }</style>"
    return pdf(
        f'{style}<h1>Dana Lee</h1><div class="cols">{experience_html(newspaper_jobs())}</div>'
    )


def dated_jobs() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Jobs with each common date form on the job line."""
    forms = ("Jan 2019 \u2013 Present", "2019\u201321", "03/2018 to Current", "Summer 2020")
    return tuple(
        (f"Account Manager, Company {i}", form, (f"Grew accounts in region {i} by {10 + i}%",))
        for i, form in enumerate(forms)
    )


def right_aligned_dates_pdf() -> bytes:
    """Job lines with the dates right-aligned on the same line (a float), then bullets."""
    parts = ["<h2>Experience</h2>"]
    for title, dates, bullets in dated_jobs():
        parts.append(f'<p>{title}<span style="float:right">{dates}</span></p>')
        parts.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
    return pdf("<h1>Dana Lee</h1>" + "".join(parts))


GLYPHS = ("\u2022", "\u25aa", "\u27a2", "\u2013", "\uf0b7")


def glyph_bullets_pdf() -> bytes:
    """Bullets typed as characters (not list markers), each glyph once."""
    lines = "".join(
        f"<p>{glyph}&nbsp;Closed {i + 2} new logos in the north region</p>"
        for i, glyph in enumerate(GLYPHS)
    )
    job = "<p>Account Manager, Contoso Ltd, 2019 \u2013 2021</p>"
    return pdf(f"<h1>Dana Lee</h1><h2>Experience</h2>{job}{lines}")


def all_caps_pdf() -> bytes:
    """A resume typed in capitals."""
    html = experience_html(
        tuple((t.upper(), d.upper(), tuple(b.upper() for b in bs)) for t, d, bs in JOBS)
    ).replace("Experience", "EXPERIENCE")
    return pdf("<h1>DANA LEE</h1>" + html)


SPANISH = (
    "Ana García",
    "Experiencia profesional",
    "Gerente de cuentas, Distribuidora del Norte, 2019 \u2013 actualidad",
    "Aumenté las ventas de la cartera en un 20% durante el primer año",
    "Gestioné una cartera de 40 clientes con contratos de renovación anual",
    "Coordiné con el equipo de ventas para que los clientes recibieran sus pedidos a tiempo",
    "Educación",
    "Licenciatura en Administración de Empresas por la Universidad de Sevilla",
)
FRENCH = (
    "Claire Martin",
    "Expérience professionnelle",
    "Chargée de clientèle, Société des Eaux, depuis 2018",
    "Développé un portefeuille de 50 clients dans la région de Lyon",
    "Négocié les contrats de renouvellement avec les directeurs des achats",
    "Mis en place un suivi mensuel des ventes pour chaque client et pour toute l'équipe",
)
GERMAN = (
    "Jonas Becker",
    "Berufserfahrung",
    "Key Account Manager bei der Nordwerk GmbH, seit 2017",
    "Umsatz mit den größten Kunden um 15% gesteigert und neue Verträge abgeschlossen",
    "Verantwortlich für die Betreuung von 30 Kunden in der Region und für das Team",
    "Ich habe die Angebote mit dem Vertrieb und der Buchhaltung abgestimmt",
)


def spanish_pdf() -> bytes:
    body = "".join(
        f"<h2>{line}</h2>" if line in ("Experiencia profesional", "Educación") else f"<p>{line}</p>"
        for line in SPANISH
    )
    return pdf(body)


# --- DOCX --------------------------------------------------------------------------------


def docx_bytes(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def docx_table_experience() -> bytes:
    """The experience laid out in a table: title, company and dates in cells of one row,
    the bullets in a merged row below."""
    document = Document()
    document.add_paragraph("Dana Lee")
    document.add_heading("Experience", level=1)
    table = document.add_table(rows=0, cols=3)
    for title, dates, bullets in JOBS:
        job, company = title.split(", ")
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = job, company, dates
        merged = table.add_row().cells
        cell = merged[0].merge(merged[2])
        cell.paragraphs[0].text = bullets[0]
        cell.paragraphs[0].style = document.styles["List Bullet"]
        for bullet in bullets[1:]:
            cell.add_paragraph(bullet, style="List Bullet")
    document.add_heading("Education", level=1)
    document.add_paragraph("BA Economics, Lakeside University, 2015")
    return docx_bytes(document)


def _text_box(lines: tuple[str, ...]) -> str:
    """A paragraph holding a DrawingML text box (with its VML fallback copy), as Word writes."""
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return (
        f"<w:p {nsdecls('w')} "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{body}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


HEADER_BOX = ("Dana Lee", "dana.lee@example.com | (555) 010-2233")


def docx_text_box_header(footer: str = "") -> bytes:
    """Name and contact in a text box at the top; Word-numbered bullets; an optional footer."""
    document = Document()
    body = document.element.body
    body.insert(0, parse_xml(_text_box(HEADER_BOX)))
    document.add_heading("Experience", level=1)
    for title, dates, bullets in JOBS:
        document.add_paragraph(f"{title}, {dates}")
        for bullet in bullets:
            paragraph = document.add_paragraph(bullet, style="List Paragraph")
            _number(paragraph)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    return docx_bytes(document)


def _number(paragraph: object) -> None:
    """Give a paragraph Word numbering (numPr) directly, as Word does for list items."""
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    num = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    ppr.append(copy.deepcopy(num))
    assert ppr.find(qn("w:numPr")) is not None


def docx_header_contact() -> bytes:
    """Contact details in the page header, body below."""
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Dana Lee | dana.lee@example.com"
    document.add_heading("Experience", level=1)
    title, dates, bullets = JOBS[0]
    document.add_paragraph(f"{title}, {dates}")
    for bullet in bullets:
        document.add_paragraph(bullet, style="List Bullet")
    return docx_bytes(document)
