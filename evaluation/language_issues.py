"""How often the language check's risks beyond gender are right on real postings.

Data: ``postings/linkedin_sample.csv`` of the real-data corpus (read there, never copied)
and our labels in ``evaluation/labels/language_issues.csv`` (a posting id, a character
span, the category and a label per row; no posting text).

Method:
- **Flags**: the check (``check_language``, no level given, as the check page runs it)
  over every one of the 957 postings; each issue it raises is a flag.
- **Labelled**: every flag of every category but ``pay-missing`` (few enough to read all),
  and the ``pay-missing`` flags of ``PAY_MISSING_SAMPLE`` postings drawn with seed
  ``PAY_MISSING_SEED`` (that flag is raised on three postings in four). Each was labelled
  ``right`` or ``wrong`` by reading it in its posting (``python -m
  evaluation.language_issues`` prints each with 120 characters either side; for
  ``pay-missing``, every dollar figure and pay word of the posting): ``right`` when a
  careful recruiter would agree the words carry the risk the category's message names,
  for the person sought, the team or the job (an age word describing the person sought,
  a gendered word or a pronoun for the hire, a physical requirement of the job stated
  without "reasonable accommodation", jargon describing people or the culture, long or
  unbounded hours asked of the hire, a native-speaker requirement, the posting's pay
  stated open-ended or as one figure, no pay figure in the posting at all); ``wrong``
  otherwise (the people a job serves, a thing, a named person, a figure that is not pay).
- **Not blind**: the rules of these categories were revised (in the session that made the
  labels, before they were made) after reading some of their flags on this corpus, so the
  figure is the check's precision on postings it was tuned on, not on unseen ones; and
  recall on real text is not measured here (the categories' catches are tested on
  sentences written for the tests).
- **Precision** per category: of the flags the check raises now that are labelled, the
  share labelled ``right``. Flags raised now that no label covers (the check changed since
  the labels) are counted apart, and so are labelled flags the check no longer raises.
- **Labels**: 251 made by reading every flag as the check raised them then (223 right,
  28 wrong: 88.8%); the rules were then widened by the senses of the wrong ones (see the
  README), and one row added for a flag the widened rules raise on a sampled posting
  (``pay-missing`` on a posting whose only figures are budgets in millions, read: right).
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from evaluation.corpus import REPO, Posting, postings

LABELS = REPO / "evaluation" / "labels" / "language_issues.csv"
PAY_MISSING_SAMPLE = 60
PAY_MISSING_SEED = 1801
# What the labeller is shown of a posting for a pay-missing flag: every dollar figure and
# pay word, with this many characters either side.
_PAY_CONTEXT = re.compile(r"\$|salar|compensation|\bpay\b|\bwage|hourly|per hour|/hr\b", re.I)
CONTEXT = 120


@dataclass(frozen=True)
class Flag:
    job_id: str
    start: int
    end: int
    category: str


def _flags(posting: Posting, lexicon: Any) -> list[Flag]:
    from scoring.language import check_language

    report = check_language(posting.description, lexicon)
    return [Flag(posting.job_id, i.start, i.end, i.category) for i in report.issues]


def _population(corpus: list[Posting]) -> set[str]:
    """The postings whose pay-missing flag is labelled (every other category: all)."""
    ids = sorted(p.job_id for p in corpus)
    return set(random.Random(PAY_MISSING_SEED).sample(ids, PAY_MISSING_SAMPLE))  # noqa: S311


def _in_population(flag: Flag, sample: set[str]) -> bool:
    return flag.category != "pay-missing" or flag.job_id in sample


def labels() -> dict[Flag, bool]:
    """Our labels: each flag, right (True) or wrong."""
    with LABELS.open(encoding="utf-8", newline="") as handle:
        return {
            Flag(row["job_id"], int(row["start"]), int(row["end"]), row["category"]): (
                row["label"] == "right"
            )
            for row in csv.DictReader(handle)
        }


def print_flags() -> None:
    """For labelling: each flag of the population in its context, no label."""
    from scoring.content import load_content

    lexicon = load_content().gender
    corpus = postings()
    sample = _population(corpus)
    for posting in corpus:
        text = posting.description
        for flag in _flags(posting, lexicon):
            if not _in_population(flag, sample):
                continue
            where = f"{flag.job_id},{flag.start},{flag.end},{flag.category}"
            if flag.category == "pay-missing":
                bits = [
                    text[max(0, m.start() - 60) : m.end() + 60].replace("\n", " / ")
                    for m in _PAY_CONTEXT.finditer(text)
                ]
                print(f"{where} PAY MENTIONS: " + (" || ".join(bits) or "(none)"))
            else:
                before = text[max(0, flag.start - CONTEXT) : flag.start].replace("\n", " / ")
                after = text[flag.end : flag.end + CONTEXT].replace("\n", " / ")
                print(f"{where} {before}[[{text[flag.start : flag.end]}]]{after}")
            print()


@dataclass
class IssuesResult:
    """Per category: flags raised, labelled right / wrong, unlabelled, no longer raised."""

    raised: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    unlabelled: Counter[str] = field(default_factory=Counter)
    gone_right: Counter[str] = field(default_factory=Counter)
    gone_wrong: Counter[str] = field(default_factory=Counter)
    postings: int = 0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"postings_checked": self.postings}
        right = sum(self.right.values())
        judged = right + sum(self.wrong.values())
        out["flags_labelled_precision"] = round(right / judged, 4) if judged else None
        out["flags_labelled"] = judged
        for category in sorted(self.raised | self.right | self.wrong | self.gone_right):
            judged = self.right[category] + self.wrong[category]
            out[f"{category}_flags_raised"] = self.raised[category]
            out[f"{category}_labelled"] = judged
            out[f"{category}_precision"] = (
                round(self.right[category] / judged, 4) if judged else None
            )
            if self.unlabelled[category]:
                out[f"{category}_unlabelled_flags"] = self.unlabelled[category]
            gone = self.gone_right[category] + self.gone_wrong[category]
            if gone:
                out[f"{category}_labelled_no_longer_raised_right_wrong"] = (
                    f"{self.gone_right[category]} / {self.gone_wrong[category]}"
                )
        return out


def evaluate(every_posting: bool = True) -> IssuesResult:
    """The check's flags on every posting against the labels (or, for a quicker look at
    the precision alone, on the labelled postings only)."""
    from scoring.content import load_content

    lexicon = load_content().gender
    corpus = postings()
    sample = _population(corpus)
    labelled = labels()
    if not every_posting:
        ids = {flag.job_id for flag in labelled}
        corpus = [p for p in corpus if p.job_id in ids]
    result = IssuesResult()
    seen: set[Flag] = set()
    for posting in corpus:
        result.postings += 1
        for flag in _flags(posting, lexicon):
            result.raised[flag.category] += 1
            if not _in_population(flag, sample):
                continue
            if flag in labelled:
                seen.add(flag)
                if labelled[flag]:
                    result.right[flag.category] += 1
                else:
                    result.wrong[flag.category] += 1
            else:
                result.unlabelled[flag.category] += 1
    for flag, right in labelled.items():
        if flag not in seen:
            (result.gone_right if right else result.gone_wrong)[flag.category] += 1
    return result


if __name__ == "__main__":
    print_flags()
