"""The main navigation, shared by the header and the home page."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, request, url_for


@dataclass(frozen=True)
class NavItem:
    """One link of the main navigation."""

    label: str
    url: str
    blurb: str
    active: bool


# (endpoint, label, blurb); a tool appears once its blueprint is registered.
TOOLS = (
    (
        "roles.ladder",
        "Roles",
        "What each level does, from coordinator to VP, and how they compare.",
    ),
    (
        "salaries.browse",
        "Salaries",
        "Pay ranges by level, industry, company size and metro, with an estimator.",
    ),
    (
        "resume.checker",
        "Resume checker",
        "ATS keyword coverage, bullet-by-bullet fixes and a PDF report.",
    ),
    (
        "jobdesc.builder",
        "Job description builder",
        "A complete posting with a pay range and a language check.",
    ),
)


def nav_items() -> list[NavItem]:
    """The tools whose pages exist, marking the current one."""
    current = (request.blueprint or "") if request else ""
    items = []
    for endpoint, label, blurb in TOOLS:
        if endpoint in current_app.view_functions:
            items.append(
                NavItem(label, url_for(endpoint), blurb, endpoint.split(".")[0] == current)
            )
    return items


def init_app(app: Flask) -> None:
    """Expose nav_items() to templates."""
    app.jinja_env.globals["nav_items"] = nav_items
