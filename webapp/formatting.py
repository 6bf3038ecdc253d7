"""Template filters shared by every blueprint."""

from __future__ import annotations

from flask import Flask


def usd(value: float | None) -> str:
    """Whole US dollars with thousands separators: $65,000."""
    if value is None:
        return "not published"
    sign = "\u2212" if value < 0 else ""
    return f"{sign}${abs(value):,.0f}"


def init_app(app: Flask) -> None:
    """Register the filters."""
    app.add_template_filter(usd, "usd")
