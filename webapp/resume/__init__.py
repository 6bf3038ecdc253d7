"""The resume checker: paste or upload a resume, read its report, download it as a PDF."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("resume", __name__)

from webapp.resume import accuracy, views  # noqa: E402, F401  (registers the routes on bp)
from webapp.resume.service import no_store  # noqa: E402

bp.after_request(no_store)
