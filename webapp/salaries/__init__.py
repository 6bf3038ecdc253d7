"""Salaries: browse ranges by level, estimate a profile, read the methodology."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("salaries", __name__)

from webapp.salaries import views  # noqa: E402, F401  (registers the routes on bp)
