"""Hostile input through the real endpoints: each gets a clear 4xx, never a 500 (issue 12)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

JSON_APIS = ("/api/v1/resume/analyze", "/api/v1/job-descriptions", "/api/v1/language-check")


@pytest.mark.parametrize("url", JSON_APIS)
def test_deeply_nested_json_is_a_400(client: FlaskClient, url: str) -> None:
    response = client.post(url, data="[" * 5000, content_type="application/json")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_json"
    assert "nested too deeply" in error["message"]


@pytest.mark.parametrize("url", JSON_APIS)
@pytest.mark.parametrize(
    "body",
    [
        '{"text": "Grew revenue \\ud800 by 20%", "role": "account-manager"}',
        '{"text": "ok", "role": "account-manager", "\\udfff": 1}',
        '{"text": "ok", "role": "account-manager", "benefits": [["\\ud83d"]]}',
    ],
)
def test_a_lone_surrogate_is_a_400(client: FlaskClient, url: str, body: str) -> None:
    response = client.post(url, data=body, content_type="application/json")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_json"
    assert "surrogate" in error["message"]


def test_a_proper_surrogate_pair_is_text(client: FlaskClient) -> None:
    """An escaped pair is one real character (an emoji here), not an error."""
    body = '{"text": "We are hiring \\ud83d\\ude00 a supportive account manager."}'
    response = client.post("/api/v1/language-check", data=body, content_type="application/json")
    assert response.status_code == 200


RESUME = "Jane Doe\nExperience\nAccount Manager, Acme, 2019 - 2021\n- Grew revenue 20% in a year\n"


def test_resume_answers_are_never_cached(client: FlaskClient) -> None:
    for response in (
        client.get("/resume"),
        client.post("/api/v1/resume/analyze", json={"text": RESUME}),
        client.post("/api/v1/resume/analyze", json={"text": ""}),
        client.post("/api/v1/resume/analyze?format=pdf", json={"text": RESUME}),
    ):
        assert response.headers["Cache-Control"] == "no-store", response.status


def _strings_holding(needle: str) -> list[str]:
    """Every string object reachable from a tracked container that holds ``needle``, except
    ``needle`` itself (strings are not tracked by gc: they are found through what holds them)."""
    import gc

    gc.collect()
    found = []
    for holder in gc.get_objects():
        for item in gc.get_referents(holder):
            if isinstance(item, str) and needle in item and item is not needle:
                found.append(item)
    return found


def test_nothing_of_a_resume_outlives_its_request(app, client: FlaskClient) -> None:
    """spaCy keeps every new string in its StringStore unless the work runs in a memory
    zone: after an analysis, a unique word and e-mail address of the resume are in no
    StringStore, no vocabulary entry and no string held anywhere in the process."""
    marker, email = "Zqxvorblemarker", "zqx.unique7731@example.org"
    for url in ("/api/v1/resume/analyze", "/api/v1/resume/analyze?format=pdf"):
        body = {
            "text": f"Jane {marker}\n{email}\nExperience\nAccount Manager, Acme, 2019 - 2021\n"
            f"- Grew {marker} revenue 20% with Zqxwidgets\n",
            "job_description": f"{marker} wanted",
        }
        response = client.post(url, json=body)
        assert response.status_code == 200
        del response, body
    nlp = app.extensions["nlp"]
    for word in (marker, marker.lower(), email, "Zqxwidgets", "zqxwidgets"):
        assert word not in nlp.vocab.strings
        assert word not in nlp.vocab
    assert _strings_holding(marker) == []
    assert _strings_holding(email) == []


def test_the_string_search_finds_what_is_held() -> None:
    """The search above is not vacuous: a string kept in a list is found."""
    kept = ["".join(["Zqx", "heldmarker", " in a list"])]
    assert _strings_holding("Zqxheldmarker") == kept
