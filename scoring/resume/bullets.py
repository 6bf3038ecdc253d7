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

from scoring.models.lexicon import RewriteFile
from scoring.resume.components import (
    KEYWORD_EXTENSION,
    METRIC_EXTENSION,
    OUTCOME_EXTENSION,
    WEAK_EXTENSION,
    TermHit,
)
from scoring.resume.glyphs import LEADING_MARKS
from scoring.resume.lexicon import ActionVerbs, Lexicon, past_tense_lemmas

# Signs that end the phrase a rewrite works on.
_PHRASE_ENDS = (",", ";", ":")


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
        if not (token.is_punct or token.is_space or token.text in LEADING_MARKS):
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
    if "is" in lower[-6:]:
        # British spellings: "standardised", "organising" -> "standardize", "organize".
        americanised = lower[:-6] + lower[-6:].replace("is", "iz")
        candidates += [americanised, americanised[:-1], americanised[:-2], americanised[:-3]]
        candidates += [americanised[:-3] + "e"]
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


@dataclass(frozen=True)
class _Word:
    """A word of a rewrite: its text, the space after it, and the token it came from."""

    text: str
    ws: str = " "
    token: Token | None = None


def _words(tokens: Sequence[Token]) -> list[_Word]:
    return [_Word(t.text, t.whitespace_, t) for t in tokens]


def plain_verb(token: Token, verbs: ActionVerbs) -> str | None:
    """The lemma of a plain (not strong) verb a bullet opens with: "Coordinated", "Ran"."""
    lower = token.lower_
    if not token.is_alpha or verb_lemma(token, verbs) is not None:
        return None
    if lower in verbs.plain_irregular:
        return verbs.plain_irregular[lower]
    if lower in verbs.plain:
        return lower
    if len(lower) >= 5 and lower.endswith("ed") and not lower.endswith("eed"):
        candidates = past_tense_lemmas(lower, verbs.plain_irregular) | {token.lemma_.lower()}
        return min(candidates & verbs.plain.keys(), default=lower[:-2])
    return None


def rewrite_pattern(doc: Doc, finding: BulletFinding, lexicon: Lexicon) -> str:
    """A rewrite of a fair or weak bullet from its own words, with the blanks marked."""
    verbs = lexicon.action_verbs
    grammar = lexicon.rewrite
    weak: list[TermHit] = doc._.get(WEAK_EXTENSION) or []
    _, verb_at = opening_verb(doc, verbs)
    start = content_start(doc)
    # Drop a trailing weak clause ("... and handled their needs") and a final period.
    end = len(doc)
    for hit in weak:
        if hit.start > start:
            cut = hit.start
            while cut > start + 1 and doc[cut - 1].lower_ in grammar.clause_breaks:
                cut -= 1
            end = min(end, cut)
    while end > start and doc[end - 1].is_punct:
        end -= 1

    opening = next((h for h in weak if h.start == start), None)
    from_gerund = False
    if opening is not None:
        group = next(g for g in lexicon.weak_phrases if g.label == opening.label)
        verb, rest = group.stronger, list(doc[opening.end : end])
        # "Helped increase renewals" -> "Increased renewals"; "Duties included
        # preparing decks" -> "Prepared decks"; "onboarding of ..." stays a noun.
        followed_by_of = len(rest) > 1 and rest[1].lower_ == "of"
        if rest and rest[0].is_alpha and not followed_by_of:
            lemma = verb_lemma(rest[0], verbs)
            plain = verbs.plain.get(rest[0].lower_)
            if lemma is not None:
                verb, rest, from_gerund = _past(lemma, verbs), rest[1:], True
            elif plain is not None:
                verb, rest = plain, rest[1:]
            elif rest[0].lower_.endswith("ing") and len(rest[0]) > 5:
                verb, rest, from_gerund = _past_of_gerund(rest[0], verbs), rest[1:], True
            elif group.with_object and _starts_noun_phrase(rest[0], grammar):
                verb = group.with_object
    elif finding.action_verb is not None:
        verb, rest = doc[start : verb_at + 1].text, list(doc[verb_at + 1 : end])
    elif start < len(doc) and (plain := plain_verb(doc[start], verbs)) is not None:
        # "Coordinated campaign deliverables" -> "Orchestrated campaign deliverables";
        # an unlisted verb leaves a blank, unless a preposition hangs on it ("Served as").
        rest = list(doc[start + 1 : end])
        verb = verbs.plain.get(plain, "")
        if not verb:
            phrasal = bool(rest) and rest[0].lower_ in grammar.particles
            verb = doc[start].text if phrasal else "[Action verb]"
    else:
        verb, rest = "[Action verb]", list(doc[start:end])
    if rest and verb.split()[-1].lower() == rest[0].lower_ and len(verb.split()) > 1:
        rest = rest[1:]  # "Met with clients" -> "Partnered with clients", not "with with"
    verb, words, consumed = _nominal_to_verb(verb, rest, verbs, lexicon.generic_stand_ins)
    if verb.endswith(" with"):
        # "Partnered with the sales team with handoffs" -> "... the sales team on handoffs".
        second = next((i for i, w in enumerate(words[:6]) if w.text.lower() == "with"), None)
        if second is not None:
            words[second] = replace(words[second], text="on")
    if from_gerund:
        words = _parallel_past(words, verbs, grammar)

    count_nouns = {n.lower(): c for c in lexicon.rules.count_nouns for n in c.nouns}
    outcomes: list[TermHit] = doc._.get(OUTCOME_EXTENSION) or []
    kept = [h for h in outcomes if start <= h.start and h.end <= end and consumed != h.start]
    if finding.metric is None:
        # A result with no figure: ask for the size of the change ("Improved client
        # retention by [Y]%"), else for a count ("[N] client accounts").
        words, blank = _ask_for_change(words, kept, verb, verbs, grammar)
        if not blank:
            words, blank = _insert_count(words, count_nouns, grammar)
        if not blank and kept and words:
            last = replace(words[-1], ws="")
            words = [*words[:-1], last, _Word(f", moving {kept[-1].label} by [Y]%", "")]
    text = _join(verb, words)
    if not kept:
        text += f", achieving [Y]% {_outcome_hint(doc, count_nouns)}"
    return text


def _starts_noun_phrase(token: Token, grammar: RewriteFile) -> bool:
    # Without a tagger (tests use a blank pipeline) only the listed openers are known.
    opener = token.lower_ in grammar.determiners or token.lower_ in grammar.noun_phrase_openers
    return opener or (token.tag_[:2] in ("NN", "PR", "JJ", "DT"))


def _past_of_gerund(token: Token, verbs: ActionVerbs) -> str:
    # "preparing" -> "Prepared": the tagger's lemma when there is one, else a rule of thumb.
    lemma = token.lemma_.lower()
    if not lemma or lemma == token.lower_:
        lemma = token.lower_[:-3]
    return _past(lemma, verbs)


def _parallel_past(words: list[_Word], verbs: ActionVerbs, grammar: RewriteFile) -> list[_Word]:
    """'Onboarded new accounts and training them' -> '... and trained them'."""
    out = list(words)
    for i in range(1, len(out)):
        token = out[i].token
        if token is not None and token.tag_ == "VBG" and out[i - 1].text in grammar.series_joiners:
            out[i] = replace(out[i], text=_past_of_gerund(token, verbs).lower())
    return out


def _nominal_to_verb(
    verb: str, rest: list[Token], verbs: ActionVerbs, stand_ins: frozenset[str]
) -> tuple[str, list[_Word], int | None]:
    """Turn 'Owned' + 'contract renewals ...' into 'Renewed' + 'contracts ...'.

    Only a blank or a generic stand-in verb of a weak phrase ("Owned", "Delivered") gives
    way: a duty named as a noun gives a better one ("Renewed" for "contract renewals").
    """
    words = _words(rest)
    if verb != "[Action verb]" and verb.split()[0].lower() not in stand_ins:
        return verb, words, None
    for i, token in enumerate(rest[:4]):
        if token.is_punct or token.is_stop:
            break
        key = token.lower_
        head = verbs.nominalizations.get(key) or verbs.nominalizations.get(key.rstrip("s"))
        # "renewal planning": the noun is a modifier of another noun, not the duty itself.
        modifies = i + 1 < len(rest) and rest[i + 1].is_alpha and rest[i + 1].tag_[:2] == "NN"
        if head and not modifies:
            modifiers = [replace(w, text=_lower(w.text)) for w in words[:i]]
            if modifiers:
                # Now plural whatever the tagger said of the singular form.
                modifiers[-1] = _Word(_plural(modifiers[-1].text), modifiers[-1].ws)
            tail = words[i + 1 :]
            if not modifiers and tail[:1] and tail[0].text == "of":
                tail = tail[1:]
            if modifiers:
                modifiers[-1] = replace(modifiers[-1], ws=words[i].ws)
            return head, [*modifiers, *tail], token.i
    if verb == "[Action verb]" and words:
        words[0] = replace(words[0], text=_lower(words[0].text))
    return verb, words, None


def _lower(word: str) -> str:
    # Keep acronyms and names with inner capitals ("QBR", "HubSpot") as written.
    return word if word.isupper() or any(c.isupper() for c in word[1:]) else word.lower()


def _is_noun(word: _Word, count_nouns: dict[str, Any]) -> bool:
    token = word.token
    if word.text.lower() in count_nouns:
        return True
    return token is not None and token.is_alpha and not token.is_stop and token.tag_[:2] == "NN"


def _is_plural(word: _Word) -> bool:
    token = word.token
    if token is not None and token.tag_:
        acronym_plural = word.text[:-1].isupper() and word.text.endswith("s")  # "QBRs"
        return token.tag_ in ("NNS", "NNPS") or acronym_plural
    return word.text.lower().endswith("s")


def _insert_count(
    words: list[_Word], count_nouns: dict[str, Any], grammar: RewriteFile
) -> tuple[list[_Word], bool]:
    """Put an '[N]' before the first countable thing the bullet names: '[N] client accounts'.

    The counted noun is the head of its compound ("client inquiries" counts inquiries) and
    must be plural: "the Midwest territory" or "client retention" is one thing, not a count.
    """
    for i, word in enumerate(words[:12]):
        if word.text in _PHRASE_ENDS:
            break
        if word.text.lower() not in count_nouns:
            continue
        if any(w.text in grammar.possessive_marks for w in words[max(0, i - 3) : i]):
            continue  # "the client's feature requests": whose, not how many
        head = i
        while head + 1 < len(words) and _is_noun(words[head + 1], count_nouns):
            head += 1
        if not _is_plural(words[head]):
            continue
        at = i
        while at > 0 and _is_modifier(words[at - 1], grammar):
            at -= 1
        if at > 0 and words[at - 1].text.lower() in grammar.pair_joiners:
            continue  # "product and support teams": a count would split the pair
        if at > 0 and words[at - 1].text.lower() in grammar.determiners:
            words = words[: at - 1] + words[at:]
            at, head = at - 1, head - 1
        noun = count_nouns.get(words[head].text.lower())
        counted = [*words[:at], _Word("[N]"), *words[at:head]]
        if noun is not None and noun.valued:
            counted += [replace(words[head], ws=" "), _Word("worth"), _Word("$[X]", words[head].ws)]
        else:
            counted.append(words[head])
        return [*counted, *words[head + 1 :]], True
    return words, False


def _is_modifier(word: _Word, grammar: RewriteFile) -> bool:
    token = word.token
    if not word.text.isalpha() or word.text.lower() in grammar.function_words:
        return False
    # With a tagger, only adjectives, nouns and past participles ("assigned accounts")
    # belong to the noun phrase: "keeping clients" counts clients, not keeping.
    return token is None or not token.tag_ or token.tag_[:2] in ("JJ", "NN") or token.tag_ == "VBN"


def _ask_for_change(
    words: list[_Word], outcomes: list[TermHit], verb: str, verbs: ActionVerbs, grammar: RewriteFile
) -> tuple[list[_Word], bool]:
    """'Improved client retention through QBRs' -> 'Improved client retention by [Y]% ...'."""
    if not past_tense_lemmas(verb, verbs.irregular) & verbs.change:
        return words, False
    # The first outcome named after the verb ("Grew" is itself an outcome word), or
    # else the end of the object the verb moved ("Increased sales in my territory").
    ends = {hit.end - 1 for hit in outcomes}
    after = next(
        (
            i
            for i, word in enumerate(words[:8])
            if word.text in _PHRASE_ENDS or (word.token is not None and word.token.i in ends)
        ),
        None,
    )
    if after is None or words[after].text in _PHRASE_ENDS:
        obj = 0
        while obj < len(words) and _is_modifier(words[obj], grammar):
            obj += 1
        if obj == 0:
            return words, False
        last = words[obj - 1].token
        if last is None:
            return words, False
        ends = {last.i}
    for i, word in enumerate(words[:8]):
        if word.text in _PHRASE_ENDS:
            break
        if word.token is not None and word.token.i in ends:
            return [
                *words[:i],
                replace(word, ws=" "),
                _Word("by"),
                _Word("[Y]%", word.ws),
                *words[i + 1 :],
            ], True
    return words, False


def _outcome_hint(doc: Doc, count_nouns: dict[str, Any]) -> str:
    # Things a bullet is about come before the people it worked with, plural heads
    # ("escalations") before singular modifiers ("product"), then in reading order.
    people = next((c for c in count_nouns.values() if c.people), None)
    found = [
        (count_nouns[t.lower_] is people, not t.lower_.endswith("s"), t.i, count_nouns[t.lower_])
        for t in doc
        if t.lower_ in count_nouns
        and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in count_nouns)
    ]
    if not found:
        return "[outcome]"
    outcome: str = min(found, key=lambda f: f[:3])[3].outcome
    return outcome


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


def _join(verb: str, words: Sequence[_Word]) -> str:
    text = verb + " " + "".join(w.text + w.ws for w in words)
    text = text.strip()
    return text[:1].upper() + text[1:]
