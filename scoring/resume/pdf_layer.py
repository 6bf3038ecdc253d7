"""Read the text layer of a PDF with PDFium: every character with its position, and the
small shapes drawn as list bullets, page by page, for ``layout`` to put in reading order.

Why PDFium (pypdfium2) and not pypdf or pdfplumber: both are pure Python and parse each
content stream operator by operator. On the 100 real resumes (2,2 pages each) pypdf's
plain extraction takes 158 ms a resume (median), its visitor API 162 ms, pdfplumber
400 ms; PDFium gives every character with its box in 18 ms, so an upload costs about what
pasting costs. pypdf stays in front of it (``extract``): it refuses encrypted and
oversized files in pure Python before any byte reaches PDFium, and reads what PDFium
cannot open.

PDFium is not thread-safe: every call goes through one lock per process.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from scoring.resume.layout import Glyph, Mark, PageLayout, read_page

__all__ = ["PasswordRequired", "PdfLayerError", "read_layout"]

_LOCK = threading.Lock()
# Characters that separate words: PDFium's own spaces and line breaks, real ones, and
# control characters (no glyph of their own).
_BREAKS = frozenset(
    " \u00a0\u2002\u2003\u2009\u200b\u3000"
    + "".join(map(chr, range(32)))
    + "".join(map(chr, range(0x7F, 0xA0)))
)
#: A drawn bullet is a small shape: at most this many points across, about as tall as wide.
_MARK_MAX = 9.0
_MARK_MIN = 1.5
#: Drawn objects looked at on one page (a resume page has a few thousand at most).
_MAX_OBJECTS = 20_000


class PdfLayerError(Exception):
    """PDFium could not open the file or one of its pages."""


class PasswordRequired(PdfLayerError):
    """The PDF needs a password to open."""


def read_layout(data: bytes, max_pages: int, max_chars: int) -> Iterator[PageLayout]:
    """Each page's lines in reading order; stops after ``max_chars`` characters of text.

    Raises PdfLayerError (or PasswordRequired) when PDFium cannot open the document.
    """
    with _LOCK:
        pages = list(_read_pages(data, max_pages, max_chars))
    yield from pages


def _read_pages(data: bytes, max_pages: int, max_chars: int) -> Iterator[PageLayout]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PasswordRequired(str(exc)) from exc
        raise PdfLayerError(str(exc)) from exc
    try:
        count = len(document)
        if count > max_pages:
            raise PdfLayerError(f"{count} pages")
        budget = max_chars
        for index in range(count):
            page = document[index]
            try:
                glyphs, used = _glyphs(page, budget)
                layout = read_page(glyphs, _marks(page))
            finally:
                page.close()
            yield layout
            budget -= used
            if budget <= 0:
                break
    except pdfium.PdfiumError as exc:
        raise PdfLayerError(str(exc)) from exc
    finally:
        document.close()


def _glyphs(page: pdfium.PdfPage, budget: int) -> tuple[list[Glyph | None], int]:
    """The page's characters in content order (None for a space), at most ``budget``."""
    textpage = page.get_textpage()
    try:
        count = min(pdfium_c.FPDFText_CountChars(textpage), max(budget, 0))
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # characters outside the BMP: read one code point at a time
            text = "".join(
                chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count)
            )
        rect = pdfium_c.FS_RECTF()
        box = ctypes.byref(rect)
        handle = textpage.raw
        loose_box = pdfium_c.FPDFText_GetLooseCharBox
        new = tuple.__new__  # a Glyph without NamedTuple's argument parsing: 6,000 a resume
        glyphs: list[Glyph | None] = []
        space = True
        for index, char in enumerate(text):
            if char in _BREAKS:
                if not space:
                    glyphs.append(None)
                    space = True
                continue
            # The loose box spans the font's advance and its descent to ascent: its left
            # edge is the origin, and its bottom is as steady along a line as the baseline.
            loose_box(handle, index, box)
            # In tenths of a point: glyphs of one font and size share it (advances are learnt
            # by it), where PDFium's own figures differ in the last digits.
            height = int((rect.top - rect.bottom) * 10 + 0.5) / 10
            if height > 0:
                left = rect.left
                glyphs.append(new(Glyph, (char, left, rect.bottom, rect.right - left, height)))
                space = False
        return glyphs, count
    finally:
        textpage.close()


def _marks(page: pdfium.PdfPage) -> list[Mark]:
    """Small filled shapes drawn on the page: the bullets of lists drawn as graphics."""
    marks: list[Mark] = []
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    box = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    get_object, get_type = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    handle = page.raw
    for index in range(min(pdfium_c.FPDFPage_CountObjects(handle), _MAX_OBJECTS)):
        item = get_object(handle, index)
        if get_type(item) != path or not pdfium_c.FPDFPageObj_GetBounds(item, *box):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        small = _MARK_MIN <= width <= _MARK_MAX and _MARK_MIN <= height <= _MARK_MAX
        if small and 0.6 <= width / height <= 1.6:
            marks.append(Mark(left.value, bottom.value, right.value, top.value))
    return marks
