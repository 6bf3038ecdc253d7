"""The API as one surface: its blueprint tree, CSRF, format=, field errors and response types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import jsonschema_rs
import pytest
from flask import Flask
from flask.testing import FlaskClient
from pydantic import BaseModel, ValidationError

from scoring.errors import FieldErrors
from scoring.resume.extract import ErrorCode
from scoring.salary import SalaryProfile, estimate_salary
from tests.test_jobdesc_builder import API_BODY
from tests.test_resume_web import POSTING, RESUME
from webapp import get_content
from webapp.api import schemas
from webapp.api.openapi import API_ERROR_CODES
from webapp.api.schemas import CONTENT_ENUM

PREFIX = "/api/v1"
REF = "#/components/schemas/"

# Every route of the API, with the endpoint it must have.
ENDPOINTS = {
    "/api/v1/openapi.json": "api.openapi_json",
    "/api/v1/roles": "api.roles.role_list",
    "/api/v1/roles/<slug>": "api.roles.role_detail",
    "/api/v1/salary/estimate": "api.salaries.salary_estimate",
    "/api/v1/salary/offer-check": "api.salaries.salary_offer_check",
    "/api/v1/job-descriptions": "api.jobdesc.job_description",
    "/api/v1/language-check": "api.jobdesc.language_check",
    "/api/v1/resume/analyze": "api.resume.analyze",
    "/api/v1/resume/bullet": "api.resume.bullet",
}

# A valid body for every POST of the API.
POST_BODIES: dict[str, dict[str, Any]] = {
    "/api/v1/job-descriptions": API_BODY,
    "/api/v1/language-check": {"text": "We want a supportive, collaborative team player."},
    "/api/v1/resume/analyze": {"text": RESUME},
    "/api/v1/resume/bullet": {"text": "Grew revenue 20% across 30 accounts"},
}


def _rules(app: Flask, method: str, *, api: bool) -> set[str]:
    return {
        rule.rule
        for rule in app.url_map.iter_rules()
        if method in (rule.methods or ())
        and rule.rule.startswith(PREFIX) == api
        and "/__test/" not in rule.rule  # conftest's deliberate failure routes
        and rule.endpoint != "static"
    }


# --- one blueprint tree ----------------------------------------------------------------


def test_every_api_route_sits_in_the_api_blueprint_at_its_old_url(app: Flask) -> None:
    endpoints = {
        rule.rule: rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(PREFIX) and "/__test/" not in rule.rule
    }
    assert endpoints == ENDPOINTS


def test_a_role_links_to_its_page_and_its_api_url(client: FlaskClient) -> None:
    role = client.get("/api/v1/roles").get_json()["roles"][0]
    assert client.get(role["url"]).status_code == 200
    assert client.get(role["api_url"]).get_json()["slug"] == role["slug"]


# --- CSRF ------------------------------------------------------------------------------


def test_every_api_post_is_covered_below(csrf_app: Flask) -> None:
    assert _rules(csrf_app, "POST", api=True) == set(POST_BODIES)


@pytest.mark.parametrize(("url", "body"), POST_BODIES.items(), ids=list(POST_BODIES))
def test_api_posts_need_no_csrf_token(csrf_app: Flask, url: str, body: dict[str, Any]) -> None:
    response = csrf_app.test_client().post(url, json=body)
    assert response.status_code == 200
    assert response.is_json


def test_every_form_still_needs_its_csrf_token(csrf_app: Flask) -> None:
    forms = _rules(csrf_app, "POST", api=False)
    assert forms == {"/job-descriptions", "/job-descriptions/check", "/resume"}
    client = csrf_app.test_client()
    for url in sorted(forms):
        response = client.post(url, data={"posting": "We want a team player."})
        assert response.status_code == 400, url
        assert "The form had expired" in response.get_data(as_text=True), url


# --- format= ---------------------------------------------------------------------------

TOOLS = [
    ("GET", "/api/v1/salary/estimate?level=account-manager", {}, ("pdf",)),
    ("POST", "/api/v1/job-descriptions", {"json": API_BODY}, ("pdf", "markdown", "text")),
    ("POST", "/api/v1/resume/analyze", {"json": {"text": RESUME}}, ("pdf",)),
]


def _with_format(url: str, fmt: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}format={fmt}"


@pytest.mark.parametrize(("method", "url", "kwargs", "documents"), TOOLS)
def test_an_unknown_format_is_one_error_naming_the_offered_ones(
    client: FlaskClient, method: str, url: str, kwargs: dict[str, Any], documents: tuple[str]
) -> None:
    response = client.open(_with_format(url, "xlsx"), method=method, **kwargs)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_format"
    assert error["fields"]["format"].endswith(f"Allowed values: json, {', '.join(documents)}.")
    assert error["message"] == f"format: {error['fields']['format']}"


@pytest.mark.parametrize(("method", "url", "kwargs", "documents"), TOOLS)
def test_format_json_is_the_default_spelled_out(
    client: FlaskClient, method: str, url: str, kwargs: dict[str, Any], documents: tuple[str]
) -> None:
    plain = client.open(url, method=method, **kwargs)
    spelled = client.open(_with_format(url, "JSON"), method=method, **kwargs)
    assert plain.status_code == spelled.status_code == 200
    assert plain.get_json() == spelled.get_json()


# --- field errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "field"),
    [
        ("GET", "/api/v1/salary/estimate?level=astronaut", {}, "level"),
        ("POST", "/api/v1/job-descriptions", {"json": {**API_BODY, "role": "x"}}, "role"),
        ("POST", "/api/v1/language-check", {"json": {"text": 7}}, "text"),
        ("POST", "/api/v1/resume/analyze", {"json": {"text": RESUME, "level": "x"}}, "level"),
    ],
    ids=["salary", "job-description", "language-check", "resume"],
)
def test_field_errors_are_one_shape_and_one_code(
    client: FlaskClient, method: str, url: str, kwargs: dict[str, Any], field: str
) -> None:
    response = client.open(url, method=method, **kwargs)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == FieldErrors.code == "validation_error"
    assert list(error["fields"]) == [field]
    assert error["message"] == f"{field}: {error['fields'][field]}"


# --- response types and the generated schemas -------------------------------------------


def _document(client: FlaskClient) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/api/v1/openapi.json").get_json()
    return body


RESPONSES = [
    ("GET", "/api/v1/roles", {}, "RoleList"),
    ("GET", "/api/v1/roles/technical-account-manager", {}, "Role"),
    ("GET", "/api/v1/roles/vp-client-services", {}, "Role"),
    ("GET", "/api/v1/salary/estimate?level=account-coordinator", {}, "SalaryEstimate"),
    (
        "GET",
        "/api/v1/salary/estimate?level=key-account-manager&industry=technology-saas"
        "&metro=boston&work_mode=remote&portfolio_arr=5000000&key_accounts=true&mba=true",
        {},
        "SalaryEstimate",
    ),
    (
        "POST",
        "/api/v1/language-check",
        {"json": {"text": "An aggressive, supportive lead."}},
        "LanguageReport",
    ),
    ("POST", "/api/v1/job-descriptions", {"json": API_BODY}, "JobDescription"),
    (
        "POST",
        "/api/v1/job-descriptions",
        {"json": {**API_BODY, "pay_min": 80000, "pay_max": 95000}},
        "JobDescription",
    ),
    ("POST", "/api/v1/resume/analyze", {"json": {"text": RESUME}}, "ResumeReport"),
    (
        "POST",
        "/api/v1/resume/analyze",
        {"json": {"text": RESUME, "job_description": POSTING, "level": "account-director"}},
        "ResumeReport",
    ),
]


@pytest.mark.parametrize(("method", "url", "kwargs", "component"), RESPONSES)
def test_real_answers_match_the_generated_schema(
    client: FlaskClient, method: str, url: str, kwargs: dict[str, Any], component: str
) -> None:
    doc = _document(client)
    response = client.open(url, method=method, **kwargs)
    assert response.status_code == 200
    schema = {"$ref": REF + component, "components": doc["components"]}
    jsonschema_rs.validator_for(schema).validate(response.get_json())


def test_a_resume_with_a_posting_fills_the_optional_parts(client: FlaskClient) -> None:
    body = client.post(
        "/api/v1/resume/analyze", json={"text": RESUME, "job_description": POSTING}
    ).get_json()
    assert body["job_match"] is not None
    assert body["structure"]["jobs"]


def test_the_job_match_names_the_title_it_read(client: FlaskClient) -> None:
    posting = "Senior Account Manager\nRequirements\n- Renew enterprise accounts"
    match = client.post(
        "/api/v1/resume/analyze", json={"text": RESUME, "job_description": posting}
    ).get_json()["job_match"]
    assert match["title"] == "Senior Account Manager"
    assert any(t["part"] == "title" and t["count"] == 0 for t in match["terms"])


@pytest.mark.parametrize("model", schemas.COMPONENTS, ids=lambda m: m.__name__)
def test_each_component_is_its_model(client: FlaskClient, model: type[BaseModel]) -> None:
    schema = _document(client)["components"]["schemas"][model.__name__]
    assert set(schema["properties"]) == set(model.model_fields)
    assert set(schema["required"]) == set(model.model_fields)
    assert schema["additionalProperties"] is False


def test_a_field_missing_from_the_model_cannot_be_answered(app: Flask) -> None:
    comp = get_content(app).compensation
    result = estimate_salary(SalaryProfile(level="account-manager"), comp).to_dict()
    assert schemas.SalaryEstimate.body(result) == json.loads(json.dumps(result))
    with pytest.raises(ValidationError, match="new_field"):
        schemas.SalaryEstimate.body({**result, "new_field": 1})
    without_notes = {k: v for k, v in result.items() if k != "notes"}
    with pytest.raises(ValidationError, match="notes"):
        schemas.SalaryEstimate.body(without_notes)


def test_content_values_are_listed_in_the_components(app: Flask, client: FlaskClient) -> None:
    doc = _document(client)
    content = get_content(app)
    components = doc["components"]["schemas"]
    profile = components["SalaryProfile"]["properties"]
    assert profile["level"]["enum"] == list(content.roles)
    assert profile["metro"]["enum"] == list(content.compensation.metros)
    assert profile["work_mode"]["enum"] == list(content.compensation.work_modes)
    assert components["RoleSummary"]["properties"]["slug"]["enum"] == list(content.roles)
    assert CONTENT_ENUM not in json.dumps(doc)


def test_the_readme_lists_every_error_code() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### API errors", 1)[1].split("\n## ", 1)[0]
    for code in [*API_ERROR_CODES, *get_args(ErrorCode)]:
        assert f"`{code}`" in table, code
