"""What the inclusive-language check flags across the whole postings corpus, by pattern.

``python -m evaluation.language_audit`` runs the check's own steps (``unglue``, the
pipeline, ``find_coded_words``: what ``check_language`` highlights) over every posting of
the corpus except the ninth held-out sample's (``held_out_postings(lexicon, 9)``, kept
blind), and, for every highlighted word, records a pattern of its reading: the entry, the
word in lower case, its part of speech and dependency, the lemma and part of speech of
the word it attaches to, and the lemma of a compound or object under it. It prints the
patterns by count (each with up to four contexts, 60 characters either side), a coarser
grouping by entry, lemma and part of speech, the cumulative share the top patterns hold,
and the totals.

``--sample N --seed S`` prints instead N flagged words drawn at random (seeded) from
postings no label file touches and outside the ninth sample, each in its context, for a
reader to judge whether each is a coded use.

It prints to stdout only: posting text is read from the real-data corpus and never
written into the repository.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from evaluation.corpus import Posting, postings

CONTEXT = 60
EXAMPLES = 4
_OBJECT_DEPS = ("compound", "dobj", "pobj")


@dataclass(frozen=True)
class Flag:
    """One highlighted word: its posting, offsets, pattern and context."""

    job_id: str
    start: int
    end: int
    pattern: tuple[str, ...]
    context: str


def _child_lemma(token: Any) -> str:
    """The lemma of a compound or an object under the word (through a preposition)."""
    for dep in _OBJECT_DEPS:
        for child in token.children:
            if child.dep_ == dep:
                return f"{dep}:{child.lemma_.lower()}"
    for child in token.children:
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return f"{child.lower_}:{grand.lemma_.lower()}"
    return "-"


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    flat = re.sub(r"\s+", " ", f"{left}[[{text[start:end]}]]{right}")
    return flat


def flags(items: list[Posting], lexicon: Any, nlp: Any) -> list[Flag]:
    """Every word the check highlights in the postings, with its pattern."""
    from scoring.language import find_coded_words
    from scoring.language_text import unglue

    out: list[Flag] = []
    for posting in items:
        text = posting.description
        glued = unglue(text, lexicon.posting.bullet_markers)
        doc = nlp(glued.text)
        masculine, feminine = find_coded_words(glued, doc, lexicon, nlp=nlp)
        # Offsets in the original text back to the unglued text (an inserted line break
        # shares its origin with the character after it, which is the one kept).
        back = {o: i for i, o in enumerate(glued.origin)}
        for word in masculine + feminine:
            span = doc.char_span(back[word.start], back[word.end - 1] + 1, alignment_mode="expand")
            token = span.root if span is not None and len(span) else None
            if token is None:
                pattern: tuple[str, ...] = (word.stem, word.word.lower(), "?", "?", "?", "?", "-")
            else:
                head = token.head
                pattern = (
                    word.stem,
                    token.lower_,
                    token.pos_,
                    token.dep_,
                    head.lemma_.lower() if head is not token else "ROOT",
                    head.pos_ if head is not token else "-",
                    _child_lemma(token),
                )
            out.append(
                Flag(
                    posting.job_id,
                    word.start,
                    word.end,
                    pattern,
                    _context(text, word.start, word.end),
                )
            )
    return out


def _excluded(lexicon: Any) -> set[str]:
    from evaluation.language import held_out_postings

    return {p.job_id for p in held_out_postings(lexicon, 9)}


def _labelled() -> set[str]:
    from evaluation.language import HELD_OUT_9, LABELS, SAMPLES, labels

    # The ninth sample's file is never opened: its postings are excluded by id already.
    paths = [LABELS, *(path for path, _, _ in SAMPLES if path != HELD_OUT_9)]
    return {label.job_id for path in paths for label in labels(path)}


def _label_index() -> dict[str, list[tuple[int, int, bool]]]:
    """The labelled spans by posting (every label file but the ninth sample's)."""
    from evaluation.language import HELD_OUT_9, LABELS, SAMPLES, labels

    out: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for path in [LABELS, *(p for p, _, _ in SAMPLES if p != HELD_OUT_9)]:
        for label in labels(path):
            out[label.job_id].append((label.start, label.end, label.coded))
    return out


def _labelled_as(flag: Flag, index: dict[str, list[tuple[int, int, bool]]]) -> bool | None:
    for start, end, is_coded in index.get(flag.job_id, ()):
        if start < flag.end and flag.start < end:
            return is_coded
    return None


def report(found: list[Flag], n_postings: int) -> None:
    """Print the patterns by count (with how the label files label the pattern's
    occurrences they hold), the coarse groups and the totals."""
    index = _label_index()
    by_pattern: dict[tuple[str, ...], list[Flag]] = defaultdict(list)
    for flag in found:
        by_pattern[flag.pattern].append(flag)
    ordered = sorted(by_pattern.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    total = len(found)
    print(f"flagged words: {total} in {len({f.job_id for f in found})} of {n_postings} postings")
    print(f"patterns: {len(ordered)}; with 3 or more: {sum(len(v) >= 3 for _, v in ordered)}")
    coarse = Counter((f.pattern[0], f.pattern[1], f.pattern[2]) for f in found)
    print("\n# by entry, word and part of speech")
    for key, count in coarse.most_common():
        if count >= 3:
            print(f"{count:5d}  {' | '.join(key)}")
    print("\n# patterns: entry | word | pos | dep | head lemma | head pos | child")
    running = 0
    for pattern, items in ordered:
        running += len(items)
        seen = [_labelled_as(f, index) for f in items]
        marks = f"labelled {seen.count(True)} coded / {seen.count(False)} not"
        share = f"{100 * running / total:5.1f}%"
        print(f"\n{len(items):4d} ({share})  {' | '.join(pattern)}   [{marks}]")
        rng = random.Random(len(items))  # noqa: S311 (which examples to show)
        for flag in rng.sample(items, min(EXAMPLES, len(items))):
            mark = {True: "C", False: "N", None: " "}[_labelled_as(flag, index)]
            print(f"     {mark} {flag.job_id}: {flag.context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="print N random flagged words")
    parser.add_argument("--seed", type=int, default=1710)
    args = parser.parse_args()

    from scoring.content import load_content
    from scoring.nlp import load_pipeline

    lexicon = load_content().gender
    nlp = load_pipeline()
    excluded = _excluded(lexicon)
    items = [p for p in postings() if p.job_id not in excluded]
    if args.sample:
        labelled = _labelled()
        items = [p for p in items if p.job_id not in labelled]
        found = flags(items, lexicon, nlp)
        drawn = random.Random(args.seed).sample(found, min(args.sample, len(found)))  # noqa: S311
        print(f"{len(drawn)} of {len(found)} flagged words in {len(items)} unlabelled postings")
        for i, flag in enumerate(drawn, 1):
            print(f"{i:3d} {flag.pattern[0]:>12} {flag.job_id}: {flag.context}")
        return
    report(flags(items, lexicon, nlp), len(items))


if __name__ == "__main__":
    main()
