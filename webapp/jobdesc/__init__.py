"""Job descriptions: the builder and the language check of any posting."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("jobdesc", __name__)

from webapp.jobdesc import views  # noqa: E402, F401  (registers the routes on bp)
