"""How well the resume checker reads real resumes: bullets, sections, upload against text.

Method (the figures ``make eval`` prints):
- Every resume of the corpus is read twice: its PDF through the upload path
  (``extract_text``) and its text layer through the paste path (``extract_pasted``).
- **No bullets**: resumes whose PDF reading finds no bullet at all.
- **Words before the first heading**: words of the text read that sit before the first
  section heading and are not used as contact details (name, e-mail, phone, link, place):
  text the checker would otherwise not read.
- **Bullet precision and recall** against the hand labels (``bullets.jsonl``), on the
  PDF reading and on the pasted text. Text is compared by a key of its lower-case ASCII
  letters and digits, so spacing, glyphs and garbled characters do not decide a match; a
  bullet matches a label when the keys are equal or nearly so (difflib ratio >= 0.9).
  Recall: labelled bullets that some bullet matches. Precision: of the checker's bullets
  inside the labelled passages (those containing a labelled line of three words or more,
  or contained in one), the share that match a labelled bullet.
- **Upload against text**: the Dice overlap of the bullet keys found from the PDF and from
  the text layer, over all resumes.
- **Time**: median seconds per resume for upload (extraction and analysis) and paste.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from evaluation.corpus import BulletLabel, ResumeFile, bullet_labels, resumes
from scoring.resume.extract import ExtractionError, extract_pasted, extract_text
from scoring.resume.report import ResumeAnalyzer, analyze_resume
from scoring.resume.structure import ResumeStructure, parse_structure

_NOT_KEY = re.compile(r"[^a-z0-9]+")
MATCH_RATIO = 0.9


def key(text: str) -> str:
    """A comparison key: lower-case ASCII letters and digits only."""
    return _NOT_KEY.sub("", text.lower())


@dataclass
class ResumeReading:
    """What the checker read from one resume, by one path."""

    bullets: list[str]
    words: int
    words_before_heading: int
    sections: list[str]
    seconds: float
    error: str | None = None


@dataclass
class ResumeEval:
    """The evaluation's raw counts, kept for the table and the floors."""

    files: int = 0
    no_bullets_pdf: list[str] = field(default_factory=list)
    no_bullets_txt: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    words_before_heading: int = 0
    resumes_losing_words: list[str] = field(default_factory=list)
    words_total: int = 0
    labelled_bullets: int = 0
    # By path ("upload", "paste"): labelled bullets found, bullets in labelled passages,
    # and those of them that are labelled bullets.
    recalled: dict[str, int] = field(default_factory=lambda: {"upload": 0, "paste": 0})
    in_scope: dict[str, int] = field(default_factory=lambda: {"upload": 0, "paste": 0})
    true_positive: dict[str, int] = field(default_factory=lambda: {"upload": 0, "paste": 0})
    long_bullets: int = 0
    agreement_shared: int = 0
    agreement_total: int = 0
    upload_seconds: list[float] = field(default_factory=list)
    paste_seconds: list[float] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    false: list[tuple[str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        """The published figures."""
        return {
            "resumes": self.files,
            "read_errors": len(self.errors),
            "no_bullets_upload": len(self.no_bullets_pdf),
            "no_bullets_paste": len(self.no_bullets_txt),
            "words_before_first_heading": self.words_before_heading,
            "resumes_losing_words": len(self.resumes_losing_words),
            "bullet_precision_upload": _rate(self.true_positive["upload"], self.in_scope["upload"]),
            "bullet_recall_upload": _rate(self.recalled["upload"], self.labelled_bullets),
            "bullet_precision_paste": _rate(self.true_positive["paste"], self.in_scope["paste"]),
            "bullet_recall_paste": _rate(self.recalled["paste"], self.labelled_bullets),
            "labelled_bullets": self.labelled_bullets,
            "bullets_over_60_words": self.long_bullets,
            "upload_text_agreement": _rate(2 * self.agreement_shared, self.agreement_total),
            "upload_median_ms": _ms(self.upload_seconds),
            "paste_median_ms": _ms(self.paste_seconds),
        }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _ms(values: list[float]) -> float | None:
    return round(statistics.median(values) * 1000, 1) if values else None


def words_before_first_heading(structure: ResumeStructure) -> int:
    """Words before the first heading that nothing reads: in the contact block, but not
    contact details (name, headline, e-mail, phone, link, place). Text the checker keeps as
    a summary section is read, and is not counted; nor are single characters (a logo's
    letter, an initial standing alone)."""
    block = next((s for s in structure.sections if s.key == "contact" and not s.heading), None)
    if block is None:
        return 0
    contact = structure.contact
    details = (contact.name, contact.headline, contact.email, contact.phone, contact.location)
    used = " ".join(x for x in (*details, *contact.links) if x)
    used_keys = {key(w) for w in used.split()}
    return sum(
        1
        for line in block.lines
        for word in line.split()
        if len(key(word)) > 1 and key(word) not in used_keys
    )


def read(resume_text: str, analyzer: ResumeAnalyzer) -> tuple[list[str], ResumeStructure]:
    """The bullets the checker judges, and the structure it read."""
    structure = parse_structure(resume_text, analyzer.section_vocab)
    return [b.text for b in structure.bullets], structure


def _reading(
    path_kind: str, resume: ResumeFile, analyzer: ResumeAnalyzer, timed: bool
) -> ResumeReading:
    """One path's reading; ``timed`` also runs (and times) the whole analysis."""
    data = resume.pdf.read_bytes() if path_kind == "pdf" else resume.txt.read_text("utf-8")
    started = time.perf_counter()
    try:
        if isinstance(data, bytes):
            extracted = extract_text(data, resume.pdf.name)
        else:
            extracted = extract_pasted(data)
        if timed:
            analyze_resume(extracted.text, job_description=None, analyzer=analyzer)
    except (ExtractionError, ValueError) as exc:
        return ResumeReading([], 0, 0, [], time.perf_counter() - started, str(exc))
    seconds = time.perf_counter() - started
    bullets, structure = read(extracted.text, analyzer)
    return ResumeReading(
        bullets=bullets,
        words=structure.word_count,
        words_before_heading=words_before_first_heading(structure),
        sections=[s.key for s in structure.sections],
        seconds=seconds,
    )


def _matches(a: str, b: str) -> bool:
    return a == b or (
        min(len(a), len(b)) >= 0.8 * max(len(a), len(b))
        and SequenceMatcher(None, a, b, autojunk=False).ratio() >= MATCH_RATIO
    )


def _in_scope(bullet: str, label_keys: Iterable[str]) -> bool:
    return any(
        (len(k) >= 8 and k in bullet) or (len(bullet) >= 8 and bullet in k) for k in label_keys
    )


def evaluate(analyzer: ResumeAnalyzer, timed: bool = True) -> ResumeEval:
    """Run the checker over the whole corpus; ``timed=False`` reads without analysing
    (no spaCy pass: the reading figures only, for the floors test)."""
    result = ResumeEval()
    labels_by_file: dict[str, list[BulletLabel]] = {}
    for label in bullet_labels():
        labels_by_file.setdefault(label.file, []).append(label)
    for resume in resumes():
        result.files += 1
        pdf = _reading("pdf", resume, analyzer, timed)
        txt = _reading("txt", resume, analyzer, timed)
        for reading, kind in ((pdf, "upload"), (txt, "paste")):
            if reading.error:
                result.errors.append(f"{resume.name} ({kind}): {reading.error}")
        if timed:
            result.upload_seconds.append(pdf.seconds)
            result.paste_seconds.append(txt.seconds)
        if not pdf.bullets:
            result.no_bullets_pdf.append(resume.name)
        if not txt.bullets:
            result.no_bullets_txt.append(resume.name)
        result.words_total += pdf.words
        result.words_before_heading += pdf.words_before_heading
        if pdf.words_before_heading:
            result.resumes_losing_words.append(resume.name)
        result.long_bullets += sum(len(b.split()) > 60 for b in pdf.bullets)
        pdf_keys = {key(b) for b in pdf.bullets}
        txt_keys = {key(b) for b in txt.bullets}
        result.agreement_shared += len(pdf_keys & txt_keys)
        result.agreement_total += len(pdf_keys) + len(txt_keys)

        labels = labels_by_file.get(resume.name)
        if not labels:
            continue
        positive = [key(label.line) for label in labels if label.is_bullet]
        # Passages are found by labelled lines of three words or more: a one-word heading
        # ("Experience") also occurs inside bullets outside the labelled passages.
        all_keys = [key(label.line) for label in labels if len(label.line.split()) >= 3]
        result.labelled_bullets += len(positive)
        for path, reading in (("upload", pdf), ("paste", txt)):
            found = [key(b) for b in reading.bullets]
            for label in labels:
                if label.is_bullet:
                    if any(_matches(key(label.line), b) for b in found):
                        result.recalled[path] += 1
                    elif path == "upload":
                        result.missed.append((resume.name, label.line))
            for bullet, text in zip(found, reading.bullets, strict=True):
                if not _in_scope(bullet, all_keys):
                    continue
                result.in_scope[path] += 1
                if any(_matches(bullet, p) for p in positive):
                    result.true_positive[path] += 1
                elif path == "upload":
                    result.false.append((resume.name, text))
    return result
