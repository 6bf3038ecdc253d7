"""Judge each experience bullet: action verb, metric, business outcome, weak phrases.

Verdict rule (numbers in content/lexicon/scoring.yaml, ``verdict``): a bullet has three
elements, a strong opening action verb, a metric and a named business outcome.
``strong`` needs all three and no weak phrase; ``weak`` has at most
``weak_max_elements`` of them, or a weak phrase and no metric; anything else is ``fair``.
Fair and weak bullets get a rewrite built from their own words, blanks in brackets:
``[N]`` a count, ``$[X]`` a value, ``[Y]%`` a rate, ``[Action verb]`` a verb to choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Token

from scoring.resume.components import (
    KEYWORD_EXTENSION,
    METRIC_EXTENSION,
    OUTCOME_EXTENSION,
    WEAK_EXTENSION,
    TermHit,
)
from scoring.resume.lexicon import ActionVerbs, Lexicon

VERDICTS = ("strong", "fair", "weak")
_BULLET_GLYPHS = frozenset("-\u2013\u2014\u2022*\u00b7\u25aa\u25e6\u25cf\u25cb\u25a0\u25a1\u25ba>+")
_CLAUSE_BREAKS = frozenset({",", ";", "and", "while", "to", "by", "with", "for", "in"})
_DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class BulletFinding:
    """What one bullet does well and badly, its verdict and a rewrite pattern."""

    text: str
    action_verb: str | None
    metric: str | None
    metrics: tuple[str, ...]
    impact: tuple[str, ...]
    weak_phrases: tuple[str, ...]
    keywords: tuple[str, ...]
    verdict: str
    suggestion: str | None

    @property
    def elements(self) -> int:
        """How many of verb, metric and outcome the bullet has."""
        return sum((self.action_verb is not None, self.metric is not None, bool(self.impact)))

    def to_dict(self) -> dict[str, Any]:
        """The API shape of one bullet."""
        return {
            "text": self.text,
            "action_verb": self.action_verb,
            "metric": self.metric,
            "impact": list(self.impact),
            "weak_phrases": list(self.weak_phrases),
            "verdict": self.verdict,
            "suggestion": self.suggestion,
        }


def bullet_verdict(
    *, action_verb: bool, metric: bool, impact: bool, weak_phrase: bool, weak_max_elements: int
) -> str:
    """The verdict of a bullet from its elements (the rule in the module docstring)."""
    elements = sum((action_verb, metric, impact))
    if elements == 3 and not weak_phrase:
        return "strong"
    if elements <= weak_max_elements or (weak_phrase and not metric):
        return "weak"
    return "fair"


def rejudge(finding: BulletFinding, weak_max_elements: int, **changes: Any) -> BulletFinding:
    """The same bullet with some findings changed (a fix applied) and its verdict redone."""
    changed = replace(finding, **changes)
    verdict = bullet_verdict(
        action_verb=changed.action_verb is not None,
        metric=changed.metric is not None,
        impact=bool(changed.impact),
        weak_phrase=bool(changed.weak_phrases),
        weak_max_elements=weak_max_elements,
    )
    return replace(changed, verdict=verdict)


def content_start(doc: Doc) -> int:
    """Index of the first token after bullet glyphs and punctuation."""
    for token in doc:
        if not (token.is_punct or token.is_space or token.text in _BULLET_GLYPHS):
            return token.i
    return len(doc)


def verb_lemma(token: Token, verbs: ActionVerbs) -> str | None:
    """The strong action verb a token is a form of, if any (lemma first, then spelling rules)."""
    lower = token.lower_
    candidates = [token.lemma_.lower(), lower, verbs.irregular.get(lower, "")]
    if lower.endswith("ied"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        candidates += [lower[:-1], lower[:-2], lower[:-3]]
    if lower.endswith("ing"):
        candidates += [lower[:-3], lower[:-3] + "e", lower[:-4]]
    if lower.endswith("es"):
        candidates += [lower[:-1], lower[:-2]]
    elif lower.endswith("s"):
        candidates.append(lower[:-1])
    for candidate in candidates:
        if candidate and candidate in verbs.lemmas:
            return candidate
    return None


def opening_verb(doc: Doc, verbs: ActionVerbs) -> tuple[str | None, int]:
    """The strong verb a bullet opens with and its token index (one '-ly' adverb may precede)."""
    start = content_start(doc)
    if start >= len(doc):
        return None, start
    first = doc[start]
    lemma = verb_lemma(first, verbs)
    if lemma is None and first.lower_.endswith("ly") and start + 1 < len(doc):
        lemma = verb_lemma(doc[start + 1], verbs)
        return lemma, start + 1
    return lemma, start


def analyze_bullet(doc: Doc, lexicon: Lexicon) -> BulletFinding:
    """Judge one bullet doc that the term and metric components have already run on."""
    verb, _ = opening_verb(doc, lexicon.action_verbs)
    metrics = tuple(span.text for span in doc._.get(METRIC_EXTENSION) or [])
    outcomes: list[TermHit] = doc._.get(OUTCOME_EXTENSION) or []
    weak: list[TermHit] = doc._.get(WEAK_EXTENSION) or []
    keywords: list[TermHit] = doc._.get(KEYWORD_EXTENSION) or []
    impact = tuple(dict.fromkeys(h.label for h in outcomes))
    weak_labels = tuple(dict.fromkeys(h.label for h in weak))
    verdict = bullet_verdict(
        action_verb=verb is not None,
        metric=bool(metrics),
        impact=bool(impact),
        weak_phrase=bool(weak_labels),
        weak_max_elements=lexicon.rules.weak_max_elements,
    )
    finding = BulletFinding(
        text=doc.text.strip(),
        action_verb=verb,
        metric=metrics[0] if metrics else None,
        metrics=metrics,
        impact=impact,
        weak_phrases=weak_labels,
        keywords=tuple(dict.fromkeys(h.label for h in keywords)),
        verdict=verdict,
        suggestion=None,
    )
    if verdict == "strong":
        return finding
    return replace(finding, suggestion=rewrite_pattern(doc, finding, lexicon))


def rewrite_pattern(doc: Doc, finding: BulletFinding, lexicon: Lexicon) -> str:
    """A rewrite of a fair or weak bullet from its own words, with the blanks marked."""
    verbs = lexicon.action_verbs
    weak: list[TermHit] = doc._.get(WEAK_EXTENSION) or []
    _, verb_at = opening_verb(doc, verbs)
    start = content_start(doc)
    # Drop a trailing weak clause ("... and handled their needs") and a final period.
    end = len(doc)
    for hit in weak:
        if hit.start > start:
            cut = hit.start
            while cut > start + 1 and doc[cut - 1].lower_ in _CLAUSE_BREAKS | {"also"}:
                cut -= 1
            end = min(end, cut)
    while end > start and doc[end - 1].is_punct:
        end -= 1

    opening = next((h for h in weak if h.start == start), None)
    if opening is not None:
        group = next(g for g in lexicon.weak_phrases if g.label == opening.label)
        verb, rest = group.stronger, list(doc[opening.end : end])
        # "Helped increase renewals" -> "Increased renewals"; "Duties included
        # preparing decks" -> "Prepared decks"; "onboarding of ..." stays a noun.
        followed_by_of = len(rest) > 1 and rest[1].lower_ == "of"
        if rest and rest[0].is_alpha and not followed_by_of:
            lemma = verb_lemma(rest[0], verbs)
            if lemma is not None:
                verb, rest = _past(lemma, verbs), rest[1:]
            elif rest[0].lower_.endswith("ing") and len(rest[0]) > 5:
                verb, rest = rest[0].lower_[:-3].capitalize() + "ed", rest[1:]
    elif finding.action_verb is not None:
        verb, rest = doc[start : verb_at + 1].text, list(doc[verb_at + 1 : end])
    else:
        verb, rest = "[Action verb]", list(doc[start:end])
    verb, words, consumed = _nominal_to_verb(verb, rest, verbs)

    count_nouns = {n.lower(): c for c in lexicon.rules.count_nouns for n in c.nouns}
    if finding.metric is None:
        words = _insert_count(words, count_nouns)
    text = _join(verb, words)
    outcomes: list[TermHit] = doc._.get(OUTCOME_EXTENSION) or []
    kept = [h for h in outcomes if start <= h.start and h.end <= end and consumed != h.start]
    if not kept:
        text += f", achieving [Y]% {_outcome_hint(doc, count_nouns)}"
    return text


def _nominal_to_verb(
    verb: str, rest: list[Token], verbs: ActionVerbs
) -> tuple[str, list[str], int | None]:
    """Turn 'Owned' + 'contract renewals ...' into 'Renewed' + 'contracts ...'."""
    words = [t.text for t in rest]
    if verb != "[Action verb]" and not _is_weak_stand_in(verb):
        return verb, words, None
    for i, token in enumerate(rest[:4]):
        if token.is_punct or token.is_stop:
            break
        key = token.lower_
        head = verbs.nominalizations.get(key) or verbs.nominalizations.get(key.rstrip("s"))
        if head:
            modifiers = [_lower(t.text) for t in rest[:i]]
            if modifiers:
                modifiers[-1] = _plural(modifiers[-1])
            tail = words[i + 1 :]
            if not modifiers and tail[:1] == ["of"]:
                tail = tail[1:]
            return head, [*modifiers, *tail], token.i
    if verb == "[Action verb]" and words:
        words[0] = _lower(words[0])
    return verb, words, None


def _lower(word: str) -> str:
    # Keep acronyms and names with inner capitals ("QBR", "HubSpot") as written.
    return word if word.isupper() or any(c.isupper() for c in word[1:]) else word.lower()


def _is_weak_stand_in(verb: str) -> bool:
    # The stand-in verbs of weak phrases are generic; a duty named as a noun gives a
    # better one ("Renewed" beats "Owned" for "contract renewals").
    return verb.split()[0].lower() in {"owned", "delivered", "led", "supported", "drove"}


def _insert_count(words: list[str], count_nouns: dict[str, Any]) -> list[str]:
    for i, word in enumerate(words[:6]):
        noun = count_nouns.get(word.lower())
        if noun is None:
            continue
        # The head of "client accounts" is "accounts": count the whole compound.
        while i + 1 < len(words) and words[i + 1].lower() in count_nouns:
            i += 1
            noun = count_nouns[words[i].lower()]
        at = i
        while at > 0 and words[at - 1].isalpha() and words[at - 1].lower() not in _STOPS:
            at -= 1
        if at > 0 and words[at - 1].lower() in _DETERMINERS:
            words = words[: at - 1] + words[at:]
            at, i = at - 1, i - 1
        worth = ["worth", "$[X]"] if noun.valued else []
        return [*words[:at], "[N]", *words[at : i + 1], *worth, *words[i + 1 :]]
    return [*words, "across", "[N]", "accounts"]


_STOPS = frozenset(
    {"of", "for", "to", "with", "in", "on", "at", "by", "from", "and", "or", "the", "a", "an"}
)


def _outcome_hint(doc: Doc, count_nouns: dict[str, Any]) -> str:
    # The head of a compound names what is counted: "client accounts" -> accounts.
    nouns = [
        count_nouns[t.lower_]
        for t in doc
        if t.lower_ in count_nouns
        and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in count_nouns)
    ]
    valued = [n for n in nouns if n.valued]
    chosen = (valued or nouns or [None])[0]
    return chosen.outcome if chosen is not None else "[outcome]"


def _past(lemma: str, verbs: ActionVerbs) -> str:
    irregular = {v: k for k, v in verbs.irregular.items()}
    if lemma in irregular:
        word = irregular[lemma]
    elif lemma.endswith("e"):
        word = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        word = lemma[:-1] + "ied"
    else:
        word = lemma + "ed"
    return word.capitalize()


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _join(verb: str, words: Sequence[str]) -> str:
    text = " ".join([verb, *words])
    for punct in (",", ".", ";", ":", "%", ")"):
        text = text.replace(f" {punct}", punct)
    for joiner in ("-", "/"):
        text = text.replace(f" {joiner} ", joiner)
    text = text.replace("$ ", "$").replace("( ", "(")
    return text[:1].upper() + text[1:]
