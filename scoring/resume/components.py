"""spaCy rule components of the resume checker: term matching and metric matching.

Each component is built from data handed to it (never from lists in code), writes its
findings to a ``Doc`` extension and returns the doc. The analyzer calls them directly
on docs it made, so the shared trained pipeline is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from scoring.models.judgement import ResultRules
from scoring.models.lexicon import ActionVerbs, MetricsFile, past_tense_lemmas
from scoring.resume.glyphs import BULLET, HYPHENS, LEADING_MARKS
from scoring.resume.lexicon import Lexicon, TermGroup, label_forms

METRIC_EXTENSION = "resume_metrics"
KEYWORD_EXTENSION = "resume_keywords"
OUTCOME_EXTENSION = "resume_outcomes"
OUTCOME_TERMS_EXTENSION = "resume_outcome_terms"
WEAK_EXTENSION = "resume_weak_phrases"
VERB_EXTENSION = "resume_action_verb"

# Shapes of numbers and amounts, not word lists: what a metric looks like in text.
_NUMBER_RE = r"^(?:sub-|~|<|>)?\d[\d,]*(?:\.\d+)?\+?$"
_AMOUNT_RE = r"^\d[\d,]*(?:\.\d+)?(?:[kKmMbB]|MM|mm|BN|bn)\+?$"
_MULTIPLIER_RE = r"^\d+(?:\.\d+)?[xX\u00d7]$"
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_ORDINAL_RE = r"^\d+(?:st|nd|rd|th)$"
# An amount with its currency code and scale in one word: "USD3MM", "US$2.5M".
_GLUED_MONEY_RE = r"^[~<>]?(?:USD|US\$|\$)\d[\d,]*(?:\.\d+)?(?:[kKmMbB]|MM|BN|bn)?\+?$"
_PHONE_RE = re.compile(r"(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")


@dataclass(frozen=True)
class TermHit:
    """One occurrence of a term group in a doc, and how it matched."""

    label: str
    category: str
    start: int
    end: int
    text: str
    match: str  # "exact" (the keyword as published) or "variant" (another spelling or form)


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _stem(word: str) -> str:
    # A crude plural fold applied identically to patterns and text, so that proper
    # nouns the lemmatizer leaves alone ("Enterprise Accounts") still meet their lemma.
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def lemma_key(token: Token) -> str:
    """The key a token is compared on in the lemma-aware pass."""
    return _stem((token.lemma_ or token.text).lower())


def hyphen_joined(doc: Doc, start: int, end: int) -> bool:
    """Whether a span is part of a hyphenated compound ('go' in 'go-to-market')."""
    if start >= 2:
        before = doc[start - 1]
        if before.text in HYPHENS and not before.whitespace_ and not doc[start - 2].whitespace_:
            return True
    if end < len(doc) - 1:
        last, after = doc[end - 1], doc[end]
        if after.text in HYPHENS and not last.whitespace_ and not after.whitespace_:
            return True
    return False


def _set_extension(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


class TermMatcher:
    """Find term groups whole-word and case-insensitively, then again on lemmas.

    Pass one is a PhraseMatcher on LOWER over every listed spelling. Pass two (when
    ``lemma_pass``) compares the text's lemmas with the listed spellings, so "KPIs"
    meets "KPI" and "enterprise account" meets "Enterprise Accounts" without listing
    every inflection. Patterns are not lemmatized: "presented" lemmatizes to "present",
    which would then match the "Present" of a date range.
    """

    def __init__(
        self,
        vocab: Vocab,
        make_doc: Callable[[str], Doc],
        groups: Sequence[TermGroup],
        *,
        extension: str,
        lemma_pass: bool = True,
        singular_only: Iterable[str] = (),
    ) -> None:
        self.extension = extension
        self.lemma_pass = lemma_pass
        # Spellings the lemma pass meets only as written: job titles, whose plural names
        # other people ("worked with account managers").
        self.singular_only = {
            tuple(_stem(t.lower_) for t in doc): tuple(t.lower_ for t in doc)
            for doc in map(make_doc, singular_only)
        }
        self.groups = {g.label: g for g in groups}
        self.exact_forms = {g.label: label_forms(g.label) for g in groups}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.lemma_index: dict[tuple[str, ...], set[str]] = {}
        for group in groups:
            docs = [make_doc(v) for v in group.variants]
            self.matcher.add(group.label, docs)
            for doc in docs:
                key = tuple(_stem(t.lower_) for t in doc)
                self.lemma_index.setdefault(key, set()).add(group.label)
        self.max_len = max((len(k) for k in self.lemma_index), default=0)
        _set_extension(extension)

    def __call__(self, doc: Doc) -> Doc:
        """Attach the list of TermHit found in ``doc``."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in self.matcher(doc):
            if not hyphen_joined(doc, start, end):
                spans.setdefault(doc.vocab.strings[match_id], []).append((start, end))
        if self.lemma_pass:
            keys = [lemma_key(t) for t in doc]
            for start in range(len(doc)):
                for length in range(1, min(self.max_len, len(doc) - start) + 1):
                    key = tuple(keys[start : start + length])
                    labels = self.lemma_index.get(key)
                    written = self.singular_only.get(key)
                    span = doc[start : start + length]
                    if written is not None and tuple(t.lower_ for t in span) != written:
                        continue
                    if labels and not hyphen_joined(doc, start, start + length):
                        for label in labels:
                            spans.setdefault(label, []).append((start, start + length))
        hits: list[TermHit] = []
        for label, found in spans.items():
            group = self.groups[label]
            for span in filter_spans(doc[s:e] for s, e in found):
                text = span.text
                kind = "exact" if _normalise(text) in self.exact_forms[label] else "variant"
                hits.append(TermHit(label, group.category, span.start, span.end, text, kind))
        hits.sort(key=lambda h: (h.start, h.end, h.label))
        doc._.set(self.extension, hits)
        return doc


class MetricMatcher:
    """Find metrics: percentages, money, multipliers, ranks, time frames and counts.

    A metric is a quantity measuring the writer's scope or result (content/rubric.yaml).
    A number counts next to a percent sign, a currency, a multiplier, a rank word, a time
    unit, or a noun it counts: with a tagger any noun ("39 homes"), without one the
    counted nouns of scoring.yaml. Numbers in words count ("forty calls"). Never a
    metric: years and dates, phone numbers, a plan's horizon ("3-year road-map"), another
    organisation's figure ("companies with 400+ employees"), a count of tools, a number
    inside a name ("Fortune 500"). The words come from content/lexicon/metrics.yaml.
    """

    def __init__(self, vocab: Vocab, words: MetricsFile, count_nouns: Iterable[str]) -> None:
        self.matcher = Matcher(vocab)
        self.words = words
        self.judge = words.judgement
        self.count_nouns = frozenset(n.lower() for n in count_nouns)
        self.priority: dict[str, float] = {
            kind.upper(): rank for rank, kind in enumerate(words.prefer)
        }
        # A rank is a kind of its own, read right after a multiplier ("#1 of 45").
        self.priority["RANK"] = self.priority["MULTIPLIER"] + 0.5
        nouns = sorted(self.count_nouns)
        units = sorted(set(words.timeframe.units))
        money = words.money
        number_words = sorted(self.judge.number_words)
        numbers: list[dict[str, Any]] = [
            {"LIKE_NUM": True},
            {"TEXT": {"REGEX": _NUMBER_RE}},
            {"LOWER": {"IN": number_words}},
            {"TEXT": {"IN": sorted(self.judge.fractions)}},
        ]
        plus = {"ORTH": "+", "OP": "?"}
        between = {"LOWER": {"NOT_IN": [*words.count.breaks, BULLET]}, "LIKE_NUM": False}
        gap = f"{{0,{words.count.max_words_between}}}"
        percent = {"LOWER": {"IN": list(words.percent)}}
        for num in numbers:
            dash = {"ORTH": {"IN": [*HYPHENS, *words.range_words]}}
            self.matcher.add("PERCENT", [[num, plus, percent]])
            self.matcher.add("PERCENT", [[num, dash, num, percent]])
            self.matcher.add(
                "MONEY",
                [
                    [
                        {"ORTH": {"IN": list(money.currency)}},
                        num,
                        {"LOWER": {"IN": list(money.scale_words)}, "OP": "?"},
                        plus,
                    ],
                    [{**num, "SPACY": False}, {"LOWER": {"IN": list(money.suffixes)}}],
                    [num, {"LOWER": {"IN": list(money.amount_words)}}],
                ],
            )
            self.matcher.add(
                "COUNT",
                [
                    [num, plus, {**between, "OP": gap}, {"LOWER": {"IN": nouns}}],
                    [num, plus, {"ORTH": {"IN": list(HYPHENS)}}, {"LOWER": {"IN": nouns}}],
                ],
            )
            self.matcher.add(
                "TIMEFRAME",
                [
                    [
                        {"LOWER": {"IN": list(words.timeframe.prepositions)}},
                        {"LOWER": {"IN": list(words.timeframe.fillers)}, "OP": "*"},
                        num,
                        plus,
                        {"ORTH": {"IN": list(HYPHENS)}, "OP": "?"},
                        {"LOWER": {"IN": units}},
                    ],
                    [num, {"ORTH": {"IN": list(HYPHENS)}}, {"LOWER": {"IN": units}}],
                    [num, plus, {"LOWER": {"IN": units}}],
                ],
            )
            self.matcher.add(
                "RANK",
                [
                    [
                        {"LOWER": {"IN": sorted(self.judge.rank_marks)}},
                        {"ORTH": ".", "OP": "?"},
                        num,
                    ],
                    [
                        {"LOWER": {"IN": sorted(self.judge.rank_words)}},
                        {"LOWER": "in", "OP": "?"},
                        num,
                    ],
                ],
            )
        self.matcher.add(
            "RANK",
            [
                [
                    {"LOWER": {"IN": sorted(self.judge.rank_words)}, "OP": "?"},
                    {"TEXT": {"REGEX": _ORDINAL_RE}},
                ]
            ],
        )
        self.matcher.add(
            "MONEY",
            [
                [{"ORTH": {"IN": list(money.currency)}}, {"TEXT": {"REGEX": _AMOUNT_RE}}],
                [{"TEXT": {"REGEX": _GLUED_MONEY_RE}}],
            ],
        )
        self.matcher.add("PERCENT", [[{"TEXT": {"REGEX": r"^[~<>]?\d[\d,]*(?:\.\d+)?%\+?$"}}]])
        self.matcher.add(
            "MONEY",
            [
                [
                    {"TEXT": {"REGEX": r"^[~<>]?(?:US\$|\$)\d[\d,]*(?:\.\d+)?$"}},
                    {"LOWER": {"IN": [*money.suffixes, *money.scale_words]}, "OP": "?"},
                ]
            ],
        )
        self.matcher.add(
            "MULTIPLIER",
            [
                [{"TEXT": {"REGEX": _MULTIPLIER_RE}}],
                [{"LOWER": {"IN": list(words.multiplier_words)}}],
            ],
        )
        _set_extension(METRIC_EXTENSION)

    def __call__(self, doc: Doc) -> Doc:
        """Attach the list of metric spans (label = kind of metric) found in ``doc``."""
        phones = [(m.start(), m.end()) for m in _PHONE_RE.finditer(doc.text)]
        found = [
            Span(doc, start, end, label=doc.vocab.strings[match_id])
            for match_id, start, end in self.matcher(doc)
        ]
        found += self._tagged_counts(doc)
        spans = [
            span
            for span in found
            if not any(span.start_char < e and s < span.end_char for s, e in phones)
            and self._is_the_writers(span)
        ]
        doc._.set(METRIC_EXTENSION, self._prefer_specific(spans))
        return doc

    def _number(self, token: Token) -> bool:
        """A number the writer gave: digits, a number word or a fraction sign, not 'one'."""
        text = token.text
        if text[:1].isdigit() or (text[:1] in "~<>" and text[1:2].isdigit()):
            return True
        return token.lower_ in self.judge.number_words or text in self.judge.fractions

    def _tagged_counts(self, doc: Doc) -> list[Span]:
        """'39 homes', '60 golf professionals', 'two candidates': a number and the noun
        it counts, by the tagger (a doc without tags has only the listed nouns)."""
        if not doc.has_annotation("TAG"):
            return []
        out = []
        limit = self.words.count.max_words_between
        for token in doc:
            if not self._number(token) or token.tag_ not in ("CD", "NN", "JJ", "NNP"):
                continue
            j, between = token.i + 1, 0
            while j < len(doc) and doc[j].text == "+":
                j += 1
            while j < len(doc) and between <= limit:
                t = doc[j]
                if t.tag_ in ("NNS", "NNPS") or (t.tag_ in ("NN", "NNP") and not _modifies(doc, j)):
                    out.append(Span(doc, token.i, j + 1, label="COUNT"))
                    break
                if (
                    t.lower_ in ("and", "or")
                    and j + 1 < len(doc)
                    and doc[j + 1].tag_
                    in (
                        "JJ",
                        "VBG",
                        "VBN",
                    )
                ):
                    j, between = j + 1, between + 1  # "80+ new and existing accounts"
                    continue
                if t.lower_ in self.words.count.breaks or t.like_num:
                    break
                if not (t.tag_[:2] in ("JJ", "NN", "VB") or t.text in HYPHENS):
                    break
                j, between = j + 1, between + 1
        # "a team of 12": the noun before the number.
        for token in doc[2:]:
            i = token.i
            after = doc[i + 1] if i + 1 < len(doc) else None
            if (
                self._number(token)
                and not _YEAR_RE.match(token.text)
                and doc[i - 1].lower_ == "of"
                and doc[i - 2].tag_ in ("NN", "NNS")
                and (after is None or not after.tag_.startswith("NN"))
            ):
                out.append(Span(doc, i - 2, i + 1, label="COUNT"))
        return out

    def _is_the_writers(self, span: Span) -> bool:
        """Whether a match is a metric of the writer's own (the rubric's exclusions)."""
        doc, judge = span.doc, self.judge
        numbers = [t for t in span if self._number(t) or re.match(_GLUED_MONEY_RE, t.text)]
        if span.label_ == "MULTIPLIER" or (span.label_ == "RANK" and numbers):
            pass
        elif not numbers:
            return False
        dated = bool(numbers) and all(_YEAR_RE.match(t.text) for t in numbers)
        # "2000 customers" is a count; "in 2019 we grew" and "May 2011" are dates.
        counted = span.label_ == "COUNT" and len(span) == 2 and span[-1].lower_ in self.count_nouns
        if dated and span.label_ not in ("MONEY", "PERCENT") and not counted:
            return False
        last = span[-1].lower_
        if span.label_ in ("TIMEFRAME", "COUNT") and any(
            t.lower_ in judge.horizon_units for t in span
        ):
            before = doc[span.start - 1].lower_ if span.start else ""
            if before not in self.words.timeframe.prepositions:
                return False  # a plan's horizon: "3-year road-map", "a 5 year plan"
        if span.label_ == "COUNT" and (
            last in judge.not_counted or any(t.lower_ in judge.tools for t in span)
        ):
            return False
        if span.start and doc[span.start - 1].lower_.rstrip(".") in {
            n.rstrip(".") for n in judge.names
        }:
            return False  # "Fortune 500"
        # Another organisation's figure: "companies with 400+ employees".
        window = doc[max(0, span.start - 8) : span.start]
        for k, token in enumerate(window):
            if token.lower_ in judge.others_links and k > 0:
                near = window[max(0, k - 3) : k]
                if any(t.lower_ in judge.others for t in near) and not any(
                    t.text in (",", ".") for t in window[k:]
                ):
                    return False
        return True

    def _prefer_specific(self, spans: list[Span]) -> list[Span]:
        """Of overlapping readings keep the preferred kind, then the longer, then the first."""
        chosen: list[Span] = []
        taken: set[int] = set()
        for span in sorted(spans, key=lambda s: (self.priority[s.label_], -len(s), s.start)):
            if taken.isdisjoint(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
        return sorted(chosen, key=lambda s: s.start)


def _modifies(doc: Doc, i: int) -> bool:
    """Whether the noun at ``i`` modifies a noun after it ('account' in 'account managers')."""
    return i + 1 < len(doc) and doc[i + 1].tag_[:2] == "NN"


@dataclass(frozen=True)
class ActionVerb:
    """The verb a bullet opens with: its token, lemma and strength by the rubric."""

    index: int
    lemma: str
    strength: str  # "strong" or "plain"


class VerbForms:
    """Which words are forms of which verbs, from the lemmatizer's own tables.

    spaCy's rule lemmatizer ships a table of irregular forms, suffix rules and the verbs
    it knows; with the content's verb lists (verbs spaCy lacks: "upsell", "onboard") they
    tell a verb form from a noun where the tagger, reading a bullet's capitalised first
    word, often says noun or adjective ("Stocked shelves", "Assisted customers").
    """

    def __init__(self, nlp: Language, verbs: ActionVerbs) -> None:
        tables = _lemma_tables(nlp)
        self.exceptions: Mapping[str, Sequence[str]] = tables[0]
        self.rules: Sequence[Sequence[str]] = tables[1]
        self.known = frozenset(tables[2]) | verbs.lemmas | frozenset(verbs.plain)
        self.nouns = frozenset(tables[3])
        self.listed = verbs.lemmas | frozenset(verbs.plain)
        self.irregular = {**verbs.plain_irregular, **verbs.irregular}

    def lemmas(self, word: str) -> frozenset[str]:
        """The verbs ``word`` may be a form of (empty when it is no known verb form)."""
        word = word.lower()
        if word in self.irregular:
            return frozenset({self.irregular[word]})
        if word in self.exceptions:
            return frozenset(self.exceptions[word])
        out = {word} if word in self.known else set()
        for old, new in self.rules:
            if old and word.endswith(old) and len(word) > len(old) + 1:
                form = word[: len(word) - len(old)] + new
                if form in self.known:
                    out.add(form)
        if not self.rules:
            # No lemma tables (a blank pipeline): the content's spelling rules.
            candidates = past_tense_lemmas(word, self.irregular) | {
                word[:-3],
                word[:-3] + "e",
                word[:-1],
                word[:-2],
            }
            out |= {c for c in candidates if c in self.known}
        if "-" in word and not out:
            # "cross-sold", "co-founded": the verb is the last part.
            head, _, last = word.rpartition("-")
            out = {f"{head}-{lemma}" for lemma in self.lemmas(last)}
        return frozenset(out)

    def guess(self, word: str) -> str:
        """A lemma for a verb form the tables do not know ("telemarketed")."""
        word = word.lower()
        for end in ("ied", "ing", "ed", "es", "s"):
            if word.endswith(end) and len(word) > len(end) + 2:
                stem = word[: -len(end)]
                if end == "ied":
                    return stem + "y"
                if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                    return stem[:-1]
                return stem
        return word


def _lemma_tables(
    nlp: Language,
) -> tuple[Mapping[str, Sequence[str]], Sequence[Sequence[str]], Iterable[str], Iterable[str]]:
    if "lemmatizer" not in nlp.pipe_names:
        return {}, (), (), ()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}, (), (), ()
    exc = lookups.get_table("lemma_exc").get("verb", {})
    rules = lookups.get_table("lemma_rules").get("verb", [])
    index = lookups.get_table("lemma_index")
    return exc, rules, index.get("verb", []), index.get("noun", [])


class VerbFinder:
    """Find the action verb a bullet opens with and grade it by the rubric.

    The verb may follow glyphs, "I", an adverb ("Successfully grew"), "Have", or a run-in
    label ("Key results: Grew ..."); in a sentence that opens with a phrase ("In my first
    year I grew ..."), it follows "I". Past and present tense and a gerund all count. A
    duty formula ("Responsible for"), a form of "to be" (a passive, "Was instrumental in")
    or a noun phrase is no verb. The verb is plain when the content lists it as plain,
    strong otherwise.
    """

    def __init__(self, forms: VerbForms, verbs: ActionVerbs, weak: Sequence[TermGroup]) -> None:
        self.forms = forms
        self.rule = verbs.finding
        self.plain = frozenset(verbs.plain)
        self.no_verb = [tuple(p.split()) for p in self.rule.no_verb_openings]
        _set_extension(VERB_EXTENSION)

    def __call__(self, doc: Doc) -> Doc:
        """Attach the ``ActionVerb`` of ``doc`` (or None)."""
        doc._.set(VERB_EXTENSION, self.find(doc))
        return doc

    def find(self, doc: Doc) -> ActionVerb | None:
        """The opening action verb of a bullet, if it has one."""
        start = _content_start(doc, 0)
        label_end = next(
            (
                t.i
                for t in doc[start : start + self.rule.label_max_words + 1]
                if t.text in self.rule.label_marks
            ),
            None,
        )
        found = None
        if label_end is not None:
            # "Selected accomplishments: Provide ...": the verb after the label, if any.
            found = self._at(doc, _content_start(doc, label_end + 1))
        if found is None:
            found = self._at(doc, start)
        if found is None and start < len(doc) and doc[start].tag_ == "IN":
            # "In the six years I was there I grew ...": the verb after "I".
            for token in doc[start : start + 15]:
                if token.lower_ in self.rule.subjects:
                    found = self._at(doc, token.i)
                    break
        return found

    def _at(self, doc: Doc, i: int) -> ActionVerb | None:
        rule = self.rule
        while i < len(doc):
            token = doc[i]
            lower = token.lower_
            if self._no_verb_opening(doc, i):
                return None
            if lower in rule.skip or token.is_punct or token.is_space:
                i += 1
                continue
            if self._adverb(doc, i):
                i += 1
                continue
            break
        if i >= len(doc):
            return None
        token = doc[i]
        lower = token.lower_
        if lower in rule.be_forms or (not token.is_alpha and "-" not in lower):
            return None
        lemma = self._verb_lemma(doc, i)
        if lemma is None:
            # "Cold and warm called 80+ accounts": adjectives joined before a past verb.
            j = i
            while j < min(len(doc), i + 4) and (doc[j].tag_ in ("JJ", "CC") or doc[j].text == "/"):
                j += 1
            if j > i + 1 and j < len(doc) and doc[j].tag_ in ("VBD", "VBN"):
                i, lemma = j, self._verb_lemma(doc, j)
            if lemma is None:
                return None
        return ActionVerb(i, lemma, "plain" if lemma in self.plain else "strong")

    def _no_verb_opening(self, doc: Doc, i: int) -> bool:
        words = [t.lower_ for t in doc[i : i + 5]]
        return any(tuple(words[: len(p)]) == p for p in self.no_verb)

    def _adverb(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        if i + 1 >= len(doc) or not token.is_alpha:
            return False
        if token.lower_.endswith("ly") and not self.forms.lemmas(token.lower_):
            return True
        return token.tag_ == "RB" and self._verb_lemma(doc, i + 1) is not None

    def _verb_lemma(self, doc: Doc, i: int) -> str | None:
        token = doc[i]
        lower = token.lower_
        lemmas = self.forms.lemmas(lower)
        tag = token.tag_
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if not lemmas:
            # An unlisted verb the tagger reads as one: "Telemarketed", "Upskilled".
            if tag in ("VBD", "VBN") and lower.endswith("ed"):
                return self.forms.guess(lower)
            return None
        lemma = min(lemmas, key=lambda w: (w not in self.forms.listed, len(w)))
        if lower.endswith("ed") or (lower != lemma and not lower.endswith(("s", "ing"))):
            return lemma  # a past form: "Greeted", "Sold", "Led"
        if after in self.rule.not_before_noun or after in self.rule.be_forms:
            return None  # "Sales of firearms", "Orders were shipped"
        if lower != lemma and tag in ("NNS", "NNPS"):
            return None  # a plural noun: "Orders", "Results"
        if lower.endswith("ing"):
            return lemma if tag == "VBG" else None  # "Networking and ..." is a noun
        # A present form: a verb when the tagger says so, the content lists it, or it
        # can be nothing else ("Bring", "Evaluate"); "Stock" or "Key" need one of the two.
        if tag.startswith("VB") or lemma in self.forms.listed:
            return lemma
        if self.forms.nouns and lower not in self.forms.nouns and lemma not in self.forms.nouns:
            return lemma if tag not in ("NNS", "NNPS") else None
        return None


def _content_start(doc: Doc, i: int) -> int:
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space or doc[i].text in LEADING_MARKS):
        i += 1
    return i


class ResultFinder:
    """Find the results a bullet states, by the rubric's outcome rules (outcomes.yaml).

    An outcome word alone is no result ("Managed the pipeline"). A result is: a change in
    a measured thing ("Improved client satisfaction", "cutting ramp time"), a quantity
    produced ("Closed $1.2M", "Sold 39 homes", a rate: "94% retention"), a target met, a
    recognition (an award, a rank, a promotion, a selection, a record), new business won
    ("Signed 12 new clients") or the attendance of an event run. A purpose ("to boost
    sales") is no result unless a figure follows in it. Runs after the metric matcher and
    the verb finder; writes ``TermHit``s labelled by kind to the outcome extension.
    """

    def __init__(self, rules: ResultRules, forms: VerbForms, verbs: ActionVerbs) -> None:
        self.rules = rules
        self.forms = forms
        self.be_forms = verbs.finding.be_forms
        self.result_marks = [tuple(p.split()) for p in rules.result_marks]
        self.purpose_marks = [tuple(p.split()) for p in rules.purpose_marks]
        self.recognition_phrases = [tuple(p.split()) for p in rules.recognition]
        _set_extension(OUTCOME_EXTENSION)

    def __call__(self, doc: Doc) -> Doc:
        """Attach the list of results (TermHit, label = kind of result) found in ``doc``."""
        doc._.set(OUTCOME_EXTENSION, self.find(doc))
        return doc

    def _lemma(self, token: Token) -> str:
        lemma = (token.lemma_ or "").lower()
        if lemma and lemma != token.lower_:
            return lemma
        forms = self.forms.lemmas(token.lower_)
        return min(forms, key=len) if forms else _stem(token.lower_)

    def find(self, doc: Doc) -> list[TermHit]:
        """The results stated in ``doc``."""
        rules = self.rules
        metrics: list[Span] = doc._.get(METRIC_EXTENSION) or []
        opening: ActionVerb | None = (
            doc._.get(VERB_EXTENSION) if Doc.has_extension(VERB_EXTENSION) else None
        )
        lemmas = [self._lemma(t) for t in doc]
        purpose = self._purposes(doc)
        terms: list[TermHit] = doc._.get(OUTCOME_TERMS_EXTENSION) or []
        hits: list[TermHit] = []

        def hit(kind: str, start: int, end: int) -> None:
            hits.append(TermHit(kind, "result", start, end, doc[start:end].text, "exact"))

        def metric_after(i: int) -> bool:
            # A figure later in the same clause as token i.
            end = _clause_end(doc, i)
            return any(i < m.start < end for m in metrics)

        def is_verb(i: int) -> bool:
            return doc[i].tag_.startswith("VB") or (opening is not None and opening.index == i)

        for i, token in enumerate(doc):
            lemma = lemmas[i]
            in_purpose = purpose[i] and not metric_after(i)
            if in_purpose:
                continue
            nxt = lemmas[i + 1] if i + 1 < len(doc) else ""
            if lemma in rules.change_verbs and is_verb(i):
                obj = lemmas[i + 1 : _clause_end(doc, i)]
                if metric_after(i) or not any(w in rules.not_results for w in obj[:4]):
                    hit("change", i, i + 1)
            elif (
                lemma in rules.change_nouns
                and token.tag_.startswith("NN")
                and not (i + 1 < len(doc) and doc[i + 1].tag_.startswith("NN"))
                and not hyphen_joined(doc, i, i + 1)
            ):
                hit("change", i, i + 1)
            if lemma in rules.result_verbs and is_verb(i) and metric_after(i):
                hit("result", i, i + 1)
            if lemma in rules.target_verbs and is_verb(i):
                ahead = lemmas[i + 1 : min(_clause_end(doc, i), i + 7)]
                named = any(i < h.start < i + 7 for h in terms)
                if any(w in rules.target_nouns for w in ahead) or named:
                    hit("target met", i, i + 1)
            if self._recognition(doc, i, lemmas, opening):
                hit("recognition", i, i + 1)
            if lemma in rules.new_words and (
                nxt in rules.new_things or (i + 2 < len(doc) and lemmas[i + 2] in rules.new_things)
            ):
                verbs_before = [lemmas[j] for j in range(_clause_start(doc, i), i) if is_verb(j)]
                counted = any(m.start < i <= m.end for m in metrics)
                if counted or any(v in rules.won_verbs for v in verbs_before):
                    hit("new business", i, i + 2)
            if lemma in rules.attendance and metrics:
                hit("attendance", i, i + 1)
        for i in range(len(doc)):
            words = tuple(t.lower_ for t in doc[i : i + 4])
            if any(words[: len(m)] == m for m in self.result_marks) and not purpose[i]:
                hit("result", i, i + 1)
            if any(len(p) > 1 and words[: len(p)] == p for p in self.recognition_phrases):
                hit("recognition", i, i + 1)
        for span in metrics:
            if span.label_ == "RANK":
                hit("recognition", span.start, span.end)
            elif span.label_ == "PERCENT" and not purpose[span.start]:
                after = lemmas[span.end : span.end + 4]
                named = any(span.end < h.start <= span.end + 5 for h in terms)
                if after[:1] == ["of"] and (any(w in rules.target_nouns for w in after) or named):
                    hit("target met", span.start, span.end)
        hits.sort(key=lambda h: (h.start, h.end, h.label))
        return hits

    def _recognition(self, doc: Doc, i: int, lemmas: list[str], opening: ActionVerb | None) -> bool:
        token, lemma = doc[i], lemmas[i]
        rules = self.rules
        if token.lower_ in rules.recognition and token.tag_.startswith("NN"):
            return not token.lower_.endswith("s") or token.lower_ in ("awards",)
        if lemma not in rules.recognition or lemma in ("record",):
            return lemma == "record" and token.lower_ == "record"
        if not (token.tag_.startswith("VB") or (opening is not None and opening.index == i)):
            return token.tag_.startswith("NN") and not token.lower_.endswith("s")
        if token.lower_.endswith("ing"):
            return False
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        before = doc[i - 1].lower_ if i else ""
        # "Promote products" and "Selected vendors" are activities; "Promoted to",
        # "Selected as", "was named" are recognitions.
        opens = i >= 1 and _content_start(doc, 0) == i - 1
        return after in (
            "to",
            "as",
            "for",
            "from",
            "among",
            "in",
            "#",
            "top",
            "the",
            "one",
            "number",
        ) or (before in self.be_forms and opens)

    def _purposes(self, doc: Doc) -> list[bool]:
        """Per token: whether it is inside a purpose clause ("to boost sales")."""
        out = [False] * len(doc)
        i = 0
        while i < len(doc):
            words = tuple(t.lower_ for t in doc[i : i + 4])
            mark = next((m for m in self.purpose_marks if words[: len(m)] == m), None)
            if mark is not None:
                j = i + len(mark)
                if j < len(doc) and (
                    doc[j].tag_ in ("VB", "VBG") or (mark == ("to",) and doc[i].tag_ == "TO")
                ):
                    end = _clause_end(doc, i)
                    # "to improve operations, reduce costs and ...": the list goes on.
                    while end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].tag_ == "VB":
                        end = _clause_end(doc, end + 1)
                    for k in range(i, end):
                        out[k] = True
                    i = end
                    continue
            i += 1
        return out


def _clause_end(doc: Doc, i: int) -> int:
    """The index after the clause token ``i`` stands in (up to , ; . or a dash)."""
    for j in range(i + 1, len(doc)):
        if doc[j].text in (",", ";", ".", "!", "?", "(", ")") or (
            doc[j].text in HYPHENS and doc[j].whitespace_
        ):
            return j
    return len(doc)


def _clause_start(doc: Doc, i: int) -> int:
    for j in range(i - 1, -1, -1):
        if doc[j].text in (",", ";", ".", "!", "?"):
            return j + 1
    return 0


@dataclass(frozen=True)
class ResumeMatchers:
    """The rule components the checker runs on every segment of a resume, in order."""

    keywords: TermMatcher
    outcomes: TermMatcher
    weak_phrases: TermMatcher
    metrics: MetricMatcher
    verbs: VerbFinder
    results: ResultFinder

    def __call__(self, doc: Doc) -> Doc:
        """Run every component on ``doc``."""
        doc = self.metrics(self.weak_phrases(self.outcomes(self.keywords(doc))))
        return self.results(self.verbs(doc))


def without_parser(nlp: Language) -> list[str]:
    """The components to disable for a lemma-only pass (parser, NER and friends)."""
    return [p for p in nlp.pipe_names if p in ("parser", "ner", "senter", "entity_ruler")]


def build_matchers(nlp: Language, lexicon: Lexicon) -> ResumeMatchers:
    """Build the components from the lexicon on ``nlp``'s vocabulary, tokenizer and tables."""
    nouns = [n for c in lexicon.rules.count_nouns for n in c.nouns]
    forms = VerbForms(nlp, lexicon.action_verbs)
    return ResumeMatchers(
        keywords=TermMatcher(
            nlp.vocab,
            nlp.make_doc,
            lexicon.keywords,
            extension=KEYWORD_EXTENSION,
            singular_only=lexicon.level_keywords.person_titles,
        ),
        outcomes=TermMatcher(
            nlp.vocab, nlp.make_doc, lexicon.outcomes, extension=OUTCOME_TERMS_EXTENSION
        ),
        # Weak phrases match their listed forms only: "help desk" is not "helped".
        weak_phrases=TermMatcher(
            nlp.vocab,
            nlp.make_doc,
            lexicon.weak_phrases,
            extension=WEAK_EXTENSION,
            lemma_pass=False,
        ),
        metrics=MetricMatcher(nlp.vocab, lexicon.metrics, nouns),
        verbs=VerbFinder(forms, lexicon.action_verbs, lexicon.weak_phrases),
        results=ResultFinder(lexicon.results, forms, lexicon.action_verbs),
    )
