"""Forms of the job description pages, and the posting-text rule the API shares."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, TextAreaField, ValidationError

# Long enough for any real posting (most are 300-700 words, about 2,000-5,000
# characters), short enough that one request stays cheap.
MAX_POSTING_CHARS = 20_000


def normalise_newlines(value: str | None) -> str | None:
    """Browsers send CRLF line breaks; count and check a break as one character."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def posting_text_problem(text: str) -> str | None:
    """Why a pasted posting cannot be checked, or None when it can."""
    if not text.strip():
        return "Paste the text of a job posting to check."
    if len(text) > MAX_POSTING_CHARS:
        return (
            f"The posting has {len(text):,} characters; the limit is {MAX_POSTING_CHARS:,}. "
            "Check the posting itself, without other pages pasted around it."
        )
    return None


class LanguageCheckForm(FlaskForm):
    """A pasted job posting to check for gender-coded wording."""

    posting = TextAreaField("Job posting", filters=[normalise_newlines])

    def validate_posting(self, field: Field) -> None:
        """Not empty and not over the length limit."""
        problem = posting_text_problem(field.data or "")
        if problem:
            raise ValidationError(problem)
