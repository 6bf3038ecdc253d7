"""The resume report: one spaCy pass, the findings, a 0-100 score and the fixes worth most.

Score (weights in content/lexicon/scoring.yaml, adding up to 100): the weighted keywords
of the chosen level found (keywords.py: a role-defining hard skill worth more than a soft
skill, a generic soft skill little, a skills-list-only keyword half), keywords placed in
bullets, the shares of bullets with a strong action verb, a metric, a business outcome
and no weak phrase (in full once the keywords reach ``keywords.bullets_full_at`` of the
target, from ``keywords.bullets_floor`` with none), the share of recent job titles that
are account or sales work, and the sections present; minus a penalty per stuffing flag and the
length guard (nothing inside the level's accepted range, up to ``length_guard.max_penalty``
far outside it). A plain-language band (``bands``) is shown beside the number. Each fix's
gain is measured by scoring again with that fix applied, so the number shown is what the
fix is worth.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from scoring.budget import (
    MAX_JUDGED_BULLETS,
    MAX_POSTING_TOKENS,
    TextBudgetError,
    split_long_runs,
)
from scoring.content import Content
from scoring.models.lexicon import FixText
from scoring.models.matching import ScoreBand
from scoring.resume.bullets import BulletFinding, analyze_bullet, rejudge
from scoring.resume.components import (
    KEYWORD_EXTENSION,
    ResumeMatchers,
    build_matchers,
    without_parser,
)
from scoring.resume.jobmatch import (
    JobMatch,
    PostingRequirements,
    match_job,
    posting_parts,
    posting_title,
    read_posting,
    resume_evidence,
    unglue,
    with_title,
)
from scoring.resume.keywords import (
    ELSEWHERE,
    IN_BULLETS,
    IN_SKILLS,
    KeywordCoverage,
    KeywordFinding,
    LevelTargets,
    keyword_coverage,
    keyword_credit,
    level_targets,
    title_relevance,
)
from scoring.resume.language_id import LanguageGuess, LanguageProfiles, detect_language
from scoring.resume.lexicon import Lexicon, ScoringRules
from scoring.resume.structure import (
    JUDGED_SECTIONS,
    ReadLine,
    ResumeStructure,
    SectionVocabulary,
    parse_structure,
)
from scoring.roles import DEFAULT_ROLE, Role

DEFAULT_LEVEL = DEFAULT_ROLE


@dataclass(frozen=True)
class ScoreInputs:
    """Everything the score depends on; a fix is a change to these."""

    bullets: tuple[BulletFinding, ...]
    coverage: KeywordCoverage
    sections_found: frozenset[str]
    word_count: int
    level: str
    # The share of the latest jobs (and the headline) titled as account or sales work.
    relevant_titles: float = 0.0


@dataclass(frozen=True)
class ScoreBreakdown:
    """Points earned per part, the stuffing penalty, the length guard's and the total."""

    parts: Mapping[str, float]
    penalty: float
    total: float
    length_penalty: float = 0.0

    @property
    def score(self) -> int:
        """The score shown: the total rounded to a whole number within 0-100."""
        return round(self.total)

    def to_dict(self, weights: Mapping[str, float]) -> dict[str, Any]:
        """Each part's points out of its weight."""
        return {
            "parts": {k: {"points": round(v, 1), "max": weights[k]} for k, v in self.parts.items()},
            "stuffing_penalty": round(self.penalty, 1),
            "length_penalty": round(self.length_penalty, 1),
            "total": round(self.total, 1),
        }


def score_band(score: int, bands: Iterable[ScoreBand]) -> ScoreBand:
    """The plain-language band a score falls in (bands listed from the highest down)."""
    for band in bands:
        if score >= band.min:
            return band
    raise ValueError(f"no band holds the score {score}")


@dataclass(frozen=True)
class Fix:
    """One change to the resume and how many points it would gain."""

    id: str
    title: str
    detail: str
    gain: float

    def to_dict(self) -> dict[str, Any]:
        """The API shape of a suggested fix."""
        return {
            "id": self.id,
            "title": self.title,
            "detail": self.detail,
            "gain": round(self.gain, 1),
        }


# The parts that say how well the work is told; they count in full on a resume that is
# an account manager's (scoring.yaml, ``keywords.bullets_floor``).
_BULLET_PARTS = ("keyword_placement", "action_verbs", "metrics", "impact", "no_weak_phrases")


def score_resume(inputs: ScoreInputs, rules: ScoringRules) -> ScoreBreakdown:
    """Score findings 0-100 by the weights in scoring.yaml (a pure function, used for fixes)."""
    w = rules.weights
    found = inputs.coverage.found
    credit = keyword_credit(inputs.coverage, rules.keywords.skills_only_credit)
    bullets = inputs.bullets

    def share(test: Callable[[BulletFinding], bool]) -> float:
        return sum(1 for b in bullets if test(b)) / len(bullets) if bullets else 0.0

    ideal = rules.ideal_words[inputs.level]
    points = rules.section_points.as_dict()
    parts = {
        "keywords": w.keywords * min(1.0, credit / rules.keywords.target),
        "relevant_titles": w.relevant_titles * inputs.relevant_titles,
        "keyword_placement": w.keyword_placement
        * (sum(1 for f in found if f.in_bullets) / len(found) if found else 0.0),
        "action_verbs": w.action_verbs * share(lambda b: b.action_verb is not None),
        "metrics": w.metrics * share(lambda b: b.metric is not None),
        "impact": w.impact * share(lambda b: bool(b.impact)),
        "no_weak_phrases": w.no_weak_phrases * share(lambda b: not b.weak_phrases),
        "sections": w.sections
        * sum(p for k, p in points.items() if k in inputs.sections_found)
        / sum(points.values()),
    }
    kw = rules.keywords
    relevance = kw.bullets_floor + (1 - kw.bullets_floor) * min(
        1.0, credit / (kw.target * kw.bullets_full_at)
    )
    for part in _BULLET_PARTS:
        parts[part] *= relevance
    st = rules.stuffing
    penalty = min(st.max_penalty, st.penalty_per_flag * len(inputs.coverage.stuffing))
    guard = rules.length_guard
    length = guard.max_penalty * (
        1 - length_fit(inputs.word_count, ideal.min, ideal.max, guard.tolerance)
    )
    total = min(100.0, max(0.0, sum(parts.values()) - penalty - length))
    return ScoreBreakdown(parts, penalty, total, length)


def length_fit(words: int, lo: int, hi: int, tolerance: float) -> float:
    """1 inside [lo, hi], falling linearly to 0 at ``tolerance`` of the edge beyond it."""
    if words < lo:
        return max(0.0, 1 - (lo - words) / (lo * tolerance))
    if words > hi:
        return max(0.0, 1 - (words - hi) / (hi * tolerance))
    return 1.0


def suggested_level(years: float | None, rules: ScoringRules) -> str | None:
    """The role slug years of experience suggest (bands in scoring.yaml, from the source)."""
    if years is None:
        return None
    for band in rules.level_by_years.bands:
        if band.max_years is None or years < band.max_years:
            return band.slug
    return None


def candidate_fixes(inputs: ScoreInputs, lexicon: Lexicon) -> list[tuple[Fix, ScoreInputs]]:
    """Every fix that applies, with the findings as they would be after it."""
    rules = lexicon.rules
    texts = lexicon.fixes.texts
    out: list[tuple[Fix, ScoreInputs]] = []
    bullets = inputs.bullets

    def fix(fix_id: str, text: FixText, after: ScoreInputs, **values: Any) -> None:
        if "n" in values:
            values["s"] = "" if values["n"] == 1 else "s"
        title, detail = text.title.format(**values), text.detail.format(**values)
        out.append((Fix(fix_id, title, detail, 0.0), after))

    def bullet_fix(
        fix_id: str, text: FixText, needs: Callable[[BulletFinding], bool], **change: Any
    ) -> None:
        todo = [i for i, b in enumerate(bullets) if needs(b)]
        if not todo:
            return
        fixed = tuple(
            rejudge(b, rules.weak_max_elements, **change) if i in todo else b
            for i, b in enumerate(bullets)
        )
        fix(fix_id, text, replace(inputs, bullets=fixed), n=len(todo))

    bullet_fix("metrics", texts.metrics, lambda b: b.metric is None, metric="[N]", metrics=("[N]",))
    bullet_fix(
        "action_verbs",
        texts.action_verbs,
        lambda b: b.action_verb is None,
        action_verb="[verb]",
    )
    bullet_fix("impact", texts.impact, lambda b: not b.impact, impact=("[outcome]",))
    bullet_fix("weak_phrases", texts.weak_phrases, lambda b: bool(b.weak_phrases), weak_phrases=())

    cov = inputs.coverage
    skills_only = [f for f in cov.found if f.where == "skills_only"]
    if skills_only:
        moved = tuple(replace(f, in_bullets=1) if f in skills_only else f for f in cov.found)
        stuffing = tuple(s for s in cov.stuffing if s.kind != "unsupported_skills")
        fix(
            "keyword_placement",
            texts.keyword_placement,
            replace(inputs, coverage=replace(cov, found=moved, stuffing=stuffing)),
            n=len(skills_only),
            names=", ".join(f.label for f in skills_only[: lexicon.fixes.keywords_named]),
        )
    credit = keyword_credit(cov, rules.keywords.skills_only_credit)
    if credit < rules.keywords.target and cov.missing:
        add = cov.missing[: lexicon.fixes.keywords_added]
        new = tuple(
            KeywordFinding(g.label, g.category, "exact", (g.label,), 1, 1, 0, 0) for g in add
        )
        fix(
            "missing_keywords",
            texts.missing_keywords,
            replace(
                inputs,
                coverage=replace(cov, found=cov.found + new, missing=cov.missing[len(add) :]),
            ),
            n=len(add),
            names=", ".join(g.label for g in add),
        )
    repeated = [s for s in cov.stuffing if s.kind == "repeated"]
    if repeated:
        rest = tuple(s for s in cov.stuffing if s.kind != "repeated")
        fix(
            "stuffing",
            texts.stuffing,
            replace(inputs, coverage=replace(cov, stuffing=rest)),
            names=", ".join(t for s in repeated for t in s.terms),
        )
    for key in rules.section_points.as_dict():
        if key not in inputs.sections_found:
            fix(
                f"section:{key}",
                texts.section,
                replace(inputs, sections_found=inputs.sections_found | {key}),
                section=key,
                heading=key.capitalize(),
            )
    ideal = rules.ideal_words[inputs.level]
    if not ideal.min <= inputs.word_count <= ideal.max:
        short = inputs.word_count < ideal.min
        fix(
            "length",
            texts.length_short if short else texts.length_long,
            replace(inputs, word_count=ideal.min if short else ideal.max),
            lo=ideal.min,
            hi=ideal.max,
            words=inputs.word_count,
        )
    return out


def rank_fixes(inputs: ScoreInputs, lexicon: Lexicon) -> tuple[Fix, ...]:
    """The fixes worth most points, measured by re-scoring with each one applied."""
    base = score_resume(inputs, lexicon.rules).total
    scored = []
    for fix, after in candidate_fixes(inputs, lexicon):
        gain = score_resume(after, lexicon.rules).total - base
        if gain > lexicon.fixes.min_gain:
            scored.append(replace(fix, gain=gain))
    scored.sort(key=lambda f: (-round(f.gain, 6), f.id))
    return tuple(scored[: lexicon.fixes.shown])


@dataclass(frozen=True)
class ResumeReport:
    """Everything the checker found in one resume."""

    score: ScoreBreakdown
    weights: Mapping[str, float]
    coverage: KeywordCoverage
    bullets: tuple[BulletFinding, ...]
    sections: Mapping[str, Any]
    fixes: tuple[Fix, ...]
    job_match: JobMatch | None
    structure: Mapping[str, Any]
    # What was read: the text, each non-blank line and the part it was read as.
    text: str = ""
    lines: tuple[ReadLine, ...] = ()
    # The language the resume is written in (None: not checked).
    language: LanguageGuess | None = None
    # The plain-language band of the score (None: no band given).
    band: ScoreBand | None = None

    @property
    def english(self) -> bool:
        """Whether the resume reads as English, the only language the checker judges."""
        return self.language is None or self.language.english

    def to_dict(self) -> dict[str, Any]:
        """The API shape of POST /api/v1/resume/analyze (plus structure, stuffing, breakdown).

        A resume in another language gets no score and no fixes: judged against English
        keywords and verbs it would look poor for the wrong reason. ``language`` says why.
        """
        return {
            "score": self.score.score if self.english else None,
            "band": {"label": self.band.label, "meaning": self.band.meaning}
            if self.band and self.english
            else None,
            "keywords": self.coverage.to_dict(),
            "bullets": [b.to_dict() for b in self.bullets],
            "sections": dict(self.sections),
            "suggestions": [f.to_dict() for f in self.fixes] if self.english else [],
            "job_match": self.job_match.to_dict() if self.job_match else None,
            "structure": dict(self.structure),
            "stuffing": [s.to_dict() for s in self.coverage.stuffing],
            "score_breakdown": self.score.to_dict(self.weights),
            "text": self.text,
            "lines": [
                {"number": line.number, "text": line.text, "kind": line.kind} for line in self.lines
            ],
            "language": _language_dict(self.language),
        }


def _language_dict(guess: LanguageGuess | None) -> dict[str, Any]:
    if guess is None:
        return {"code": "en", "name": "English", "english": True, "message": None}
    message = None
    if not guess.english:
        message = (
            f"This resume reads as {guess.name}. The checker judges English resumes "
            "against English ATS keywords and action verbs, so it gives no score here: "
            "one would only say that the words are not English. What it read is below."
        )
    return {"code": guess.code, "name": guess.name, "english": guess.english, "message": message}


@dataclass(frozen=True)
class ResumeAnalyzer:
    """The lexicon, the rule components and the pipeline, built once per process."""

    lexicon: Lexicon
    nlp: Language
    matchers: ResumeMatchers
    section_vocab: SectionVocabulary
    # The function words of each language, to tell an English resume from another.
    languages: LanguageProfiles | None = None
    # Each level's keyword targets and weights (keywords.py); empty: every keyword, worth 1.
    targets: Mapping[str, LevelTargets] = dataclasses.field(default_factory=dict)
    # What each keyword is worth as a requirement of a posting (scoring.yaml, job_match).
    posting_keyword_weights: Mapping[str, float] = dataclasses.field(default_factory=dict)
    # Each level's job title (its role page's), for a posting whose lines name none.
    level_titles: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def tag(self, texts: list[str]) -> list[Doc]:
        """Tokenize, tag and lemmatize in one batch (no parser, no NER), then run the rules.

        Call inside ``self.nlp.memory_zone()`` (``analyze_resume`` does): the docs and the
        strings they add to the vocabulary are freed when the zone ends.
        """
        bounded = [split_long_runs(text) for text in texts]
        docs = self.nlp.pipe(bounded, disable=without_parser(self.nlp))
        return [self.matchers(doc) for doc in docs]

    def parse(self, text: str) -> Doc:
        """Parse a job posting (the parser for its noun phrases, the entity recogniser for
        its places and names), then run the rules.

        The tokens are counted first (cheap): a posting of more than MAX_POSTING_TOKENS
        raises TextBudgetError rather than keep the parser busy for seconds.
        """
        doc = self.nlp.make_doc(split_long_runs(text))
        if len(doc) > MAX_POSTING_TOKENS:
            raise TextBudgetError(
                "job_description",
                f"The posting has {len(doc):,} words and signs; the limit is "
                f"{MAX_POSTING_TOKENS:,}. Paste its duties and requirements only.",
            )
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return self.matchers(doc)

    def read_posting(self, text: str, level: str | None = None) -> PostingRequirements:
        """A posting's requirements, ranked by importance (jobmatch.py).

        A posting whose first lines name no account or sales title is read for the title
        of ``level`` (the level the resume is checked for), when one is given.

        Call inside ``self.nlp.memory_zone()`` when the posting comes from a user
        (``analyze_resume`` does); the result holds only plain strings.
        """
        lexicon = self.lexicon
        rule = lexicon.rules.job_match
        text = unglue(text, lexicon.posting)
        posting = read_posting(
            self.parse(text),
            posting_parts(text, lexicon.posting),
            lexicon.posting,
            rule,
            self.posting_keyword_weights,
            lexicon.posting_terms.df,
        )
        title = posting_title(
            text, lexicon.level_keywords.relevant_titles, rule.title, lexicon.posting
        )
        source: Literal["posting", "level"] = "posting"
        if title is None and level is not None and level in self.level_titles:
            title, source = self.level_titles[level], "level"
        if title is None:
            return posting
        return with_title(
            posting,
            title,
            lexicon.posting_terms.title_keywords.rate,
            self.posting_keyword_weights,
            rule.title,
            source,
        )


def build_analyzer(content: Content, nlp: Language) -> ResumeAnalyzer:
    """The analyzer for the loaded content and pipeline (the app builds it once)."""
    lexicon = content.resume_lexicon
    analyzer = ResumeAnalyzer(
        lexicon, nlp, build_matchers(nlp, lexicon), content.section_vocab, content.languages
    )
    role_named = {slug: role_keywords(analyzer, role) for slug, role in content.roles.items()}
    targets = level_targets(
        lexicon.keywords, lexicon.level_keywords, lexicon.rules.keywords, role_named
    )
    rule = lexicon.rules.job_match
    generic = {label.lower() for label in lexicon.level_keywords.generic}
    weights = rule.keyword.model_dump()
    posting_weights = {
        g.label: rule.generic_keyword if g.label.lower() in generic else weights[g.category]
        for g in lexicon.keywords
    }
    return replace(
        analyzer,
        targets=targets,
        posting_keyword_weights=posting_weights,
        level_titles={slug: role.title for slug, role in content.roles.items()},
    )


def role_keywords(analyzer: ResumeAnalyzer, role: Role) -> frozenset[str]:
    """The keywords a level's role page names in its skills, duties and requirements."""
    texts = [
        *role.skills.hard,
        *role.skills.soft,
        *role.responsibilities,
        *role.requirements.must_have,
        *role.requirements.nice_to_have,
    ]
    with analyzer.nlp.memory_zone():
        return frozenset(
            hit.label for doc in analyzer.tag(texts) for hit in doc._.get(KEYWORD_EXTENSION)
        )


def judge_bullet(text: str, analyzer: ResumeAnalyzer) -> BulletFinding:
    """Judge one bullet as the full analysis judges each of its bullets (for editing in place).

    Runs inside spaCy's ``memory_zone`` like ``analyze_resume``: nothing of the text stays.
    """
    with analyzer.nlp.memory_zone():
        (doc,) = analyzer.tag([text])
        return analyze_bullet(doc, analyzer.lexicon)


def analyze_resume(
    text: str,
    *,
    level: str = DEFAULT_LEVEL,
    job_description: str | None,
    analyzer: ResumeAnalyzer,
    today: date | None = None,
    posting: PostingRequirements | None = None,
) -> ResumeReport:
    """Analyze one resume text (and optionally match it to a posting); deterministic.

    :param posting: a posting already read with ``analyzer.read_posting`` (to match many
        resumes against one posting); used instead of ``job_description``.

    Everything spaCy makes runs inside its ``memory_zone``: the strings a resume adds to
    the vocabulary (names, e-mail addresses, any new word) are freed when the analysis
    ends, so nothing of the resume outlives the request in the pipeline.
    """
    lexicon = analyzer.lexicon
    rules = lexicon.rules
    if level not in rules.ideal_words:
        raise ValueError(f"unknown level '{level}'; allowed: {', '.join(rules.levels)}")
    structure = _within_budget(parse_structure(text, analyzer.section_vocab, today))
    language = detect_language(text, analyzer.languages) if analyzer.languages else None
    places, texts = resume_segments(structure)
    with analyzer.nlp.memory_zone():
        docs = analyzer.tag(texts)
        bullet_docs = [d for d, p in zip(docs, places, strict=True) if p == "bullet"]
        bullets = tuple(analyze_bullet(doc, lexicon) for doc in bullet_docs)
        coverage = keyword_coverage(
            (
                (_place(p), d._.get(KEYWORD_EXTENSION) or [])
                for p, d in zip(places, docs, strict=True)
            ),
            lexicon.keywords,
            word_count=structure.word_count,
            rule=rules.stuffing,
            targets=analyzer.targets.get(level),
        )
        job = None
        if posting is None and job_description and job_description.strip():
            posting = analyzer.read_posting(job_description, level)
        if posting is not None:
            evidence = resume_evidence(
                docs,
                (f.label for f in coverage.found),
                rules.job_match.max_phrase_words,
                lexicon.posting.synonyms,
            )
            job = match_job(posting, evidence, rules.job_match)
        del docs, bullet_docs
    titles = [
        structure.contact.headline,
        *(job.title for job in structure.jobs[: rules.recent_jobs]),
    ]
    inputs = ScoreInputs(
        bullets,
        coverage,
        frozenset(structure.sections_found),
        structure.word_count,
        level,
        title_relevance(titles, lexicon.level_keywords.relevant_titles),
    )
    ideal = rules.ideal_words[level]
    scored_sections = rules.section_points.as_dict()
    sections = {
        "found": [k for k in scored_sections if k in structure.sections_found],
        "missing": [k for k in scored_sections if k not in structure.sections_found],
        "word_count": structure.word_count,
        "ideal_words": [ideal.min, ideal.max],
        "length": "short"
        if structure.word_count < ideal.min
        else "long"
        if structure.word_count > ideal.max
        else "ok",
    }
    score = score_resume(inputs, rules)
    return ResumeReport(
        score=score,
        weights=rules.weights.as_dict(),
        coverage=coverage,
        bullets=bullets,
        sections=sections,
        fixes=rank_fixes(inputs, lexicon),
        job_match=job,
        structure=_structure_dict(structure, level, rules),
        text=text,
        lines=structure.lines,
        language=language,
        band=score_band(score.score, rules.bands),
    )


def _within_budget(structure: ResumeStructure) -> ResumeStructure:
    """At most MAX_JUDGED_BULLETS bullets are judged (and shown), with a warning saying so:
    no real resume has as many, and each one costs a tagging pass and a PDF row."""
    judged = [b for b in structure.bullets if b.section_key in JUDGED_SECTIONS]
    if len(judged) <= MAX_JUDGED_BULLETS:
        return structure
    keep = {id(b) for b in judged[:MAX_JUDGED_BULLETS]}
    bullets = tuple(
        b for b in structure.bullets if b.section_key not in JUDGED_SECTIONS or id(b) in keep
    )
    warning = (
        f"The resume has {len(judged):,} bullets; only the first {MAX_JUDGED_BULLETS} are "
        "judged. A resume rarely needs more than 30: keep the ones that show results."
    )
    return replace(structure, bullets=bullets, warnings=(*structure.warnings, warning))


def resume_segments(structure: ResumeStructure) -> tuple[list[str], list[str]]:
    """The resume cut into judged bullets (JUDGED_SECTIONS) and the rest of each section."""
    places: list[str] = []
    texts: list[str] = []
    judged = [b for b in structure.bullets if b.section_key in JUDGED_SECTIONS]
    for bullet in judged:
        places.append("bullet")
        texts.append(bullet.text)
    # The lines each judged bullet was read from; the rest of the section is
    # its other text (job titles, companies, sub-headings).
    in_bullets = {no for bullet in judged for no in bullet.lines}
    for section in structure.sections:
        if section.key == "contact":
            continue
        rest = [
            line
            for no, line in zip(section.line_nos, section.lines, strict=True)
            if not (section.key in JUDGED_SECTIONS and no in in_bullets)
        ]
        if rest:
            places.append(section.key)
            texts.append("\n".join(rest))
    return places, texts


def _place(segment: str) -> str:
    if segment == "bullet":
        return IN_BULLETS
    if segment == "skills":
        return IN_SKILLS
    return ELSEWHERE


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _structure_dict(structure: ResumeStructure, level: str, rules: ScoringRules) -> dict[str, Any]:
    years = structure.years_experience
    return {
        "contact": _plain(structure.contact),
        "jobs": [
            {k: v for k, v in _plain(job).items() if k != "bullets"} for job in structure.jobs
        ],
        "years_experience": round(years, 1) if years is not None else None,
        "level": level,
        "suggested_level": suggested_level(years, rules),
        "level_source": rules.level_by_years.source,
        "warnings": list(structure.warnings),
    }
