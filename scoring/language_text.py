"""Pasted postings run headings, list items and sentences together ("ResponsibilitiesBuild",
"objectives.Educate"); split them before reading, keeping offsets into the original."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Unglued", "unglue"]

# A lower-case letter then a capitalized word: "ResponsibilitiesBuild". The part before
# must be a word of at least this many letters, so names written in one word
# ("SharePoint", "PandoLogic", "HubSpot") stay whole.
MIN_GLUED_LEFT = 6
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# A word in lower case run into a capitalized one ("itemsActive communicator",
# "needsSupporting the team"), or a capitalized word run in after a figure ("10YearsLeading
# requirements"), is the end of one line and the start of the next: one-word names are
# capitalized ("SharePoint") or short ("eBay", "iPhone"). The lower-case part must have
# at least this many letters.
MIN_RUN_IN_LEFT = 4
# A sentence or a "Heading:" run into the next capitalized word, list number or dash item.
_PUNCT_GLUE = re.compile(
    r"(?<=[a-z0-9)][.!?:;])(?=[A-Z]|\d{1,2}[.)]\s)|(?<=[A-Za-z]:)(?=-\s?[A-Za-z])"
)


@dataclass(frozen=True)
class Unglued:
    """The text with line breaks inserted, and where each character came from."""

    original: str
    text: str
    origin: tuple[int, ...]  # for each character of ``text``, its index in ``original``

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``text`` as offsets in ``original``."""
        if end <= start:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def unglue(text: str, bullet_markers: tuple[str, ...] = ()) -> Unglued:
    """Insert a line break where pasting ran a heading, item or sentence into the next."""
    cuts: set[int] = set()
    for match in _CAMEL.finditer(text):
        start = match.start()
        while start and text[start - 1].isalpha():
            start -= 1
        length = match.start() - start
        run_in = (text[start].islower() and length >= MIN_RUN_IN_LEFT) or (
            start > 0 and text[start - 1].isdigit()
        )
        if length < MIN_GLUED_LEFT:
            if run_in:
                cuts.add(match.start())
            continue
        cuts.add(match.start())
        # A capitalized heading glued on both sides ("the base. ResponsibilitiesDevelop")
        # is a line of its own, unless a capitalized word before it belongs to it.
        before = text[:start].rstrip(" \t")
        if text[start].isupper() and before and before[-1] != "\n":
            previous = before.split()[-1] if before.split() else ""
            if not previous[:1].isupper() and previous.lower() not in {"and", "&", "of"}:
                cuts.add(start)
    cuts.update(m.start() for m in _PUNCT_GLUE.finditer(text))
    for marker in bullet_markers:
        if not marker.isascii() and unicodedata.category(marker[0]) != "Pd":
            # A non-ASCII bullet ("·", "§", "•") glued after text starts a new item.
            for m in re.finditer(re.escape(marker), text):
                if m.start() and text[m.start() - 1] not in "\n":
                    cuts.add(m.start())
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for cut in sorted(cuts):
        pieces.append(text[last:cut])
        origin.extend(range(last, cut))
        pieces.append("\n")
        origin.append(cut)
        last = cut
    pieces.append(text[last:])
    origin.extend(range(last, len(text)))
    return Unglued(text, "".join(pieces), tuple(origin))
