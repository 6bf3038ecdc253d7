"""The shape of one line of resume text: its words, its case, whether it ends a statement.

Small pure functions the structure parser reads lines by. Each looks at a line once, word
by word (no pattern that can backtrack over a long run of punctuation), and takes its word
lists as arguments: the words themselves live in content/resume_sections.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

__all__ = [
    "Span",
    "ends_statement",
    "first_word",
    "has_letters",
    "is_title_case",
    "last_word",
    "lower_share",
    "run_on_cuts",
    "sentence_spans",
    "starts_lower",
    "word_count",
]

#: A start and end offset in a string.
Span = tuple[int, int]

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
#: Characters trimmed from a word before its case or its last character is read.
_WORD_EDGES = "\"'()[]{}<>,;:.!?*\u201c\u201d\u2018\u2019\u2022\u00b7"
#: Closing marks that may follow a full stop ("...in 2019.)", "...sales.\u201d").
_CLOSERS = "\"')]}\u201d\u2019"
_STOPS = ".!?"


def _is_junk(token: str) -> bool:
    """A token with no ASCII letter or digit: a stray glyph or garbled bytes ('Â', 'ï¼')."""
    return _ASCII_ALNUM.search(token) is None


def _tokens(text: str) -> list[str]:
    """The words of a line, garbled and glyph-only tokens left out."""
    return [t for t in text.split() if not _is_junk(t)]


def has_letters(text: str) -> bool:
    """Whether a line holds at least one ASCII letter or digit."""
    return _ASCII_ALNUM.search(text) is not None


def word_count(text: str) -> int:
    """The words of a line that hold a letter or digit."""
    return len(_tokens(text))


def first_word(text: str) -> str:
    """The first real word of a line, its punctuation trimmed ('' when there is none)."""
    for token in _tokens(text):
        word = token.strip(_WORD_EDGES)
        if word:
            return word
    return ""


def last_word(text: str) -> str:
    """The last real word of a line, lower-cased, its punctuation trimmed."""
    for token in reversed(_tokens(text)):
        word = token.strip(_WORD_EDGES)
        if word:
            return word.lower()
    return ""


def starts_lower(text: str) -> bool:
    """Whether a line opens mid-sentence: a lower-case word, or a sign such as '(' or '$'."""
    for token in _tokens(text):
        head = token.lstrip("".join(ch for ch in token if not ch.isascii()))[:1] or token[0]
        if head.isalpha():
            return head.islower()
        return not head.isdigit()
    return False


def _stripped_end(text: str) -> str:
    """The line's last word without closing marks and garbled bytes after a full stop."""
    tokens = _tokens(text)
    if not tokens:
        return ""
    end = tokens[-1]
    cut = len(end)
    while cut and (end[cut - 1] in _CLOSERS or not end[cut - 1].isascii()):
        cut -= 1
    # "years.Â": the garbled non-breaking space after the stop is no part of the sentence.
    return end[:cut] if cut and end[cut - 1] in _STOPS else end.rstrip(_CLOSERS)


def ends_statement(text: str, abbreviations: Collection[str] = ()) -> bool:
    """Whether a line ends a sentence: a full stop, '!' or '?' not after an abbreviation."""
    end = _stripped_end(text)
    if not end or end[-1] not in _STOPS:
        return False
    word = end.rstrip(_STOPS).lstrip(_WORD_EDGES).lower()
    return word not in abbreviations


def _counted(text: str, minor: Collection[str]) -> list[str]:
    """The words whose case says something: alphabetic starts, minor words left out."""
    out = []
    for token in _tokens(text):
        word = token.strip(_WORD_EDGES)
        if word and word[0].isalpha() and word.lower() not in minor:
            out.append(word)
    return out


def lower_share(text: str, minor: Collection[str]) -> tuple[float, int]:
    """The share of a line's words that start in lower case, and how many words were read.

    Minor words ("of", "and") are left out, so "Director of Sales" reads 0.0 and
    "Managed a team of twelve" reads 0.75.
    """
    words = _counted(text, minor)
    if not words:
        return 0.0, 0
    return sum(w[0].islower() for w in words) / len(words), len(words)


def is_title_case(text: str, minor: Collection[str]) -> bool:
    """Whether every word but the minor ones is capitalised (or in capitals)."""
    share, counted = lower_share(text, minor)
    return counted > 0 and share == 0.0


def _boundaries(text: str) -> Iterator[tuple[int, int]]:
    """Where a full stop, '!' or '?' stands, and where it and its closing marks end."""
    for index, char in enumerate(text):
        if char in _STOPS and (index + 1 == len(text) or text[index + 1] not in _STOPS):
            end = index + 1
            while end < len(text) and (
                text[end] in _CLOSERS or not (text[end].isascii() or text[end].isspace())
            ):
                end += 1
            yield index, end


def sentence_spans(text: str, abbreviations: Collection[str]) -> list[Span]:
    """Cut a statement into sentences: at a full stop followed by a capitalised word.

    Glued sentences ("proper areas.Adhered to") are cut too, when a lower-case word ends
    the first and a capitalised word opens the second. A full stop after an abbreviation
    or an initial, or before a lower-case word, a digit or a bracket, is no boundary; a
    piece of one word stays with the sentence before it.
    """
    cuts: list[int] = []
    for stop, end in _boundaries(text):
        if end >= len(text):
            break
        following = text[end:]
        glued = not following[0].isspace()
        nxt = following.lstrip()
        if not nxt or not nxt[0].isupper():
            continue
        head = text[:stop].rstrip()
        before = head[head.rfind(" ") + 1 :].lstrip(_WORD_EDGES)
        if not before or before.lower() in abbreviations or "." in before or len(before) < 2:
            continue
        # Glued ("areas.Adhered"): a lower-case word, then a capitalised word.
        if glued and not (before[-1].islower() and len(nxt) > 1 and nxt[1].islower()):
            continue
        cuts.append(end)
    spans: list[Span] = []
    begin = 0
    for cut in [*cuts, len(text)]:
        piece = text[begin:cut]
        if spans and word_count(piece) < 2:
            spans[-1] = (spans[-1][0], cut)
        elif word_count(piece) > 0 or not spans:
            spans.append((begin, cut))
        else:
            spans[-1] = (spans[-1][0], cut)
        begin = cut
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def run_on_cuts(text: str, minimum: int = 4) -> list[int]:
    """Offsets where a second statement starts with no full stop before it.

    In a long statement, a semicolon before a capitalised word separates duties.
    "...out of 75 representatives in the company Successfully Acquired a portfolio": a
    lower-case word, then a capitalised past-tense verb (or a capitalised adverb and
    verb) opening lower-case words. Both sides keep at least ``minimum`` words.
    """
    tokens = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]
    cuts: list[int] = []
    last = 0
    if len(tokens) > 30:
        # A long run of duties kept apart by semicolons: "...area; Develop and implement..."
        for index in range(minimum, len(tokens) - minimum):
            semicolon = tokens[index - 1][1].endswith(";")
            if semicolon and tokens[index][1][:1].isupper() and index - last >= minimum:
                cuts.append(tokens[index][0])
                last = index
        if cuts:
            return cuts
    for index in range(minimum, len(tokens) - minimum):
        before, (offset, word), after = tokens[index - 1][1], tokens[index], tokens[index + 1][1]
        if before.endswith(")") and word.istitle() and word.isalpha() and after[:1].islower():
            # "(Davison) Won award": a bracketed name closes a statement.
            cuts.append(offset)
            last = index
            continue
        if not (before.isalpha() and before.islower() and word.isalpha()):
            continue
        if not (word[0].isupper() and word[1:].islower()) or index - last < minimum:
            continue
        verb = word.endswith("ed") and after[:1].islower()
        adverb = (
            word.endswith("ly")
            and after[:1].isupper()
            and after.rstrip(",.").endswith("ed")
            and after[1:].rstrip(",.").islower()
        )
        if verb or adverb:
            cuts.append(offset)
            last = index
    return cuts
