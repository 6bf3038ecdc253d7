"""Rebuild a PDF page's text in reading order from the positions of its characters.

Pure geometry, no PDF library: ``pdf_layer`` hands over the glyphs of a page (a character,
its origin, its advance and height, in PDF points with y growing upwards) and the small
drawn marks that stand for list bullets. From those this module builds words, visual
lines (words on one baseline), columns (from vertical gutters of white space that run
down many lines), and the page's text read column by column.

Reading order: a page is cut at the widest gutter that runs down at least a few lines;
the lines above and below it stay where they are. Two columns of about equal width are
read left, then right (newspaper style). A narrow column (a sidebar of at most
``SIDEBAR_SHARE`` of the wider one) is read *after* the main column, wherever it sits:
the main column holds the experience the checker judges, and a sidebar's blocks (skills,
contact, languages) carry headings of their own, so they read as sections of their own.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from scoring.resume.glyphs import BULLET, BULLET_LINE

__all__ = [
    "SIDEBAR_SHARE",
    "Glyph",
    "Line",
    "Mark",
    "PageLayout",
    "Word",
    "read_page",
    "visual_lines",
    "words_from_glyphs",
]

#: A column at most this share of the other column's width is a sidebar, read after it.
SIDEBAR_SHARE = 0.7
#: A gutter must run down at least this many lines, with text on each side in 3 of them.
_MIN_RUN_LINES = 4
_MIN_SIDE_LINES = 3
#: A gutter is at least this many line heights wide (a word space is about 0.2).
_GUTTER = 0.8
#: Bounds on hostile pages: drawn marks looked at, lines searched for columns, gutter
#: positions tried, and the tallest line height a bullet mark is looked for around.
_MAX_MARKS = 2000
_MAX_COLUMN_LINES = 400
_MAX_CANDIDATES = 40
_MAX_SIZE = 72.0
#: A space between two glyphs is wider than this share of the line height.
_SPACE = 0.12
#: A column line of this many words is prose, not an item of a grid of skills.
_PROSE_WORDS = 8
#: What a wrapped line can stop on, never a line of its own: the rest follows.
_OPEN_ENDS = (",", "-", "\u2013", "\u2014", "&", "/", "+")
#: Words this many line heights apart on one line are joined by two spaces, not one.
_WIDE = 1.2


class Glyph(NamedTuple):
    """One character placed on the page: origin x, baseline y, advance and line height.

    Glyphs of one font at one size must have the same ``height`` (round it to 0.1 pt):
    advances are learnt by it.
    """

    char: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Mark:
    """A small drawn shape (a list bullet drawn as a graphic), by its bounding box."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(slots=True)
class Word:
    """Glyphs on one baseline with no space between them."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    marked: bool = False


@dataclass(slots=True)
class Line:
    """Words on one baseline, left to right, and whether a drawn bullet mark opens it."""

    words: list[Word]
    y: float
    size: float

    @property
    def marked(self) -> bool:
        return self.words[0].marked

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    def text(self) -> str:
        """The line's words, one space apart, two where a wide gap separates them."""
        parts = [self.words[0].text]
        for before, word in zip(self.words, self.words[1:], strict=False):
            parts.append("  " if word.x0 - before.x1 > _WIDE * self.size else " ")
            parts.append(word.text)
        body = "".join(parts)
        if self.marked and not BULLET_LINE.match(body):
            return f"{BULLET} {body}"
        return body


@dataclass(frozen=True)
class PageLayout:
    """A page's lines in reading order (a blank line between blocks), whether reading
    across the page would have mixed its columns, and how many columns it was read as."""

    lines: tuple[str, ...]
    reordered: bool
    columns: int = 1


def words_from_glyphs(glyphs: Iterable[Glyph | None]) -> list[Word]:
    """Group glyphs (in content order; None stands for a space) into words.

    A glyph starts a new word when it leaves the baseline, steps back, or sits further from
    the previous glyph than that glyph's usual advance allows. The usual advance of each
    character at each height is learnt from the page itself (the most common step after
    it), because some producers place every glyph with its own rounded offset, so that the
    font's nominal widths overlap and the spaces are left out of the text layer.
    """
    placed = list(glyphs)
    advance = _usual_advances(placed)
    words: list[Word] = []
    chars: list[str] = []
    x0 = x1 = top = size = 0.0
    last_char, last_x, last_y, last_width, last_height = "", 0.0, 0.0, 0.0, 0.0
    for glyph in placed:
        if glyph is None:
            if chars:
                words.append(Word("".join(chars), x0, x1, top, size))
                chars = []
            continue
        char, x, y, width, height = glyph
        if chars:
            tolerance = 0.3 * last_height
            if -tolerance <= y - last_y <= tolerance:
                step = x - last_x
                if -0.05 < step < 0.05:  # a ligature's second letter, at the same origin
                    chars.append(char)
                    continue
                usual = advance.get((last_char, last_height), last_width)
                gap = step - min(usual, last_width)
                if -tolerance < gap <= _SPACE * last_height:
                    chars.append(char)
                    x1 = max(x1, x + width)
                    last_char, last_x, last_y, last_width, last_height = glyph
                    continue
            words.append(Word("".join(chars), x0, x1, top, size))
        chars = [char]
        x0, x1, top, size = x, x + width, y, height
        last_char, last_x, last_y, last_width, last_height = glyph
    if chars:
        words.append(Word("".join(chars), x0, x1, top, size))
    return [w for w in words if w.text.strip()]


def _usual_advances(placed: list[Glyph | None]) -> dict[tuple[str, float], float]:
    """The most common step after each character at each height, seen at least twice."""
    # Steps in tenths of a point, counted by the character before them and its height.
    steps: dict[tuple[str, float], dict[int, int]] = {}
    previous: Glyph | None = None
    for glyph in placed:
        if glyph is not None and previous is not None:
            height = previous.height
            if abs(glyph.y - previous.y) <= 0.3 * height:
                step = int((glyph.x - previous.x) * 10 + 0.5)
                if 0 < step < 20 * height:
                    counts = steps.setdefault((previous.char, height), {})
                    counts[step] = counts.get(step, 0) + 1
        previous = glyph
    advance: dict[tuple[str, float], float] = {}
    for key, counts in steps.items():
        step, seen = max(counts.items(), key=lambda item: item[1])
        if seen >= 2:
            advance[key] = step / 10
    return advance


def visual_lines(words: Sequence[Word], marks: Sequence[Mark] = ()) -> list[Line]:
    """Words sharing a baseline as lines, top to bottom, each marked if a bullet opens it."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (-w.y, w.x0)):
        if lines and abs(lines[-1].y - word.y) <= 0.35 * max(lines[-1].size, word.size):
            lines[-1].words.append(word)
            lines[-1].size = max(lines[-1].size, word.size)
        else:
            lines.append(Line([word], word.y, word.size))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
        line.words = _merge_touching(line.words, line.size)
    if marks:
        # Lines are top to bottom: look only at the few whose band can hold the mark.
        tops = [-line.y for line in lines]
        for mark in marks[:_MAX_MARKS]:
            middle = (mark.y0 + mark.y1) / 2
            first = bisect.bisect_left(tops, -middle - 2 * _MAX_SIZE)
            last = bisect.bisect_right(tops, -middle + _MAX_SIZE)
            _attach_mark(lines[first:last], mark)
    return lines


def _merge_touching(words: list[Word], size: float) -> list[Word]:
    """Join pieces of one word that content order had split (a word drawn in two runs)."""
    merged = [words[0]]
    for word in words[1:]:
        last = merged[-1]
        if -0.05 * size <= word.x0 - last.x1 <= 0.02 * size:
            last.text += word.text
            last.x1 = max(last.x1, word.x1)
        else:
            merged.append(word)
    return merged


def _attach_mark(lines: list[Line], mark: Mark) -> None:
    """Mark the word a drawn bullet sits just left of, on the same baseline."""
    middle = (mark.y0 + mark.y1) / 2
    for line in lines:
        for before, word in zip([None, *line.words], line.words, strict=False):
            if not word.y - 0.2 * word.size <= middle <= word.y + 0.9 * word.size:
                continue
            gap = word.x0 - mark.x1
            if 0 <= gap <= 2.5 * word.size and (before is None or before.x1 <= mark.x0):
                word.marked = True
                return


# --- columns -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Gutter:
    x: float
    start: int
    end: int  # exclusive
    score: int


def read_page(glyphs: Iterable[Glyph | None], marks: Sequence[Mark] = ()) -> PageLayout:
    """A page's text lines in reading order, columns read one after the other.

    ``reordered`` is set when reading straight across the page would have mixed the
    columns: a column's sentence or bullet wraps onto a second line (reading across cuts it
    in two), or the lines of one column fall between the lines of the other.
    """
    lines = visual_lines(words_from_glyphs(glyphs), marks)
    if not lines:
        return PageLayout((), False)
    gap = _GUTTER * statistics.median(line.size for line in lines)
    blocks: list[tuple[list[Line], bool]] = []
    interleaved, columns = _read_region(lines, gap, 0, False, blocks)
    out: list[str] = []
    reordered = interleaved
    for block, in_column in blocks:
        text = _join_wrapped(block)
        reordered = reordered or (in_column and len(text) < len(block))
        out.extend(text)
        out.append("")
    return PageLayout(tuple(out[:-1]), reordered, columns)


def _read_region(
    lines: list[Line],
    gap: float,
    depth: int,
    in_column: bool,
    blocks: list[tuple[list[Line], bool]],
) -> tuple[bool, int]:
    """Append the region's blocks in reading order; whether reading across would mix them."""
    searched = depth < 4 and len(lines) <= _MAX_COLUMN_LINES
    gutter = _find_gutter(lines, gap) if searched else None
    if gutter is None:
        blocks.append((lines, in_column))
        return False, 1
    run = lines[gutter.start : gutter.end]
    left = _side(run, gutter.x, left=True)
    right = _side(run, gutter.x, left=False)
    left_width = max(line.x1 for line in left) - min(line.x0 for line in left)
    right_width = max(line.x1 for line in right) - min(line.x0 for line in right)
    first, second = left, right
    if left_width < SIDEBAR_SHARE * right_width:
        first, second = right, left  # a sidebar on the left is read after the main column
    sidebar = min(left_width, right_width) < SIDEBAR_SHARE * max(left_width, right_width)
    # Reading across mixes a sidebar into the main text, and a sentence of one column into
    # the other's; only two lists of short items (a grid of skills) read across harmlessly.
    prose = any(len(line.words) >= _PROSE_WORDS for line in (*left, *right))
    interleaved = sidebar or prose or _interleaved(run, gutter.x)
    columns = 2
    for part, column in (
        (lines[: gutter.start], in_column),
        (first, True),
        (second, True),
        (lines[gutter.end :], in_column),
    ):
        if part:
            mixed, count = _read_region(part, gap, depth + 1, column, blocks)
            interleaved = interleaved or mixed
            columns = max(columns, count + 1 if column and not in_column else count)
    return interleaved, columns


def _interleaved(run: list[Line], x: float) -> bool:
    """Whether lines of one column fall between lines of the other, on baselines of their own."""
    sides = ["L" if line.x1 <= x else "R" if line.x0 >= x else "B" for line in run]
    one_sided = [side for side in sides if side != "B"]
    switches = sum(1 for a, b in itertools.pairwise(one_sided) if a != b)
    return switches >= 3


def _side(run: list[Line], x: float, *, left: bool) -> list[Line]:
    """The part of each line of a run on one side of a gutter, as lines of their own."""
    out: list[Line] = []
    for line in run:
        words = [w for w in line.words if (w.x1 <= x) == left]
        if words:
            out.append(Line(words, line.y, max(w.size for w in words)))
    return out


def _find_gutter(lines: list[Line], gap: float) -> _Gutter | None:
    """The strongest vertical band of white space that runs down several lines, if any."""
    candidates: Counter[int] = Counter()
    free: list[list[tuple[float, float]]] = []
    for line in lines:
        spans = []
        for before, word in zip(line.words, line.words[1:], strict=False):
            if word.x0 - before.x1 >= gap:
                spans.append((before.x1, word.x0))
                candidates[round(word.x0 - gap / 2)] += 1
                candidates[round(before.x1 + gap / 2)] += 1
        free.append(spans)
    # A gutter must be a gap inside at least two lines (a column start that lines up);
    # the edges that line up most often are tried first, and only so many of them.
    best: _Gutter | None = None
    for x, _ in candidates.most_common(_MAX_CANDIDATES):
        inside = sum(
            1
            for spans in free
            if any(a + gap / 2 - 0.5 <= x <= b - gap / 2 + 0.5 for a, b in spans)
        )
        if inside < 2:
            continue
        for gutter in _runs(lines, free, x, gap):
            if best is None or gutter.score > best.score:
                best = gutter
    return best


def _runs(
    lines: list[Line], free: list[list[tuple[float, float]]], x: float, gap: float
) -> Iterable[_Gutter]:
    """Maximal runs of lines that leave a band around x free, with text on both sides."""
    start = 0
    for i in range(len(lines) + 1):
        blocked = i == len(lines) or not _free_at(lines[i], free[i], x, gap)
        if not blocked:
            continue
        first, last = _trim(lines, start, i, x)
        if last - first >= _MIN_RUN_LINES:
            gutter = _judge(lines[first:last], x, first, last)
            if gutter is not None:
                yield gutter
        start = i + 1


def _trim(lines: list[Line], start: int, end: int, x: float) -> tuple[int, int]:
    """A run without the lines above where both columns have begun, nor a short tail.

    A heading or the last line of a paragraph above two columns is short enough to leave
    the gutter free, yet belongs above them; likewise one or two short lines below them.
    """
    seen_left = seen_right = False
    first = start
    for i in range(start, end):
        seen_left = seen_left or lines[i].x0 < x
        seen_right = seen_right or lines[i].x1 > x
        if seen_left and seen_right:
            first = i if lines[i].x0 < x < lines[i].x1 else i - 1
            # The first line of the column that began first, a row or two above.
            if first > start and lines[first - 1].y - lines[first].y <= 2.5 * lines[first].size:
                first -= 1
            break
    else:
        return start, start
    seen_left = seen_right = False
    last = end
    for i in range(end - 1, first - 1, -1):
        seen_left = seen_left or lines[i].x0 < x
        seen_right = seen_right or lines[i].x1 > x
        if seen_left and seen_right:
            last = i + 1 if lines[i].x0 < x < lines[i].x1 else i + 2
            break
    if end - last > 2:
        last = end
    # The wrapped rest of a column's last line belongs to that column.
    while last < end and _wraps_on(lines[last], lines[first:last], x):
        last += 1
    return max(first, start), min(last, end)


def _wraps_on(line: Line, above: list[Line], x: float) -> bool:
    """Whether a one-sided line is the wrapped rest of the column line above it."""
    if line.x0 < x < line.x1:
        return False
    left = line.x1 <= x
    for prior in reversed(above):
        part = [w for w in prior.words if (w.x1 <= x) == left]
        if part:
            break
    else:
        return False
    column_line = Line(part, prior.y, max(w.size for w in part))
    if column_line.y - line.y > 1.6 * line.size:
        return False
    if abs(line.x0 - _text_start(column_line)) > 0.15 * line.size:
        return False
    return _opens_item(column_line) or line.words[0].text[:1].islower()


def _free_at(line: Line, spans: list[tuple[float, float]], x: float, gap: float) -> bool:
    half = gap / 2 - 0.5
    if line.x1 <= x - half or line.x0 >= x + half:
        return True
    return any(a + half <= x <= b - half for a, b in spans)


def _judge(run: list[Line], x: float, start: int, end: int) -> _Gutter | None:
    """A run of lines free at x as a gutter, unless one side only labels the other's rows."""
    left = [line for line in run if line.x0 < x]
    right = [line for line in run if line.x1 > x]
    if len(left) < _MIN_SIDE_LINES or len(right) < _MIN_SIDE_LINES:
        return None
    right_parts = [[w for w in line.words if w.x0 >= x] for line in right]
    right_ends = [part[-1].x1 for part in right_parts]
    span = max(right_ends) - min(line.x0 for line in run)
    right_width = statistics.median(part[-1].x1 - part[0].x0 for part in right_parts)
    # Dates or places right-aligned beside a title: the right edges line up, the text is short.
    aligned = Counter(round(e) for e in right_ends).most_common(1)[0][1]
    if aligned >= 0.6 * len(right) and right_width < 0.25 * span:
        return None
    # Labels (dates, years) in a narrow column beside the rows they label: every label shares
    # its baseline with a row on the other side, and labels are far apart, few beside the
    # lines of the other side (a job's bullets), not a flow of text.
    narrow = left if len(left) <= len(right) else right
    both = sum(1 for line in narrow if line.x0 < x < line.x1)
    adjacent = sum(
        1 for a, b in itertools.pairwise(narrow) if a.y - b.y <= 1.6 * max(a.size, b.size)
    )
    wide = right if narrow is left else left
    sparse = len(narrow) <= 0.5 * len(wide)
    if both >= 0.8 * len(narrow) and adjacent < 0.5 * (len(narrow) - 1) and sparse:
        return None
    return _Gutter(x, start, end, score=min(len(left), len(right)) * 2 + len(run))


# --- wrapped lines -----------------------------------------------------------------------


def _join_wrapped(lines: list[Line]) -> list[str]:
    """Each line's text, with the wrapped lines of a bullet or a sentence joined to it."""
    out: list[str] = []
    right = max((line.x1 for line in lines), default=0.0)
    left = min((line.x0 for line in lines), default=0.0)
    previous: Line | None = None
    indent = 0.0
    bullet = False
    for line in lines:
        text = line.text()
        if previous is not None and _continues(previous, line, indent, bullet, (left, right)):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
            indent = _text_start(line)
            bullet = _opens_item(line)
        previous = line
    return out


def _opens_item(line: Line) -> bool:
    """Whether a line opens a list item: a drawn mark or a bullet glyph before its text."""
    return line.marked or BULLET_LINE.match(line.words[0].text + " x") is not None


def _text_start(line: Line) -> float:
    """Where a line's text begins: after its bullet glyph when it opens with one."""
    if len(line.words) > 1 and BULLET_LINE.match(line.words[0].text + " x"):
        return line.words[1].x0
    return line.x0


def _continues(
    previous: Line, line: Line, indent: float, bullet: bool, column: tuple[float, float]
) -> bool:
    """Whether a line is the wrapped rest of the item (bullet or sentence) before it."""
    size = max(previous.size, line.size)
    if previous.y - line.y > 1.6 * size or abs(previous.size - line.size) > 0.15 * size:
        return False
    if _opens_item(line) or abs(line.x0 - indent) > 0.15 * size:
        return False
    if bullet:
        return True
    # A line that wraps: its next word would not have fitted on the line before, and this
    # line goes on in lower case or with a number, or the line before stops on a sign that
    # cannot end a line ("Jan 2019 -", "Acme,").
    _, right = column
    first = line.words[0]
    if previous.x1 + 0.3 * size + (first.x1 - first.x0) <= right:
        return False
    return (
        first.text[:1].islower()
        or first.text[:1].isdigit()
        or previous.words[-1].text.endswith(_OPEN_ENDS)
    )
