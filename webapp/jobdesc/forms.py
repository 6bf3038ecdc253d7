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
from webapp.jobdesc.builder import (
    CheckPlace,
    PostingRequest,
    parse_check_place,
    parse_posting_request,
)
from webapp.jobdesc.service import posting_text_problem

# The builder's fields, named as in the JSON API.
BUILDER_FIELDS: tuple[str, ...] = (
    "role",
    "job_title",
    "company_name",
    "company_summary",
    "industry",
    "metro",
    "work_mode",
    "city",
    "state",
    "country",
    "remote_states",
    "employees",
    "deadline",
    "commission",
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


# The check page's optional fields for the pay-transparency checklist.
PLACE_FIELDS: tuple[str, ...] = (
    "work_mode",
    "city",
    "state",
    "country",
    "remote_states",
    "employees",
    "commission",
)


def _place_choices(form: Any, content: Content) -> None:
    """Fill the state, work mode and commission menus from the content."""
    jd = content.jobdesc_texts
    form.state.choices = [("", "Outside the US / not given"), *jd.us_states.items()]
    form.work_mode.choices = [(mode, content.compensation.work_modes[mode]) for mode in WORK_MODES]
    form.commission.choices = list(jd.commission_labels.items())


class LanguageCheckForm(FlaskForm):
    """A pasted job posting to check for gender-coded wording and, when its place is
    given, against the pay-transparency laws."""

    posting = TextAreaField("Job posting", filters=[normalise_newlines])
    work_mode = SelectField("Work mode", validate_choice=False, default="onsite")
    city = StringField("City")
    state = SelectField("State", validate_choice=False, default="")
    country = StringField("Country, outside the US")
    remote_states = StringField("Remote: states a hire may live in")
    employees = StringField("Employees at the company")
    commission = SelectField("Commission", validate_choice=False, default="none")

    def __init__(self, content: Content | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.content = content
        self.check_place: CheckPlace | None = None
        if content is not None:
            _place_choices(self, content)

    def validate_posting(self, field: Field) -> None:
        """Not empty and not over the length limit."""
        problem = posting_text_problem(field.data or "")
        if problem:
            raise ValidationError(problem)

    def validate(self, extra_validators: Mapping[str, Any] | None = None) -> bool:
        """The posting, then the optional place fields, each message on its field."""
        ok = super().validate(extra_validators)
        if self.content is None:
            return ok
        try:
            values = {name: self[name].data for name in PLACE_FIELDS}
            self.check_place = parse_check_place(values, self.content)
        except FieldErrors as exc:
            for name, message in exc.fields.items():
                self[name].errors = [*self[name].errors, message]
            return False
        return ok


class BuilderForm(FlaskForm):
    """The job description builder; its rules live in webapp.jobdesc.builder."""

    role = SelectField("Level", validate_choice=False)
    job_title = StringField("Job title")
    company_name = StringField("Company name")
    company_summary = TextAreaField("About the company", filters=[normalise_newlines])
    industry = SelectField("Industry", validate_choice=False)
    metro = SelectField("Pay market (for the suggested range)", validate_choice=False)
    work_mode = SelectField("Work mode", validate_choice=False)
    city = StringField("City")
    state = SelectField("State", validate_choice=False)
    country = StringField("Country, outside the US")
    remote_states = StringField("Remote: states a hire may live in")
    employees = StringField("Employees at the company")
    deadline = StringField("Application deadline")
    commission = SelectField("Commission", validate_choice=False)
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
        _place_choices(self, content)
        if self.commission.data is None:
            self.commission.data = "none"

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
