"""The JSON API under /api/v1 (the contract in DESIGN.md)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from webapp.api import openapi  # noqa: E402, F401  (registers the route on bp)
