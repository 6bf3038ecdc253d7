"""Load the resume checker's word lists and scoring rules from content/lexicon/.

Each file is validated by its model in scoring/models/lexicon.py; the models of the
rules (scoring.yaml, metrics.yaml, rewrite.yaml, fixes.yaml) are themselves what the
checker reads. Term lists become ``TermGroup``s, the matchers' input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from scoring.models.base import ContentError, load_file
from scoring.models.judgement import ResultRules
from scoring.models.lexicon import (
    KEYWORD_CATEGORIES,
    ActionVerbs,
    CountNoun,
    FixesFile,
    JobMatchRule,
    KeywordsFile,
    LevelBand,
    MetricsFile,
    OutcomesFile,
    RewriteFile,
    ScoringRules,
    StuffingRule,
    WeakPhrasesFile,
    past_tense_lemmas,
)
from scoring.models.matching import (
    LevelKeywordsFile,
    PostingRulesFile,
    PostingTermsFile,
    check_level_keywords,
    check_title_keywords,
)
from scoring.sources import load_sources


@dataclass(frozen=True)
class TermGroup:
    """One term and the spellings that count as it (a keyword, an outcome, a weak phrase)."""

    label: str
    variants: tuple[str, ...]
    category: str = ""
    stronger: str = ""  # for weak phrases: the verb a rewrite opens with instead
    with_object: str = ""  # for weak phrases: the same, when a noun phrase follows


@dataclass(frozen=True)
class Lexicon:
    """Everything the resume checker knows, loaded once from content/lexicon/."""

    keywords: tuple[TermGroup, ...]
    keywords_source: str
    action_verbs: ActionVerbs
    weak_phrases: tuple[TermGroup, ...]
    #: Lower-cased verbs of ``weak_phrases`` too generic to beat a duty named as a noun.
    generic_stand_ins: frozenset[str]
    outcomes: tuple[TermGroup, ...]
    #: What makes a bullet state a result beyond the outcome words (outcomes.yaml).
    results: ResultRules
    rules: ScoringRules
    metrics: MetricsFile
    rewrite: RewriteFile
    fixes: FixesFile
    #: Keywords by level, this site's added keywords and the generic ones (level_keywords.yaml).
    level_keywords: LevelKeywordsFile
    #: How a job posting is cut into parts (job_posting.yaml).
    posting: PostingRulesFile
    #: How common each word is in real postings (posting_terms.yaml, generated).
    posting_terms: PostingTermsFile

    def keywords_in(self, category: str) -> tuple[TermGroup, ...]:
        """The keyword groups of one category (hard, soft or industry)."""
        return tuple(g for g in self.keywords if g.category == category)


def load_lexicon(
    content_root: Path,
    *,
    levels: Sequence[str] | None = None,
    sources: Mapping[str, object] | None = None,
) -> Lexicon:
    """Load and validate content/lexicon/*.yaml; a bad file fails naming file and field.

    :param levels: the role slugs in ladder order; every mapping keyed by level must
        list exactly these (None: not checked, the order as written).
    :param sources: the source registry, when already loaded (else read from content/).
    """
    context = {
        "sources": load_sources(content_root) if sources is None else sources,
        "levels": None if levels is None else tuple(levels),
    }
    folder = content_root / "lexicon"
    keywords = load_file(KeywordsFile, folder / "keywords.yaml", context)
    weak = load_file(WeakPhrasesFile, folder / "weak_phrases.yaml", context)
    outcomes = load_file(OutcomesFile, folder / "outcomes.yaml", context)
    by_level = load_file(LevelKeywordsFile, folder / "level_keywords.yaml", context)
    check_level_keywords(
        by_level, (k.label for k in keywords.keywords), levels, folder / "level_keywords.yaml"
    )
    posting_terms = load_file(PostingTermsFile, folder / "posting_terms.yaml", context)
    check_title_keywords(
        posting_terms,
        [*(k.label for k in keywords.keywords), *(k.label for k in by_level.keywords)],
        folder / "posting_terms.yaml",
    )
    return Lexicon(
        keywords=tuple(
            TermGroup(k.label, _spellings(k.label, k.variants), k.category)
            for k in keywords.keywords
        )
        + tuple(
            TermGroup(k.label, _spellings(k.label, k.variants), k.category)
            for k in by_level.keywords
        ),
        keywords_source=keywords.source,
        action_verbs=load_file(ActionVerbs, folder / "action_verbs.yaml", context),
        # A weak phrase's label is a name, not a spelling: only its variants match.
        weak_phrases=tuple(
            TermGroup(p.label, tuple(dict.fromkeys(p.variants)), "", p.stronger, p.with_object)
            for p in weak.phrases
        ),
        generic_stand_ins=frozenset(weak.generic_stand_ins),
        outcomes=tuple(
            TermGroup(o.label, _spellings(o.label, o.variants)) for o in outcomes.outcomes
        ),
        results=outcomes.results,
        rules=load_file(ScoringRules, folder / "scoring.yaml", context),
        metrics=load_file(MetricsFile, folder / "metrics.yaml", context),
        rewrite=load_file(RewriteFile, folder / "rewrite.yaml", context),
        fixes=load_file(FixesFile, folder / "fixes.yaml", context),
        level_keywords=by_level,
        posting=load_file(PostingRulesFile, folder / "job_posting.yaml", context),
        posting_terms=posting_terms,
    )


def _spellings(label: str, variants: Iterable[str]) -> tuple[str, ...]:
    # A keyword's or outcome's label is itself a spelling ("QBR" of "QBR (Quarterly ...)").
    return tuple(v for v in dict.fromkeys((label_forms_first(label), *variants)) if v)


def label_forms_first(label: str) -> str:
    """A label without its parenthesised part: 'QBR (Quarterly Business Review)' -> 'QBR'."""
    return label.split("(")[0].strip()


def label_forms(label: str) -> frozenset[str]:
    """The spellings that count as an exact match of a label: its text and its abbreviation."""
    head = label.split("(")[0].strip()
    forms = {head.lower()}
    if "(" in label and ")" in label:
        forms.add(label[label.index("(") + 1 : label.index(")")].strip().lower())
    return frozenset(forms)


__all__ = [
    "KEYWORD_CATEGORIES",
    "ActionVerbs",
    "ContentError",
    "CountNoun",
    "JobMatchRule",
    "LevelBand",
    "Lexicon",
    "ScoringRules",
    "StuffingRule",
    "TermGroup",
    "label_forms",
    "load_lexicon",
    "past_tense_lemmas",
]
