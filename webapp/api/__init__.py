"""The JSON API under /api/v1 (the contract in DESIGN.md), one parent over the tools' APIs.

Each tool keeps its API blueprint beside its pages (``webapp/<tool>/api.py``) and imports
what it shares with them from ``webapp/<tool>/service.py``. ``init_app`` nests them all
under one ``api`` blueprint: endpoints are ``api.<tool>.<view>``, the parent's handler
answers FieldErrors for every one of them, and the whole tree is exempt from CSRF.
"""

from __future__ import annotations

from flask import Blueprint, Flask

from scoring.errors import FieldErrors
from webapp.errors import field_errors
from webapp.extensions import csrf

URL_PREFIX = "/api/v1"


def init_app(app: Flask) -> None:
    """Register the API for ``app``."""
    from webapp.api.openapi import openapi_json
    from webapp.jobdesc.api import bp as jobdesc_api
    from webapp.resume.api import bp as resume_api
    from webapp.roles.api import bp as roles_api
    from webapp.salaries.api import bp as salaries_api

    # A parent per app: a blueprint takes no children once an app has registered it,
    # and the test suite builds several apps in one process.
    api = Blueprint("api", __name__, url_prefix=URL_PREFIX)
    api.add_url_rule("/openapi.json", view_func=openapi_json)
    for tool_api in (roles_api, salaries_api, jobdesc_api, resume_api):
        api.register_blueprint(tool_api)
    api.register_error_handler(FieldErrors, field_errors)
    app.register_blueprint(api)
    # JSON API: no cookie or session authorises it, so there is nothing to forge.
    # Flask-WTF exempts a request by its own blueprint ("api.resume"), not by that
    # blueprint's parents, so each blueprint of the tree is named.
    for name, blueprint in app.blueprints.items():
        if name == api.name or name.startswith(f"{api.name}."):
            csrf.exempt(blueprint)
