"""Repair characters garbled by a wrong encoding on the way (mojibake), as ftfy does.

ftfy undoes whole garbled sequences. What it leaves are sequences that lost a byte on the
way, so that no encoding explains them any more; the ones real resumes carry are undone
here by pattern (the corpus README lists them): a non-breaking space whose second byte
became a plain space ("$43Â million"), and the fullwidth hyphen (U+FF0D, "ï¼") and the
zero-width space ("â€") whose last byte became a zero-width space.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

__all__ = ["repair_text"]

_FIXER = ftfy.TextFixerConfig(
    unescape_html=False,  # "&amp;" is what the person typed; unescaping is not idempotent
    fix_line_breaks=False,  # extract.normalize_text unifies line breaks itself
    fix_character_width=False,  # keep the fullwidth hyphen the job-header parser reads
    uncurl_quotes=False,  # a curly apostrophe is no error
    explain=False,
)
#: Sequences whose last byte was replaced by a zero-width space, before ftfy sees them.
_LOST_LAST_BYTE = re.compile("(\u00ef\u00bc|\u00e2\u20ac)\u200b")
_LOST_LAST_BYTE_FIX = {"\u00ef\u00bc": "\uff0d", "\u00e2\u20ac": ""}
#: "Â" left before a space or a zero-width space, or at a line's end: a non-breaking space.
_NBSP_LEFTOVER = re.compile("[ \t]*(?:\u00c2\u200b?)+(?:[ \t]+|$)", re.MULTILINE)
#: Latin ligatures (U+FB00 to U+FB06), which PDFs of some fonts give instead of letters.
_LIGATURES = re.compile("[\ufb00-\ufb06]")


def repair_text(text: str) -> str:
    """The text with mojibake undone; plain ASCII text is returned as it is."""
    if text.isascii():
        return text
    text = _LOST_LAST_BYTE.sub(lambda m: _LOST_LAST_BYTE_FIX[m.group(1)], text)
    text = _NBSP_LEFTOVER.sub(" ", text)
    repaired: dict[str, str] = {}  # a line repeated a thousand times is repaired once
    out = []
    for line in text.split("\n"):
        if line not in repaired:
            repaired[line] = _repair_line(line)
        out.append(repaired[line])
    return "\n".join(out)


def _repair_line(line: str) -> str:
    # ftfy works line by line anyway. Lines of plain ASCII, and lines with accents but no
    # sign of mojibake (ftfy's own test), need nothing: that keeps 50 KB of text cheap.
    if line.isascii():
        return line
    if is_bad(line) or _LIGATURES.search(line) or not unicodedata.is_normalized("NFC", line):
        return ftfy.fix_text(line, _FIXER)
    return line
