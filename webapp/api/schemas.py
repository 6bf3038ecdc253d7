"""The JSON bodies of the API as pydantic models: one type for the response and its schema.

Every endpoint builds its answer with ``Model.body(result.to_dict())``: the result is
checked against the model (an unknown key or a missing one is an error, ``extra="forbid"``)
and returned as the model dumps it. ``webapp.api.openapi`` generates the document's
component schemas from the same models, so a field added to a result cannot be answered
without being documented.

Values that come from the loaded content (role slugs, industries, ...) are marked with
``content_enum``; the document lists their allowed values from the content it serves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from scoring.language import LengthVerdict, Verdict
from scoring.models.language import IssueCategory

# The key that marks a string field whose allowed values come from the content.
CONTENT_ENUM = "x-content-enum"
ContentList = Literal["roles", "industries", "company_sizes", "metros", "work_modes"]


def content_enum(name: ContentList, description: str = "") -> Any:
    """A field whose allowed values are the content's ``name`` (filled in by openapi.py)."""
    extra: dict[str, Any] = {CONTENT_ENUM: name}
    return Field(description=description or None, json_schema_extra=extra)


RoleSlug = Annotated[str, content_enum("roles", "A role slug.")]
# A year and, when the resume gives it, a month (1-12).
YearMonth = tuple[int, int | None]


class ResponseModel(BaseModel):
    """A JSON body of the API: exactly these fields, no more, no fewer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def body(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        """``data`` checked against this model, as JSON-ready values."""
        return cls.model_validate(data).model_dump(mode="json")


# --- errors ----------------------------------------------------------------------------


class ErrorDetail(ResponseModel):
    """What went wrong."""

    code: str = Field(description="A stable machine code; the Error schema lists them.")
    message: str = Field(description="What went wrong, for a person.")
    fields: dict[str, str] = Field(
        description="The fields at fault, each with its message (naming the allowed values "
        "for an unknown one); empty when no one field is at fault."
    )


class Error(ResponseModel):
    """Every 4xx and 5xx answer of the API."""

    error: ErrorDetail


# --- salaries --------------------------------------------------------------------------


class Band(ResponseModel):
    """Low, typical and high US dollars a year."""

    low: int
    typical: int
    high: int


class PayDistribution(Band):
    """Pay at p10, p25, median, p75 and p90, US dollars a year; ``low``, ``typical`` and
    ``high`` are p10, the median and p90 (8 in 10 people in the profile are paid within)."""

    p10: int
    p25: int
    median: int
    p75: int
    p90: int


class SalaryProfile(ResponseModel):
    """Who is being priced."""

    level: RoleSlug
    industry: str = content_enum("industries")
    company_size: str = content_enum("company_sizes")
    metro: str = content_enum("metros")
    work_mode: str = content_enum("work_modes")
    portfolio_arr: float | None
    years: float | None = Field(description="Years of experience, when given.")
    key_accounts: bool
    certification: bool
    mba: bool


class SourceFigure(ResponseModel):
    """One published pay figure for a level, exactly as its source gives it."""

    source: str
    label: str
    kind: str = Field(description="range, floor or point.")
    low: int | None
    high: int | None
    basis: str = Field(description="What the figure counts: base, total or unspecified.")


class EvidenceItem(ResponseModel):
    """One piece of evidence behind a factor."""

    source: str
    pct: float
    weight: float = Field(description="How many survey rows it counts as.")
    kind: str = Field(description="survey or published.")


class Factor(ResponseModel):
    """One factor applied to the estimate: its effect, its evidence and its sources."""

    name: str
    effect_pct: float = Field(description="The effect applied, after shrinking.")
    effect_usd: int
    source: str
    sources: list[str]
    low_pct: float = Field(description="The lowest percentage of the evidence.")
    high_pct: float = Field(description="The highest percentage of the evidence.")
    note: str
    raw_pct: float = Field(description="The evidence-weighted effect before shrinking.")
    weight_share: float = Field(description="The share of the raw effect kept (0-1).")
    evidence: list[EvidenceItem]


class SkippedFactor(ResponseModel):
    """A factor deliberately not applied, and why."""

    name: str
    source: str
    reason: str


class LevelName(ResponseModel):
    """A level's slug and title."""

    slug: RoleSlug
    title: str


class Shares(ResponseModel):
    """Low, typical and high percentages."""

    low: float
    typical: float
    high: float


class SalaryStep(ResponseModel):
    """One step from the evidence to the median base (anchor, survey, ladder, factor, cap)."""

    kind: str
    name: str
    detail: str
    effect_pct: float
    before: int
    after: int
    sources: list[str]


class Confidence(ResponseModel):
    """How much evidence stands behind the estimate."""

    label: Literal["high", "medium", "low"]
    text: str
    reasons: list[str]


class SalaryEstimate(ResponseModel):
    """Base, variable and total cash pay, every step, factor, source and caveat (US dollars a
    year, in dollars of May 2024)."""

    base: PayDistribution
    variable: PayDistribution
    total_cash: PayDistribution
    factors: list[Factor]
    sources: list[str]
    notes: list[str]
    profile: SalaryProfile
    level: LevelName
    level_band: PayDistribution
    variable_share_pct: Shares
    skipped_factors: list[SkippedFactor]
    by_source: list[SourceFigure]
    steps: list[SalaryStep]
    confidence: Confidence
    priced_from: str | None = Field(
        description="The level this one is priced from, when it has no evidence of its own."
    )
    above_sources: str | None = Field(
        description="Said when the estimate passes the top of every published figure."
    )
    citations: dict[str, str] = Field(description="Each source id and its citation.")


class OfferAmounts(ResponseModel):
    """The offer as given: base, variable pay and their sum (US dollars a year)."""

    base: int
    variable: int | None
    total_cash: int | None


class OfferPosition(ResponseModel):
    """Where an amount falls among people of the profile."""

    amount: int
    percentile: float = Field(description="The share of people paid less, 1-99.")
    words: str


class NegotiatingRoom(ResponseModel):
    """What the evidence says about asking for more."""

    words: str
    to_median: int = Field(description="Dollars from the offered base up to the median.")
    to_p75: int = Field(description="Dollars from the offered base up to the 75th percentile.")


class OfferEstimate(ResponseModel):
    """The estimate the offer is checked against."""

    base: PayDistribution
    total_cash: PayDistribution
    confidence: Confidence


class OfferCheck(ResponseModel):
    """Where an offer falls in the estimate for its profile."""

    profile: SalaryProfile
    level: LevelName
    offer: OfferAmounts
    base: OfferPosition
    total_cash: OfferPosition | None
    negotiating_room: NegotiatingRoom
    estimate: OfferEstimate
    notes: list[str]
    sources: list[str]


# --- roles -----------------------------------------------------------------------------


class Years(ResponseModel):
    """Years of experience a level usually asks for."""

    min: int
    max: int | None
    label: str


class RoleYears(Years):
    """Years of experience, with their source."""

    source: str
    note: str


class _RoleHeader(ResponseModel):
    slug: RoleSlug
    title: str
    track: str
    order: int
    summary: str
    url: str = Field(description="The role's page.")
    api_url: str = Field(description="The role in full, in this API.")


class RoleSummary(_RoleHeader):
    """A role as the role list shows it."""

    years: Years


class RoleList(ResponseModel):
    """Every role in ladder order."""

    roles: list[RoleSummary]


class Requirements(ResponseModel):
    must_have: list[str]
    nice_to_have: list[str]


class Skills(ResponseModel):
    hard: list[str]
    soft: list[str]


class Kpi(ResponseModel):
    name: str
    target: str
    source: str


class Certification(ResponseModel):
    name: str
    issuer: str
    note: str
    source: str


class RoleFact(ResponseModel):
    text: str
    source: str


class RolePay(ResponseModel):
    """The role's national pay band for the default profile, and each source's figure."""

    base: PayDistribution
    total_cash: PayDistribution
    profile: SalaryProfile
    by_source: list[SourceFigure]
    sources: list[str]


class Role(_RoleHeader):
    """One role in full, with its national pay band."""

    years: RoleYears
    responsibilities: list[str]
    requirements: Requirements
    skills: Skills
    kpis: list[Kpi]
    certifications: list[Certification]
    facts: list[RoleFact]
    education: str
    previous_roles: list[RoleSlug]
    next_roles: list[RoleSlug]
    sources: list[str]
    resume_keywords: list[str] = Field(
        description="The resume checker's ATS keywords that the role's skills, duties and "
        "requirements name."
    )
    salary: RolePay


# --- job descriptions and the language check -------------------------------------------


class CodedWord(ResponseModel):
    """One coded word and its character offsets in the text."""

    word: str
    stem: str = Field(description="The list entry it falls under, without the stem mark.")
    start: int
    end: int
    suggestions: list[str] = Field(
        description="Drop-in replacements in the word's form (masculine-coded words only)."
    )
    list: Literal["gaucher-2011", "gender-decoder"]


class LanguageIssue(ResponseModel):
    """A risk beyond gender: its category, where it is, why it matters and what to write."""

    category: IssueCategory
    start: int
    end: int
    text: str = Field(description="The flagged text (empty for a posting-wide issue).")
    message: str
    suggestion: str
    source: str


class CodedCounts(ResponseModel):
    masculine: int
    feminine: int


class CodedRates(ResponseModel):
    masculine: float
    feminine: float


class LanguageReport(ResponseModel):
    """Gender-coded words, counts, a verdict and the posting's length and structure."""

    verdict: Verdict
    explanation: str
    counts: CodedCounts
    masculine: list[CodedWord]
    feminine: list[CodedWord]
    word_count: int
    length: LengthVerdict
    must_have_count: int
    bullet_share: float
    warnings: list[str]
    alternatives: dict[str, list[str]] = Field(
        description="Each masculine-coded word found (lower case) and neutral wording "
        "suggested instead (editorial suggestions)."
    )
    per_100_words: CodedRates = Field(
        description="Coded words per 100 words, masculine and feminine."
    )
    evidence: str = Field(description="How strong the evidence behind the verdict is.")
    issues: list[LanguageIssue]
    level: str | None = Field(
        description='"entry" when the experience check read the posting as entry level.'
    )


class PostingSection(ResponseModel):
    key: str
    heading: str
    paragraphs: list[str]
    bullets: list[str]


class PayRange(ResponseModel):
    """The posting's pay range: the recruiter's, or the site's estimate for the job."""

    low: int
    high: int
    currency: str
    period: str
    source: Literal["estimate", "recruiter"]
    note: str
    warnings: list[str] = Field(
        description="What to reconsider about a range the recruiter typed: wider than the "
        "site's good-faith limit, a single figure where a law asks for a range, or a top "
        "below the market median. Empty for the site's estimate."
    )


class PayLawRequirement(ResponseModel):
    """One thing a pay-transparency law asks of the posting."""

    id: Literal["pay_range", "benefits", "deadline", "commission_statement", "good_faith_width"]
    label: str
    met: bool
    message: str


class PayLawJurisdiction(ResponseModel):
    """One state's or city's pay-transparency law and what it finds."""

    id: str
    name: str
    applies: bool
    why: str = Field(description="Why the law reaches the posting or does not.")
    requirements: list[PayLawRequirement] = Field(description="Empty when the law does not apply.")
    source: str = Field(description="The id of the source in GET /sources.")
    effective: str = Field(description="In force from (YYYY-MM-DD).")
    checked: str = Field(description="When this site last checked the rule (YYYY-MM-DD).")
    verified: bool = Field(
        description="False when the rule could not be confirmed in a primary source."
    )
    note: str


class PayTransparency(ResponseModel):
    """The posting against every pay-transparency law the site knows: a checklist."""

    jurisdictions: list[PayLawJurisdiction]
    compliant: bool = Field(description="Every requirement of every law that applies is met.")
    disclaimer: str


class JobDescription(ResponseModel):
    """A composed posting with its exports, pay range, language and pay-law checks."""

    title: str
    role: RoleSlug
    sections: list[PostingSection]
    markdown: str
    text: str
    pay_range: PayRange
    language_check: LanguageReport
    pay_transparency: PayTransparency


# --- the resume checker ----------------------------------------------------------------


class FoundKeyword(ResponseModel):
    keyword: str
    category: str
    match: str
    matched_as: list[str]
    count: int
    where: Literal["bullets", "skills_only", "elsewhere"]


class MissingKeyword(ResponseModel):
    keyword: str
    category: str


class CategoryCoverage(ResponseModel):
    found: list[str]
    missing: list[str]
    share: float


class Keywords(ResponseModel):
    found: list[FoundKeyword]
    missing: list[MissingKeyword]
    by_category: dict[str, CategoryCoverage]


class BulletFinding(ResponseModel):
    """What one bullet does well and badly, its verdict and a rewrite pattern."""

    text: str
    action_verb: str | None
    verb_strength: Literal["strong", "plain"] | None = Field(
        description="strong: a specific action; plain: a generic one (helped, handled...)."
    )
    metric: str | None
    impact: list[str]
    weak_phrases: list[str]
    verdict: Literal["strong", "fair", "weak"]
    suggestion: str | None = Field(description="The rewrite, or else the advice in words.")
    rewrite: str | None = Field(
        description="The bullet with only what it lacks added, as [blanks] to fill in."
    )
    advice: str | None = Field(description="What to add, in words, where no rewrite helps.")


class Sections(ResponseModel):
    found: list[str]
    missing: list[str]
    word_count: int
    ideal_words: tuple[int, int]
    length: Literal["short", "ok", "long"]


class Fix(ResponseModel):
    """One change to the resume and the points it would gain."""

    id: str
    title: str
    detail: str
    gain: float


class JobTerm(ResponseModel):
    term: str
    kind: str
    count: int
    covered: bool
    importance: float = Field(description="How much the term weighs in the match.")
    part: str = Field(
        description="The part of the posting it comes from: requirements, responsibilities, "
        "preferred or intro; 'title' for a keyword the posting does not write but postings "
        "with its job title usually ask for."
    )
    required: bool = Field(description="False when the posting calls it a plus.")


class JobMatch(ResponseModel):
    """How much of the posting's requirements the resume covers, weighted by importance;
    ``missing`` is ordered by importance."""

    share: float
    percent: int
    good_share: float
    good_match: bool
    terms: list[JobTerm]
    missing: list[str]
    title: str | None = Field(
        description="The job title the posting is read for (it adds the terms whose part is "
        "'title'): the one it opens with when it names account or sales work, else the "
        "title of the level the resume is checked for."
    )
    title_source: Literal["posting", "level"] | None = Field(
        description="Where the title comes from: the posting's first lines, or the level."
    )


class Contact(ResponseModel):
    name: str | None
    headline: str | None = Field(description="The line under the name, such as a job title.")
    email: str | None
    phone: str | None
    links: list[str]
    location: str | None


class Job(ResponseModel):
    title: str
    company: str
    start: YearMonth | None
    end: YearMonth | Literal["present"] | None
    dates_text: str
    line_no: int


class Structure(ResponseModel):
    """What the resume was read as: contact, jobs, years of experience, suggested level."""

    contact: Contact
    jobs: list[Job]
    years_experience: float | None
    level: RoleSlug
    suggested_level: str | None
    level_source: str
    warnings: list[str]


class StuffingFlag(ResponseModel):
    kind: str
    terms: list[str]
    count: int
    message: str


class PartScore(ResponseModel):
    points: float
    max: float


class ScoreBreakdown(ResponseModel):
    parts: dict[str, PartScore]
    stuffing_penalty: float
    length_penalty: float = Field(
        description="Points taken off for a resume far shorter or longer than the level's."
    )
    total: float


class ScoreBand(ResponseModel):
    """What a score means, in plain words."""

    label: str
    meaning: str


class ReadLineOut(ResponseModel):
    """One non-blank line of the text read, and what it was read as."""

    number: int = Field(ge=1, description="The line's number in `text`, from 1.")
    text: str
    kind: Literal["heading", "job", "bullet", "contact", "skills", "other"]


class ResumeLanguage(ResponseModel):
    """The language the resume reads as; only English resumes are scored."""

    code: str = Field(description="ISO 639-1 code, such as en or es.")
    name: str
    english: bool
    message: str | None = Field(
        description="Why there is no score, when the resume is not in English."
    )


class ResumeDocument(ResponseModel):
    """What the resume came as, and whether its layout changed the reading order."""

    kind: Literal["pdf", "docx", "txt"]
    pages: int | None
    reordered: bool = Field(
        description="Columns, a sidebar, tables or text boxes were read in an order other "
        "than the file's own: check the lines, as an ATS may not do the same."
    )
    warnings: list[str]


class ResumeReport(ResponseModel):
    """The resume's score, keywords, bullets, sections, fixes and optional job match, and
    what was read: the text, each line's part, the language and the document."""

    score: int | None = Field(
        ge=0, le=100, description="0-100; null when the resume is not in English."
    )
    band: ScoreBand | None = Field(description="The score's band; null without a score.")
    keywords: Keywords
    bullets: list[BulletFinding]
    sections: Sections
    suggestions: list[Fix]
    job_match: JobMatch | None
    structure: Structure
    stuffing: list[StuffingFlag]
    score_breakdown: ScoreBreakdown
    text: str = Field(description="The text the checker read, as an ATS would.")
    lines: list[ReadLineOut]
    language: ResumeLanguage
    document: ResumeDocument


# The component schemas of the OpenAPI document (nested models are added as needed).
COMPONENTS: tuple[type[ResponseModel], ...] = (
    Error,
    RoleList,
    Role,
    SalaryEstimate,
    OfferCheck,
    LanguageReport,
    JobDescription,
    ResumeReport,
)
