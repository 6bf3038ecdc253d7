"""How well the checker judges bullets by the rubric (content/rubric.yaml), against hand labels.

Method (the figures ``make eval`` prints):
- The labels are ``resumes/bullets.jsonl`` of the real-data corpus (read there, never
  copied). Only lines labelled ``is_bullet: true`` are judged; ``labelled`` counts them.
- Each labelled line is judged on its own, through the app's own path: normalised as pasted
  text is (``extract.normalize_text``: mojibake repaired, glyphs and spaces unified), then
  tagged by ``ResumeAnalyzer.tag`` (tagger and lemmatizer, then the rule components) and
  judged by ``analyze_bullet``, with the analyzer built exactly as the app builds it.
- **Verb agreement**: the opening action verb found agrees with the label's
  ``action_verb``, both read as lemmas (a form of the same verb), or both are none.
  **Verb strength agreement**: the strength found (``strong``, ``plain`` or none) equals
  the label's ``verb_strength``.
- **Metric precision and recall**, bullet by bullet: the label's ``metric`` (true or false)
  against the checker finding at least one metric in the line.
- **Outcome agreement**: the label's ``outcome`` against the checker finding an outcome.
- **Verdict agreement**: the verdict found equals the label's ``verdict``.
- **Rewrites**: for every bullet that gets a rewrite (a suggestion holding the bullet's
  own words rather than advice alone), ``rewrites_keep_numbers`` is the share whose text
  keeps every number token of the bullet (digits with their ``%``, currency sign or code,
  ``K``/``M``/``MM``/``B`` scale and ``+``), and every number written in words; and
  ``rewrites_add_placeholder_for_present_part`` counts rewrites that add a number
  placeholder (``[N]``, ``[$X]``, ``$[X]``, ``[Y]%``) to a bullet that has a metric, or a
  result placeholder (``[result]``) to one that has an outcome: it must be 0.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from evaluation.corpus import BulletLabel, bullet_labels
from scoring.resume.bullets import BulletFinding, analyze_bullet
from scoring.resume.components import VerbForms
from scoring.resume.extract import normalize_text
from scoring.resume.report import ResumeAnalyzer

#: A number as the writer gave it, with the signs that belong to it.
_NUMBER_TOKEN = re.compile(
    r"(?:US\$|USD|\$|€|£)?\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|[kKmMbB]{1,2}\b|MM\b))?\+?"
)
_METRIC_BLANKS = ("[N]", "[$X]", "$[X]", "[Y]%")
_RESULT_BLANKS = ("[result]",)


def number_tokens(text: str) -> list[str]:
    """The numbers of a text as written, each with its currency, scale, % and + signs."""
    return [re.sub(r"\s+", "", m.group(0)) for m in _NUMBER_TOKEN.finditer(text)]


def keeps_numbers(bullet: str, rewrite: str) -> bool:
    """Whether ``rewrite`` holds every number token of ``bullet`` as written."""
    have = Counter(number_tokens(rewrite))
    need = Counter(number_tokens(bullet))
    return all(have[token] >= count for token, count in need.items())


@dataclass
class BulletEval:
    """Counts of agreement between the checker and the labels, and the misses to read."""

    labelled: int = 0
    verb_agree: int = 0
    strength_agree: int = 0
    metric_tp: int = 0
    metric_fp: int = 0
    metric_fn: int = 0
    outcome_agree: int = 0
    verdict_agree: int = 0
    rewrites: int = 0
    rewrites_keeping_numbers: int = 0
    placeholders_for_present_parts: int = 0
    verdicts: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        """The figures as ``make eval`` prints and records them (shares from 0 to 1)."""
        n = self.labelled

        def share(part: int, whole: int) -> float | None:
            return round(part / whole, 4) if whole else None

        return {
            "labelled": n,
            "verb_agreement": share(self.verb_agree, n),
            "verb_strength_agreement": share(self.strength_agree, n),
            "metric_precision": share(self.metric_tp, self.metric_tp + self.metric_fp),
            "metric_recall": share(self.metric_tp, self.metric_tp + self.metric_fn),
            "outcome_agreement": share(self.outcome_agree, n),
            "verdict_agreement": share(self.verdict_agree, n),
            "rewrites": self.rewrites,
            "rewrites_keep_numbers": share(self.rewrites_keeping_numbers, self.rewrites),
            "rewrites_add_placeholder_for_present_part": self.placeholders_for_present_parts,
        }


def _verbs_agree(found: BulletFinding, label: BulletLabel, forms: VerbForms) -> bool:
    if label.action_verb is None or found.action_verb is None:
        return label.action_verb is None and found.action_verb is None
    word = label.action_verb.split()[0].lower()  # "Sold out": the verb is "sold"
    wanted = forms.lemmas(word) | {word, forms.guess(word), word.split("-")[0]}
    return found.action_verb.lower() in wanted


def _is_rewrite(finding: BulletFinding) -> bool:
    return finding.rewrite is not None


def evaluate(analyzer: ResumeAnalyzer) -> BulletEval:
    """Judge every labelled bullet line and count the agreements (see the module docstring)."""
    labels = [label for label in bullet_labels() if label.is_bullet]
    result = BulletEval(labelled=len(labels))
    texts = [normalize_text(label.line) for label in labels]
    with analyzer.nlp.memory_zone():
        findings = [analyze_bullet(doc, analyzer.lexicon) for doc in analyzer.tag(texts)]
    for label, text, found in zip(labels, texts, findings, strict=True):
        verb_ok = _verbs_agree(found, label, analyzer.matchers.verbs.forms)
        result.verb_agree += verb_ok
        result.strength_agree += found.verb_strength == label.verb_strength
        has_metric = found.metric is not None
        result.metric_tp += has_metric and label.metric
        result.metric_fp += has_metric and not label.metric
        result.metric_fn += label.metric and not has_metric
        has_outcome = bool(found.impact)
        result.outcome_agree += has_outcome == label.outcome
        result.verdict_agree += found.verdict == label.verdict
        result.verdicts[(label.verdict or "", found.verdict)] += 1
        wrong = [
            name
            for name, ok in (
                ("verb", verb_ok),
                ("metric", has_metric == label.metric),
                ("outcome", has_outcome == label.outcome),
                ("verdict", found.verdict == label.verdict),
            )
            if not ok
        ]
        if wrong:
            said = (
                f"verb={found.action_verb}/{found.verb_strength} (label {label.action_verb}/"
                f"{label.verb_strength}) metric={found.metric} (label {label.metric}) "
                f"outcome={list(found.impact)} (label {label.outcome}) "
                f"verdict={found.verdict} (label {label.verdict})"
            )
            result.misses.append((",".join(wrong), text, said))
        if _is_rewrite(found) and found.rewrite is not None:
            result.rewrites += 1
            result.rewrites_keeping_numbers += keeps_numbers(text, found.rewrite)
            adds_metric = has_metric and any(
                found.rewrite.count(b) > text.count(b) for b in _METRIC_BLANKS
            )
            adds_result = has_outcome and any(
                found.rewrite.count(b) > text.count(b) for b in _RESULT_BLANKS
            )
            result.placeholders_for_present_parts += adds_metric or adds_result
    return result
