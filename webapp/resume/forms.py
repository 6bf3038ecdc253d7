"""The resume checker's form: pasted text or an uploaded file, a level, an optional posting."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import Field, HiddenField, SelectField, TextAreaField, ValidationError

from webapp.jobdesc.forms import normalise_newlines
from webapp.jobdesc.service import MAX_POSTING_CHARS

# About ten pages of text: far more than any resume, small enough to analyse quickly.
MAX_RESUME_CHARS = 50_000
# One bullet judged while it is edited: a long bullet is about 60 words (400 characters).
MAX_BULLET_CHARS = 1000
UPLOAD_EXTENSIONS = ("pdf", "docx", "txt")


class ResumeForm(FlaskForm):
    """A resume to check. When both text and a file are sent, the file is used."""

    resume_text = TextAreaField("Paste your resume", filters=[normalise_newlines])
    resume_file = FileField(
        "Or upload a file",
        validators=[
            FileAllowed(UPLOAD_EXTENSIONS, "Choose a PDF, Word (.docx) or plain text (.txt) file.")
        ],
    )
    level = SelectField("Target level")
    job_description = TextAreaField("Job posting to match (optional)", filters=[normalise_newlines])
    # The last report's score, keywords and bullet verdicts (summary.CheckState), so a
    # re-check can say what changed; carried by the form, never kept on the server.
    previous = HiddenField()

    def __init__(self, levels: list[tuple[str, str]], default_level: str) -> None:
        super().__init__(data={"level": default_level})
        self.level.choices = levels

    @property
    def has_file(self) -> bool:
        """Whether a file was chosen (an empty file input sends no data)."""
        return bool(self.resume_file.data)

    def validate_resume_text(self, field: Field) -> None:
        """Text or a file is needed; the text's length is checked when it is read."""
        if not self.has_file and not (field.data or "").strip():
            raise ValidationError(
                "Paste your resume, or choose a PDF, Word (.docx) or text file to upload."
            )

    def validate_job_description(self, field: Field) -> None:
        """An optional posting, within the posting length limit."""
        text = field.data or ""
        if len(text) > MAX_POSTING_CHARS:
            raise ValidationError(
                f"The posting has {len(text):,} characters; the limit is "
                f"{MAX_POSTING_CHARS:,}. Paste the posting itself, without other pages."
            )
