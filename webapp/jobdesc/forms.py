"""Forms of the job description pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Field,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)

from scoring.content import Content
from scoring.errors import FieldErrors
from scoring.jobdesc import WORK_MODES
from scoring.roles import DEFAULT_ROLE
from webapp.jobdesc.builder import PostingRequest, parse_posting_request
from webapp.jobdesc.service import posting_text_problem

# The builder's fields, named as in the JSON API.
BUILDER_FIELDS: tuple[str, ...] = (
    "role",
    "company_name",
    "company_summary",
    "industry",
    "metro",
    "work_mode",
    "reports_to",
    "portfolio_size",
    "extra_responsibilities",
    "extra_requirements",
    "benefits",
    "how_to_apply",
    "include_eeo",
    "pay_min",
    "pay_max",
)


# A refused text is echoed back whole up to this many times its limit, so a paste a little
# over the limit loses nothing; beyond that only the first part comes back.
ECHO_FACTOR = 4


def keep_within(field: Field, limit: int) -> None:
    """Echo an over-long text back into its box, but not megabytes of it.

    A refused form shows what was typed; a text more than ECHO_FACTOR times its limit (a
    4 MB paste) comes back as its first ``ECHO_FACTOR * limit`` characters, and says so.
    """
    text = field.data or ""
    keep = ECHO_FACTOR * limit
    if isinstance(text, str) and len(text) > keep:
        field.data = text[:keep]
        field.errors = [
            *field.errors,
            f"The box keeps the first {keep:,} characters of the {len(text):,} you sent.",
        ]


def normalise_newlines(value: str | None) -> str | None:
    """Browsers send CRLF line breaks; count and check a break as one character."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class LanguageCheckForm(FlaskForm):
    """A pasted job posting to check for gender-coded wording."""

    posting = TextAreaField("Job posting", filters=[normalise_newlines])

    def validate_posting(self, field: Field) -> None:
        """Not empty and not over the length limit."""
        problem = posting_text_problem(field.data or "")
        if problem:
            raise ValidationError(problem)


class BuilderForm(FlaskForm):
    """The job description builder; its rules live in webapp.jobdesc.builder."""

    role = SelectField("Role", validate_choice=False)
    company_name = StringField("Company name")
    company_summary = TextAreaField("About the company", filters=[normalise_newlines])
    industry = SelectField("Industry", validate_choice=False)
    metro = SelectField("Location (metro area)", validate_choice=False)
    work_mode = SelectField("Work mode", validate_choice=False)
    reports_to = StringField("Reports to")
    portfolio_size = StringField("Portfolio size")
    extra_responsibilities = TextAreaField("Extra responsibilities", filters=[normalise_newlines])
    extra_requirements = TextAreaField("Extra requirements", filters=[normalise_newlines])
    benefits = TextAreaField("Benefits", filters=[normalise_newlines])
    how_to_apply = TextAreaField("How to apply", filters=[normalise_newlines])
    include_eeo = BooleanField("Include an equal-opportunity statement", default=True)
    # Text, not number fields: "$85,000" is accepted, and "80000+" comes back as typed
    # with a message rather than being dropped by the browser.
    pay_min = StringField("Minimum (US dollars a year)")
    pay_max = StringField("Maximum (US dollars a year)")

    def __init__(self, content: Content, role: str | None = None, **kwargs: Any) -> None:
        comp = content.compensation
        roles = sorted(content.roles.values(), key=lambda r: r.order)
        if role not in content.roles:
            role = DEFAULT_ROLE if DEFAULT_ROLE in content.roles else roles[0].slug
        defaults = {key: comp.defaults[key] for key in ("industry", "metro", "work_mode")}
        super().__init__(data={"role": role, **defaults}, **kwargs)
        self.content = content
        self.posting_request: PostingRequest | None = None
        self.role.choices = [(r.slug, r.title) for r in roles]
        self.industry.choices = list(comp.industries.items())
        self.metro.choices = list(comp.metros.items())
        self.work_mode.choices = [(mode, comp.work_modes[mode]) for mode in WORK_MODES]

    def builder_values(self) -> dict[str, Any]:
        """The fields as the builder reads them (the same names as the JSON API)."""
        return {name: self[name].data for name in BUILDER_FIELDS}

    def validate(self, extra_validators: Mapping[str, Any] | None = None) -> bool:
        """The CSRF token, then every builder rule, each message on its field."""
        if not super().validate(extra_validators):
            return False
        try:
            self.posting_request = parse_posting_request(self.builder_values(), self.content)
        except FieldErrors as exc:
            for name, message in exc.fields.items():
                self[name].errors = [*self[name].errors, message]
            return False
        return True
