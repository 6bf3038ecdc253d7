"""GET forms of the salary pages: every view is a bookmarkable URL, so CSRF is off.

The values are checked by ``scoring.salary.parse_profile`` (one rule for the pages and
the API); the forms render the fields, keep what was sent and carry its messages.
"""

from __future__ import annotations

import functools
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


# The browse page's first industry choice: every industry together (the level's baseline).
ALL_INDUSTRIES = ("", "All industries")


class SalaryFilterForm(FieldErrorsMixin, FlaskForm):
    """Industry, company size and metro filters of the browse table."""

    class Meta:
        csrf = False

    industry = SelectField("Industry")
    company_size = SelectField("Company size")
    metro = SelectField("Metro area")

    def __init__(self, compensation: CompensationData, **kwargs: Any) -> None:
        defaults = {k: compensation.defaults[k] for k in ("company_size", "metro")}
        super().__init__(data={"industry": "", **defaults}, **kwargs)
        self.industry.choices = [ALL_INDUSTRIES, *_choices(compensation.industries)]
        self.company_size.choices = _choices(compensation.company_sizes)
        self.metro.choices = _choices(compensation.metros)


class EstimateForm(FieldErrorsMixin, FlaskForm):
    """The salary profile of the API contract; the yes/no questions come from the content."""

    class Meta:
        csrf = False

    level = SelectField("Level")
    industry = SelectField("Industry")
    company_size = SelectField("Company size")
    metro = SelectField("Metro area")
    work_mode = SelectField("Work mode")
    # Text, not number fields, so "$5,000,000" is accepted and a typo is shown back as typed.
    years = StringField("Years of experience in the field")
    portfolio_arr = StringField("Portfolio managed (annual recurring revenue, US dollars)")
    flag_names: tuple[str, ...] = ()

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

    @property
    def flag_fields(self) -> list[Any]:
        """The yes/no questions, in the content's order."""
        return [getattr(self, name) for name in self.flag_names]


class OfferFields:
    """The offer: base (required) and variable pay (optional), typed as text."""

    offer_base = StringField("Offered base salary (US dollars a year)")
    offer_variable = StringField("Offered variable pay: bonus or commission (optional)")


def _with_flags(compensation: CompensationData, offer: bool = False) -> type[EstimateForm]:
    return _form_class(tuple(compensation.flags.items()), offer)


@functools.cache
def _form_class(flags: tuple[tuple[str, str], ...], offer: bool) -> type[EstimateForm]:
    """The form class with one checkbox per yes/no question (one class per set of flags)."""
    fields: dict[str, Any] = {
        name: BooleanField(label, false_values=FALSE_VALUES) for name, label in flags
    }
    fields["flag_names"] = tuple(name for name, _ in flags)
    bases = (OfferFields, EstimateForm) if offer else (EstimateForm,)
    name = "OfferForm" if offer else "EstimateForm"
    cls: type[EstimateForm] = type(name, bases, fields)
    return cls


def estimate_form(
    compensation: CompensationData, default_level: str, formdata: Any = None
) -> EstimateForm:
    """The estimate form with a checkbox for each yes/no question of the content."""
    return _with_flags(compensation)(compensation, default_level, formdata=formdata)


def offer_form(
    compensation: CompensationData, default_level: str, formdata: Any = None
) -> EstimateForm:
    """The estimate form plus the offer's base and variable pay."""
    return _with_flags(compensation, offer=True)(compensation, default_level, formdata=formdata)
