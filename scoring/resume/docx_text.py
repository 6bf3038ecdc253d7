"""Read a Word document's text in reading order: header, body, text boxes, tables, footer.

The body is walked in document order: paragraphs, tables (a row is read left to right as
one line, "Title | Company | Jan 2019 - Present"), content controls, and the text boxes
anchored in a paragraph (read before that paragraph's own text: a name or contact block
in a text box sits at the top of the page it is anchored on). Paragraphs of a Word list
(numbering, where the bullet glyph is not part of the text) open with the bullet glyph so
that the structure parser sees a bullet. The first page's header is read first and its
footer last. Work is bounded: nesting deeper than ``_MAX_DEPTH`` is not followed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.section import Section
from lxml.etree import _Element

from scoring.resume.glyphs import BULLET, BULLET_LINE

__all__ = ["DocxReading", "read_docx_text"]

_MAX_DEPTH = 6
_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _TXBX = qn("w:tr"), qn("w:tc"), qn("w:txbxContent")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not the paragraph's own: deleted text, text boxes (read apart),
# the VML copy of a drawing (DrawingML's copy is read), and properties.
_SKIP = frozenset({qn("w:del"), _TXBX, _FALLBACK, qn("w:pPr"), qn("w:rPr"), qn("w:instrText")})


@dataclass
class DocxReading:
    """The document's lines and what in its layout an ATS may read differently."""

    lines: list[str] = field(default_factory=list)
    header_footer: bool = False
    tables: bool = False
    text_boxes: bool = False
    # Characters read so far, and where reading stops (the caller refuses what is over).
    chars: int = 0
    limit: int = 10**9


def read_docx_text(document: WordDocument, max_chars: int = 10**9) -> DocxReading:
    """The document's lines in reading order, and which layout features it uses.

    Reading stops once more than ``max_chars`` characters have been read.
    """
    reading = DocxReading(limit=max_chars)
    numbered_styles = _numbered_styles(document)
    section = document.sections[0] if document.sections else None
    if section is not None:
        for part in _first_page_parts(section, footer=False):
            reading.header_footer |= _read_part(part, reading, numbered_styles)
    _read_blocks(document.element.body, reading, numbered_styles, depth=0)
    if section is not None:
        for part in _first_page_parts(section, footer=True):
            reading.header_footer |= _read_part(part, reading, numbered_styles)
    return reading


def _first_page_parts(section: Section, *, footer: bool) -> Iterator[_Element]:
    """The XML of the header (or footer) the first page shows, when it has its own."""
    if section.different_first_page_header_footer:
        part = section.first_page_footer if footer else section.first_page_header
    else:
        part = section.footer if footer else section.header
    if not part.is_linked_to_previous:
        yield part._element


def _read_part(element: _Element, reading: DocxReading, numbered: frozenset[str]) -> bool:
    """Read a header or footer; whether it held any words (page numbers do not count)."""
    before = len(reading.lines)
    _read_blocks(element, reading, numbered, depth=0)
    added = reading.lines[before:]
    kept = [line for line in added if any(ch.isalpha() for ch in line)]
    reading.lines[before:] = kept
    return bool(kept)


def _read_blocks(
    container: _Element, reading: DocxReading, numbered: frozenset[str], depth: int
) -> None:
    """Paragraphs, tables and content controls of a body, cell, box or header, in order."""
    if depth > _MAX_DEPTH:
        return
    for child in container.iterchildren():
        if reading.chars > reading.limit:
            return
        if child.tag == _P:
            _read_paragraph(child, reading, numbered, depth)
        elif child.tag == _TBL:
            _read_table(child, reading, numbered, depth)
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                _read_blocks(content, reading, numbered, depth + 1)


def _read_paragraph(
    p: _Element, reading: DocxReading, numbered: frozenset[str], depth: int
) -> None:
    """A paragraph's text boxes, then its own text, a list item opening with a bullet."""
    for box in _text_boxes(p):
        reading.text_boxes = True
        _read_blocks(box, reading, numbered, depth + 1)
    text = _paragraph_text(p)
    if not text.strip():
        return
    first, _, rest = text.partition("\n")
    if _is_list_item(p, numbered) and not BULLET_LINE.match(first):
        first = f"{BULLET} {first.lstrip()}"
    reading.lines.append(first)
    if rest.strip():
        reading.lines.append(rest)
    reading.chars += len(text)


def _text_boxes(p: _Element) -> list[_Element]:
    """The text boxes anchored in a paragraph, each once (not the VML fallback copy)."""
    boxes = []
    for box in p.iter(_TXBX):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (_FALLBACK, _TXBX):
                break
            ancestor = ancestor.getparent()
        else:
            boxes.append(box)
    return boxes


def _paragraph_text(p: _Element) -> str:
    """The visible text of a paragraph: runs, hyperlinks, insertions, inline controls."""
    parts: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            parts.append(element.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            stack.extend(reversed(list(element)))
    return "".join(parts)


def _read_table(
    table: _Element, reading: DocxReading, numbered: frozenset[str], depth: int
) -> None:
    """Each row left to right: one line when its cells hold a line each, else cell by cell.

    A row whose cells hold one line each ("Title | Company | Jan 2019 - Present") is one
    line. A row with one cell of many lines (a job's bullets) beside short cells (its
    dates) reads the short cells' lines first, joined to the first line of the long cell.
    """
    for row in table.iterchildren(_TR):
        cells: list[list[str]] = []
        for cell in row.iterchildren(_TC):
            inner = DocxReading(limit=reading.limit - reading.chars)
            _read_blocks(cell, inner, numbered, depth + 1)
            reading.chars += inner.chars
            reading.text_boxes |= inner.text_boxes
            reading.tables |= inner.tables
            if inner.lines:
                cells.append(inner.lines)
        if len(cells) > 1:
            reading.tables = True
        reading.lines.extend(_row_lines(cells))


def _row_lines(cells: list[list[str]]) -> list[str]:
    """The lines of one table row, read left to right."""
    if not cells:
        return []
    longest = max(range(len(cells)), key=lambda i: len(cells[i]))
    if all(len(cell) == 1 for i, cell in enumerate(cells) if i != longest):
        first = [cell[0].strip() for cell in cells]
        return [" | ".join(part for part in first if part), *cells[longest][1:]]
    return [line for cell in cells for line in cell]


def _is_list_item(p: _Element, numbered: frozenset[str]) -> bool:
    """Whether a paragraph is an item of a Word list, by its numbering or its style."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False
    num = ppr.find(qn("w:numPr"))
    if num is not None:
        num_id = num.find(qn("w:numId"))
        value = num_id.get(qn("w:val")) if num_id is not None else None
        return value != "0"
    style = ppr.find(qn("w:pStyle"))
    return style is not None and style.get(qn("w:val")) in numbered


def _numbered_styles(document: WordDocument) -> frozenset[str]:
    """Ids of paragraph styles that number their paragraphs (themselves or by inheritance)."""
    numbered: set[str] = set()
    based_on: dict[str, str] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if style_id is None or style.get(qn("w:type")) != "paragraph":
            continue
        name = style.find(qn("w:name"))
        label = (name.get(qn("w:val")) if name is not None else "") or ""
        ppr = style.find(qn("w:pPr"))
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num is not None or label.startswith(("List Bullet", "List Number")):
            numbered.add(style_id)
        parent = style.find(qn("w:basedOn"))
        if parent is not None and num is None:
            based_on[style_id] = parent.get(qn("w:val")) or ""
    for _ in range(len(based_on)):
        inherited = {child for child, parent in based_on.items() if parent in numbered}
        if inherited <= numbered:
            break
        numbered |= inherited
    return frozenset(numbered)
