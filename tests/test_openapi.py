"""The OpenAPI document of the JSON API, and Schemathesis run against it in-process."""

from __future__ import annotations

import re
from typing import Any

import jsonschema_rs
import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from webapp import get_content

API_PREFIX = "/api/v1/"
SCHEMA_PATH = "/api/v1/openapi.json"
REF = "#/components/schemas/"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _document(client: FlaskClient) -> dict[str, Any]:
    response = client.get(SCHEMA_PATH)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body: dict[str, Any] = response.get_json()
    return body


def _openapi_path(rule: str) -> str:
    """Flask's /roles/<slug> as OpenAPI's /roles/{slug}."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def test_document_is_openapi_31(client: FlaskClient) -> None:
    doc = _document(client)
    assert re.fullmatch(r"3\.1\.\d+", doc["openapi"])
    assert doc["info"]["title"] and doc["info"]["version"]
    for path, item in doc["paths"].items():
        assert path.startswith(API_PREFIX)
        for method, operation in item.items():
            assert method in {"get", "post"}
            assert operation["operationId"]
            assert "200" in operation["responses"]
            assert "405" in operation["responses"]
    assert set(doc["components"]["responses"]) == {
        "BadRequest",
        "NotFound",
        "MethodNotAllowed",
        "PayloadTooLarge",
        "TooManyRequests",
    }


def test_every_api_route_is_documented(app: Flask, client: FlaskClient) -> None:
    doc = _document(client)
    documented = {(path, method.upper()) for path, item in doc["paths"].items() for method in item}
    routes = {
        (_openapi_path(rule.rule), method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(API_PREFIX)
        and rule.rule != SCHEMA_PATH
        and "/__test/" not in rule.rule  # conftest's deliberate failure routes
        for method in rule.methods or ()
        if method not in {"HEAD", "OPTIONS"}
    }
    assert routes
    assert routes == documented


def test_enumerations_come_from_the_content(app: Flask, client: FlaskClient) -> None:
    doc = _document(client)
    content = get_content(app)
    comp = content.compensation
    params = {
        p["name"]: p["schema"] for p in doc["paths"]["/api/v1/salary/estimate"]["get"]["parameters"]
    }
    assert params["level"]["enum"] == list(content.roles)
    assert params["industry"]["enum"] == list(comp.industries)
    assert params["company_size"]["enum"] == list(comp.company_sizes)
    assert params["metro"]["enum"] == list(comp.metros)
    assert params["work_mode"]["enum"] == list(comp.work_modes)
    slug = doc["paths"]["/api/v1/roles/{slug}"]["get"]["parameters"][0]["schema"]
    assert slug["enum"] == list(content.roles)


def test_language_check_request_lists_the_optional_level(app: Flask, client: FlaskClient) -> None:
    doc = _document(client)
    body = doc["paths"]["/api/v1/language-check"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert schema["required"] == ["text"]
    assert schema["properties"]["level"]["enum"] == list(get_content(app).roles)
    # The endpoint takes what the document lists.
    level = schema["properties"]["level"]["enum"][0]
    answer = client.post(
        "/api/v1/language-check", json={"text": "Lead the team. " * 20, "level": level}
    )
    assert answer.status_code == 200


def _validator(doc: dict[str, Any], component: str) -> Any:
    """A JSON Schema validator of one component, its references resolved in ``doc``."""
    return jsonschema_rs.validator_for({"$ref": REF + component, "components": doc["components"]})


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "code"),
    [
        ("GET", "/api/v1/roles/no-such-role", {}, "unknown_role"),
        ("GET", "/api/v1/salary/estimate?level=astronaut", {}, "validation_error"),
        ("GET", "/api/v1/salary/estimate?level=account-manager&format=xlsx", {}, "invalid_format"),
        ("POST", "/api/v1/language-check", {"data": "[1]"}, "invalid_json"),
        ("POST", "/api/v1/resume/analyze", {"json": {"text": " "}}, "empty"),
        ("DELETE", "/api/v1/roles", {}, "method_not_allowed"),
    ],
)
def test_real_errors_match_the_error_schema(
    client: FlaskClient, method: str, url: str, kwargs: dict[str, Any], code: str
) -> None:
    doc = _document(client)
    body = client.open(url, method=method, **kwargs).get_json()
    _validator(doc, "Error").validate(body)
    assert body["error"]["code"] == code
    assert f"`{code}`" in doc["components"]["schemas"]["Error"]["description"]


# (method, path, examples per generation mode). Schemathesis' own pytest integration
# (`from_fixture` + `parametrize`) reads Function._nodeid, which pytest 9 no longer has,
# so each operation's Hypothesis strategy is driven directly. The resume analysis runs
# the spaCy pipeline (and a PDF render with format=pdf), so it gets fewer examples.
OPERATIONS = [
    ("GET", "/api/v1/roles", 5),
    ("GET", "/api/v1/roles/{slug}", 15),
    ("GET", "/api/v1/salary/estimate", 25),
    ("GET", "/api/v1/salary/offer-check", 25),
    ("POST", "/api/v1/job-descriptions", 25),
    ("POST", "/api/v1/language-check", 25),
    ("POST", "/api/v1/resume/analyze", 8),
    ("POST", "/api/v1/resume/bullet", 25),
]
# GET /api/v1/roles takes no input, so there is nothing negative to generate.
NO_INPUT = {("GET", "/api/v1/roles")}
RUNS = [
    pytest.param(method, path, examples, mode, id=f"{method} {path} {mode.value}")
    for method, path, examples in OPERATIONS
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode is GenerationMode.POSITIVE or (method, path) not in NO_INPUT
]


def test_schemathesis_covers_every_operation(client: FlaskClient) -> None:
    doc = _document(client)
    documented = {(m.upper(), path) for path, item in doc["paths"].items() for m in item}
    assert {(method, path) for method, path, _ in OPERATIONS} == documented


@pytest.fixture(scope="session")
def api_schema(app: Flask) -> Any:
    return schemathesis.openapi.from_wsgi(SCHEMA_PATH, app)


@pytest.mark.parametrize(("method", "path", "examples", "mode"), RUNS)
def test_api_conforms_to_schema(
    api_schema: Any, method: str, path: str, examples: int, mode: GenerationMode
) -> None:
    """No 5xx, and every status, content type and body is the documented one."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        response = case.call()
        case.validate_response(response, checks=CHECKS)

    check()
