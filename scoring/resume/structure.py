"""Read a resume's plain text the way a person does: contact, sections, jobs, bullets, skills.

Plain, deterministic rules over the normalised text that extract.py produces; all words
(headings, month names, title words) come from content/resume_sections.yaml.

- **Sections by evidence.** A heading is a short line that looks like one: a known
  heading, alone on its line, and for the headings that are also list items
  ("Leadership") a heading's looks as well (capitals, a colon, white space, no list
  around it). Text before the first heading is kept: the name, headline and contact lines
  as contact, the rest as an (unheaded) summary. A section that holds dated jobs is read
  as experience whatever its heading says.
- **Jobs** are anchored on a date range. A header may be one line of any length or, as
  pypdf gives a PDF's styled spans, several short lines around the dates; they are joined.
- **Bullets** are statements: a glyph opens one, wrapped lines are joined back on, and
  each statement is cut into sentences (a paragraph's sentences are its bullets). Company
  descriptions, self-descriptions, credentials and client lists are not bullets.
- **Every line** is recorded with the part it was read as (``ResumeStructure.lines``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from scoring.models.base import load_file
from scoring.models.sections import SECTION_KEYS, SectionKey, SectionsFile, normalise_heading
from scoring.resume.glyphs import BULLET_LINE, DASHES, strip_marker
from scoring.resume.lines import (
    ends_statement,
    first_word,
    has_letters,
    is_title_case,
    last_word,
    lower_share,
    run_on_cuts,
    sentence_spans,
    starts_lower,
    word_count,
)
from scoring.sources import load_sources

__all__ = [
    "JUDGED_SECTIONS",
    "SECTION_KEYS",
    "Bullet",
    "Contact",
    "Job",
    "LineKind",
    "ReadLine",
    "ResumeStructure",
    "Section",
    "SectionKey",
    "SectionVocabulary",
    "load_section_vocabulary",
    "parse_structure",
]
#: A year and, when the resume gives it, a month (1-12).
YearMonth = tuple[int, int | None]
#: What a line was read as.
LineKind = Literal["heading", "job", "bullet", "contact", "skills", "other"]
#: Sections whose statements are bullets, judged like experience bullets.
JUDGED_SECTIONS: frozenset[SectionKey] = frozenset({"experience", "achievements"})
#: Sections whose glyph lines are reported as bullets, not judged (skills and education
#: lists are not bullets at all).
LISTED_SECTIONS: frozenset[SectionKey] = frozenset({"summary", "other"})
#: Sections never read as experience, whatever dates they hold.
_NEVER_JOBS: frozenset[SectionKey] = frozenset({"education", "certifications", "experience"})

#: Characters that separate two dates besides DASHES: the minus sign, fullwidth and small
#: hyphens, and the en and em dash as they read when UTF-8 was decoded as Windows-1252.
_RANGE_SIGNS = (
    *DASHES,
    "\u2212",
    "\ufe58",
    "\ufe63",
    "\uff0d",
    "\u00e2\u20ac\u201c",
    "\u00e2\u20ac\u201d",
)
#: Separators between the parts of a job header ("Acme \uff0d City", "Acme / Jun 2013").
_FIELD_SIGNS = ("|", "\u2022", "\u00b7", "/", "\uff0d", "\u00ef\u00bc", "\ufe63")

#: Bullet glyphs that open a new bullet inside a line: the round and square bullets, and
#: the round bullet as it reads when UTF-8 was decoded as Windows-1252.
_INLINE_BULLETS = ("\u2022", "\u25aa", "\u25cf", "\u25a0", "\u27a2", "\u00e2\u20ac\u00a2")

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_PHONE = re.compile(
    r"(?<![\w+/])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?|\d{1,4}[ .-])"
    r"(?:\d{2,4}[ .-]){1,3}\d{2,4}(?![\w/])"
)
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s|,;<>()]+|(?<![\w@.-])(?:[\w-]+\.)*(?:linkedin\.com|github\.com)/[^\s|,;<>()]+",
    re.IGNORECASE,
)
_US_LOCATION = re.compile(r"^[A-Z][A-Za-z.' -]+,\s*[A-Z]{2}(?:\s+\d{5})?$")
_PLACE_LOCATION = re.compile(
    r"^[A-Z][a-z.'-]+(?: [A-Z][a-z.'-]+)*,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*$"
)
_CONTACT_SPLIT = re.compile(r"\s*(?:\||•|·|  +|\s[-\u2013\u2014]\s)\s*")
_SKILL_SPLIT = re.compile(r"\s*(?:[,;|•·]|  +|\s[-\u2013\u2014]\s)\s*")
_NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z'\u2019.-]*$")
_INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z &/]{1,40}):\s*(\S.*)$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class SectionVocabulary:
    """The words the structure parser reads a resume by, loaded from content/."""

    headings: Mapping[str, SectionKey]
    title_words: frozenset[str]
    months: Mapping[str, int]
    present_words: tuple[str, ...]
    range_words: tuple[str, ...]
    name_particles: frozenset[str]
    work_modes: frozenset[str]
    company_markers: tuple[str, ...]
    list_joiners: tuple[str, ...]
    list_headings: frozenset[str] = frozenset()
    heading_words: Mapping[str, SectionKey] = field(default_factory=dict)
    seasons: Mapping[str, int] = field(default_factory=dict)
    minor_words: frozenset[str] = frozenset()
    continuation_words: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    company_nouns: frozenset[str] = frozenset()
    self_descriptions: tuple[str, ...] = ()
    credential_words: frozenset[str] = frozenset()
    list_openers: tuple[str, ...] = ()
    date_point: re.Pattern[str] = field(init=False, repr=False, compare=False)
    date_range: re.Pattern[str] = field(init=False, repr=False, compare=False)
    field_split: re.Pattern[str] = field(init=False, repr=False, compare=False)
    leading_joiner: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Build the patterns once: date points and ranges, job-line fields, list joiners."""
        named = _alternatives([*self.months, *self.seasons])
        present = _alternatives(self.present_words)
        point = (
            rf"(?:(?:{named})\.?,?\s?'?(?:19|20)\d\d"
            r"|(?:0?[1-9]|1[0-2])\s?[/.]\s?(?:19|20)\d\d"
            r"|(?:19|20)\d\d)"
        )
        object.__setattr__(
            self, "date_point", re.compile(rf"(?<![\w/.]){point}(?![\w/])", re.IGNORECASE)
        )
        signs = _alternatives(_RANGE_SIGNS)
        pattern = (
            rf"(?<![\w/.])(?P<start>{point})\s{{0,3}}(?:{signs}"
            rf"|\b(?:{_alternatives(self.range_words)})\b)\s{{0,3}}"
            rf"(?P<end>{point}|\b(?:{present})\b|\d\d)(?![\w/])"
        )
        object.__setattr__(self, "date_range", re.compile(pattern, re.IGNORECASE))
        markers = _alternatives(self.company_markers)
        fields = _alternatives(_FIELD_SIGNS)
        object.__setattr__(
            self,
            "field_split",
            re.compile(
                rf"\s*(?:{fields}|  +|\s[-\u2013\u2014]\s|,\s+(?=[A-Z])|\s+(?:{markers})\s+)\s*"
            ),
        )
        joiners = _alternatives(self.list_joiners)
        object.__setattr__(self, "leading_joiner", re.compile(rf"^(?:{joiners})\s+"))

    @classmethod
    def from_file(cls, sections: SectionsFile) -> SectionVocabulary:
        """The vocabulary of a validated resume_sections.yaml."""
        return cls(
            headings=MappingProxyType(sections.headings.by_heading()),
            title_words=frozenset(sections.title_words),
            months=MappingProxyType(
                {word: number for number, words in enumerate(sections.months, 1) for word in words}
            ),
            present_words=sections.present_words,
            range_words=sections.range_words,
            name_particles=frozenset(sections.name_particles),
            work_modes=frozenset(sections.work_modes),
            company_markers=sections.company_markers,
            list_joiners=sections.list_joiners,
            list_headings=frozenset(normalise_heading(h) for h in sections.list_headings),
            heading_words=MappingProxyType(sections.heading_words.by_word()),
            seasons=MappingProxyType({k.lower(): v for k, v in sections.seasons.items()}),
            minor_words=frozenset(sections.minor_words),
            continuation_words=frozenset(sections.continuation_words),
            abbreviations=frozenset(sections.abbreviations),
            company_nouns=frozenset(sections.company_nouns),
            self_descriptions=sections.self_descriptions,
            credential_words=frozenset(sections.credential_words),
            list_openers=sections.list_openers,
        )


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@dataclass(frozen=True)
class Contact:
    """The contact details an ATS would pick out of the resume.

    ``headline`` is the line under (or instead of) the name that says who the person is
    ("Senior Account Manager").
    """

    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]
    location: str | None
    headline: str | None = None


@dataclass(frozen=True)
class Section:
    """One section of the resume: its key, its heading as written and its non-blank lines.

    ``line_nos`` holds the number (from 1) of each of ``lines`` in the text read. The text
    before the first heading has an empty ``heading``.
    """

    key: SectionKey
    heading: str
    lines: tuple[str, ...]
    start_line: int
    line_nos: tuple[int, ...]


@dataclass(frozen=True)
class Job:
    """One job from the experience section."""

    title: str
    company: str
    start: YearMonth | None
    end: YearMonth | Literal["present"] | None
    bullets: tuple[str, ...]
    dates_text: str
    line_no: int


@dataclass(frozen=True)
class Bullet:
    """One bullet, its glyph stripped, with where it sits in the resume.

    ``lines`` are the numbers (from 1) of the lines it was read from: its first line
    (``line_no``) and any wrapped continuation lines joined onto it. Two sentences of
    one line share that line.
    """

    text: str
    section_key: SectionKey
    job_index: int | None
    lines: tuple[int, ...]

    @property
    def line_no(self) -> int:
        """The number of the bullet's first line."""
        return self.lines[0]

    def joined(self, line_no: int, text: str) -> Bullet:
        """The bullet with a wrapped continuation line joined on."""
        return replace(self, text=f"{self.text} {text}", lines=(*self.lines, line_no))


@dataclass(frozen=True)
class ReadLine:
    """One non-blank line of the text read and the part it was read as.

    ``number`` counts from 1 as in ``Bullet.lines``. Every line of a bullet (its wrapped
    continuation too) is a "bullet"; every line of a job header is a "job", also when a
    PDF glued the job's first bullet onto it.
    """

    number: int
    text: str
    kind: LineKind


@dataclass(frozen=True)
class ResumeStructure:
    """Everything the structure parser read from one resume."""

    contact: Contact
    sections: tuple[Section, ...]
    sections_found: frozenset[SectionKey]
    jobs: tuple[Job, ...]
    bullets: tuple[Bullet, ...]
    skills_terms: tuple[str, ...]
    word_count: int
    years_experience: float | None
    warnings: tuple[str, ...]
    lines: tuple[ReadLine, ...] = ()


def load_section_vocabulary(
    root: Path,
    *,
    levels: Sequence[str] | None = None,
    sources: Mapping[str, object] | None = None,
) -> SectionVocabulary:
    """Load and check content/resume_sections.yaml; a bad file fails naming file and field.

    ``levels`` is accepted like ``load_lexicon``'s; nothing in this file is keyed by level.
    """
    context = {
        "sources": load_sources(root) if sources is None else sources,
        "levels": None if levels is None else tuple(levels),
    }
    return SectionVocabulary.from_file(
        load_file(SectionsFile, root / "resume_sections.yaml", context)
    )


def parse_structure(
    text: str, vocab: SectionVocabulary, today: date | None = None
) -> ResumeStructure:
    """Split resume text into contact details, sections, jobs, bullets and skills."""
    today = today or date.today()
    lines = text.split("\n")
    reader = _Reader(vocab, lines)
    warnings: list[str] = []
    blocks = reader.blocks(warnings)
    jobs: list[Job] = []
    bullets: list[Bullet] = []
    for block in blocks:
        if block.key in JUDGED_SECTIONS:
            jobs_here, bullets_here = reader.read_work(block, len(jobs))
            jobs.extend(jobs_here)
            bullets.extend(bullets_here)
        else:
            bullets.extend(reader.read_other(block))
    bullets.sort(key=lambda b: b.line_no)
    sections = tuple(
        Section(
            b.key,
            b.heading,
            tuple(t for _, t in b.body),
            b.start,
            tuple(n for n, _ in b.body),
        )
        for b in blocks
    )
    found = {s.key for s in sections if s.lines or s.key != "contact"}
    if jobs or any(b.section_key in JUDGED_SECTIONS for b in bullets):
        found.add("experience")
    contact = reader.contact(blocks)
    if contact.email or contact.phone:
        found.add("contact")
    skills = _skills_terms((b.body for b in blocks if b.key == "skills"), vocab)
    years = _years_of_experience(jobs, today, warnings)
    _structure_warnings(frozenset(found), jobs, bullets, contact, warnings)
    return ResumeStructure(
        contact=contact,
        sections=sections,
        sections_found=frozenset(found),
        jobs=tuple(jobs),
        bullets=tuple(bullets),
        skills_terms=skills,
        word_count=sum(1 for token in text.split() if any(ch.isalnum() for ch in token)),
        years_experience=years,
        warnings=tuple(dict.fromkeys(warnings)),
        lines=tuple(
            ReadLine(number, line.strip(), reader.kinds.get(number, "other"))
            for number, line in enumerate(lines, start=1)
            if line.strip()
        ),
    )


# --- the reader --------------------------------------------------------------------------

_Body = list[tuple[int, str]]


@dataclass
class _Block:
    """A section while it is read: key, heading, first line and its non-blank lines."""

    key: SectionKey
    heading: str
    start: int
    body: _Body


@dataclass
class _Header:
    """A job header: the body indexes it spans, its joined text and its date range."""

    first: int
    last: int
    text: str
    dates: re.Match[str]
    tail: str  # the start of the first bullet when a PDF glued it to the header


@dataclass
class _Item:
    """A statement while its lines are gathered: (line number, text) pieces."""

    pieces: list[tuple[int, str]]
    glyph: bool
    job: int | None
    first_in_job: bool


@dataclass
class _JobDraft:
    """A job while its lines are still being read."""

    header: list[tuple[int, str]]
    text: str
    dates: re.Match[str] | None
    bullets: list[str] = field(default_factory=list)
    seen: bool = False  # a statement (bullet or not) was read under it
    extra: list[str] = field(default_factory=list)  # header fields glued to a bullet


class _Reader:
    """Reads the lines of one resume; records the kind of every line it reads."""

    def __init__(self, vocab: SectionVocabulary, lines: list[str]) -> None:
        self.vocab = vocab
        self.lines = lines
        self.kinds: dict[int, LineKind] = {}
        self.wrap = _wrap_width(lines)

    # --- headings and sections -----------------------------------------------------------

    def _neighbour(self, index: int, step: int) -> str:
        """The nearest non-blank line before (step -1) or after (step 1) a line index."""
        index += step
        while 0 <= index < len(self.lines):
            if self.lines[index].strip():
                return self.lines[index].strip()
            index += step
        return ""

    def _list_item(self, line: str) -> bool:
        """Whether a line reads as an item of a glyph-less list: a few words, no sentence.

        A glyph line is not counted: a line without a glyph among glyph items stands apart.
        """
        return (
            bool(line)
            and strip_marker(line) is None
            and word_count(line) <= 4
            and not ends_statement(line)
            and not line.endswith(":")
            and self.vocab.headings.get(normalise_heading(line)) is None
        )

    def _looks_like_heading(self, index: int, line: str) -> bool:
        """A heading's looks: capitals, a colon, white space around it, or no list around it."""
        if line.endswith(":"):
            return True
        letters = [ch for ch in line if ch.isalpha()]
        before, after = self._neighbour(index, -1), self._neighbour(index, 1)
        if letters and all(ch.isupper() for ch in letters) and len(letters) >= 3:
            if not any(ch.islower() for ch in before + after):
                pass  # everything around is in capitals too: capitals say nothing
            else:
                return True
        blank_before = index == 0 or not self.lines[index - 1].strip()
        blank_after = index + 1 >= len(self.lines) or not self.lines[index + 1].strip()
        if blank_before and blank_after:
            return True
        return not (self._list_item(before) and self._list_item(after))

    def heading(self, index: int, within: SectionKey | None) -> tuple[SectionKey, str, str] | None:
        """The section a heading line opens, its wording, and any text after 'Heading:'."""
        line = self.lines[index]
        stripped = line.strip().strip(":").strip()
        if not stripped or BULLET_LINE.match(line) or len(stripped) > 60:
            return None
        normal = normalise_heading(stripped)
        key = self.vocab.headings.get(normal)
        if key is not None:
            if normal in self.vocab.list_headings and not self._looks_like_heading(
                index, line.strip()
            ):
                return None
            return key, stripped, ""
        key = self._heading_by_word(stripped, normal)
        if key is not None and self._looks_like_heading(index, line.strip()):
            return key, stripped, ""
        inline = _INLINE_HEADING.match(line.strip())
        if inline:
            label = normalise_heading(inline.group(1))
            key = self.vocab.headings.get(label)
            # Inside a job, "Tools: Salesforce, Gainsight" is a detail, not a new section.
            if key is not None and (within not in JUDGED_SECTIONS or label == key):
                return key, inline.group(1).strip(), inline.group(2).strip()
        return None

    def _heading_by_word(self, stripped: str, normal: str) -> SectionKey | None:
        """A heading no list names, read by its last word ("Relevant Sales Experience")."""
        words = normal.split()
        if not 2 <= len(words) <= 4 or _DIGIT.search(stripped) or ends_statement(stripped):
            return None
        if not is_title_case(stripped, self.vocab.minor_words):
            return None
        if any(word in self.vocab.title_words for word in words[:-1]):
            return None  # "Director of Customer Experience" is a job title
        return self.vocab.heading_words.get(words[-1])

    def blocks(self, warnings: list[str]) -> list[_Block]:
        """Cut the text at headings; keep the text before the first one; read by evidence."""
        blocks: list[_Block] = [_Block("contact", "", 1, [])]
        for index, line in enumerate(self.lines):
            number = index + 1
            found = self.heading(index, blocks[-1].key)
            if found is not None:
                key, heading, rest = found
                self.kinds[number] = "heading"
                blocks.append(_Block(key, heading, number, [(number, rest)] if rest else []))
                continue
            if line.strip():
                blocks[-1].body.append((number, line.strip()))
                parts = [p for p in re.split(r" {2,}", line.strip()) if p]
                if (
                    len(parts) > 1
                    and sum(
                        self.vocab.headings.get(normalise_heading(p)) is not None for p in parts
                    )
                    > 1
                ):
                    warnings.append(
                        "Two section headings share one line, so the layout probably has "
                        "columns side by side. An ATS may mix them up; a single-column layout "
                        "is safer."
                    )
        out: list[_Block] = []
        for number, block in enumerate(blocks):
            if number == 0:
                out.extend(self._before_first_heading(block))
            else:
                out.append(block)
        read: list[_Block] = []
        for block in out:
            read.extend(self._by_evidence(block))
        return read

    def _before_first_heading(self, block: _Block) -> list[_Block]:
        """The name, headline and contact lines as contact; what follows as a summary."""
        body = block.body
        split = len(body)
        for index, (_, line) in enumerate(body):
            if self._contact_line(line):
                continue
            split = index
            break
        out = []
        if body[:split]:
            out.append(_Block("contact", "", block.start, body[:split]))
        if body[split:]:
            out.append(_Block("summary", "", body[split][0], body[split:]))
        return out

    def _contact_line(self, line: str) -> bool:
        """A line of the top block that names or reaches the person, not a sentence."""
        if _EMAIL.search(line) or _first_phone([line]) or _LINK.search(line):
            return True
        if strip_marker(line) is not None or ends_statement(line, self.vocab.abbreviations):
            return False
        share, counted = lower_share(line, self.vocab.minor_words)
        return word_count(line) <= 8 and not (counted >= 2 and share >= 0.5)

    def _by_evidence(self, block: _Block) -> list[_Block]:
        """A section holding dated jobs is experience from its first job on."""
        if block.key in _NEVER_JOBS or not block.body:
            return [block]
        if block.key == "achievements" and self._list_of_terms(block.body):
            return [replace(block, key="skills")]
        headers = self.find_headers(block.body)
        if not headers:
            return [block]
        first = headers[0].first
        if first == 0:
            return [replace(block, key="experience")]
        return [
            replace(block, body=block.body[:first]),
            _Block("experience", "", block.body[first][0], block.body[first:]),
        ]

    def _list_of_terms(self, body: _Body) -> bool:
        """Whether a section's lines are mostly short terms (a "Highlights" skills list)."""
        short = sum(
            1
            for _, line in body
            if all(word_count(part) <= 4 for part in re.split(r" {2,}", line))
            and not _DIGIT.search(line)
            and not ends_statement(line, self.vocab.abbreviations)
        )
        return len(body) >= 2 and short * 3 >= len(body) * 2

    # --- job headers ---------------------------------------------------------------------

    def _prose(self, text: str) -> bool:
        """Whether text reads as a sentence: most of its words in lower case."""
        share, counted = lower_share(text, self.vocab.minor_words)
        return counted >= 2 and share >= 0.5

    def _fragment(self, line: str) -> bool:
        """A short piece of a job header: a title, a company, a place, a date or a sign."""
        if strip_marker(line) is not None or "%" in line or "$" in line:
            return False
        if word_count(line) > 8 or len(line) > 80:
            return False
        if ends_statement(line, self.vocab.abbreviations) and has_letters(line):
            return False
        return not self._prose(line)

    def _anchor(self, line: str) -> tuple[str, str] | None:
        """A line holding a date that is no sentence: its header part and any glued bullet."""
        points = list(self.vocab.date_point.finditer(line))
        if not points:
            return None
        ranges = list(self.vocab.date_range.finditer(line))
        end = max(m.end() for m in [*points, *ranges])
        head, tail = line[:end], self._glued_tail(line[end:])
        header = head + line[end : len(line) - len(tail)]
        rest = self.vocab.date_range.sub(" ", header)
        rest = self.vocab.date_point.sub(" ", rest)
        share, counted = lower_share(rest, self.vocab.minor_words)
        if (counted >= 2 and share > 0.5) or word_count(rest) > 25:
            return None
        if word_count(rest) >= 3 and ends_statement(header, self.vocab.abbreviations):
            return None  # "...check-ins with every buyer. Won the 2021 award."
        return header.strip(), tail.strip()

    def _glued_tail(self, after: str) -> str:
        """A bullet glued after a header's fields, or '' when the text is all header.

        The bullet starts right after a place ("City , State Help customers") or, failing
        one, at a capitalised word opening lower-case words ("Acme Strengthened the").
        """
        words = after.split()
        for index, word in enumerate(words[:14]):
            if not word.endswith(","):
                continue
            place = index + 1  # the word after the comma
            if place < len(words) and words[place][:1].isupper():
                for start in (place + 1, place + 2):
                    if start < len(words) and self._opens(words, start):
                        return " ".join(words[start:])
        for index, word in enumerate(words):
            if word[:1].isupper() and self._opens(words, index):
                return " ".join(words[index:])
        return ""

    def _opens(self, words: list[str], index: int) -> bool:
        """Whether a sentence opens at ``words[index]``: a word, lower-case words at once."""
        window = words[index : index + 5]
        if len(window) < 3 or not window[0][:1].isalpha():
            return False
        if not any(w[:1].islower() for w in window[:3]):
            return False
        minor = self.vocab.minor_words
        return sum(1 for w in window if w[:1].islower() and w.lower() not in minor) >= 2

    def find_headers(self, body: _Body, single_dates: bool = False) -> list[_Header]:
        """The job headers of a section: date anchors and the short lines around them.

        A header needs a date range; with ``single_dates`` (inside an experience section)
        one date and a job title will do ("Business Development Manager 09/2013 Acme").
        """
        anchors = [self._anchor(line) for _, line in body]
        headers: list[_Header] = []
        used = -1  # the last body index a header took
        index = 0
        while index < len(body):
            anchor = anchors[index]
            if anchor is None or index <= used:
                index += 1
                continue
            first = index
            while (
                first - 1 > used
                and index - (first - 1) <= 8
                and self._piece(*body[first - 1])
                and anchors[first - 1] is None
                and not self._continued(body, first - 1)
            ):
                first -= 1
            last = index
            parts = [body[i][1] for i in range(first, index)] + [anchor[0]]
            tail = anchor[1]
            while not tail and last + 1 < len(body) and last + 1 - first <= 14:
                nxt = last + 1
                line = body[nxt][1]
                joined = " ".join(parts)
                complete = self.vocab.date_range.search(joined) is not None
                if complete and (
                    anchors[nxt] is not None or self._next_anchor_near(anchors, body, nxt)
                ):
                    break
                next_anchor = anchors[nxt]
                if next_anchor is not None:
                    parts.append(next_anchor[0])
                    tail = next_anchor[1]
                elif self._piece(body[nxt][0], line) and self._header_goes_on(
                    body, nxt, parts, complete
                ):
                    parts.append(line)
                else:
                    break
                last = nxt
            text = _join_header(parts)
            dates = self.vocab.date_range.search(text)
            if dates is None and single_dates and self._names_a_title(text):
                rest = self.vocab.date_point.sub(" ", text)
                if is_title_case(rest, self.vocab.minor_words):
                    dates = self.vocab.date_point.search(text)
            if dates is None:
                index += 1
                continue
            headers.append(_Header(first, last, text, dates, tail))
            used = last
            index = last + 1
        return headers

    def _header_goes_on(self, body: _Body, index: int, parts: list[str], complete: bool) -> bool:
        """Whether a header fragment after the anchor belongs to the header.

        A fragment that opens a sentence ("Took" / "inbound calls...") does not. Once the
        dates are read, only a title, a place, a span set apart by blank lines or a word
        after a separator ("\uff0d" / "City") goes on; "Delivered Results" is a sub-heading.
        """
        number, line = body[index]
        if index + 1 < len(body) and body[index + 1][0] == number + 1:
            after = body[index + 1][1]
            if starts_lower(after) and not self._piece(*body[index + 1]):
                return False
        if not complete:
            return True
        blank = (number >= 2 and not self.lines[number - 2].strip()) or (
            number < len(self.lines) and not self.lines[number].strip()
        )
        return (
            blank
            or not has_letters(parts[-1])
            or parts[-1].rstrip().endswith(",")
            or self._names_a_title(line)
            or _is_location(line.replace(" , ", ", "), self.vocab)
        )

    def _piece(self, number: int, line: str) -> bool:
        """A header fragment, or a short span pypdf set apart with blank lines around it.

        pypdf puts each styled span of a PDF line on its own line with a blank one between
        ("Sales associate" / "" / "Company Name"): a short line with a blank beside it
        belongs to the header even when it is in lower case.
        """
        if self._fragment(line):
            return True
        if word_count(line) > 6 or strip_marker(line) is not None or "%" in line:
            return False
        if ends_statement(line, self.vocab.abbreviations):
            return False
        before = number >= 2 and not self.lines[number - 2].strip()
        after = number < len(self.lines) and not self.lines[number].strip()
        return before or after

    def _names_a_title(self, text: str) -> bool:
        """Whether a line holds a job title word besides its dates."""
        words = re.findall(r"[a-z]+", self.vocab.date_point.sub(" ", text).lower())
        return any(word in self.vocab.title_words for word in words)

    def _next_anchor_near(
        self, anchors: list[tuple[str, str] | None], body: _Body, start: int
    ) -> bool:
        """Whether another date anchor follows within a run of header fragments."""
        for index in range(start, min(len(body), start + 9)):
            if anchors[index] is not None:
                return True
            if not self._fragment(body[index][1]):
                return False
        return False

    def _continued(self, body: _Body, index: int) -> bool:
        """Whether a line continues the line before it ("...plans for" / "Palace Grooming")."""
        if index == 0 or body[index - 1][0] < body[index][0] - 2:
            return False
        before = body[index - 1][1]
        return not ends_statement(before, self.vocab.abbreviations) and (
            last_word(before) in self.vocab.continuation_words or before.endswith((",", "-"))
        )

    # --- experience and achievements -----------------------------------------------------

    def read_work(self, block: _Block, first_job: int) -> tuple[list[Job], list[Bullet]]:
        """Jobs (anchored on dates) and their bullets (statements cut into sentences)."""
        body = block.body
        headers = {h.first: h for h in self.find_headers(body, block.key == "experience")}
        drafts: list[_JobDraft] = []
        bullets: list[Bullet] = []
        item: _Item | None = None

        def finish() -> None:
            nonlocal item
            if item is not None:
                bullets.extend(self._statements(item, block.key, drafts, first_job))
            item = None

        def job_index() -> int | None:
            return first_job + len(drafts) - 1 if drafts else None

        def leads_on(following: int) -> bool:
            # "Took" / "inbound calls...": a short line that a lower-case line continues.
            return (
                following < len(body)
                and body[following][0] == body[following - 1][0] + 1
                and starts_lower(body[following][1])
            )

        index = 0
        while index < len(body):
            number, line = body[index]
            header = headers.get(index)
            if header is not None:
                finish()
                lines = body[header.first : header.last + 1]
                for no, _ in lines:
                    self.kinds[no] = "job"
                drafts.append(_JobDraft(list(lines), header.text, header.dates))
                if header.tail:
                    item = _Item([(lines[-1][0], header.tail)], False, job_index(), True)
                index = header.last + 1
                continue
            index += 1
            if not has_letters(line):
                continue  # a garbled byte or a stray sign on a line of its own
            if item is None and self._fresh(drafts):
                glued = self._glued_header(line)
                if glued is not None:
                    self.kinds[number] = "job"
                    drafts[-1].header.append((number, glued[0]))
                    drafts[-1].extra.append(glued[0])
                    line = glued[1]
            for position, (segment, glyph) in enumerate(_segments(line)):
                if glyph and self._subheading(segment) and word_count(segment) <= 3:
                    finish()
                    self.kinds[number] = "heading"  # "\u2022 Machine Troubleshooting"
                elif glyph:
                    finish()
                    item = _Item([(number, segment)], True, job_index(), self._fresh(drafts))
                elif position == 0 and item is not None and self._continues(item, number, segment):
                    item.pieces.append((number, segment))
                elif position == 0 and self._subheading(segment) and not leads_on(index):
                    finish()
                    if self._undated_title(segment):
                        self.kinds[number] = "job"
                        drafts.append(_JobDraft([(number, segment)], segment, None))
                    else:
                        self.kinds[number] = "heading"
                else:
                    finish()
                    item = _Item([(number, segment)], False, job_index(), self._fresh(drafts))
        finish()
        jobs = [_finish_job(draft, self.vocab) for draft in drafts]
        return jobs, bullets

    def _glued_header(self, line: str) -> tuple[str, str] | None:
        """A job header's last fields glued to the job's first bullet on one line.

        "Sales Associate Acme \uff0d City , State Help customers, run the registers": the
        header part reads as a header (no sentence, with a title, a place or a separator)
        and the rest as a sentence.
        """
        if self._fragment(line) or strip_marker(line) is not None:
            return None
        tail = self._glued_tail(line)
        if not tail or len(tail) >= len(line):
            return None
        head = line[: len(line) - len(tail)].strip()
        share, counted = lower_share(head, self.vocab.minor_words)
        if word_count(head) < 2 or (counted >= 2 and share > 0.5):
            return None
        signs = any(sign in head for sign in _FIELD_SIGNS) or "," in head
        if not (signs or self._names_a_title(head)):
            return None
        return head, tail.strip()

    @staticmethod
    def _fresh(drafts: list[_JobDraft]) -> bool:
        """Whether the next statement is the first under the latest job header."""
        return bool(drafts) and not drafts[-1].seen

    def _continues(self, item: _Item, number: int, line: str) -> bool:
        """Whether a glyph-less line goes on with the statement before it (a wrapped line)."""
        last_no, before = item.pieces[-1]
        if number - last_no > 2:
            return False
        terminal = ends_statement(before, self.vocab.abbreviations)
        opened = sum(piece.count("(") - piece.count(")") for _, piece in item.pieces)
        if opened > 0 and not terminal:
            return True  # "...( Ex: Free gifts given for" / "Valentine's Day.)"
        if starts_lower(line):
            return not terminal or len(before) >= 0.7 * self.wrap
        if terminal:
            return False
        if last_word(before) in self.vocab.continuation_words or before.rstrip().endswith(
            (",", "-", "/", "&", ":", "(")
        ):
            return True
        return self.wrap > 0 and len(before) >= 0.85 * self.wrap

    def _subheading(self, line: str) -> bool:
        """A short title-cased line inside a section ("Delivered Results", "Key wins:")."""
        if line.endswith(":") and word_count(line) <= 6:
            return True
        if _DIGIT.search(line) or ends_statement(line, self.vocab.abbreviations):
            return False
        return word_count(line) <= 5 and is_title_case(line, self.vocab.minor_words)

    def _undated_title(self, line: str) -> bool:
        """A sub-heading line that names a job title ("Account Manager, Acme")."""
        if line.endswith(":"):
            return False
        words = re.findall(r"[a-z]+", line.lower())
        return any(word in self.vocab.title_words for word in words)

    def _statements(
        self, item: _Item, key: SectionKey, drafts: list[_JobDraft], first_job: int
    ) -> list[Bullet]:
        """An item's sentences: the bullets among them, every line's kind recorded."""
        text = ""
        offsets: list[tuple[int, int]] = []  # (start offset, line number) of each piece
        for number, piece in item.pieces:
            if text:
                text += " "
            offsets.append((len(text), number))
            text += piece
        out: list[Bullet] = []
        first = item.first_in_job
        spans: list[tuple[int, int]] = []
        for start, end in sentence_spans(text, self.vocab.abbreviations):
            for cut in run_on_cuts(text[start:end]):
                spans.append((start, start + cut))
                start += cut
            spans.append((start, end))
        if spans:
            start, end = spans[0]
            spans[0] = (start + _run_in_label(text[start:end]), end)
        for start, end in spans:
            sentence = text[start:end].strip()
            numbers = tuple(
                no
                for i, (begin, no) in enumerate(offsets)
                if begin < end
                and (offsets[i + 1][0] if i + 1 < len(offsets) else len(text) + 1) > start
            )
            if self._is_bullet(sentence, first):
                job = item.job
                out.append(Bullet(sentence, key, job, numbers))
                if job is not None and 0 <= job - first_job < len(drafts):
                    drafts[job - first_job].bullets.append(sentence)
                for no in numbers:
                    if self.kinds.get(no) != "job":
                        self.kinds[no] = "bullet"
            else:
                for no in numbers:
                    self.kinds.setdefault(no, "other")
            first = False
        if item.job is not None and 0 <= item.job - first_job < len(drafts):
            drafts[item.job - first_job].seen = True
        return out

    def _is_bullet(self, sentence: str, first_in_job: bool) -> bool:
        """Whether a statement says what the person did (RUBRIC.md, "Is it a bullet?")."""
        vocab = self.vocab
        if word_count(sentence) < 2 and not _DIGIT.search(sentence):
            return False
        lowered = " ".join(sentence.lower().split())
        lowered = lowered.lstrip("\"'*-\u2022 ")
        if any(
            lowered.startswith(phrase)
            and (len(lowered) == len(phrase) or not lowered[len(phrase)].isalnum())
            for phrase in (*vocab.self_descriptions, *vocab.list_openers)
        ):
            return False
        words = [w.strip(".,;:()\"'").lower() for w in sentence.split()]
        opener = first_word(sentence).lower()
        if (
            any(w in vocab.credential_words for w in words[:4])
            and word_count(sentence) <= 12
            and (opener in vocab.credential_words or not opener.endswith("ed"))
        ):
            return False
        if first_in_job and self._company_description(words, opener):
            return False
        return not self._name_list(sentence)

    def _company_description(self, words: list[str], opener: str) -> bool:
        """A line describing the employer ("Health care contracting firm that ...")."""
        if len(words) > 25 or opener.endswith("ed"):
            return False
        for index, word in enumerate(words[:6]):
            if word in self.vocab.company_nouns:
                following = words[index + 1] if index + 1 < len(words) else ""
                if not following or following in self.vocab.continuation_words:
                    return True
        return False

    def _name_list(self, sentence: str) -> bool:
        """A list of names (clients, brands): several commas between capitalised words."""
        if sentence.count(",") < 3:
            return False
        share, counted = lower_share(sentence, self.vocab.minor_words)
        return counted >= 4 and share <= 0.3

    # --- the other sections --------------------------------------------------------------

    def read_other(self, block: _Block) -> list[Bullet]:
        """Kinds for a section that holds no jobs; its glyph lines as bullets where listed."""
        kind: LineKind = (
            "contact" if block.key == "contact" else "skills" if block.key == "skills" else "other"
        )
        for number, _ in block.body:
            self.kinds.setdefault(number, kind)
        if block.key not in LISTED_SECTIONS:
            return []
        out: list[Bullet] = []
        previous = 0
        for number, line in block.body:
            text = strip_marker(line)
            if text is not None:
                out.append(Bullet(text, block.key, None, (number,)))
            elif out and previous == number - 1 and line[:1].islower():
                out[-1] = out[-1].joined(number, line)
            else:
                continue
            self.kinds[number] = "bullet"
            previous = number
        return out

    # --- contact -------------------------------------------------------------------------

    def _find_name(self, top: _Body, everywhere: list[str]) -> str | None:
        """The person's name: the first of the top lines that reads as one ("SALES
        ASSOCIATE" above "ABIGAIL FULTON"), or two one-word lines that do together."""
        lines = [line for _, line in top[:4]] or everywhere[:1]
        for index, line in enumerate(lines):
            name = _name(line, self.vocab)
            if name:
                return name
            after = lines[index + 1] if index + 1 < len(lines) else ""
            if word_count(line) == 1 and word_count(after) == 1:
                name = _name(f"{line} {after}", self.vocab)
                if name:
                    return name
        return None

    def contact(self, blocks: list[_Block]) -> Contact:
        """Name, email, phone, links, location and headline, looked for where they sit."""
        near = [text for b in blocks if b.key == "contact" for _, text in b.body]
        everywhere = [line.strip() for line in self.lines if line.strip()]
        email = _first(_EMAIL, near) or _first(_EMAIL, everywhere)
        phone = _first_phone(near) or _first_phone(everywhere)
        links: list[str] = []
        for line in near + everywhere:
            for match in _LINK.finditer(_EMAIL.sub(" ", line)):
                link = match.group(0).rstrip(".,;:)")
                if link.lower() not in (seen.lower() for seen in links):
                    links.append(link)
        top = (
            blocks[0].body
            if blocks and blocks[0].key == "contact" and not blocks[0].heading
            else []
        )
        name = self._find_name(top, everywhere)
        location = None
        headline = None
        for line in near:
            for part in _CONTACT_SPLIT.split(line):
                part = part.strip(" ,")
                contact_line = bool(_EMAIL.search(line) or _first_phone([line]))
                if _US_LOCATION.match(part) or (contact_line and _PLACE_LOCATION.match(part)):
                    location = part
                    break
            if location:
                break
        for _, line in top:
            if (
                (name and line in name.split(" "))
                or line == name
                or _EMAIL.search(line)
                or _first_phone([line])
                or _LINK.search(line)
            ):
                continue
            if location and location in line:
                continue
            if word_count(line) >= 2 or (len(line) >= 4 and line.isalpha()):
                headline = line
                break
        return Contact(
            name=name,
            email=email,
            phone=phone,
            links=tuple(links),
            location=location,
            headline=headline,
        )


def _run_in_label(text: str) -> int:
    """The length of a run-in label before a bullet's verb ("Quality Control Inspected").

    One to three capitalised words, none a past-tense verb, then a capitalised past-tense
    verb and a word: the label names a skill, the bullet starts at the verb.
    """
    words = text.split(" ")
    for index in range(1, min(4, len(words) - 1)):
        verb, after = words[index], words[index + 1]
        label = words[:index]
        if not all(w[:1].isupper() and w.isalpha() and not w.endswith("ed") for w in label):
            return 0
        if verb.istitle() and verb.isalpha() and verb.endswith("ed") and after[:1].isalpha():
            return len(" ".join(label)) + 1
    return 0


def _segments(line: str) -> list[tuple[str, bool]]:
    """A line cut at its bullet glyphs: each piece and whether a glyph opened it.

    A glyph inside a line ("service \u2022Display a positive attitude") opens a new
    bullet when a space stands before it and a capital after it.
    """
    first = strip_marker(line)
    if first is None and line.startswith(_INLINE_BULLETS):
        first = line[len(next(m for m in _INLINE_BULLETS if line.startswith(m))) :].strip()
    text = line if first is None else first
    out: list[tuple[str, bool]] = []
    start = 0
    glyph = first is not None
    index = 0
    while index < len(text):
        mark = _inline_mark(text, index)
        if mark and index > start:
            piece = text[start:index].strip()
            if piece:
                out.append((piece, glyph))
            start = index + mark
            glyph = True
            index += mark
            continue
        index += 1
    piece = text[start:].strip()
    if piece:
        out.append((piece, glyph))
    return out or [(text.strip(), glyph)]


def _inline_mark(text: str, index: int) -> int:
    """The length of a bullet glyph standing inside a line at ``index`` (0 when none)."""
    if index == 0 or not text[index - 1].isspace():
        return 0
    for mark in _INLINE_BULLETS:
        if text.startswith(mark, index):
            after = text[index + len(mark) :].lstrip()
            return len(mark) if after[:1].isupper() else 0
    return 0


def _wrap_width(lines: list[str]) -> int:
    """The width at which the text's long lines wrap, or 0 when its lines do not wrap.

    Wrapped text has many lines of nearly the same length (the column's width); text
    with one statement a line has no such cluster.
    """
    lengths = sorted(len(line.strip()) for line in lines if word_count(line) >= 5)
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(1 for length in lengths if 0.85 * width <= length <= 1.05 * width)
    return width if near * 6 >= len(lengths) and width >= 50 else 0


def _join_header(parts: list[str]) -> str:
    """A job header's pieces as one line; signs and commas join their neighbours."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not text:
            text = part
        elif not has_letters(part) or text.endswith((",", "/")):
            text = f"{text} {part}"
        else:
            text = f"{text}  {part}"
    return re.sub(r"\s+,", ",", text)


def _finish_job(draft: _JobDraft, vocab: SectionVocabulary) -> Job:
    """Turn a draft (header lines, date match, bullets) into a Job."""
    dates = draft.dates
    header = draft.text
    if dates is not None:
        header = f"{header[: dates.start()]}  {header[dates.end() :]}"
    header = "  ".join([header, *draft.extra])
    title, company = _title_and_company(header.strip(" ,|()-\u2013\u2014"), vocab)
    ranged = dates is not None and "start" in dates.re.groupindex
    start = None
    if dates is not None:
        start = _parse_point(dates.group("start") if ranged else dates.group(0), vocab)
    end: YearMonth | Literal["present"] | None = None
    if dates and ranged and start is not None:
        end_text = dates.group("end")
        if end_text.lower() in vocab.present_words:
            end = "present"
        elif end_text.isdigit() and len(end_text) == 2:
            year = start[0] // 100 * 100 + int(end_text)
            end = (year + 100 if year < start[0] else year, None)
        else:
            end = _parse_point(end_text, vocab)
    return Job(
        title=title,
        company=company,
        start=start,
        end=end,
        bullets=tuple(draft.bullets),
        dates_text=dates.group(0) if dates else "",
        line_no=draft.header[0][0] if draft.header else 0,
    )


def _title_and_company(header: str, vocab: SectionVocabulary) -> tuple[str, str]:
    """Tell the job title from the company among a job header's parts."""
    header = header.replace(" , ", ", ")
    parts = [p.strip(" ,") for p in vocab.field_split.split(header) if p.strip(" ,")]
    if len(parts) < 2:
        parts = [p.strip() for p in re.split(r",\s+", header) if p.strip()]
    parts = [p for p in parts if has_letters(p) and not _is_location(p, vocab)]
    parts = [p for p in parts if p.lower() not in vocab.present_words]
    if not parts:
        return "", ""

    def title_score(part: str) -> int:
        words = re.findall(r"[a-z]+", part.lower())
        joined = f" {' '.join(words)} "
        return sum(f" {w} " in joined for w in vocab.title_words)

    scores = [title_score(p) for p in parts]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    if scores[best] == 0:
        best = 0
    title = parts[best]
    others = [p for i, p in enumerate(parts) if i != best]
    return title, others[0] if others else ""


def _is_location(part: str, vocab: SectionVocabulary) -> bool:
    """Whether a header fragment is a place ('Chicago, IL') or 'Remote' rather than a name."""
    return (
        bool(_US_LOCATION.match(part) or _PLACE_LOCATION.match(part))
        or part.lower() in vocab.work_modes
    )


def _parse_point(text: str, vocab: SectionVocabulary) -> YearMonth:
    """A date as (year, month or None) from 'Jan 2020', 'Summer 2019', '03/2018' or '2019'."""
    year = int(_YEAR.findall(text)[-1])
    word = re.match(r"[A-Za-z]+", text)
    if word:
        name = word.group(0).lower()
        return year, vocab.months.get(name) or vocab.seasons.get(name)
    numeric = re.match(r"(\d{1,2})\s?[/.]", text)
    return year, int(numeric.group(1)) if numeric else None


def _years_of_experience(jobs: list[Job], today: date, warnings: list[str]) -> float | None:
    """Years covered by the union of job date ranges, overlaps counted once."""
    now = today.year * 12 + today.month  # exclusive end: the current month counts
    spans: list[tuple[int, int]] = []
    for job in jobs:
        if job.start is None or job.end is None:
            continue
        begin = job.start[0] * 12 + (job.start[1] or 1) - 1
        if job.end == "present":
            finish = now
        elif job.end[1] is not None:
            finish = job.end[0] * 12 + job.end[1]
        else:
            # "2019 - 2022" reads as three years; "2021 - 2021" as one.
            finish = (
                max(job.end[0] * 12, begin + 12) if job.end[0] == job.start[0] else job.end[0] * 12
            )
        finish = min(finish, now)
        if finish <= begin:
            warnings.append(
                f"The dates '{job.dates_text}' end before they start or lie in the future; "
                "check them."
            )
            continue
        spans.append((begin, finish))
    if not spans:
        return None
    total = 0
    reach = -1
    for begin, finish in sorted(spans):
        if finish <= reach:
            continue
        total += finish - max(begin, reach)
        reach = finish
    return round(total / 12, 1)


# --- contact and skills ------------------------------------------------------------------


def _first(pattern: re.Pattern[str], lines: Iterable[str]) -> str | None:
    """The first match of a pattern in some lines."""
    for line in lines:
        match = pattern.search(line)
        if match:
            return match.group(0)
    return None


def _first_phone(lines: Iterable[str]) -> str | None:
    """The first phone number: 10 to 15 digits, never a date or a span of years."""
    for line in lines:
        for match in _PHONE.finditer(_EMAIL.sub(" ", line)):
            candidate = match.group(0).strip()
            digits = re.sub(r"\D", "", candidate)
            if not 10 <= len(digits) <= 15:
                continue
            if re.fullmatch(r"(?:19|20)\d\d\D+(?:19|20)\d\d", candidate):
                continue
            return candidate
    return None


def _name(line: str, vocab: SectionVocabulary) -> str | None:
    """The first line's leading part when it reads as a person's name."""
    candidate = _CONTACT_SPLIT.split(line.strip())[0].split(",")[0].strip()
    tokens = candidate.split()
    if not 2 <= len(tokens) <= 5 or len(candidate) > 50:
        return None
    if vocab.headings.get(normalise_heading(candidate)) is not None:
        return None
    for token in tokens:
        if token.lower() in vocab.name_particles:
            continue
        if not _NAME_TOKEN.match(token):
            return None
    if all(token.lower() in vocab.title_words for token in tokens):
        return None
    return candidate


def _skills_terms(
    bodies: Iterable[list[tuple[int, str]]], vocab: SectionVocabulary
) -> tuple[str, ...]:
    """The terms of the skills section, split on commas, pipes, bullets and semicolons."""
    terms: dict[str, str] = {}
    for body in bodies:
        for _, line in body:
            text = strip_marker(line) or line
            label, colon, rest = text.partition(":")
            if colon and rest.strip() and len(label.split()) <= 4:
                text = rest
            for part in _SKILL_SPLIT.split(text):
                term = vocab.leading_joiner.sub("", part.strip(" .")).strip()
                if term and term.lower() not in terms:
                    terms[term.lower()] = term
    return tuple(terms.values())


def _structure_warnings(
    found: frozenset[SectionKey],
    jobs: list[Job],
    bullets: list[Bullet],
    contact: Contact,
    warnings: list[str],
) -> None:
    """Warnings about what an ATS will fail to find; none about what it did read."""
    if "experience" not in found and not jobs and not bullets:
        warnings.append(
            "No experience section was found. Give it a plain heading such as 'Experience' "
            "or 'Work History' so an ATS files your jobs correctly."
        )
    elif not jobs and not any(b.section_key == "experience" for b in bullets):
        warnings.append(
            "No jobs were recognised in the experience section. Put each job's title, "
            "company and dates (for example 'Jan 2020 - Present') on its own line."
        )
    undated = sum(1 for job in jobs if job.start is None)
    if undated:
        warnings.append(
            f"{undated} job{' has' if undated == 1 else 's have'} no dates an ATS can read. "
            "Write dates like "
            "'Jan 2020 - Present' or '03/2018 - 06/2021'."
        )
    if contact.email is None:
        warnings.append("No email address was found; put it near your name at the top.")
    if contact.phone is None:
        warnings.append("No phone number was found; put it near your name at the top.")
