"""GET forms of the salary pages: every view is a bookmarkable URL, so CSRF is off.

The values are checked by ``scoring.salary.parse_profile`` (one rule for the pages and
the API); the forms render the fields, keep what was sent and carry its messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField

from scoring.salary import CompensationData

# The words parse_profile reads as "no"; WTForms would tick the box for most of them.
FALSE_VALUES = (False, "", "false", "0", "no", "n", "off")


class FieldErrorsMixin:
    """Attach FieldErrors.fields (field -> message) to the form's fields."""

    def add_field_errors(self, fields: Mapping[str, str]) -> None:
        """Put each message on its field; a message for an unknown field is dropped."""
        for name, message in fields.items():
            field = getattr(self, name, None)
            if field is not None:
                field.errors = [*field.errors, message]


def _choices(options: Mapping[str, str]) -> list[tuple[str, str]]:
    return list(options.items())


class SalaryFilterForm(FieldErrorsMixin, FlaskForm):
    """Industry, company size and metro filters of the browse table."""

    class Meta:
        csrf = False

    industry = SelectField("Industry")
    company_size = SelectField("Company size")
    metro = SelectField("Metro area")

    def __init__(self, compensation: CompensationData, **kwargs: Any) -> None:
        defaults = {k: compensation.defaults[k] for k in ("industry", "company_size", "metro")}
        super().__init__(data=defaults, **kwargs)
        self.industry.choices = _choices(compensation.industries)
        self.company_size.choices = _choices(compensation.company_sizes)
        self.metro.choices = _choices(compensation.metros)


class EstimateForm(FieldErrorsMixin, FlaskForm):
    """The salary profile of the API contract."""

    class Meta:
        csrf = False

    level = SelectField("Level")
    industry = SelectField("Industry")
    company_size = SelectField("Company size")
    metro = SelectField("Metro area")
    work_mode = SelectField("Work mode")
    # Text, not a number field, so "$5,000,000" is accepted and a typo is shown back as typed.
    portfolio_arr = StringField("Portfolio managed (annual recurring revenue, US dollars)")
    key_accounts = BooleanField("I manage key or enterprise accounts", false_values=FALSE_VALUES)
    certification = BooleanField(
        "I hold a strategic account management certification (such as CSAM)",
        false_values=FALSE_VALUES,
    )
    mba = BooleanField("I have an MBA", false_values=FALSE_VALUES)

    def __init__(self, compensation: CompensationData, default_level: str, **kwargs: Any) -> None:
        defaults: dict[str, Any] = dict(compensation.defaults)
        defaults["level"] = default_level
        super().__init__(data=defaults, **kwargs)
        levels = sorted(compensation.levels.values(), key=lambda lv: lv.rank)
        self.level.choices = [(lv.slug, lv.title) for lv in levels]
        self.industry.choices = _choices(compensation.industries)
        self.company_size.choices = _choices(compensation.company_sizes)
        self.metro.choices = _choices(compensation.metros)
        self.work_mode.choices = _choices(compensation.work_modes)
