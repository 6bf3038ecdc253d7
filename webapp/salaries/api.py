"""JSON API of the estimator: GET /api/v1/salary/estimate (JSON, or a PDF with format=pdf)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from scoring.salary import ProfileError, estimate_salary, parse_profile
from webapp.errors import json_error
from webapp.salaries.views import compensation, estimate_pdf_response

bp_api = Blueprint("salaries_api", __name__, url_prefix="/api/v1")

FORMATS = ("json", "pdf")


@bp_api.get("/salary/estimate")
def salary_estimate() -> ResponseReturnValue:
    """Base, variable and total cash pay for the profile in the query string."""
    data = compensation()
    fmt = request.args.get("format", "json").strip().lower() or "json"
    if fmt not in FORMATS:
        message = f"Unknown format '{fmt}'. Allowed values: {', '.join(FORMATS)}."
        return json_error(400, message, "invalid_format", {"format": message})
    try:
        profile = parse_profile(request.args, data)
    except ProfileError as exc:
        return json_error(
            400,
            f"The salary profile has unknown or malformed values in {', '.join(exc.fields)}; "
            "each field's message says what is allowed.",
            "invalid_profile",
            exc.fields,
        )
    result = estimate_salary(profile, data)
    if fmt == "pdf":
        return estimate_pdf_response(result, data)
    return jsonify(result.to_dict())
