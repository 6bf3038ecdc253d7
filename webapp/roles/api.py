"""JSON API of the role library: GET /api/v1/roles and GET /api/v1/roles/<slug>."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, url_for
from flask.typing import ResponseReturnValue

from scoring.roles import Role
from webapp.api import schemas
from webapp.errors import json_error
from webapp.roles.service import national_pay, role_keywords, roles

bp = Blueprint("roles", __name__)


def role_summary(role: Role) -> dict[str, Any]:
    """The fields of the role list."""
    return {
        "slug": role.slug,
        "title": role.title,
        "track": role.track,
        "order": role.order,
        "years": {"min": role.years.min, "max": role.years.max, "label": role.years.label},
        "summary": role.summary,
        "url": url_for("roles.detail", slug=role.slug),
        "api_url": url_for("api.roles.role_detail", slug=role.slug),
    }


@bp.get("/roles")
def role_list() -> ResponseReturnValue:
    """Every role in ladder order."""
    body = {"roles": [role_summary(role) for role in roles().values()]}
    return jsonify(schemas.RoleList.body(body))


@bp.get("/roles/<slug>")
def role_detail(slug: str) -> ResponseReturnValue:
    """One role in full, with its national pay band."""
    all_roles = roles()
    role = all_roles.get(slug)
    if role is None:
        allowed = ", ".join(all_roles)
        return json_error(
            404,
            f"There is no role called '{slug[:60]}'.",
            "unknown_role",
            {"slug": f"allowed: {allowed}"},
        )
    pay = national_pay(slug).to_dict()
    body = {
        **role.model_dump(),
        **role_summary(role),
        "years": {**role.years.model_dump(), "label": role.years.label},
        "salary": {
            "base": pay["base"],
            "total_cash": pay["total_cash"],
            "profile": pay["profile"],
            "by_source": pay["by_source"],
            "sources": pay["sources"],
        },
        "resume_keywords": list(role_keywords(slug)),
    }
    return jsonify(schemas.Role.body(body))
