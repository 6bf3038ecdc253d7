"""The compare form: a GET form (a comparison is a bookmarkable URL), so CSRF is off."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, SelectField
from wtforms.validators import InputRequired, ValidationError

from scoring.roles import Role

# Long enough for any slug; longer input is cut before it is echoed in a message.
ECHO_LIMIT = 60


class CompareForm(FlaskForm):
    """Two roles to put side by side."""

    class Meta:
        csrf = False

    # validate_choice is off so an unknown slug gets the message below, not WTForms' own.
    a = SelectField(
        "First role",
        validators=[InputRequired("Choose the first role to compare.")],
        validate_choice=False,
    )
    b = SelectField(
        "Second role",
        validators=[InputRequired("Choose the second role to compare.")],
        validate_choice=False,
    )

    def __init__(self, roles: Mapping[str, Role], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.roles = roles
        choices = [("", "Choose a role")] + [(slug, r.title) for slug, r in roles.items()]
        self.a.choices = choices
        self.b.choices = choices

    def _known(self, field: Field) -> None:
        if field.data not in self.roles:
            shown = str(field.data)[:ECHO_LIMIT]
            raise ValidationError(f"There is no role called '{shown}'. Choose one from the list.")

    def validate_a(self, field: Field) -> None:
        """The first role must be one of the twelve."""
        self._known(field)

    def validate_b(self, field: Field) -> None:
        """The second role must be one of the twelve."""
        self._known(field)
