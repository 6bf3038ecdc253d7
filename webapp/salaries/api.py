"""JSON API of the estimator: GET /api/v1/salary/estimate and GET /api/v1/salary/offer-check
(JSON, or a PDF with format=pdf)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from webapp.api.inputs import requested_format
from webapp.api.schemas import OfferCheck, SalaryEstimate
from webapp.salaries.service import (
    estimate_body,
    estimate_for,
    estimate_pdf_response,
    offer_for,
    offer_pdf_response,
)

bp = Blueprint("salaries", __name__)


@bp.get("/salary/estimate")
def salary_estimate() -> ResponseReturnValue:
    """Base, variable and total cash pay for the profile in the query string."""
    fmt = requested_format("pdf")
    result = estimate_for(request.args)
    if fmt == "pdf":
        return estimate_pdf_response(result)
    return jsonify(estimate_body(result, lambda r: SalaryEstimate.body(r.to_dict())))


@bp.get("/salary/offer-check")
def salary_offer_check() -> ResponseReturnValue:
    """Where an offer (``offer_base``, optional ``offer_variable``) falls for the profile."""
    fmt = requested_format("pdf")
    check = offer_for(request.args)
    if fmt == "pdf":
        return offer_pdf_response(check)
    return jsonify(OfferCheck.body(check.to_dict()))
