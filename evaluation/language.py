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
- **Fourth held-out labels** (``language_heldout4.csv``, ``held_out_4``): by then
  the sales and account titles held only 10 postings (82 candidates) no earlier file
  touches and that repeat none of them; so after those (seed 1704, in the drawn order)
  come client-facing selling and account-servicing postings whose title does not say
  sales (``client_facing_posting``: agent, broker, advisor, client, partner, brand), in
  the same seeded order, near-duplicates left out, taken until 155 candidates
  (``python -m evaluation.language 4``): 168 in 21 postings (117 coded, 51 not), labelled
  the same way and committed before the check was run on them; measured once, as
  committed: found 96.6% (113 of 117), suppressed 68.6% (35 of 51). It has since been
  used as development data, with the fifth set (below).
- **Learned exceptions** (``LearnedExceptions``, fitted on the fly by
  ``fit_learned_exceptions``; ``python -m evaluation.language --cv`` prints the
  cross-validation): adding rules one sample at a time had
  flattened out, so a logistic regression (L2 penalty 1, Newton's method in numpy) learns,
  from every labelled occurrence of the five sets above and the extension labels (1,035
  the list matching covers), whether a word is a coded use, from features of the check's
  own parse (``occurrence_features``: the entry, the lemma, part of
  speech, tag and dependency, the word it attaches to, its children, the words either
  side, heading / name / legal / benefits / pay text, a describing clause or predicate,
  case and place). It would be applied only to words the sense rules leave coded. Its
  threshold is chosen inside each fold's training labels (the highest that loses at most
  1% of the coded uses the rules find). Estimated before adoption, leaving one label set
  out and in five folds grouped by posting (``--cv``): on held-out-4, the one fold no
  sense rule was written from, rules alone 96.6% / 68.6%, rules and model 95.7% / 68.6%;
  over the posting folds the model clears 1 more false alarm and loses 5 coded uses. So it
  is not adopted: the check uses the sense rules alone, and the model is no part of the
  product (it lived in ``content/language/exception_model.yaml`` until the sixth round).
  ``make eval`` fits it on those same labels (deterministic: Newton's method from zero
  weights, the threshold chosen leaving one set out) and scores it, after the sense rules
  of the day, on the fifth to eighth sets, which it never saw (the ``with learned
  exceptions`` rows).
- **Fifth held-out labels** (``language_heldout5.csv``, ``held_out_5``): the
  sales and client-facing titles being used up, postings of any title that no earlier
  label file touches, in an order drawn with seed 1705, a posting repeating more than 30%
  of any labelled posting's 8-word runs left out, taken until 155 candidates (``python -m
  evaluation.language 5``): 158 in 18 postings (94 coded, 64 not; the commit that added
  them says 105 / 53, a miscount), labelled the same way and committed before the check,
  the model or this evaluation was run on them; measured once, as committed: rules alone
  found 94.7% (89 of 94), suppressed 42.2% (27 of 64); rules and learned exceptions 91.5%
  (86 of 94), 43.8% (28 of 64). This is the blind figure: on postings outside sales
  (an early-childhood education director, a fundraiser, engineers, a paralegal) children
  as pupils and individuals as donors make most of the false alarms. The fourth and fifth
  sets have since been used as development data: the rules that cleared their errors are
  stated by sense (children and childhood as the people a job serves; individuals beside
  organisations or as a kind of donor; the benefits rule on the adjective "individual"
  only; supporters and support asked for; a response named by the event it answers; "the
  competition" as rivals; connecting goals or data; a thought leader; "takes the lead";
  responsible for a cost; lead management; time-sensitive; autonomous or connected
  machines; active records; a sentence-case heading, an item's lead-in run into its text,
  a short label is no name; words run into the line before are split) and checked on all
  six sets: held-out-4 100% / 88.2%, held-out-5 98.9% / 90.6%. Labels that disagreed
  between sets (a disclaimer's "responsibilities"; "individuals" served) were left as
  labelled then, and decided by the rubric in the seventh round (see **Labels**).
- **Sixth held-out labels** (``language_heldout6.csv``, ``held_out_6``): postings
  of any title no earlier label file touches, in an order drawn with seed 1706, the same
  near-duplicate rule, taken until 155 candidates (``python -m evaluation.language 6``):
  155 in 18 postings (108 coded, 47 not), labelled the same way and committed before the
  check or this evaluation was run on them; measured once, as committed: found 100% (108
  of 108), suppressed 76.6% (36 of 47); with the learned exceptions the same. It has
  since been used as development data, with the errors left on the fourth and fifth
  sets and the rows relabelled in the seventh round (see **Labels**): the rules that
  cleared them are stated by sense (a disclaimer that the list of duties is incomplete;
  individuals given a service, served, treated or affected, "a variety of individuals",
  individuals named by their means, each individual's needs, individuals beside accounts
  or markets; responses to the posting, responses received, "your response" answering
  nothing; a limited understanding; support of fees, support of work/life balance,
  support documentation; wiring or pipe connections, an encrypted connection, a
  connection at a company; force in pounds; a capitalized phrase its bracketed initials
  spell, "Basic Life Support (BLS)"; an organisation's capitalized adjective; an
  adjective on a compound naming a machine or a case; "base salary is determined") and
  checked on all seven sets: found / suppressed, after the relabelling, development
  99.6% / 97.0% -> 99.6% / 100%, held-out-1 99.3% / 90.8% -> 99.3% / 96.1%, held-out-3
  100% / 96.0% -> 100% / 100%, held-out-4 100% / 88.2% -> 100% / 98.0%, held-out-5
  98.9% / 90.6% -> 98.9% / 100%, held-out-6 100% / 76.6% -> 100% / 97.9%; no coded use
  lost on any set. Left: things that "work together" (their subject is not people).
- **Seventh held-out labels** (``language_heldout7.csv``, ``held_out_7``):
  postings of any title no earlier label file touches, in an order drawn with seed 1707,
  the same near-duplicate rule, taken until 155 candidates (``python -m
  evaluation.language 7``): 192 in 16 postings (139 coded, 53 not), labelled by the
  rubric with the seventh round's decisions and committed before the check or this
  evaluation was run on them; measured once, as committed: found 95.7% (133 of 139),
  suppressed 77.4% (41 of 53); with the learned exceptions 94.2% / 79.2%. In the eighth
  round one row was found to contradict a written decision and relabelled in a commit of
  its own ("Manager/individuals in other departments", colleagues the job deals with:
  coded -> not; so 138 coded, 54 not, and the check's figures 95.7% (132 of 138) / 75.9%
  (41 of 54); the commit of the rules says 133 of 138, a miscount). It has since been
  used as development data: the rules that cleared its errors are stated by sense ("no
  response", the absence of a reply; commitments obtained, given by others; "supporting"
  as a participle describing a document or an analysis; "in connection with", a fixed
  preposition; "quiet" describing a place; decision-making the job supports or informs;
  intellectual capital or property, an asset; "active" inside a capitalized compound
  naming a clearance or a status; a thing, an offer or pay, that is dependent on
  conditions; a capitalized job title as the subject of what the hire will do, "The
  Services Tech Lead will complete ...", is no company name; a legal phrase before a
  colon is a section label, "Essential Functions: Responds"; a label later on a line
  that holds an earlier one, a section name run into a second label, and a section name
  run onto the end of the item above it whose line end was lost are headings) and checked
  on all eight sets: held-out-7 95.7% / 75.9% -> 97.8% / 96.3% (135 of 138, 52 of 54),
  every other set unchanged, no coded use lost. Left on it: "Competitive salary" in a
  benefits list run into EEO text, "Understands" at a line start read as a place, a title
  line "SAP Logistics Analyst" read as a heading, a network's autonomy.
- **Eighth held-out labels** (``language_heldout8.csv``, ``held_out_8``): postings
  of any title no earlier label file touches, in an order drawn with seed 1708, the same
  near-duplicate rule, taken until 155 candidates (``python -m evaluation.language 8``):
  162 in 16 postings (107 coded, 55 not; the commit that added them says 108 / 54, a
  miscount), labelled by the rubric and its written decisions and committed before the
  check or this evaluation was run on them; measured once, as committed: found 97.2% (104
  of 107), suppressed 67.3% (37 of 55); with the learned exceptions 96.3% / 67.3%. What
  remained then: "support" naming equipment or a division ("support
  equipment", "the support divisions"), a report-support heading,
  decisions others make with the job's reports ("better-informed decisions"),
  "easy-to-understand", "competing deadlines", "tax sensitive" estates, a trust
  administered, emotional wellbeing covered by benefits, youth facing challenges, kids
  known "on an individual level", "the best decision you make" (applying), email leads, an
  athletic industry; missed: a title line in capitals read as a heading ("TEAM LEADER"),
  "Senior Leadership" read as a name, "leadership skills" after a list.
- **A second labeller** (``language_heldout8_second.csv``, ``held_out_8_second_labeller``):
  to learn how much of the gap on the eighth set is labels rather than the check, its 162
  occurrences were labelled again, independently, from the same print and the rubric,
  by a labeller who saw neither the first labels, the check's output nor the paragraph
  above. The two agree on 158 of 162 (97.5%, Cohen's kappa 0.945; the first labelled 3
  coded that the second did not, and 1 the other way). Scored against the second labels,
  the check as it was at the blind measure finds 97.1% and suppresses 64.9% (the first
  labels: 97.2%, 67.3%): the false alarms are the check's, not the labeller's. ``make
  eval`` prints the agreement (``held_out_8_labellers_*``) and the check against both.
- **Ninth round: rules from the whole corpus** (``evaluation/language_audit.py``, ``python
  -m evaluation.language_audit``): eight rounds of rules written from the last sample's
  errors had left blind suppression between 67% and 81%, so this round read what the
  check flags across the whole corpus instead (the ninth sample's postings left out, its
  labels never opened), grouped by the pattern of the parse (entry, word, part of speech,
  dependency, head, a compound or object child), most frequent first. Before: 6,791
  flagged words in 902 of 938 postings, in 4,479 patterns; the 245 patterns seen three
  times or more hold 33%, and 3,907 occur once, so the tail was read through seeded random
  samples. The rules are stated by sense (each round-nine commit lists them; the reasons
  are in content): support naming equipment, software, records or a unit; competing
  things; emotional as a domain of needs or health; easy or hard to understand;
  commitments met; a legal trust; service-connected status; the ADA's physical-demands
  statements as legal text; a word run into figures or an "@" as a name; section names
  run into their first item; and others. No coded use lost on any set except one on the
  second labelling ("the support divisions", which the first labeller and the rule call a
  unit and the second labeller codes); held-out-8 67.3% -> 83.6% suppressed, held-out-2
  98.2% -> 100%, every other set unchanged; flagged words 6,791 -> 6,588 (3% fewer). By
  the rule-writer's own reading of 60 random flagged words from unlabelled postings (not
  blind), 10 were not coded before and 5 after. Speed unchanged (111 ms a posting).
- **Ninth held-out labels** (``language_heldout9.csv``, ``held_out_9_blind``): postings
  of any title no earlier label file touches, in an order drawn with seed 1709, the same
  near-duplicate rule, taken until 155 candidates (``python -m evaluation.language 9``):
  181 in 18 postings (119 coded, 62 not), labelled by the rubric and its written
  decisions (the three of the ninth round included) and committed before the check, the
  audit or this evaluation was run on them; measured once, after the ninth round's rules:
  found 96.6% (115 of 119), suppressed 69.4% (43 of 62); with the learned exceptions 95.8%
  / 69.4%. This is the blind figure: the corpus-wide rules did not move it out of the band
  of the earlier rounds. What remains is again senses no earlier set held: "individual
  giving" (a fundraiser's term), individual health insurance in a benefits line,
  statistical software and analytics tools, a water utility's service connections and
  response programs, a course named "Leading SAFe", participants' understanding, support
  personnel and technology support as units (labelled ``not``, while earlier sets label
  "support staff" ``coded``: the rubric has no decision on support naming a unit), the
  athletes and individuals a business serves, a disclaimer's "Individuals", a
  "competitive marketplace" the customers face; missed: "Data Analyst" as a title line,
  "Data Analytics" in a skills line, "active involvement", "committed to the full
  inclusion".
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
  Two decisions of the rubric, written down in the seventh round when labels of the same
  sense were found to disagree between sets (and the disagreeing labels relabelled to
  them): a disclaimer that the description is not a complete list of the duties ("not an
  exhaustive list of all duties, responsibilities and skills"; "duties, responsibilities
  and activities may change at any time") is legal boilerplate, so its words are ``not``
  ("other duties and responsibilities as assigned" is a duty of the job and stays
  ``coded``); "individuals" naming the people the job serves or deals with (clients,
  customers, the public, patients, pupils, donors, "a variety of individuals" one builds
  rapport with) is ``not``, while individuals as the person sought ("we look for
  individuals who...") or as the team the hire works in or leads stays ``coded``.
  Three more, written down in the ninth round from how every earlier set had labelled
  them (so no row changed): the employer describing its own pay or package
  ("competitive salary", in a benefits list too) is the employer describing itself, so
  ``coded``; "committed to diversity" and the like, the employer's own commitment even
  inside equal-opportunity text, is ``coded`` (the legal formula around it is not);
  "leadership" naming the management group ("Senior Leadership", "the leadership team")
  is ``coded``, as a team the hire works with.
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
HELD_OUT_3 = REPO / "evaluation" / "labels" / "language_heldout3.csv"
HELD_OUT_4 = REPO / "evaluation" / "labels" / "language_heldout4.csv"
HELD_OUT_5 = REPO / "evaluation" / "labels" / "language_heldout5.csv"
HELD_OUT_6 = REPO / "evaluation" / "labels" / "language_heldout6.csv"
HELD_OUT_7 = REPO / "evaluation" / "labels" / "language_heldout7.csv"
HELD_OUT_8 = REPO / "evaluation" / "labels" / "language_heldout8.csv"
HELD_OUT_9 = REPO / "evaluation" / "labels" / "language_heldout9.csv"
# The eighth set labelled again by a second labeller who saw neither the first labels,
# the check's output nor the account of that set's errors.
HELD_OUT_8_SECOND = REPO / "evaluation" / "labels" / "language_heldout8_second.csv"
# The held-out samples in the order they were drawn, each once the one before had been
# used to develop the rules: (its label file, the seed of its order, the candidates it is
# taken until). Sample n leaves out the postings of the development labels and of
# samples 1 to n-1. Samples 1 to 4 are sales and account postings (4 then client-facing
# titles); from 5 on, drawn once the learned exceptions had been fitted, any title.
SAMPLES: tuple[tuple[Path, int, int], ...] = (
    (HELD_OUT, 17, 220),
    (HELD_OUT_2, 1702, 160),
    (HELD_OUT_3, 1703, 155),
    (HELD_OUT_4, 1704, 155),
    (HELD_OUT_5, 1705, 155),
    (HELD_OUT_6, 1706, 155),
    (HELD_OUT_7, 1707, 155),
    (HELD_OUT_8, 1708, 155),
    (HELD_OUT_9, 1709, 155),
)
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
    sample 4 those and the third; samples 5 to 8 every earlier file, and any title."""
    import random

    earlier = tuple(path for path, _, _ in SAMPLES[: sample - 1])
    used = (LABELS, *earlier)
    _, seed, minimum = SAMPLES[sample - 1]
    # Sample 5 takes any title (the sales and client-facing pools are used up) and
    # leaves out near-duplicates of every labelled posting, whatever its title.
    pool = [p for p in postings() if sample >= 5 or sales_posting(p)]
    development = {label.job_id for path in used for label in labels(path)}
    seen = [_shingles(p.description) for p in pool if p.job_id in development]
    rest = [p for p in pool if p.job_id not in development]
    random.Random(seed).shuffle(rest)  # noqa: S311 (a sample, not a secret)
    if sample == 4:
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
    (samples 2 to 8: the paper's words only)."""
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
    ("held_out_4", HELD_OUT_4, False),
    ("held_out_5", HELD_OUT_5, False),
    ("held_out_6", HELD_OUT_6, False),
    ("held_out_7", HELD_OUT_7, False),
    ("held_out_8", HELD_OUT_8, False),
    ("held_out_8_second_labeller", HELD_OUT_8_SECOND, False),
    ("held_out_9_blind", HELD_OUT_9, False),
)
# Label sets made twice, independently: (name, first labels, second labels).
RELABELLED = (("held_out_8", HELD_OUT_8, HELD_OUT_8_SECOND),)
# The sets the learned exceptions never saw, scored with them too (on the others the
# figure would be the model reading its own training labels).
UNSEEN_BY_MODEL = ("held_out_5", "held_out_6", "held_out_7", "held_out_8", "held_out_9_blind")


def _share(n: int, d: int) -> float | None:
    # Six places, so that a share printed to one decimal of a percent rounds as the
    # fraction does (43 of 62 is 69.35...%, printed 69.4%, not 0.6935's 69.3%).
    return round(n / d, 6) if d else None


@dataclass
class LabelScore:
    """How one way of matching fares on one label set."""

    labelled: int = 0
    coded: int = 0
    not_coded: int = 0
    found: dict[str, int] = field(default_factory=Counter)
    suppressed: dict[str, int] = field(default_factory=Counter)
    misses: list[tuple[str, int, int, bool]] = field(default_factory=list)
    # Scored with the learned exceptions too ("model").
    with_model: bool = False

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
        if self.with_model:
            out[f"{prefix}_with_learned_exceptions_found_share"] = _share(
                self.found["model"], self.coded
            )
            out[f"{prefix}_with_learned_exceptions_suppressed_share"] = _share(
                self.suppressed["model"], self.not_coded
            )
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
    agreement: dict[str, Any] = field(default_factory=dict)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, _, extended in LABEL_SETS:
            if name in self.sets:
                out.update(self.sets[name].figures(name, baselines=not extended))
        out.update(self.agreement)
        if self.postings:
            out["postings_with_verdicts"] = self.postings
            out["verdicts"] = dict(sorted(self.verdicts.items()))
            out["paper_only_baseline_verdicts"] = dict(sorted(self.baseline_verdicts.items()))
            out["verdict_changed_from_baseline"] = self.changed
        return out


def labeller_agreement(name: str, first: list[Label], second: list[Label]) -> dict[str, Any]:
    """How two labellers' independent labels of the same occurrences agree: the share of
    equal labels and Cohen's kappa (agreement beyond what each one's rate of ``coded``
    would give by chance)."""
    a = {(label.job_id, label.start, label.end): label.coded for label in first}
    b = {(label.job_id, label.start, label.end): label.coded for label in second}
    if a.keys() != b.keys():
        raise ValueError(f"{name}: the two label files do not hold the same occurrences")
    n = len(a)
    observed = sum(a[key] == b[key] for key in a) / n
    rate_a = sum(a.values()) / n
    rate_b = sum(b.values()) / n
    chance = rate_a * rate_b + (1 - rate_a) * (1 - rate_b)
    return {
        f"{name}_labellers_occurrences": n,
        f"{name}_labellers_agreement_share": round(observed, 4),
        f"{name}_labellers_cohen_kappa": round((observed - chance) / (1 - chance), 4),
        f"{name}_labellers_first_coded_second_not": sum(a[k] and not b[k] for k in a),
        f"{name}_labellers_first_not_second_coded": sum(b[k] and not a[k] for k in a),
    }


def _score(
    items: list[Label],
    corpus: dict[str, Posting],
    lexicon: Any,
    *,
    extended: bool,
    model: LearnedExceptions | None = None,
) -> LabelScore:
    """The check (and, on the paper's words, the two baselines) against one label set."""
    from scoring.language import check_language

    decoder = _gender_decoder_stems(lexicon)
    score = LabelScore(with_model=model is not None)
    by_posting: dict[str, list[Label]] = {}
    for label in items:
        by_posting.setdefault(label.job_id, []).append(label)
    for job_id, labelled in by_posting.items():
        text = corpus[job_id].description
        report = check_language(text, lexicon, extended=extended)
        spans = {"check": [(w.start, w.end) for w in report.masculine + report.feminine]}
        if model is not None:
            from scoring.nlp import load_pipeline

            spans["model"] = learned_spans(text, lexicon, model, load_pipeline())
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
    analyzer: object = None,
    verdicts: bool = True,
    sets: tuple[str, ...] | None = None,
    learned: bool = True,
) -> LanguageResult:
    """Score the check against each label set (or those named); with ``verdicts``, over
    every posting too; with ``learned``, the learned exceptions on the sets they never saw."""
    from scoring.content import load_content
    from scoring.language import check_language

    lexicon = load_content().gender
    corpus = {p.job_id: p for p in postings()}
    result = LanguageResult()
    model = None
    if learned and any(sets is None or name in sets for name in UNSEEN_BY_MODEL):
        model = fit_learned_exceptions()
    for name, path, extended in LABEL_SETS:
        if sets is None or name in sets:
            result.sets[name] = _score(
                labels(path),
                corpus,
                lexicon,
                extended=extended,
                model=model if name in UNSEEN_BY_MODEL else None,
            )
    for name, first, second in RELABELLED:
        if sets is None or any(key.startswith(name) for key in sets):
            result.agreement.update(labeller_agreement(name, labels(first), labels(second)))
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


# --- the learned exceptions ---------------------------------------------------------

# The label sets the model learns from, each a group of the cross-validation (the
# extension's labels go with held-out-1, whose postings they come from).
TRAINING_SETS = (
    ("development", (LABELS,)),
    ("held_out_1", (HELD_OUT, HELD_OUT_EXTENSION)),
    ("held_out_2", (HELD_OUT_2,)),
    ("held_out_3", (HELD_OUT_3,)),
    ("held_out_4", (HELD_OUT_4,)),
)
# L2 penalty of the logistic regression (on every weight but the bias); a feature seen
# fewer times than MIN_FEATURE_COUNT in the training labels gets no weight.
L2 = 1.0
MIN_FEATURE_COUNT = 2
# The threshold is the highest at which, out of fold on the training labels, the check
# still finds all but this share of the coded uses the rules alone find.
MAX_FOUND_LOSS = 0.01
_THRESHOLDS = tuple(round(0.02 * i, 2) for i in range(1, 50))
POSTING_FOLDS = 5
POSTING_FOLD_SEED = 1705


def occurrence_features(token: Any, entry: Any, glued: Any, lexicon: Any) -> list[str]:
    """What the learned exceptions read of one occurrence, from the parse the check has:
    the entry, the word's lemma, part of speech, tag and dependency, the word it attaches
    to, its children's dependencies, the words either side, the text around it (a
    heading, a name, legal, benefits or pay text, a clause or predicate describing
    something), its case and place."""
    from scoring.language import (
        _colon_after,
        _describing_clause,
        _in_context,
        _in_predicate,
        _lemma,
        _starts_sentence,
    )
    from scoring.models.language import CONTEXTS, entry_key

    lemma = _lemma(token)
    out = [
        f"entry={entry_key(entry.text)}",
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma_pos={lemma}|{token.pos_}",
    ]
    head = token.head
    if head is not token:
        out += [f"head={_lemma(head)}", f"head_pos={head.pos_}"]
    out += sorted({f"child={c.dep_}" for c in token.children})
    for step, kind in ((-1, "prev"), (1, "next")):
        i = token.i + step
        while 0 <= i < len(token.doc) and (token.doc[i].is_punct or token.doc[i].is_space):
            i += step
        out.append(f"{kind}={_lemma(token.doc[i]) if 0 <= i < len(token.doc) else '^$'}")
    out += [f"in={context}" for context in CONTEXTS if _in_context(token, context, glued, lexicon)]
    if _describing_clause(token) is not None:
        out.append("in=describing_clause")
    if head is not token and _in_predicate(head):
        out.append("in=predicate")
    out.append("case=upper" if token.is_upper else "case=title" if token.is_title else "case=lower")
    if _starts_sentence(token):
        out.append("at=sentence_start")
    if _colon_after(token):
        out.append("at=before_colon")
    return out


@dataclass(frozen=True)
class LearnedExceptions:
    """The learned exceptions: a logistic regression that reads a word the sense rules
    leave coded (its features, ``occurrence_features``) and tells whether it is a coded
    use. Estimated, not adopted: the check itself uses the sense rules alone."""

    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, features: tuple[str, ...] | list[str]) -> float:
        """The probability that the word is a coded use."""
        import math

        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def coded(self, features: tuple[str, ...] | list[str]) -> bool:
        """Whether the word stays coded: its probability reaches the threshold."""
        return self.probability(features) >= self.threshold


@dataclass(frozen=True)
class Occurrence:
    """One labelled occurrence as the check reads it: its features, whether a sense rule
    clears it, and its label."""

    group: str
    job_id: str
    coded: bool
    ruled_out: bool
    features: tuple[str, ...]


def occurrences(sets: tuple[tuple[str, tuple[Path, ...]], ...] = TRAINING_SETS) -> list[Occurrence]:
    """Every labelled occurrence, read from one parse of its posting. A label on a word
    the check's list matching never covers (a capital inside a word: "PandoLogic") has no
    features: the check leaves it alone, and the model neither learns from it nor reads it."""
    from scoring.content import load_content
    from scoring.language import LowerReading, _list_hits, excepted
    from scoring.language_text import unglue
    from scoring.nlp import load_pipeline

    lexicon = load_content().gender
    nlp = load_pipeline()
    corpus = {p.job_id: p for p in postings()}
    out: list[Occurrence] = []
    for group, paths in sets:
        for path in paths:
            extended = path == HELD_OUT_EXTENSION
            by_posting: dict[str, list[Label]] = {}
            for label in labels(path):
                by_posting.setdefault(label.job_id, []).append(label)
            for job_id, labelled in by_posting.items():
                glued = unglue(corpus[job_id].description, lexicon.posting.bullet_markers)
                doc = nlp(glued.text)
                lower = LowerReading(nlp)
                hits = []
                for _, start, end, entry in _list_hits(glued.text, lexicon, extended=extended):
                    if entry.extension != extended:
                        continue
                    span = doc.char_span(start, end, alignment_mode="expand")
                    if span is not None and len(span):
                        hits.append((*glued.to_original(start, end), span.root, entry))
                for label in labelled:
                    hit = next((h for h in hits if h[0] < label.end and label.start < h[1]), None)
                    if hit is None:
                        out.append(Occurrence(group, job_id, label.coded, True, ()))
                        continue
                    token, entry = hit[2], hit[3]
                    ruled_out = excepted(token, entry, glued, lexicon, lower) is not None
                    features = occurrence_features(token, entry, glued, lexicon)
                    out.append(Occurrence(group, job_id, label.coded, ruled_out, tuple(features)))
    return out


def _fit(rows: list[Occurrence]) -> tuple[float, dict[str, float]]:
    """A logistic regression with an L2 penalty, fitted by Newton's method (the problem is
    convex and small: a few hundred features, about a thousand rows): (bias, weights)."""
    import numpy as np

    counts = Counter(f for row in rows for f in set(row.features))
    names = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # the bias
    for r, row in enumerate(rows):
        for f in row.features:
            if f in index:
                x[r, index[f]] = 1.0
    y = np.array([float(row.coded) for row in rows])
    penalty = np.full(len(names) + 1, L2)
    penalty[-1] = 0.0
    w = np.zeros(len(names) + 1)
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1.0 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(w[-1]), {name: float(w[i]) for name, i in index.items()}


def _probability(bias: float, weights: dict[str, float], row: Occurrence) -> float:
    return LearnedExceptions(bias, 0.5, weights).probability(row.features)


def _flagged_rows(rows: list[Occurrence], only_flagged: bool) -> list[Occurrence]:
    """The rows a model learns from: every word the check matches, or (``only_flagged``)
    only those the sense rules leave coded."""
    return [row for row in rows if row.features and not (only_flagged and row.ruled_out)]


def _threshold(rows: list[Occurrence], folds: list[list[Occurrence]], only_flagged: bool) -> float:
    """The highest threshold that, out of fold over ``folds`` (a partition of ``rows``),
    keeps all but MAX_FOUND_LOSS of the coded uses the rules alone find."""
    scored: list[tuple[float, Occurrence]] = []
    for i, held in enumerate(folds):
        train = [row for j, fold in enumerate(folds) if j != i for row in fold]
        bias, weights = _fit(_flagged_rows(train, only_flagged))
        scored += [(_probability(bias, weights, row), row) for row in held if not row.ruled_out]
    found = sum(row.coded for _, row in scored)
    best = _THRESHOLDS[0]
    for t in _THRESHOLDS:
        lost = sum(row.coded and p < t for p, row in scored)
        if lost <= MAX_FOUND_LOSS * found:
            best = t
    return best


def _posting_folds(rows: list[Occurrence], n: int) -> list[list[Occurrence]]:
    """``rows`` in ``n`` folds, each posting's occurrences in one (a seeded order)."""
    import random

    jobs = sorted({row.job_id for row in rows})
    random.Random(POSTING_FOLD_SEED).shuffle(jobs)  # noqa: S311 (a split, not a secret)
    fold_of = {job: i % n for i, job in enumerate(jobs)}
    return [[row for row in rows if fold_of[row.job_id] == i] for i in range(n)]


def _group_folds(rows: list[Occurrence]) -> list[list[Occurrence]]:
    groups = sorted({row.group for row in rows}, key=[g for g, _ in TRAINING_SETS].index)
    return [[row for row in rows if row.group == g] for g in groups]


@dataclass(frozen=True)
class FoldScore:
    """One cross-validation fold: the rules alone and the rules with the model."""

    name: str
    coded: int
    not_coded: int
    rules_found: int
    rules_suppressed: int
    model_found: int
    model_suppressed: int
    threshold: float


def _score_fold(
    name: str, train: list[Occurrence], test: list[Occurrence], by_posting: bool, only_flagged: bool
) -> FoldScore:
    inner = _posting_folds(train, POSTING_FOLDS - 1) if by_posting else _group_folds(train)
    threshold = _threshold(train, inner, only_flagged)
    bias, weights = _fit(_flagged_rows(train, only_flagged))
    kept = [not row.ruled_out and _probability(bias, weights, row) >= threshold for row in test]
    return FoldScore(
        name,
        sum(row.coded for row in test),
        sum(not row.coded for row in test),
        sum(row.coded and not row.ruled_out for row in test),
        sum(not row.coded and row.ruled_out for row in test),
        sum(row.coded and k for row, k in zip(test, kept, strict=True)),
        sum(not row.coded and not k for row, k in zip(test, kept, strict=True)),
        threshold,
    )


def cross_validate(rows: list[Occurrence], only_flagged: bool = False) -> list[FoldScore]:
    """Leave one label set out (train on the other four, test on it), then five folds
    grouped by posting; the threshold is chosen inside each fold's training labels."""
    out = []
    for held in _group_folds(rows):
        train = [row for row in rows if row.group != held[0].group]
        out.append(_score_fold(f"set {held[0].group}", train, held, False, only_flagged))
    for i, held in enumerate(_posting_folds(rows, POSTING_FOLDS)):
        ids = {row.job_id for row in held}
        train = [row for row in rows if row.job_id not in ids]
        out.append(_score_fold(f"postings {i + 1}", train, held, True, only_flagged))
    return out


# Adopted when, on held-out-4 (the one label set no sense rule was written from, so the
# one clean fold), the model raises false alarms suppressed and keeps coded uses found at
# or above this share, and the posting-grouped folds together say the same.
ADOPT_MIN_FOUND = 0.95


def _fold_line(fold: FoldScore) -> str:
    def pct(n: int, d: int) -> str:
        return f"{100 * n / d:.1f}% ({n}/{d})"

    return (
        f"{fold.name}: rules alone found {pct(fold.rules_found, fold.coded)}, suppressed "
        f"{pct(fold.rules_suppressed, fold.not_coded)}; rules + model (threshold "
        f"{fold.threshold:.2f}) found {pct(fold.model_found, fold.coded)}, suppressed "
        f"{pct(fold.model_suppressed, fold.not_coded)}"
    )


def _adopt(folds: list[FoldScore]) -> bool:
    """Whether the cross-validation says the model helps (see ADOPT_MIN_FOUND)."""
    clean = next(f for f in folds if f.name == "set held_out_4")
    postings_ = [f for f in folds if f.name.startswith("postings")]
    coded = sum(f.coded for f in postings_)
    return (
        clean.model_suppressed > clean.rules_suppressed
        and clean.model_found >= ADOPT_MIN_FOUND * clean.coded
        and sum(f.model_suppressed for f in postings_) > sum(f.rules_suppressed for f in postings_)
        and sum(f.model_found for f in postings_) >= ADOPT_MIN_FOUND * coded
    )


def fit_learned_exceptions() -> LearnedExceptions:
    """The learned exceptions fitted on every label of TRAINING_SETS (deterministic:
    Newton's method from zero weights), with the threshold chosen leaving one label set
    out in turn. ``make eval`` fits them on the fly to score the sets they never saw."""
    rows = occurrences()
    threshold = _threshold(rows, _group_folds(rows), only_flagged=False)
    bias, weights = _fit(_flagged_rows(rows, only_flagged=False))
    return LearnedExceptions(bias, threshold, weights)


def learned_spans(
    text: str, lexicon: Any, model: LearnedExceptions, nlp: Any
) -> list[tuple[int, int]]:
    """The spans the check highlights with the learned exceptions applied after the
    sense rules (the paper's words only), in the original text."""
    from scoring.language import LowerReading, _list_hits, excepted
    from scoring.language_text import unglue

    glued = unglue(text, lexicon.posting.bullet_markers)
    doc = nlp(glued.text)
    lower = LowerReading(nlp)
    out = []
    for _, start, end, entry in _list_hits(glued.text, lexicon, extended=False):
        span = doc.char_span(start, end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else None
        if token is not None and excepted(token, entry, glued, lexicon, lower) is not None:
            continue
        if token is not None and not model.coded(occurrence_features(token, entry, glued, lexicon)):
            continue
        out.append(glued.to_original(start, end))
    return out


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--cv"]:
        folds = cross_validate(occurrences())
        for fold in folds:
            print(_fold_line(fold))
        print("adopt" if _adopt(folds) else "not adopted: the check uses the sense rules alone")
    else:
        print_candidates(sample=int(sys.argv[1]) if len(sys.argv) > 1 else 1)
