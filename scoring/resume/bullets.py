"""Judge each experience bullet by the rubric (content/rubric.yaml), and suggest a rewrite.

The parts are found by the rule components (``scoring/resume/components.py``): the
opening action verb and its strength (``VerbFinder``), the metrics (``MetricMatcher``)
and the results (``ResultFinder``). The verdict is the rubric's: a strong verb with a
metric and an outcome is ``strong``; a strong verb with one of the two is ``fair``; a
plain verb with both is ``fair``; everything else, and any bullet with no verb, is
``weak``. Weak phrases ("responsible for") are reported but the verdict follows the parts.

A rewrite only adds to the writer's words: every number, unit, currency and % sign stays,
and so does the writer's verb when it is one. Blanks in brackets mark what is missing:
``[N]`` a count, ``$[X]`` a value, ``[Y]%`` a rate, ``[result]`` an outcome; a blank is
never added for a part the bullet has. A bullet that opens with a duty formula
("Responsible for renewing contracts") gets the verb the formula hides ("Renewed
contracts"). Where no addition reads cleanly, or the bullet is already strong, the
advice is in words instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from scoring.models.lexicon import RewriteFile
from scoring.resume.components import (
    KEYWORD_EXTENSION,
    METRIC_EXTENSION,
    OUTCOME_EXTENSION,
    OUTCOME_TERMS_EXTENSION,
    VERB_EXTENSION,
    WEAK_EXTENSION,
    ActionVerb,
    TermHit,
)
from scoring.resume.glyphs import LEADING_MARKS
from scoring.resume.lexicon import ActionVerbs, Lexicon, past_tense_lemmas

# Signs that end the phrase a rewrite works on.
_PHRASE_ENDS = (",", ";", ":")
# Signs a rewrite may drop from the end of a bullet (never %, $ or a closing bracket).
_TRAILING = (".", ";", ",", ":")
#: Bullets longer than this many words take advice, not an addition.
_LONGEST_REWRITE = 40
VERDICTS = ("strong", "fair", "weak")


@dataclass(frozen=True)
class BulletFinding:
    """What one bullet does well and badly, its verdict, a rewrite and advice."""

    text: str
    action_verb: str | None
    metric: str | None
    metrics: tuple[str, ...]
    impact: tuple[str, ...]
    weak_phrases: tuple[str, ...]
    keywords: tuple[str, ...]
    verdict: str
    suggestion: str | None
    verb_strength: str | None = None
    rewrite: str | None = None
    advice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The API shape of one bullet."""
        return {
            "text": self.text,
            "action_verb": self.action_verb,
            "verb_strength": self.verb_strength,
            "metric": self.metric,
            "impact": list(self.impact),
            "weak_phrases": list(self.weak_phrases),
            "verdict": self.verdict,
            "suggestion": self.suggestion,
            "rewrite": self.rewrite,
            "advice": self.advice,
        }


def bullet_verdict(*, verb_strength: str | None, metric: bool, outcome: bool) -> str:
    """The rubric's verdict from a bullet's parts (see the module docstring)."""
    if verb_strength == "strong":
        return "strong" if metric and outcome else "fair" if metric or outcome else "weak"
    if verb_strength == "plain":
        return "fair" if metric and outcome else "weak"
    return "weak"


def rejudge(
    finding: BulletFinding, weak_max_elements: int | None = None, **changes: Any
) -> BulletFinding:
    """The same bullet with some findings changed (a fix applied) and its verdict redone.

    A verb given without a strength is taken as strong (the fix is "open with a strong
    verb"). ``weak_max_elements`` is no longer read: the verdict is the rubric's.
    """
    if changes.get("action_verb") is not None and "verb_strength" not in changes:
        changes["verb_strength"] = "strong"
    changed = replace(finding, **changes)
    verdict = bullet_verdict(
        verb_strength=changed.verb_strength if changed.action_verb is not None else None,
        metric=changed.metric is not None,
        outcome=bool(changed.impact),
    )
    return replace(changed, verdict=verdict)


def content_start(doc: Doc) -> int:
    """Index of the first token after bullet glyphs and punctuation."""
    for token in doc:
        if not (token.is_punct or token.is_space or token.text in LEADING_MARKS):
            return token.i
    return len(doc)


def analyze_bullet(doc: Doc, lexicon: Lexicon) -> BulletFinding:
    """Judge one bullet doc that the rule components have already run on."""
    verb: ActionVerb | None = doc._.get(VERB_EXTENSION)
    metrics = tuple(span.text for span in doc._.get(METRIC_EXTENSION) or [])
    results: list[TermHit] = doc._.get(OUTCOME_EXTENSION) or []
    terms: list[TermHit] = doc._.get(OUTCOME_TERMS_EXTENSION) or []
    weak: list[TermHit] = doc._.get(WEAK_EXTENSION) or []
    keywords: list[TermHit] = doc._.get(KEYWORD_EXTENSION) or []
    # What the result is about ("revenue", "retention") when the bullet names it,
    # else the kind of result ("target met", "recognition").
    impact: tuple[str, ...] = ()
    if results:
        impact = tuple(dict.fromkeys(h.label for h in terms)) or tuple(
            dict.fromkeys(h.label for h in results)
        )
    strength = verb.strength if verb is not None else None
    verdict = bullet_verdict(verb_strength=strength, metric=bool(metrics), outcome=bool(impact))
    finding = BulletFinding(
        text=doc.text.strip(),
        action_verb=verb.lemma if verb is not None else None,
        metric=metrics[0] if metrics else None,
        metrics=metrics,
        impact=impact,
        weak_phrases=tuple(dict.fromkeys(h.label for h in weak)),
        keywords=tuple(dict.fromkeys(h.label for h in keywords)),
        verdict=verdict,
        suggestion=None,
        verb_strength=strength,
    )
    if verdict == "strong":
        return finding
    rewrite, advice = improve(doc, finding, lexicon)
    return replace(finding, rewrite=rewrite, advice=advice, suggestion=rewrite or advice)


@dataclass(frozen=True)
class _Word:
    """A word of a rewrite: its text, the space after it, and the token it came from."""

    text: str
    ws: str = " "
    token: Token | None = None


def _words(tokens: Sequence[Token]) -> list[_Word]:
    return [_Word(t.text, t.whitespace_, t) for t in tokens]


def improve(doc: Doc, finding: BulletFinding, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """A rewrite that only adds to a fair or weak bullet, and advice in words.

    Returns (rewrite, advice); the rewrite is None where no addition reads cleanly.
    """
    verbs, grammar = lexicon.action_verbs, lexicon.rewrite
    verb: ActionVerb | None = doc._.get(VERB_EXTENSION)
    weak: list[TermHit] = doc._.get(WEAK_EXTENSION) or []
    terms: list[TermHit] = doc._.get(OUTCOME_TERMS_EXTENSION) or []
    count_nouns = {n.lower(): c for c in lexicon.rules.count_nouns for n in c.nouns}
    hint = _outcome_hint(doc, count_nouns)
    advice = _advice(finding, verb, verbs, hint)
    start = content_start(doc)
    end = len(doc)
    while end > start and doc[end - 1].text in _TRAILING:
        end -= 1
    body = doc[start:end]
    too_long = len([t for t in body if t.is_alpha]) > _LONGEST_REWRITE
    several = any(t.text in (".", "!", "?") for t in body) or "[" in body.text
    if start >= end or too_long or several:
        return None, advice
    opening = next((h for h in weak if h.start == start), None)
    from_gerund = False
    consumed: int | None = None
    if verb is None:
        if opening is None:
            return None, advice  # a noun phrase: which verb it hides is the writer's call
        group = next(g for g in lexicon.weak_phrases if g.label == opening.label)
        verb_text, rest = group.stronger, list(doc[opening.end : end])
        if rest and rest[0].is_alpha and not (len(rest) > 1 and rest[1].lower_ == "of"):
            joined = len(rest) > 2 and rest[1].text == "-" and not rest[0].whitespace_
            if joined and rest[2].lower_.endswith("ing"):
                # "cross-selling" -> "Cross-sold"
                lemma = f"{rest[0].lower_}-{_lemma_of_gerund(rest[2])}"
                verb_text, rest, from_gerund = _past(lemma, verbs), rest[3:], True
            elif rest[0].tag_ == "VBG" or (rest[0].lower_.endswith("ing") and len(rest[0]) > 5):
                verb_text, rest, from_gerund = _past_of_gerund(rest[0], verbs), rest[1:], True
            elif group.with_object and _starts_noun_phrase(rest[0], grammar):
                verb_text = group.with_object
        if not rest:
            return None, advice
        verb_text, words, consumed = _nominal_to_verb(
            verb_text, rest, verbs, lexicon.generic_stand_ins
        )
    elif (
        verb.strength == "plain"
        and opening is not None
        and opening.start == verb.index
        and opening.end < end
        and doc[opening.end].tag_ in ("VB", "VBG")
        and doc[opening.end].is_alpha
    ):
        # "Helped increase renewals": the writer's own second verb leads.
        inner = doc[opening.end]
        lemma = inner.lemma_.lower() or inner.lower_
        verb_text, words, from_gerund = (
            _past(lemma, verbs),
            _words(list(doc[opening.end + 1 : end])),
            True,
        )
    else:
        verb_text = doc[start : verb.index + 1].text
        words = _words(list(doc[verb.index + 1 : end]))
    if from_gerund:
        words = _parallel_past(words, verbs, grammar)
    has_metric, has_outcome = finding.metric is not None, bool(finding.impact)
    kept = [h for h in terms if consumed != h.start]
    added_count = False
    if not has_metric:
        if has_outcome:
            words, blank = _ask_for_change(words, kept, verb_text, lexicon)
            if not blank:
                words, blank = _insert_count(words, count_nouns, grammar)
            if not blank:
                return None, advice
        else:
            words, added_count = _insert_count(words, count_nouns, grammar)
    text = _join(verb_text, words)
    if not has_outcome:
        if has_metric or added_count:
            text += ", resulting in [result]"
        else:
            text += f", improving {hint} by [Y]%"
    return text, advice


def _advice(finding: BulletFinding, verb: ActionVerb | None, verbs: ActionVerbs, hint: str) -> str:
    """What the bullet lacks, in words."""
    parts = []
    if verb is None:
        parts.append(
            "Open with a verb that says what you did yourself (e.g. Managed, Closed, "
            "Trained), not a duty or a title."
        )
    elif verb.strength == "plain":
        stronger = verbs.plain.get(verb.lemma)
        offer = f" (e.g. {stronger})" if stronger else ""
        parts.append(f"'{verb.lemma}' is a plain verb: name the specific action you took{offer}.")
    if finding.metric is None:
        parts.append("Add a number: how many, how much, how fast, or by what percentage.")
    if not finding.impact:
        named = "" if hint.startswith("[") else f" (here perhaps {hint})"
        parts.append(
            f"Say what changed as a result: revenue, retention, time saved, a target met{named}."
        )
    return " ".join(parts)


def _starts_noun_phrase(token: Token, grammar: RewriteFile) -> bool:
    # Without a tagger (tests use a blank pipeline) only the listed openers are known.
    opener = token.lower_ in grammar.determiners or token.lower_ in grammar.noun_phrase_openers
    return opener or (token.tag_[:2] in ("NN", "PR", "JJ", "DT"))


def _lemma_of_gerund(token: Token) -> str:
    # "preparing" -> "prepare": the tagger's lemma when there is one, else a rule of thumb.
    lemma = token.lemma_.lower()
    if not lemma or lemma == token.lower_:
        lemma = token.lower_[:-3]
    return lemma


def _past_of_gerund(token: Token, verbs: ActionVerbs) -> str:
    """'preparing' -> 'Prepared'."""
    return _past(_lemma_of_gerund(token), verbs)


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
    words: list[_Word], outcomes: list[TermHit], verb: str, lexicon: Lexicon
) -> tuple[list[_Word], bool]:
    """'Improved client retention through QBRs' -> 'Improved client retention by [Y]% ...'."""
    grammar = lexicon.rewrite
    last = verb.split()[-1].lower()
    changes = lexicon.action_verbs.change | lexicon.results.change_verbs
    if not past_tense_lemmas(last, lexicon.action_verbs.irregular) & changes:
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
        object_end = words[obj - 1].token
        if object_end is None:
            return words, False
        ends = {object_end.i}
    for i, word in enumerate(words[:8]):
        if word.text in _PHRASE_ENDS:
            break
        if word.token is not None and word.token.i in ends:
            # "renewal rates": the blank goes after the whole compound.
            while i + 1 < len(words) and _is_compound_noun(words[i + 1]):
                i, word = i + 1, words[i + 1]
            return [
                *words[:i],
                replace(word, ws=" "),
                _Word("by"),
                _Word("[Y]%", word.ws),
                *words[i + 1 :],
            ], True
    return words, False


def _is_compound_noun(word: _Word) -> bool:
    return word.token is not None and word.token.tag_ in ("NN", "NNS")


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
        return "[result]"
    outcome: str = min(found, key=lambda f: f[:3])[3].outcome
    return outcome


def _past(lemma: str, verbs: ActionVerbs) -> str:
    """The past tense of a verb, capitalised: the content's irregular table first, then
    lemminflect ("plan" -> "Planned", "drive" -> "Drove")."""
    irregular: dict[str, str] = {}
    for past, base in (*verbs.irregular.items(), *verbs.plain_irregular.items()):
        irregular.setdefault(base, past)  # the first listed: "drove" before "driven"
    word = irregular.get(lemma) or _inflect(lemma)
    return word[:1].upper() + word[1:]


@cache
def _inflect(lemma: str) -> str:
    from lemminflect import getInflection

    forms = getInflection(lemma, tag="VBD")
    return forms[0] if forms else lemma + "ed"


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
