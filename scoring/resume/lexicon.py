"""Load the resume checker's word lists and scoring rules from content/lexicon/."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from scoring.sources import load_sources
from scoring.yamlfields import ContentError, Fields, read_yaml

KEYWORD_CATEGORIES = ("hard", "soft", "industry")
SECTION_KEYS = ("contact", "summary", "experience", "skills", "education", "certifications")
WEIGHT_KEYS = (
    "keywords",
    "keyword_placement",
    "action_verbs",
    "metrics",
    "impact",
    "no_weak_phrases",
    "sections",
    "length",
)


@dataclass(frozen=True)
class TermGroup:
    """One term and the spellings that count as it (a keyword, an outcome, a weak phrase)."""

    label: str
    variants: tuple[str, ...]
    category: str = ""
    stronger: str = ""  # for weak phrases: the verb a rewrite opens with instead
    with_object: str = ""  # for weak phrases: the same, when a noun phrase follows


@dataclass(frozen=True)
class CountNoun:
    """Nouns a metric can count ("25 accounts") and the outcome a rewrite suggests for them."""

    nouns: tuple[str, ...]
    outcome: str
    valued: bool


@dataclass(frozen=True)
class StuffingRule:
    """When repetition or an unsupported skills list counts as keyword stuffing."""

    max_repeats: int
    max_share: float
    min_repeats_for_share: int
    unsupported_min_terms: int
    supported_min_share: float
    penalty_per_flag: float
    max_penalty: float


@dataclass(frozen=True)
class JobMatchRule:
    """How key terms are taken from a job posting and what share is a good match."""

    good_share: float
    max_terms: int
    min_phrase_count: int
    max_phrase_words: int
    generic_terms: frozenset[str]


@dataclass(frozen=True)
class LevelBand:
    """A role slug suggested for years of experience below ``max_years`` (None: no limit)."""

    slug: str
    max_years: float | None


@dataclass(frozen=True)
class ScoringRules:
    """Weights, thresholds and ranges that turn findings into a score."""

    weights: Mapping[str, float]
    keyword_target: int
    skills_only_credit: float
    section_points: Mapping[str, float]
    length_tolerance: float
    ideal_words: Mapping[str, tuple[int, int]]
    weak_max_elements: int
    stuffing: StuffingRule
    job_match: JobMatchRule
    count_nouns: tuple[CountNoun, ...]
    time_units: tuple[str, ...]
    level_bands: tuple[LevelBand, ...]
    level_source: str

    @property
    def levels(self) -> tuple[str, ...]:
        """The role slugs the checker accepts as a target level."""
        return tuple(self.ideal_words)


@dataclass(frozen=True)
class ActionVerbs:
    """Strong opening verbs (lemmas), irregular past forms and noun-to-verb rewrites.

    ``plain`` maps plain verbs (lemmas) to the strong verb a rewrite offers instead;
    ``plain_irregular`` maps irregular past forms of plain verbs to their lemmas.
    """

    lemmas: frozenset[str]
    irregular: Mapping[str, str]
    nominalizations: Mapping[str, str]
    source: str
    plain: Mapping[str, str] = field(default_factory=dict)
    plain_irregular: Mapping[str, str] = field(default_factory=dict)
    change: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Everything the resume checker knows, loaded once from content/lexicon/."""

    keywords: tuple[TermGroup, ...]
    keywords_source: str
    action_verbs: ActionVerbs
    weak_phrases: tuple[TermGroup, ...]
    outcomes: tuple[TermGroup, ...]
    rules: ScoringRules

    def keywords_in(self, category: str) -> tuple[TermGroup, ...]:
        """The keyword groups of one category (hard, soft or industry)."""
        return tuple(g for g in self.keywords if g.category == category)


def load_lexicon(content_root: Path) -> Lexicon:
    """Load and validate content/lexicon/*.yaml; a bad file fails naming file and field."""
    known = load_sources(content_root)
    folder = content_root / "lexicon"
    kw = read_yaml(folder / "keywords.yaml")
    keywords_source = kw.source("source", known)
    keywords = tuple(_groups(kw, "keywords", category_required=True))
    _check_unique(kw, "keywords", keywords)

    verbs = read_yaml(folder / "action_verbs.yaml")
    action_verbs = ActionVerbs(
        lemmas=frozenset(v.lower() for v in verbs.str_list("verbs")),
        irregular=_str_map(verbs, "irregular"),
        nominalizations=_str_map(verbs, "nominalizations"),
        source=verbs.source("source", known),
        plain=_str_map(verbs, "plain_verbs"),
        plain_irregular=_str_map(verbs, "plain_irregular"),
        change=frozenset(v.lower() for v in verbs.str_list("change_verbs")),
    )
    if not action_verbs.change <= action_verbs.lemmas:
        unknown = ", ".join(sorted(action_verbs.change - action_verbs.lemmas))
        raise verbs.error("change_verbs", f"lists verbs missing from `verbs`: {unknown}")
    for plain, stronger in action_verbs.plain.items():
        if plain in action_verbs.lemmas:
            raise verbs.error(f"plain_verbs.{plain}", "is also listed as a strong verb")
        if not _is_past_of_strong_verb(stronger.split()[0].lower(), action_verbs):
            raise verbs.error(
                f"plain_verbs.{plain}", f"'{stronger}' is not a form of a verb in `verbs`"
            )

    weak = read_yaml(folder / "weak_phrases.yaml")
    weak.source("source", known)
    weak_phrases = tuple(_groups(weak, "phrases", stronger_required=True))

    out = read_yaml(folder / "outcomes.yaml")
    out.source("source", known)
    outcomes = tuple(_groups(out, "outcomes"))

    rules = _scoring_rules(read_yaml(folder / "scoring.yaml"), known)
    return Lexicon(keywords, keywords_source, action_verbs, weak_phrases, outcomes, rules)


def past_tense_lemmas(word: str, irregular: Mapping[str, str]) -> frozenset[str]:
    """The base forms a past-tense word may come from, by the irregular table and the
    spelling rules: "built" -> build, "organized" -> organize, "planned" -> plan,
    "applied" -> apply. Callers keep the ones their own verb list holds."""
    word = word.lower()
    candidates = {irregular.get(word, ""), word[:-1], word[:-2], word[:-3]}
    if word.endswith("ied"):
        candidates.add(word[:-3] + "y")
    return frozenset(c for c in candidates if c)


def _is_past_of_strong_verb(word: str, verbs: ActionVerbs) -> bool:
    """Whether ``word`` is the past form of a listed strong verb ("Built", "Organized")."""
    return bool(past_tense_lemmas(word, verbs.irregular) & verbs.lemmas)


def _groups(
    fields: Fields, key: str, *, category_required: bool = False, stronger_required: bool = False
) -> list[TermGroup]:
    # A keyword's or outcome's label is itself a spelling; a weak phrase's label is a name.
    out = []
    for item in fields.list_of(key):
        label = item.str("label")
        first = () if stronger_required else (label_forms_first(label),)
        variants = tuple(dict.fromkeys((*first, *item.str_list("variants"))))
        out.append(
            TermGroup(
                label=label,
                variants=tuple(v for v in variants if v),
                category=item.choice("category", KEYWORD_CATEGORIES) if category_required else "",
                stronger=item.str("stronger") if stronger_required else "",
                with_object=item.opt_str("with_object") if stronger_required else "",
            )
        )
    return out


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


def _check_unique(fields: Fields, key: str, groups: tuple[TermGroup, ...]) -> None:
    seen: set[str] = set()
    for i, group in enumerate(groups):
        if group.label.lower() in seen:
            raise fields.error(f"{key}[{i}].label", f"repeats '{group.label}'")
        seen.add(group.label.lower())


def _str_map(fields: Fields, key: str) -> Mapping[str, str]:
    sub = fields.sub(key)
    return MappingProxyType({k.lower(): sub.str(k) for k in sub.keys()})  # noqa: SIM118 (Fields, not a dict)


def _scoring_rules(f: Fields, known: Mapping[str, object]) -> ScoringRules:
    f.source("source", known)
    w = f.sub("weights")
    weights = {k: w.number(k) for k in WEIGHT_KEYS}
    if abs(sum(weights.values()) - 100) > 1e-6:
        raise w.error("", f"must add up to 100 (they add up to {sum(weights.values()):g})")
    sp = f.sub("section_points")
    section_points = {k: sp.number(k) for k in SECTION_KEYS}
    ideal = f.sub("ideal_words")
    ideal_words: dict[str, tuple[int, int]] = {}
    for slug in ideal.keys():  # noqa: SIM118 (Fields, not a dict)
        pair = ideal.raw(slug)
        ok = isinstance(pair, list) and len(pair) == 2 and all(isinstance(n, int) for n in pair)
        if not ok or pair[0] >= pair[1]:
            raise ideal.error(slug, "must be [fewest, most] words, fewest first")
        ideal_words[slug] = (pair[0], pair[1])
    st = f.sub("stuffing")
    jm = f.sub("job_match")
    lv = f.sub("level_by_years")
    bands = tuple(
        LevelBand(b.choice("slug", ideal_words), b.opt_number("max_years"))
        for b in lv.list_of("bands")
    )
    if bands[-1].max_years is not None:
        raise lv.error("bands", "the last band must have no max_years")
    return ScoringRules(
        weights=MappingProxyType(weights),
        keyword_target=f.int("keyword_target", minimum=1),
        skills_only_credit=f.number("skills_only_credit"),
        section_points=MappingProxyType(section_points),
        length_tolerance=f.number("length_tolerance"),
        ideal_words=MappingProxyType(ideal_words),
        weak_max_elements=f.sub("verdict").int("weak_max_elements", minimum=0),
        stuffing=StuffingRule(
            max_repeats=st.int("max_repeats", minimum=1),
            max_share=st.number("max_share"),
            min_repeats_for_share=st.int("min_repeats_for_share", minimum=1),
            unsupported_min_terms=st.int("unsupported_min_terms", minimum=1),
            supported_min_share=st.number("supported_min_share"),
            penalty_per_flag=st.number("penalty_per_flag"),
            max_penalty=st.number("max_penalty"),
        ),
        job_match=JobMatchRule(
            good_share=jm.number("good_share"),
            max_terms=jm.int("max_terms", minimum=1),
            min_phrase_count=jm.int("min_phrase_count", minimum=1),
            max_phrase_words=jm.int("max_phrase_words", minimum=1),
            generic_terms=frozenset(t.lower() for t in jm.str_list("generic_terms")),
        ),
        count_nouns=tuple(
            CountNoun(c.str_list("nouns"), c.str("outcome"), c.bool("valued"))
            for c in f.list_of("count_nouns")
        ),
        time_units=f.str_list("time_units"),
        level_bands=bands,
        level_source=lv.source("source", known),
    )


__all__ = [
    "ActionVerbs",
    "ContentError",
    "CountNoun",
    "Lexicon",
    "ScoringRules",
    "TermGroup",
    "label_forms",
    "load_lexicon",
]
