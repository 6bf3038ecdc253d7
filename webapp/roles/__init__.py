"""Roles: the career ladder, one page per level, and two levels side by side."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("roles", __name__, url_prefix="/roles")

from webapp.roles import views  # noqa: E402, F401  (registers the routes on bp)
