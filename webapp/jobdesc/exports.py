"""The builder's downloads: PDF, Markdown and plain text, shared by the page and the API."""

from __future__ import annotations

from flask import Response

from webapp.extensions import heavy_limit
from webapp.jobdesc.builder import BuiltPosting
from webapp.pdf import pdf_response, render_pdf

EXPORT_FORMATS: tuple[str, ...] = ("pdf", "markdown", "text")


def _download(body: str, content_type: str, filename: str) -> Response:
    response = Response(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


# Only the PDF is heavy: the decorator counts a call to this function, not the request,
# so building a posting or downloading its text does not spend the shared budget.
@heavy_limit
def posting_pdf_response(posting: BuiltPosting) -> Response:
    """The posting as a PDF download."""
    pdf = render_pdf(
        "jobdesc/posting_pdf.html",
        cache=True,  # a posting holds nothing private
        posting=posting.description,
        role=posting.request.role,
        company=posting.request.choices.company_name,
        pay_text=posting.pay_line,
    )
    return pdf_response(pdf, f"{posting.slug}-job-description.pdf")


def document_response(posting: BuiltPosting, export_format: str) -> Response:
    """The posting as a download in one of EXPORT_FORMATS."""
    if export_format == "pdf":
        return posting_pdf_response(posting)
    if export_format == "markdown":
        return _download(
            posting.markdown,
            "text/markdown; charset=utf-8",
            f"{posting.slug}-job-description.md",
        )
    if export_format == "text":
        return _download(
            posting.text, "text/plain; charset=utf-8", f"{posting.slug}-job-description.txt"
        )
    raise ValueError(f"unknown export format '{export_format}'")
