"""One validation path for the builder page and its API: raw values in, a posting out.

The form and the JSON API both hand :func:`build_posting` a mapping of plain values
(strings, lists, booleans, numbers); every rule lives here, so a value refused by one
is refused by the other with the same message.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, cast

from scoring.content import Content
from scoring.errors import FieldErrors
from scoring.jobdesc import (
    WORK_MODES,
    JobChoices,
    JobDescription,
    PayRange,
    WorkMode,
    compose_job_description,
)
from scoring.language import LanguageReport, check_language, highlight_segments
from scoring.models.jobdesc import PayChecks
from scoring.nlp import load_pipeline, request_zone
from scoring.pay_transparency import (
    Commission,
    PayTransparencyReport,
    PostingFacts,
    PostingPlace,
    check_pay_transparency,
    width_check,
)
from scoring.roles import Role
from scoring.salary import Estimate, SalaryProfile, estimate_salary

# Character limits of the typed fields: room for any real posting, small enough to
# keep a request (and its PDF) cheap.
MAX_CHARS: Mapping[str, int] = {
    "company_name": 120,
    "job_title": 120,
    "city": 80,
    "country": 80,
    "company_summary": 2_000,
    "reports_to": 120,
    "portfolio_size": 200,
    "how_to_apply": 1_500,
}
MIN_SUMMARY_CHARS = 20
LIST_FIELDS: tuple[str, ...] = ("extra_responsibilities", "extra_requirements", "benefits")
MAX_LIST_LINES = 15
MAX_LINE_CHARS = 300

_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
MAX_EMPLOYEES = 10_000_000
_UNSAFE_CHARS = frozenset({"Cc", "Cs", "Co", "Cn"})

PaySource = Literal["estimate", "recruiter"]


@dataclass(frozen=True)
class PostingRequest:
    """Validated builder input: the role, the recruiter's choices, the pay range, the
    site's estimate for the job and where the posting applies."""

    role: Role
    choices: JobChoices
    pay: PayRange
    pay_source: PaySource
    pay_note: str
    place: PostingPlace
    estimate: Estimate


@dataclass(frozen=True)
class BuiltPosting:
    """A composed posting with its exports and its language check."""

    request: PostingRequest
    description: JobDescription
    pay_text: str
    markdown: str
    text: str
    report: LanguageReport
    pay_transparency: PayTransparencyReport
    pay_warnings: tuple[str, ...]

    @property
    def slug(self) -> str:
        """The role slug, used to name the downloads."""
        return self.request.role.slug

    @property
    def pay_line(self) -> str:
        """The posting's own pay sentence, such as "Base salary: $59,000 to $88,000 a year."."""
        section = self.description.section("compensation")
        return section.paragraphs[0] if section and section.paragraphs else self.pay_text

    @property
    def segments(self) -> list[tuple[str, str | None]]:
        """The plain text cut into highlighted and plain pieces, for the report partial."""
        return highlight_segments(self.text, self.report)

    def to_dict(self) -> dict[str, Any]:
        """The JSON answer of POST /api/v1/job-descriptions."""
        pay = self.request.pay
        return {
            **self.description.to_dict(),
            "role": self.request.role.slug,
            "markdown": self.markdown,
            "text": self.text,
            "pay_range": {
                "low": pay.low,
                "high": pay.high,
                "currency": pay.currency,
                "period": pay.period,
                "source": self.request.pay_source,
                "note": self.request.pay_note,
                "warnings": list(self.pay_warnings),
            },
            "language_check": self.report.to_dict(),
            "pay_transparency": self.pay_transparency.to_dict(),
        }


def clean_text(value: str) -> str:
    """Drop control characters and lone surrogates, which no posting needs."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in _UNSAFE_CHARS
    )


def _text(values: Mapping[str, Any], name: str, errors: dict[str, str]) -> str:
    """A string field, trimmed; a non-string is an error."""
    value = values.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[name] = "Must be text."
        return ""
    return clean_text(value).strip()


def _lines(values: Mapping[str, Any], name: str, errors: dict[str, str]) -> tuple[str, ...]:
    """One item a line (a string) or a list of strings; blank lines are dropped."""
    value = values.get(name)
    if value is None:
        return ()
    if isinstance(value, str):
        raw = value.split("\n")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        raw = [line for item in value for line in item.split("\n")]
    else:
        errors[name] = "Must be text, one item a line, or a list of strings."
        return ()
    lines = tuple(line for line in (clean_text(r).strip() for r in raw) if line)
    if len(lines) > MAX_LIST_LINES:
        errors[name] = f"{len(lines)} lines; keep it to {MAX_LIST_LINES} or fewer."
    elif any(len(line) > MAX_LINE_CHARS for line in lines):
        errors[name] = f"Keep each line to {MAX_LINE_CHARS} characters or fewer."
    return lines


def _choice(
    values: Mapping[str, Any],
    name: str,
    allowed: Mapping[str, str],
    default: str | None,
    errors: dict[str, str],
) -> str:
    """A value from a fixed list; an unknown one is refused with the allowed values."""
    value = values.get(name)
    if value is None or value == "":
        if default is not None:
            return default
        errors[name] = f"Required. Allowed values: {', '.join(allowed)}."
        return ""
    if not isinstance(value, str) or value not in allowed:
        errors[name] = f"Unknown value '{value}'. Allowed values: {', '.join(allowed)}."
        return ""
    return value


def _flag(values: Mapping[str, Any], name: str, default: bool, errors: dict[str, str]) -> bool:
    """A true/false field."""
    value = values.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        errors[name] = "Must be true or false."
        return default
    return value


def _dollars(amount: int) -> str:
    return f"${amount:,}"


def parse_pay(value: Any, label: str, checks: PayChecks) -> tuple[int | None, str | None]:
    """A whole number of dollars a year, or None when empty; else a message saying why not.

    The bounds, the open-ended wording and the law note come from content/jobdesc.yaml.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, "Must be a whole number of US dollars a year, such as 80000."
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        amount = value
    elif isinstance(value, str):
        typed = clean_text(value).strip()
        if not typed:
            return None, None
        if checks.is_open_ended(typed):
            return None, (
                f"'{typed}' is open-ended. Enter the {label} as a number and fill in both ends "
                f"of the range. {checks.law_note.text}"
            )
        digits = typed.removeprefix("$").strip().replace(" ", "")
        if _THOUSANDS.match(digits):
            digits = digits.replace(",", "")
        if not digits.isascii() or not digits.isdigit():
            return None, (
                f"'{typed}' is not a whole number of US dollars a year; "
                "enter digits only, such as 80000."
            )
        if len(digits) > len(str(checks.max_yearly)) + 1:
            # Far above the limit; also keeps int() away from huge digit strings.
            return None, (
                f"That figure looks like a typing mistake; the limit is "
                f"{_dollars(checks.max_yearly)} a year."
            )
        amount = int(digits)
    else:
        return None, "Must be a whole number of US dollars a year, such as 80000."
    if amount <= 0:
        return None, "Must be a positive number of US dollars a year."
    if amount < checks.min_yearly:
        return None, (
            f"{_dollars(amount)} is less than a year's pay; enter the yearly salary in "
            "US dollars (for $80,000, enter 80000)."
        )
    if amount > checks.max_yearly:
        return None, (
            f"{_dollars(amount)} a year looks like a typing mistake; the limit is "
            f"{_dollars(checks.max_yearly)}."
        )
    return amount, None


def _pay_range(
    values: Mapping[str, Any], checks: PayChecks, errors: dict[str, str]
) -> tuple[int, int] | None:
    """The recruiter's range; None when both ends are empty or when it is refused."""
    low, low_error = parse_pay(values.get("pay_min"), "minimum", checks)
    high, high_error = parse_pay(values.get("pay_max"), "maximum", checks)
    if low_error:
        errors["pay_min"] = low_error
    if high_error:
        errors["pay_max"] = high_error
    if low_error or high_error:
        return None
    if low is None and high is None:
        return None
    if low is None:
        errors["pay_min"] = f"Enter a minimum as well as the maximum. {checks.law_note.text}"
        return None
    if high is None:
        errors["pay_max"] = f"Enter a maximum as well as the minimum. {checks.law_note.text}"
        return None
    if low > high:
        errors["pay_min"] = (
            f"The minimum ({_dollars(low)}) is above the maximum ({_dollars(high)}); "
            "correct one of them or swap them."
        )
        return None
    return low, high


def _employees(values: Mapping[str, Any], errors: dict[str, str]) -> int | None:
    """The employer's headcount, a whole number of 1 or more, or None when not given."""
    value = values.get("employees")
    if value is None or value == "":
        return None
    if isinstance(value, str):
        typed = clean_text(value).strip().replace(",", "")
        if not typed:
            return None
        value = int(typed) if typed.isascii() and typed.isdigit() and len(typed) < 9 else None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_EMPLOYEES:
        errors["employees"] = "Enter the number of people the company employs, such as 40."
        return None
    return value


def _deadline(values: Mapping[str, Any], today: date, errors: dict[str, str]) -> date | None:
    """The application deadline as a date (YYYY-MM-DD), today or later; None when empty."""
    value = values.get("deadline")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        errors["deadline"] = "Must be a date written YYYY-MM-DD, such as 2027-01-15."
        return None
    try:
        day = date.fromisoformat(clean_text(value).strip())
    except ValueError:
        errors["deadline"] = "Must be a date written YYYY-MM-DD, such as 2027-01-15."
        return None
    if day < today:
        errors["deadline"] = f"{day.isoformat()} has passed; give a date from today on."
        return None
    return day


def _states(
    values: Mapping[str, Any], allowed: Mapping[str, str], errors: dict[str, str]
) -> tuple[str, ...]:
    """Where a remote hire may live: state codes, as a list or separated by commas or
    spaces; empty means anywhere in the United States."""
    value = values.get("remote_states")
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items = re.split(r"[\s,;]+", value.strip())
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        errors["remote_states"] = "Must be state codes, such as CO, NY."
        return ()
    codes = [item.strip().upper() for item in items if item.strip()]
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        errors["remote_states"] = (
            f"Unknown state code '{unknown[0]}'. Use two-letter codes such as CO, NY, TX."
        )
        return ()
    return tuple(dict.fromkeys(codes))


@dataclass(frozen=True)
class CheckPlace:
    """The check page's optional facts about a pasted posting: its place and commission."""

    place: PostingPlace
    commission: Commission

    @property
    def given(self) -> bool:
        """Whether enough was given to tell which laws apply (a state, a country or remote)."""
        p = self.place
        return bool(p.state) or p.country != "US" or p.work_mode == "remote"


def parse_check_place(
    values: Mapping[str, Any], content: Content, today: date | None = None
) -> CheckPlace:
    """The optional place fields of the pasted-posting check; raise FieldErrors."""
    errors: dict[str, str] = {}
    jd = content.jobdesc_texts
    modes = {mode: content.compensation.work_modes[mode] for mode in WORK_MODES}
    work_mode = _choice(values, "work_mode", modes, "onsite", errors)
    state = _choice(values, "state", {"": "", **jd.us_states}, "", errors)
    commission = _choice(values, "commission", jd.commission_labels, "none", errors)
    texts = {name: _text(values, name, errors) for name in ("city", "country")}
    for name, text in texts.items():
        if name not in errors and len(text) > MAX_CHARS[name]:
            errors[name] = f"Keep it to {MAX_CHARS[name]} characters or fewer."
    remote_states = _states(values, jd.us_states, errors)
    employees = _employees(values, errors)
    if errors:
        raise FieldErrors(errors)
    in_us = not texts["country"] or texts["country"].casefold() in jd.us_names
    place = PostingPlace(
        on=today or date.today(),
        work_mode=work_mode,
        city=texts["city"],
        state=state if in_us else "",
        country="US" if in_us else texts["country"],
        remote_states=remote_states if work_mode == "remote" else (),
        employees=employees,
    )
    return CheckPlace(place, cast(Commission, commission))


def parse_posting_request(
    values: Mapping[str, Any], content: Content, today: date | None = None
) -> PostingRequest:
    """Check every builder field; raise FieldErrors naming each bad one."""
    today = today or date.today()
    errors: dict[str, str] = {}
    comp = content.compensation
    jd = content.jobdesc_texts
    roles = {slug: role.title for slug, role in content.roles.items()}
    role_slug = _choice(values, "role", roles, None, errors)
    industry = _choice(values, "industry", comp.industries, comp.defaults["industry"], errors)
    metro = _choice(values, "metro", comp.metros, comp.defaults["metro"], errors)
    modes = {mode: comp.work_modes[mode] for mode in WORK_MODES}
    work_mode = _choice(values, "work_mode", modes, comp.defaults["work_mode"], errors)
    states = {"": "Outside the United States", **jd.us_states}
    state = _choice(values, "state", states, "", errors)
    commission = _choice(values, "commission", jd.commission_labels, "none", errors)

    texts = {name: _text(values, name, errors) for name in MAX_CHARS}
    for name, limit in MAX_CHARS.items():
        if name not in errors and len(texts[name]) > limit:
            errors[name] = f"{len(texts[name]):,} characters; keep it to {limit:,} or fewer."
    if "company_name" not in errors and not texts["company_name"]:
        errors["company_name"] = "Enter the company's name: the posting is written around it."
    summary = texts["company_summary"]
    if "company_summary" not in errors and len(summary) < MIN_SUMMARY_CHARS:
        errors["company_summary"] = (
            "Describe the company in a sentence or two (at least "
            f"{MIN_SUMMARY_CHARS} characters): what it sells and to whom."
        )
    in_us = not texts["country"] or texts["country"].casefold() in jd.us_names
    if in_us and not state and "state" not in errors and work_mode != "remote":
        errors["state"] = "Choose the state the job is in (or type the country outside the US)."
    if not in_us and state and "country" not in errors:
        errors["country"] = "Leave the country empty for a job in a US state, or the state empty."
    if work_mode != "remote" and not texts["city"] and "city" not in errors:
        errors["city"] = "Enter the city the job is in: the posting says where the work is."
    remote_states = _states(values, jd.us_states, errors)
    employees = _employees(values, errors)
    deadline = _deadline(values, today, errors)
    lists = {name: _lines(values, name, errors) for name in LIST_FIELDS}
    include_eeo = _flag(values, "include_eeo", True, errors)
    recruiter_range = _pay_range(values, jd.pay_checks, errors)
    if errors:
        raise FieldErrors(errors)

    region = jd.us_states[state] if state else texts["country"]
    place = ", ".join(part for part in (texts["city"], region) if part)
    choices = JobChoices(
        company_name=texts["company_name"],
        company_summary=summary,
        industry_label=comp.industries[industry],
        work_mode=cast(WorkMode, work_mode),
        job_title=texts["job_title"],
        place=place,
        remote_states=remote_states if work_mode == "remote" else (),
        reports_to=texts["reports_to"],
        portfolio_size=texts["portfolio_size"],
        extra_responsibilities=lists["extra_responsibilities"],
        extra_requirements=lists["extra_requirements"],
        benefits=lists["benefits"],
        how_to_apply=texts["how_to_apply"],
        include_eeo=include_eeo,
        deadline=deadline,
        commission=cast(Commission, commission),
    )
    posting_place = PostingPlace(
        on=today,
        work_mode=work_mode,
        city=texts["city"],
        state=state,
        country="US" if in_us else texts["country"],
        remote_states=choices.remote_states,
        employees=employees,
    )
    role = content.roles[role_slug]
    # The builder does not ask for company size: the estimate uses the data's default.
    company_size = comp.defaults["company_size"]
    estimate = estimate_salary(
        SalaryProfile(
            level=role_slug,
            industry=industry,
            company_size=company_size,
            metro=metro,
            work_mode=work_mode,
        ),
        comp,
    )
    if recruiter_range:
        low, high = recruiter_range
        return PostingRequest(
            role,
            choices,
            PayRange(low, high),
            "recruiter",
            "The range you entered.",
            posting_place,
            estimate,
        )
    note = (
        "The middle half of base salaries (25th to 75th percentile) the site's salary "
        f"data gives for this job: {role.title} · {choices.industry_label} · "
        f"{comp.metros[metro]} · {comp.work_modes[work_mode]} · "
        f"{comp.company_sizes[company_size]}. Enter a minimum and a maximum to use your "
        "own good-faith range instead."
    )
    return PostingRequest(
        role,
        choices,
        PayRange(estimate.base.p25, estimate.base.p75),
        "estimate",
        note,
        posting_place,
        estimate,
    )


def build_posting(
    values: Mapping[str, Any], content: Content, today: date | None = None
) -> BuiltPosting:
    """Validate the values, compose the posting and check its language and pay laws."""
    return compose_posting(parse_posting_request(values, content, today), content)


def posting_facts(request: PostingRequest) -> PostingFacts:
    """What the composed posting shows, from the recruiter's fields."""
    choices = request.choices
    return PostingFacts(
        pay_low=request.pay.low,
        pay_high=request.pay.high,
        benefits=bool(choices.benefits),
        deadline=choices.deadline is not None,
        commission_statement=choices.commission != "none",
        commission=choices.commission,
    )


def pay_warnings(
    request: PostingRequest, report: PayTransparencyReport, content: Content
) -> tuple[str, ...]:
    """What a careful recruiter would want said about the range before publishing it."""
    pay = request.pay
    out: list[str] = []
    width = width_check(posting_facts(request), content.pay_transparency)
    if width is not None and not width.met:
        out.append(width.message)
    if pay.low == pay.high:
        strict = [j.rule.name for j in report.applicable if not j.rule.fixed_figure_allowed]
        if strict:
            out.append(
                f"A single figure: {', '.join(strict)} ask for a minimum and a maximum. "
                "Enter the range you would pay."
            )
    median = request.estimate.base.typical
    if pay.high < median:
        out.append(
            f"The top of the range ({_dollars(pay.high)}) is below the median base salary "
            f"the site's data gives for this job ({_dollars(median)}): most people in this "
            "job are paid more than your maximum, so expect fewer applicants."
        )
    return tuple(out)


# The language check parses the whole posting (about 100 ms, most of a new posting's cost
# before its PDF). A recruiter exports one posting as PDF, Markdown and text, and the
# builder's default postings repeat, so the last reports are kept per content, keyed by the
# posting's text and level (a posting holds nothing private, unlike a resume).
LANGUAGE_CACHE_SIZE = 64
_language_checks: dict[int, Callable[[str, str], LanguageReport]] = {}


def posting_language(text: str, level: str, content: Content) -> LanguageReport:
    """The language check of a composed posting, from the cache when the same text and
    level were checked with this content before."""
    check = _language_checks.get(id(content))
    if check is None:
        lexicon = content.gender

        @functools.lru_cache(maxsize=LANGUAGE_CACHE_SIZE)
        def checked(text: str, level: str) -> LanguageReport:
            nlp = load_pipeline()  # the pipeline check_language uses by default
            with request_zone(nlp):
                return check_language(text, lexicon, nlp, level=level)

        _language_checks[id(content)] = check = checked
        weakref.finalize(content, _language_checks.pop, id(content), None)
    return check(text, level)


def compose_posting(request: PostingRequest, content: Content) -> BuiltPosting:
    """Compose a validated request into a posting; check its language and the pay laws."""
    description = compose_job_description(
        request.role, request.choices, request.pay, content.jobdesc_texts
    )
    text = description.to_text()
    report = check_pay_transparency(request.place, posting_facts(request), content.pay_transparency)
    return BuiltPosting(
        request=request,
        description=description,
        pay_text=request.pay.format(content.jobdesc_texts),
        markdown=description.to_markdown(),
        text=text,
        report=posting_language(text, request.role.slug, content),
        pay_transparency=report,
        pay_warnings=(
            pay_warnings(request, report, content) if request.pay_source == "recruiter" else ()
        ),
    )
