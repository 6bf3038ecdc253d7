"""One validation path for the builder page and its API: raw values in, a posting out.

The form and the JSON API both hand :func:`build_posting` a mapping of plain values
(strings, lists, booleans, numbers); every rule lives here, so a value refused by one
is refused by the other with the same message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
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
from scoring.roles import Role
from scoring.salary import SalaryProfile, estimate_salary

# Character limits of the typed fields: room for any real posting, small enough to
# keep a request (and its PDF) cheap.
MAX_CHARS: Mapping[str, int] = {
    "company_name": 120,
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
_UNSAFE_CHARS = frozenset({"Cc", "Cs", "Co", "Cn"})

PaySource = Literal["estimate", "recruiter"]


@dataclass(frozen=True)
class PostingRequest:
    """Validated builder input: the role, the recruiter's choices and the pay range."""

    role: Role
    choices: JobChoices
    pay: PayRange
    pay_source: PaySource
    pay_note: str


@dataclass(frozen=True)
class BuiltPosting:
    """A composed posting with its exports and its language check."""

    request: PostingRequest
    description: JobDescription
    pay_text: str
    markdown: str
    text: str
    report: LanguageReport

    @property
    def slug(self) -> str:
        """The role slug, used to name the downloads."""
        return self.request.role.slug

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
            },
            "language_check": self.report.to_dict(),
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


def parse_posting_request(values: Mapping[str, Any], content: Content) -> PostingRequest:
    """Check every builder field; raise FieldErrors naming each bad one."""
    errors: dict[str, str] = {}
    comp = content.compensation
    roles = {slug: role.title for slug, role in content.roles.items()}
    role_slug = _choice(values, "role", roles, None, errors)
    industry = _choice(values, "industry", comp.industries, comp.defaults["industry"], errors)
    metro = _choice(values, "metro", comp.metros, comp.defaults["metro"], errors)
    modes = {mode: comp.work_modes[mode] for mode in WORK_MODES}
    work_mode = _choice(values, "work_mode", modes, comp.defaults["work_mode"], errors)

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
    lists = {name: _lines(values, name, errors) for name in LIST_FIELDS}
    include_eeo = _flag(values, "include_eeo", True, errors)
    recruiter_range = _pay_range(values, content.jobdesc_texts.pay_checks, errors)
    if errors:
        raise FieldErrors(errors)

    choices = JobChoices(
        company_name=texts["company_name"],
        company_summary=summary,
        industry_label=comp.industries[industry],
        metro_label=comp.metros[metro],
        work_mode=cast(WorkMode, work_mode),
        reports_to=texts["reports_to"],
        portfolio_size=texts["portfolio_size"],
        extra_responsibilities=lists["extra_responsibilities"],
        extra_requirements=lists["extra_requirements"],
        benefits=lists["benefits"],
        how_to_apply=texts["how_to_apply"],
        include_eeo=include_eeo,
    )
    role = content.roles[role_slug]
    if recruiter_range:
        low, high = recruiter_range
        return PostingRequest(
            role, choices, PayRange(low, high), "recruiter", "The range you entered."
        )
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
    note = (
        "The base-salary range the site's salary data gives for this job: "
        f"{role.title} · {choices.industry_label} · {choices.metro_label} · "
        f"{comp.work_modes[work_mode]} · {comp.company_sizes[company_size]}. "
        "Enter a minimum and a maximum to use your own good-faith range instead."
    )
    return PostingRequest(
        role, choices, PayRange(estimate.base.low, estimate.base.high), "estimate", note
    )


def build_posting(values: Mapping[str, Any], content: Content) -> BuiltPosting:
    """Validate the values, compose the posting and check its language."""
    return compose_posting(parse_posting_request(values, content), content)


def compose_posting(request: PostingRequest, content: Content) -> BuiltPosting:
    """Compose a validated request into a posting and check its language."""
    description = compose_job_description(
        request.role, request.choices, request.pay, content.jobdesc_texts
    )
    text = description.to_text()
    return BuiltPosting(
        request=request,
        description=description,
        pay_text=request.pay.format(content.jobdesc_texts),
        markdown=description.to_markdown(),
        text=text,
        report=check_language(text, content.gender),
    )
