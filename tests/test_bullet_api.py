"""POST /api/v1/resume/bullet: one bullet judged as the full analysis judges it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import AppFactory
from tests.test_resume_web import RESUME
from webapp.resume.forms import MAX_BULLET_CHARS

API = "/api/v1/resume/bullet"
ANALYZE = "/api/v1/resume/analyze"


def test_every_bullet_of_an_analysis_is_judged_the_same_alone(client: FlaskClient) -> None:
    report = client.post(ANALYZE, json={"text": RESUME}).get_json()
    assert len(report["bullets"]) >= 4
    for bullet in report["bullets"]:
        alone = client.post(API, json={"text": bullet["text"], "level": "account-manager"})
        assert alone.status_code == 200
        assert alone.get_json() == bullet


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Responsible for contract renewals", "weak"),
        ("Negotiated contract renewals with 12 enterprise clients", "fair"),
        ("Negotiated 27 renewals totaling $3.1M, reducing churn by 35%", "strong"),
    ],
)
def test_the_verdict_follows_the_edit(client: FlaskClient, text: str, verdict: str) -> None:
    body = client.post(API, json={"text": text}).get_json()
    assert body["verdict"] == verdict
    assert body["text"] == text


def test_a_weak_bullet_gets_a_rewrite_with_blanks_that_keeps_its_words(
    client: FlaskClient,
) -> None:
    body = client.post(API, json={"text": "Responsible for contract renewals"}).get_json()
    assert body["rewrite"]
    assert "[" in body["rewrite"]
    assert "renew" in body["rewrite"].lower()


def test_the_answer_is_not_cached(client: FlaskClient) -> None:
    response = client.post(API, json={"text": "Grew revenue 20%"})
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   \n "}, "text"),
        ({"text": 42}, "text"),
        ({"text": ["Grew revenue"]}, "text"),
        ({"text": "x" * (MAX_BULLET_CHARS + 1)}, "text"),
        ({"text": "Grew revenue 20%", "level": "astronaut"}, "level"),
        ({"text": "Grew revenue 20%", "level": 3}, "level"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(
    client: FlaskClient, body: dict[str, Any], field: str
) -> None:
    response = client.post(API, json=body)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert set(error["fields"]) == {field}


def test_a_body_that_is_not_a_json_object_is_refused(client: FlaskClient) -> None:
    response = client.post(API, data="Grew revenue", content_type="text/plain")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"


def test_the_longest_allowed_bullet_is_judged(client: FlaskClient) -> None:
    words = ("Grew revenue 20% across 30 enterprise accounts " * 40)[:MAX_BULLET_CHARS]
    assert client.post(API, json={"text": words}).status_code == 200


@pytest.fixture()
def limited_app(make_app: AppFactory) -> Iterator[Flask]:
    """An app allowing two heavy requests and three bullet checks a minute."""
    yield make_app(RATELIMIT_HEAVY="2/minute", RATELIMIT_BULLET="3/minute")


def test_bullets_have_their_own_higher_allowance(limited_app: Flask) -> None:
    client = limited_app.test_client()
    for _ in range(3):
        assert client.post(API, json={"text": "Grew revenue 20%"}).status_code == 200
    refused = client.post(API, json={"text": "Grew revenue 20%"})
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == "rate_limited"
    # Editing bullets does not spend the analysis' budget.
    assert client.post(ANALYZE, json={"text": RESUME}).status_code == 200


def test_the_bullet_never_reaches_the_logs(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "Rescued the Quillfeather Marmalade account from churn"
    assert client.post(API, json={"text": secret}).status_code == 200
    assert client.post(API, json={"text": secret, "level": "nope"}).status_code == 400
    logged = caplog.text + "".join(str(r.args) + r.getMessage() for r in caplog.records)
    assert "Quillfeather" not in logged
