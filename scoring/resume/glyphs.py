"""How a resume marks its list items: bullet glyphs, numbering and dashes, in one place.

extract.py rewrites every list line to open with ``BULLET``; structure.py reads bullets
by ``strip_marker``; bullets.py skips ``LEADING_MARKS`` before a bullet's first word.
These are typographic conventions (characters and shapes), not words.
"""

from __future__ import annotations

import re

__all__ = [
    "BULLET",
    "BULLET_LINE",
    "DASHES",
    "GLYPH_ONLY",
    "HYPHENS",
    "LEADING_MARKS",
    "NUMBERED",
    "PRIVATE_BULLETS",
    "STRONG_BULLETS",
    "WEAK_BULLETS",
    "strip_marker",
]

#: The one bullet form every list line is rewritten to.
BULLET = "\u2022"
#: Glyphs that open a list line. Strong ones may touch the text; weak ones ("-", "*",
#: dashes, middle dots, "o" as Word's second-level bullet) need a space after them.
STRONG_BULLETS = (
    "\u2022\u25e6\u2023\u2043\u2219\u2981"  # round, white, triangular, hyphen bullets
    "\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25c6\u25c7\u2756\u2666"  # squares, circles, diamonds
    "\u25ba\u25b6\u25b8\u25b9\u27a2\u27a3\u27a4\u2794\u2192"  # arrows and pointers
    "\u2713\u2714\u2717"  # check marks
)
WEAK_BULLETS = "-*\u2013\u2014\u00b7o"  # hyphen, star, en and em dash, middle dot, o
#: A list line's leading glyph and the space after it.
BULLET_LINE = re.compile(
    rf"^[ \t]*(?:[{re.escape(STRONG_BULLETS)}][ \t]*|[{re.escape(WEAK_BULLETS)}][ \t]+)(?=\S)"
)
#: A line holding nothing but a glyph (PDFs often put the glyph on a line of its own).
GLYPH_ONLY = re.compile(rf"^[ \t]*[{re.escape(STRONG_BULLETS + WEAK_BULLETS)}][ \t]*$")
#: A numbered list item's "1." or "2)" and the space after it.
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")

#: Word's Symbol and Wingdings bullets come out of PDFs as private-use code points
#: (a ``str.translate`` table to ``BULLET``).
PRIVATE_BULLETS = dict.fromkeys(
    map(ord, "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0e0\uf0a8\uf06e"), BULLET
)

#: Marks skipped before a bullet's first word: the list glyphs (not the letter "o")
#: and the ">" and "+" some people type as bullets in plain text.
LEADING_MARKS = frozenset((STRONG_BULLETS + WEAK_BULLETS).replace("o", "") + ">+")

#: Characters that join the parts of a compound ("go-to-market", "48-hour").
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
#: Characters that stand between two dates of a range ("2019 - 2023", "2019\u20132023").
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015~"


def strip_marker(line: str) -> str | None:
    """The text of a list line without its glyph or number, or None when it is no list line."""
    match = BULLET_LINE.match(line) or NUMBERED.match(line)
    return line[match.end() :].strip() if match else None
