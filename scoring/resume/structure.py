"""Read a resume's plain text the way an ATS does: contact, sections, jobs, bullets, skills.

Plain, deterministic rules over the normalised text that extract.py produces; all words
(headings, month names, title words) come from content/resume_sections.yaml. Every bullet
records the numbers of the lines it was read from, so later steps never search for it.
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
from scoring.sources import load_sources

__all__ = [
    "SECTION_KEYS",
    "Bullet",
    "Contact",
    "Job",
    "ResumeStructure",
    "Section",
    "SectionKey",
    "SectionVocabulary",
    "load_section_vocabulary",
    "parse_structure",
]
#: A year and, when the resume gives it, a month (1-12).
YearMonth = tuple[int, int | None]
#: Sections whose bullet lines are reported as bullets (skills and education lists are not).
BULLET_SECTIONS: frozenset[SectionKey] = frozenset({"experience", "summary", "other"})

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_PHONE = re.compile(
    r"(?<![\w+/])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?|\d{1,4}[ .-])"
    r"(?:\d{2,4}[ .-]){1,3}\d{2,4}(?![\w/])"
)
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s|,;<>()]+|(?<![\w@.])(?:[\w-]+\.)*(?:linkedin\.com|github\.com)/[^\s|,;<>()]+",
    re.IGNORECASE,
)
_US_LOCATION = re.compile(r"^[A-Z][A-Za-z.' -]+,\s*[A-Z]{2}(?:\s+\d{5})?$")
_PLACE_LOCATION = re.compile(
    r"^[A-Z][a-z.'-]+(?: [A-Z][a-z.'-]+)*,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*$"
)
_CONTACT_SPLIT = re.compile(r"\s*(?:\||•|·|  +|\s[-\u2013\u2014]\s)\s*")
_SKILL_SPLIT = re.compile(r"\s*(?:[,;|•·]|  +|\s[-\u2013\u2014]\s)\s*")
_NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z'\u2019.-]*$")


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
    date_range: re.Pattern[str] = field(init=False, repr=False, compare=False)
    field_split: re.Pattern[str] = field(init=False, repr=False, compare=False)
    leading_joiner: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Build the patterns once: date ranges, job-line fields, a skill's leading joiner."""
        months = _alternatives(self.months)
        present = _alternatives(self.present_words)
        point = (
            rf"(?:(?:{months})\.?,?\s*'?(?:19|20)\d\d"
            r"|(?:0?[1-9]|1[0-2])\s*[/.]\s*(?:19|20)\d\d"
            r"|(?:19|20)\d\d)"
        )
        pattern = (
            rf"(?<![\w/])(?P<start>{point})\s*(?:[{re.escape(DASHES)}]"
            rf"|\b(?:{_alternatives(self.range_words)})\b)\s*"
            rf"(?P<end>{point}|\b(?:{present})\b)(?![\w/])"
        )
        object.__setattr__(self, "date_range", re.compile(pattern, re.IGNORECASE))
        markers = _alternatives(self.company_markers)
        object.__setattr__(
            self,
            "field_split",
            re.compile(rf"\s*(?:\||•|·|  +|\s[-\u2013\u2014]\s|\s+(?:{markers})\s+)\s*"),
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
        )


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@dataclass(frozen=True)
class Contact:
    """The contact details an ATS would pick out of the resume."""

    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]
    location: str | None


@dataclass(frozen=True)
class Section:
    """One section of the resume: its key, its heading as written and its non-blank lines.

    ``line_nos`` holds the number (from 1) of each of ``lines`` in the text read.
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
    (``line_no``) and any wrapped continuation lines joined onto it.
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
    warnings: list[str] = []
    blocks = _split_sections(lines, vocab, warnings)
    sections = tuple(
        Section(key, heading, tuple(t for _, t in body), start, tuple(n for n, _ in body))
        for key, heading, start, body in blocks
    )
    found = {s.key for s in sections if s.lines or s.key != "contact"}
    jobs: list[Job] = []
    bullets: list[Bullet] = []
    for key, _, _, body in blocks:
        if key == "experience":
            jobs_here, bullets_here = _parse_experience(body, vocab, len(jobs))
            jobs.extend(jobs_here)
            bullets.extend(bullets_here)
        elif key in BULLET_SECTIONS:
            bullets.extend(_bullet_lines(body, key))
    bullets.sort(key=lambda b: b.line_no)
    contact = _parse_contact(lines, blocks, vocab)
    if contact.email or contact.phone:
        found.add("contact")
    skills = _skills_terms((body for key, _, _, body in blocks if key == "skills"), vocab)
    years = _years_of_experience(jobs, today, warnings)
    _structure_warnings(frozenset(found), jobs, contact, warnings)
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
    )


# --- sections ----------------------------------------------------------------------------

_Block = tuple[SectionKey, str, int, list[tuple[int, str]]]


def _heading(
    line: str, vocab: SectionVocabulary, within: SectionKey | None
) -> tuple[SectionKey, str, str] | None:
    """The section a heading line opens, its wording, and any text after 'Heading:'."""
    stripped = line.strip().strip(":").strip()
    if not stripped or BULLET_LINE.match(line) or len(stripped) > 60:
        return None
    key = vocab.headings.get(normalise_heading(stripped))
    if key is not None:
        return key, stripped, ""
    inline = re.match(r"^([A-Za-z][A-Za-z &/]{1,40}):\s*(\S.*)$", line.strip())
    if inline:
        label = normalise_heading(inline.group(1))
        key = vocab.headings.get(label)
        # Inside a job, "Tools: Salesforce, Gainsight" is a detail, not a new section.
        if key is not None and (within != "experience" or label == key):
            return key, inline.group(1).strip(), inline.group(2).strip()
    return None


def _split_sections(
    lines: list[str], vocab: SectionVocabulary, warnings: list[str]
) -> list[_Block]:
    """Cut the text at headings; lines before the first heading form the contact block."""
    blocks: list[_Block] = [("contact", "", 1, [])]
    for number, line in enumerate(lines, start=1):
        found = _heading(line, vocab, blocks[-1][0])
        if found is not None:
            key, heading, rest = found
            blocks.append((key, heading, number, [(number, rest)] if rest else []))
            continue
        if line.strip():
            blocks[-1][3].append((number, line.strip()))
            parts = [p for p in re.split(r" {2,}", line.strip()) if p]
            if (
                len(parts) > 1
                and sum(vocab.headings.get(normalise_heading(p)) is not None for p in parts) > 1
            ):
                warnings.append(
                    "Two section headings share one line, so the layout probably has columns "
                    "side by side. An ATS may mix them up; a single-column layout is safer."
                )
    if not blocks[0][3]:
        blocks.pop(0)
    return blocks


# --- bullets and jobs --------------------------------------------------------------------


def _bullet_lines(body: list[tuple[int, str]], key: SectionKey) -> list[Bullet]:
    """A section's list lines as bullets, wrapped continuation lines (lower-case starts)
    joined on."""
    out: list[Bullet] = []
    previous = 0
    for number, line in body:
        text = strip_marker(line)
        if text is not None:
            out.append(Bullet(text, key, None, (number,)))
        elif out and previous == number - 1 and line[:1].islower():
            out[-1] = out[-1].joined(number, line)
        else:
            continue
        previous = number
    return out


def _is_sentence(line: str) -> bool:
    """Whether a glyph-less line reads as a sentence about work rather than a title line."""
    words = line.split()
    if len(words) >= 9 or any(sign in line for sign in "%$€£"):
        return True
    tail = [w for w in words[1:] if w[:1].isalpha()]
    lower = sum(w[:1].islower() for w in tail) / len(tail) if tail else 0.0
    if line.endswith((".", ";")) and len(words) >= 4 and lower >= 0.3:
        return True
    return len(words) >= 4 and lower >= 0.5


def _parse_experience(
    body: list[tuple[int, str]], vocab: SectionVocabulary, first_index: int
) -> tuple[list[Job], list[Bullet]]:
    """Group the experience section into jobs (anchored on date ranges) and their bullets."""
    drafts: list[_JobDraft] = []
    bullets: list[Bullet] = []
    pending: list[tuple[int, str]] = []
    last_bullet_line = -1
    for number, line in body:
        glyph_text = strip_marker(line)
        if glyph_text is None and last_bullet_line == number - 1 and line[:1].islower():
            bullets[-1] = bullets[-1].joined(number, line)
            if bullets[-1].job_index is not None:
                drafts[-1].bullets[-1] = bullets[-1].text
            last_bullet_line = number
            continue
        dates = _job_dates(line, vocab) if glyph_text is None else None
        if dates is not None:
            rest = (line[: dates.start()] + "  " + line[dates.end() :]).strip(" ,|()-\u2013\u2014")
            drafts.append(_JobDraft([*pending, (number, rest)], dates))
            pending = []
            continue
        if glyph_text is None and line.rstrip().endswith(":") and len(line.split()) <= 6:
            continue  # a sub-heading such as "Key achievements:"
        if glyph_text is None and not _is_sentence(line):
            if drafts and not drafts[-1].bullets and not pending:
                drafts[-1].header.append((number, line))
            else:
                pending.append((number, line))
            continue
        if pending:
            drafts.append(_JobDraft(pending, None))
            pending = []
        if glyph_text is None and not drafts:
            continue  # prose before any job is not a job's bullet
        job_index = first_index + len(drafts) - 1 if drafts else None
        text = glyph_text if glyph_text is not None else line
        bullets.append(Bullet(text, "experience", job_index, (number,)))
        if drafts:
            drafts[-1].bullets.append(text)
        last_bullet_line = number
    return [_finish_job(draft, vocab) for draft in drafts], bullets


@dataclass
class _JobDraft:
    """A job while its lines are still being read."""

    header: list[tuple[int, str]]
    dates: re.Match[str] | None
    bullets: list[str] = field(default_factory=list)


def _job_dates(line: str, vocab: SectionVocabulary) -> re.Match[str] | None:
    """The date range of a job line; a sentence that mentions years is no job line."""
    match = vocab.date_range.search(line)
    if match is None:
        return None
    rest = f"{line[: match.start()]} {line[match.end() :]}"
    return None if len(rest.split()) >= 5 and _is_sentence(rest) else match


def _finish_job(draft: _JobDraft, vocab: SectionVocabulary) -> Job:
    """Turn a draft (header lines, date match, bullets) into a Job."""
    header, dates = draft.header, draft.dates
    title, company = _title_and_company([text for _, text in header if text], vocab)
    start = _parse_point(dates.group("start"), vocab) if dates else None
    end: YearMonth | Literal["present"] | None = None
    if dates:
        end_text = dates.group("end")
        end = (
            "present" if end_text.lower() in vocab.present_words else _parse_point(end_text, vocab)
        )
    return Job(
        title=title,
        company=company,
        start=start,
        end=end,
        bullets=tuple(draft.bullets),
        dates_text=dates.group(0) if dates else "",
        line_no=header[0][0] if header else 0,
    )


def _title_and_company(header: list[str], vocab: SectionVocabulary) -> tuple[str, str]:
    """Tell the job title from the company among a job's header lines."""
    parts = [p for line in header for p in vocab.field_split.split(line) if p.strip(" ,")]
    if len(parts) < 2:
        parts = [p for line in header for p in re.split(r",\s+", line) if p.strip()]
    parts = [p.strip(" ,") for p in parts if not _is_location(p.strip(" ,"), vocab)]
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
    return bool(_US_LOCATION.match(part)) or part.lower() in vocab.work_modes


def _parse_point(text: str, vocab: SectionVocabulary) -> YearMonth:
    """A date as (year, month or None) from 'Jan 2020', '03/2018' or '2019'."""
    year = int(re.findall(r"(?:19|20)\d\d", text)[-1])
    word = re.match(r"[A-Za-z]+", text)
    if word:
        return year, vocab.months.get(word.group(0).lower())
    numeric = re.match(r"(\d{1,2})\s*[/.]", text)
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


def _parse_contact(lines: list[str], blocks: list[_Block], vocab: SectionVocabulary) -> Contact:
    """Name, email, phone, links and location, looked for first where contact details sit."""
    near = [text for key, _, _, body in blocks if key == "contact" for _, text in body]
    everywhere = [line for line in lines if line.strip()]
    email = _first(_EMAIL, near) or _first(_EMAIL, everywhere)
    phone = _first_phone(near) or _first_phone(everywhere)
    links: list[str] = []
    for line in near + everywhere:
        for match in _LINK.finditer(_EMAIL.sub(" ", line)):
            link = match.group(0).rstrip(".,;:)")
            if link.lower() not in (seen.lower() for seen in links):
                links.append(link)
    name = _name(everywhere[0], vocab) if everywhere else None
    location = None
    for line in near:
        for part in _CONTACT_SPLIT.split(line):
            part = part.strip(" ,")
            contact_line = bool(_EMAIL.search(line) or _first_phone([line]))
            if _US_LOCATION.match(part) or (contact_line and _PLACE_LOCATION.match(part)):
                location = part
                break
        if location:
            break
    return Contact(name=name, email=email, phone=phone, links=tuple(links), location=location)


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
    found: frozenset[SectionKey], jobs: list[Job], contact: Contact, warnings: list[str]
) -> None:
    """Warnings about what an ATS will fail to find."""
    if "experience" not in found:
        warnings.append(
            "No experience section was found. Give it a plain heading such as 'Experience' "
            "or 'Work History' so an ATS files your jobs correctly."
        )
    elif not jobs:
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
