"""How the inclusive-language check reads real postings, against hand labels.

Data: ``postings/linkedin_sample.csv`` of the real-data corpus (read there, never copied)
and our labels in ``evaluation/labels/language*.csv`` (a posting id, a character span and
a label per row; no posting text).

Method (the figures ``make eval`` prints, for each label set apart):
- **Candidates** (``candidates``): every word that begins with an entry of Gaucher,
  Friesen & Kay's lists, read as a prefix (so "confidential", "actively" and
  "Connecticut" are candidates too), after the check's own splitting of headings run
  into the next word; hyphens and a capital inside a word ("PandoLogic") split it.
- **Development labels** (``language.csv``): the candidates of the first 36 sales and
  account postings (the postings README's title rule), in file order: 331. The check's
  exceptions were developed against them, so their figures are not a held-out measure.
- **Held-out labels** (``language_heldout.csv``): the candidates of 24 further sales and
  account postings (``held_out_postings``: the ones the development labels do not touch,
  in an order drawn with seed 17, a posting that repeats more than 30% of a development
  or earlier posting's 8-word runs left out, taken until 220 candidates): 229. Each was
  labelled from a print of the word with 100 characters either side and no verdict of the
  check (``python -m evaluation.language``), and the labels committed before the check
  was run on them. Measured once as labelled (found 97.5%, suppressed 72.2%); the rules
  were then widened by the sense they express and checked on the development labels
  (a "lead" or "leads" with nothing led, "lead" modifying a noun inside a sentence,
  "determine" in a subordinate clause, no "sales lead" across a sentence end), and the
  held-out set measured once more (98.1%, 77.8%). It has since been used as development
  data (``held_out_1``): the rules that cleared its remaining false alarms were stated by
  sense (an adjective describing an organisation or a thing, "competitive" for the study
  of rivals, a measure's name, a job level, a heading with its text on the line, a name
  inside a lower-case sentence, a clause describing the employer inside EEO text) and
  checked on both sets.
- **Second held-out labels** (``language_heldout2.csv``, ``held_out_2``): the
  candidates of 18 sales and account postings neither earlier file touches (the same
  rule, seed 1702, taken until 160 candidates; ``python -m evaluation.language 2``
  prints them): 162, labelled the same way and committed before the check was run on
  them; measured once, as committed (found 95.2%, suppressed 70.2%); the paper's words
  only (no extension labels). It has since been used as development data: the rules that
  cleared its false alarms are stated by sense (case does not change a phrase's sense, a
  heading after a sentence on its line, a heading's adjective describing a singular noun
  stays coded, rank describing the organisations the job deals with, things named by a
  compound, an invitation to follow the employer, ownership, "lead to", pay-setting
  text, a decision the job helps a client make) and checked on all three sets.
- **Third held-out labels** (``language_heldout3.csv``, ``held_out_3``): the
  candidates of 15 sales and account postings no earlier file touches (the same rule,
  seed 1703, taken until 155 candidates; ``python -m evaluation.language 3``): 162 (114
  coded, 48 not), labelled the same way and committed before the check was run on them;
  measured once, as committed: found 94.7% (108 of 114), suppressed 81.2% (39 of 48).
  It has since been used as development data: the rules that cleared its errors are
  stated by sense (the employer describing itself in a sentence's predicate stays coded,
  a role, a lead that is pursued, a force described rather than named, thought
  leadership, decisions the job influences, support obtained, things tied together, a
  salary-history clause, a heading's adjective on a line of its own, a heading whose line
  end was lost, a verb with an object is no name, a segment's name) and checked on all
  four sets.
- **Fourth held-out labels** (``language_heldout4.csv``, ``held_out_4_blind``): by then
  the sales and account titles held only 10 postings (82 candidates) no earlier file
  touches and that repeat none of them; so after those (seed 1704, in the drawn order)
  come client-facing selling and account-servicing postings whose title does not say
  sales (``client_facing_posting``: agent, broker, advisor, client, partner, brand), in
  the same seeded order, near-duplicates left out, taken until 155 candidates
  (``python -m evaluation.language 4``): 168 in 21 postings (117 coded, 51 not), labelled
  the same way and committed before the check was run on them; measured once, as
  committed: found 96.6% (113 of 117), suppressed 68.6% (35 of 51). This is the blind
  figure.
- **Held-out extension labels** (``language_heldout_extension.csv``): the 38 occurrences of
  gender-decoder's additions in the same postings (its own entries, not the paper's
  words it repeats), labelled by the same rule for the trait the word names; scored on
  the check with the extension turned on.
- **Labels**: each occurrence read in its sentence and labelled ``coded`` when it is a
  word the paper lists (a stem, or the exact whole word) used in the sense the paper
  measured (the job, the person sought or the workplace, the employer's description of
  itself included), and ``not`` otherwise: section headings, names, legal and benefits
  boilerplate, and other senses (sales leads, competitors, design principles, "to be
  determined", independent representatives, the noun "objective", "the kind of person").
- **Coded uses found**: the share of ``coded`` labels the check highlights (any overlap);
  **false alarms suppressed**: the share of ``not`` labels it leaves alone. The same two
  figures are given for the paper's lists matched without context and for gender-decoder
  (its lists, every entry a prefix, its one exception "sharepoint").
- **Verdicts**: over all 957 postings, the check's verdicts against the paper-only
  baseline (the paper's lists without context, gender-decoder's rule: any difference
  codes the posting).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluation.corpus import REPO, Posting, postings

LABELS = REPO / "evaluation" / "labels" / "language.csv"
HELD_OUT = REPO / "evaluation" / "labels" / "language_heldout.csv"
HELD_OUT_EXTENSION = REPO / "evaluation" / "labels" / "language_heldout_extension.csv"
HELD_OUT_2 = REPO / "evaluation" / "labels" / "language_heldout2.csv"
# The held-out sample: sales and account postings the development labels do not touch,
# in an order drawn with this seed, taken until they hold this many candidates.
HELD_OUT_SEED = 17
HELD_OUT_MIN_CANDIDATES = 220
# The second held-out sample, drawn once the first had been used to develop the rules:
# postings neither earlier label file touches, in an order drawn with this seed.
HELD_OUT_2_SEED = 1702
HELD_OUT_2_MIN_CANDIDATES = 160
# The third, drawn once the second had been used to develop the rules: postings no
# earlier label file touches, in an order drawn with this seed.
HELD_OUT_3 = REPO / "evaluation" / "labels" / "language_heldout3.csv"
HELD_OUT_3_SEED = 1703
HELD_OUT_3_MIN_CANDIDATES = 155
# The fourth, drawn once the third had been used to develop the rules.
HELD_OUT_4 = REPO / "evaluation" / "labels" / "language_heldout4.csv"
HELD_OUT_4_SEED = 1704
HELD_OUT_4_MIN_CANDIDATES = 155
# A posting sharing more than this share of its 8-word runs with a development posting
# (or an earlier held-out one) is the same text again and is left out.
NEAR_DUPLICATE_SHARE = 0.3
_SHINGLE = 8

_TITLE = re.compile(
    r"account (manager|executive|director|representative|specialist|coordinator|lead|management)"
    r"|key account|client (relationship|success|partner|advisor|development)|customer success"
    r"|sales|business development|territory (manager|rep)|relationship manager|inside sales"
    r"|outside sales|salesman|salesperson|account rep",
    re.IGNORECASE,
)
_NOT_TITLE = re.compile(
    r"salesforce|accountant|accounts payable|accounts receivable|patient account|sales tax"
    r"|sales operations analyst",
    re.IGNORECASE,
)
# The fourth held-out sample's second tier (the sales titles being used up).
_CLIENT_FACING = re.compile(r"\b(agent|broker|advisor|client|partner|brand)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# A candidate word: letters (apostrophes and hyphens inside), split at an inner capital
# ("PandoLogic" -> "Logic") after the check's own ungluing of headings.
_CANDIDATE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# The parts of a candidate word: hyphens split it, and so does a capital starting a
# word inside it ("PandoLogic", "iDIGResponsible", "Industry-Leading").
_PART = re.compile(r"[A-Z]?[^\W\d_A-Z]+(?:['\u2019][^\W\d_]+)*|[A-Z]+(?![a-z])")
# gender-decoder (app/wordlists.py at 73724e6b) holds every paper entry as a prefix,
# plus the extension in content, except these four (see the reference transcription).
NOT_IN_GENDER_DECODER = frozenset({"masculine", "feminine", "implusive", "decide"})


def client_facing_posting(posting: Posting) -> bool:
    """A client-facing selling or account-servicing posting whose title does not say
    sales: agents, brokers, advisors, client service and partner success, brand reps."""
    return bool(_CLIENT_FACING.search(posting.title)) and not _NOT_TITLE.search(posting.title)


def sales_posting(posting: Posting) -> bool:
    """A sales or account posting, by the postings README's title rule."""
    return bool(_TITLE.search(posting.title)) and not _NOT_TITLE.search(posting.title)


@dataclass(frozen=True)
class Label:
    job_id: str
    start: int
    end: int
    coded: bool


def labels(path: Path = LABELS) -> list[Label]:
    """Our labels: the development set (``language.csv``) or the held-out one."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Label(row["job_id"], int(row["start"]), int(row["end"]), row["label"] == "coded")
            for row in csv.DictReader(handle)
        ]


def candidates(text: str, lexicon: Any, *, extended: bool = False) -> list[tuple[int, int, str]]:
    """The occurrences to label, by spelling alone: (start, end, entry) for every word that
    begins with an entry of the paper's lists (or, with ``extended``, of gender-decoder's
    additions only), read as a prefix, after headings run into the next word are split."""
    from scoring.language_text import unglue

    stems = [
        (entry.text.rstrip("*").replace("-", ""), entry.text)
        for entry in lexicon.entries
        if entry.extension == extended
    ]
    glued = unglue(text, lexicon.posting.bullet_markers)
    out = []
    for match in _CANDIDATE.finditer(glued.text):
        whole = match.group().lower()
        hyphenated = next(
            (e for stem, e in stems if "-" in e and whole.replace("-", "").startswith(stem)), None
        )
        if hyphenated is not None:  # "self-confident"
            out.append((*glued.to_original(match.start(), match.end()), hyphenated))
            continue
        for part in _PART.finditer(match.group()):
            lower = part.group().lower()
            entry = next((e for stem, e in stems if lower.startswith(stem)), None)
            if entry is not None:
                start = match.start() + part.start()
                out.append((*glued.to_original(start, start + len(lower)), entry))
    return out


def _shingles(text: str) -> set[str]:
    words = text.lower().split()
    return {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def held_out_postings(lexicon: Any, sample: int = 1) -> list[Posting]:
    """A held-out sample: sales and account postings the earlier label files do not
    touch and that repeat none of their postings, in the seeded order, taken until they
    hold the sample's minimum of candidates. Sample 1 excludes the development labels;
    sample 2 the development and the first held-out labels; sample 3 those and the second;
    sample 4 those and the third."""
    import random

    used: tuple[Path, ...]
    if sample == 1:
        used, seed, minimum = (LABELS,), HELD_OUT_SEED, HELD_OUT_MIN_CANDIDATES
    elif sample == 2:
        used, seed, minimum = (LABELS, HELD_OUT), HELD_OUT_2_SEED, HELD_OUT_2_MIN_CANDIDATES
    elif sample == 3:
        used = (LABELS, HELD_OUT, HELD_OUT_2)
        seed, minimum = HELD_OUT_3_SEED, HELD_OUT_3_MIN_CANDIDATES
    else:
        used = (LABELS, HELD_OUT, HELD_OUT_2, HELD_OUT_3)
        seed, minimum = HELD_OUT_4_SEED, HELD_OUT_4_MIN_CANDIDATES
    sales = [p for p in postings() if sales_posting(p)]
    development = {label.job_id for path in used for label in labels(path)}
    seen = [_shingles(p.description) for p in sales if p.job_id in development]
    rest = [p for p in sales if p.job_id not in development]
    random.Random(seed).shuffle(rest)  # noqa: S311 (a sample, not a secret)
    if sample >= 4:
        # The sales titles hold too few candidates by now (82 in 10 postings): after
        # them, client-facing selling and account-servicing titles, in the same order.
        near = [p for p in postings() if not sales_posting(p) and client_facing_posting(p)]
        random.Random(seed).shuffle(near)  # noqa: S311
        rest += near
    chosen: list[Posting] = []
    total = 0
    for posting in rest:
        own = _shingles(posting.description)
        if any(
            len(own & other) > NEAR_DUPLICATE_SHARE * min(len(own), len(other)) for other in seen
        ):
            continue
        seen.append(own)
        chosen.append(posting)
        total += len(candidates(posting.description, lexicon))
        if total >= minimum:
            break
    return chosen


def print_candidates(context: int = 100, sample: int = 1) -> None:
    """For labelling: each held-out candidate in its context, with no verdict of the check
    (samples 2 to 4: the paper's words only)."""
    from scoring.content import load_content

    lexicon = load_content().gender
    for posting in held_out_postings(lexicon, sample):
        text = posting.description
        for extended in (False, True) if sample == 1 else (False,):
            for start, end, entry in candidates(text, lexicon, extended=extended):
                before = text[max(0, start - context) : start].replace("\n", " / ")
                after = text[end : end + context].replace("\n", " / ")
                tag = "ext " if extended else ""
                where = f"{posting.job_id},{start},{end} {tag}[{entry}]"
                print(f"{where} {before}[[{text[start:end]}]]{after}")
                print()


def _spans_paper(text: str, lexicon: Any) -> list[tuple[int, int, str]]:
    """The paper's lists without context: (start, end, gender)."""
    from scoring.language import _list_hits

    return [(s, e, entry.gender) for _, s, e, entry in _list_hits(text, lexicon, extended=False)]


def _gender_decoder_stems(lexicon: Any) -> list[tuple[str, str]]:
    """gender-decoder's entries, every one a prefix: (stem, gender)."""
    return [
        (entry.text.rstrip("*"), entry.gender)
        for entry in lexicon.entries
        if entry.text not in NOT_IN_GENDER_DECODER
    ]


def _spans_gender_decoder(text: str, stems: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """gender-decoder's matching: words split on non-letters, prefixes, "sharepoint" skipped."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if word == "sharepoint":
            continue
        gender = next((g for stem, g in stems if word.startswith(stem.replace("-", ""))), None)
        if gender:
            out.append((m.start(), m.end(), gender))
    return out


def _decoder_verdict(spans: list[tuple[int, int, str]]) -> str:
    masculine = sum(1 for *_, g in spans if g == "masculine")
    feminine = len(spans) - masculine
    if masculine == feminine:
        return "neutral"
    return "feminine-coded" if feminine > masculine else "masculine-coded"


# The label sets ``make eval`` scores, each apart: (name, file, with gender-decoder's words).
LABEL_SETS = (
    ("development", LABELS, False),
    ("held_out_1", HELD_OUT, False),
    ("held_out_1_extension", HELD_OUT_EXTENSION, True),
    ("held_out_2", HELD_OUT_2, False),
    ("held_out_3", HELD_OUT_3, False),
    ("held_out_4_blind", HELD_OUT_4, False),
)


def _share(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


@dataclass
class LabelScore:
    """How one way of matching fares on one label set."""

    labelled: int = 0
    coded: int = 0
    not_coded: int = 0
    found: dict[str, int] = field(default_factory=Counter)
    suppressed: dict[str, int] = field(default_factory=Counter)
    misses: list[tuple[str, int, int, bool]] = field(default_factory=list)

    def figures(self, prefix: str, baselines: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            f"{prefix}_labelled_occurrences": self.labelled,
            f"{prefix}_labelled_coded": self.coded,
            f"{prefix}_labelled_not_coded": self.not_coded,
            f"{prefix}_coded_uses_found_share": _share(self.found["check"], self.coded),
            f"{prefix}_false_alarms_suppressed_share": _share(
                self.suppressed["check"], self.not_coded
            ),
        }
        if baselines:
            for name, title in (
                ("paper", "paper_lists_without_context"),
                ("decoder", "gender_decoder"),
            ):
                out[f"{prefix}_{title}_found_share"] = _share(self.found[name], self.coded)
                out[f"{prefix}_{title}_suppressed_share"] = _share(
                    self.suppressed[name], self.not_coded
                )
        return out


@dataclass
class LanguageResult:
    """The figures of one run: each label set apart, then the verdicts."""

    sets: dict[str, LabelScore] = field(default_factory=dict)
    verdicts: Counter[str] = field(default_factory=Counter)
    baseline_verdicts: Counter[str] = field(default_factory=Counter)
    changed: int = 0
    postings: int = 0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, _, extended in LABEL_SETS:
            if name in self.sets:
                out.update(self.sets[name].figures(name, baselines=not extended))
        if self.postings:
            out["postings_with_verdicts"] = self.postings
            out["verdicts"] = dict(sorted(self.verdicts.items()))
            out["paper_only_baseline_verdicts"] = dict(sorted(self.baseline_verdicts.items()))
            out["verdict_changed_from_baseline"] = self.changed
        return out


def _score(
    items: list[Label], corpus: dict[str, Posting], lexicon: Any, *, extended: bool
) -> LabelScore:
    """The check (and, on the paper's words, the two baselines) against one label set."""
    from scoring.language import check_language

    decoder = _gender_decoder_stems(lexicon)
    score = LabelScore()
    by_posting: dict[str, list[Label]] = {}
    for label in items:
        by_posting.setdefault(label.job_id, []).append(label)
    for job_id, labelled in by_posting.items():
        text = corpus[job_id].description
        report = check_language(text, lexicon, extended=extended)
        spans = {"check": [(w.start, w.end) for w in report.masculine + report.feminine]}
        if not extended:
            spans["paper"] = [(s, e) for s, e, _ in _spans_paper(text, lexicon)]
            spans["decoder"] = [(s, e) for s, e, _ in _spans_gender_decoder(text, decoder)]
        for label in labelled:
            score.labelled += 1
            score.coded += label.coded
            score.not_coded += not label.coded
            for name, found in spans.items():
                hit = any(s < label.end and label.start < e for s, e in found)
                if label.coded and hit:
                    score.found[name] += 1
                elif not label.coded and not hit:
                    score.suppressed[name] += 1
                elif name == "check":
                    score.misses.append((job_id, label.start, label.end, label.coded))
    return score


def evaluate(
    analyzer: object = None, verdicts: bool = True, sets: tuple[str, ...] | None = None
) -> LanguageResult:
    """Score the check against each label set (or those named); with ``verdicts``, over
    every posting too."""
    from scoring.content import load_content
    from scoring.language import check_language

    lexicon = load_content().gender
    corpus = {p.job_id: p for p in postings()}
    result = LanguageResult()
    for name, path, extended in LABEL_SETS:
        if sets is None or name in sets:
            result.sets[name] = _score(labels(path), corpus, lexicon, extended=extended)
    if verdicts:
        for posting in corpus.values():
            text = posting.description
            verdict = check_language(text, lexicon).verdict
            baseline = _decoder_verdict(_spans_paper(text, lexicon))
            result.postings += 1
            result.verdicts[verdict] += 1
            result.baseline_verdicts[baseline] += 1
            result.changed += verdict != baseline
    return result


if __name__ == "__main__":
    import sys

    print_candidates(sample=int(sys.argv[1]) if len(sys.argv) > 1 else 1)
