"""The offer check: where an offer falls, the room to negotiate, and its page, API and PDF."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pypdf import PdfReader

from scoring.errors import FieldErrors
from scoring.salary import (
    CompensationData,
    SalaryProfile,
    check_offer,
    estimate_salary,
    load_compensation,
    parse_offer,
)
from scoring.sources import load_sources

CONTENT = Path(__file__).resolve().parent.parent / "content"
PROFILE = {"level": "account-manager", "industry": "technology-saas", "metro": "chicago"}


@pytest.fixture(scope="module")
def data() -> CompensationData:
    return load_compensation(CONTENT, load_sources(CONTENT))


def _profile() -> SalaryProfile:
    return SalaryProfile(level="account-manager", industry="technology-saas", metro="chicago")


@pytest.mark.parametrize(
    ("point", "percentile"),
    [("low", 10), ("p25", 25), ("typical", 50), ("p75", 75), ("high", 90)],
)
def test_an_offer_at_a_percentile_is_placed_there(
    data: CompensationData, point: str, percentile: float
) -> None:
    est = estimate_salary(_profile(), data)
    check = check_offer(_profile(), getattr(est.base, point), data)
    assert check.base.percentile == pytest.approx(percentile, abs=1.5)


@pytest.mark.parametrize(
    ("factor", "words", "room"),
    [
        (0.6, "below about 9 in 10", "Strong case to ask for more"),
        (0.8, "bottom quarter", "Strong case to ask for more"),
        (0.95, "below the middle", "Room to ask"),
        (1.0, "about in the middle", "A fair offer"),
        (1.15, "above the middle", "A fair offer"),
        (1.3, "top quarter", "Already high"),
        (1.6, "above about 9 in 10", "Already high"),
    ],
)
def test_the_percentile_is_said_in_words_with_the_room_to_negotiate(
    data: CompensationData, factor: float, words: str, room: str
) -> None:
    median = estimate_salary(_profile(), data).distribution.median
    check = check_offer(_profile(), median * factor, data)
    assert words in check.base.words
    assert check.room.startswith(room)


def test_room_is_measured_to_the_median_and_p75(data: CompensationData) -> None:
    est = estimate_salary(_profile(), data)
    check = check_offer(_profile(), est.base.low, data)
    assert check.to_median == est.base.typical - est.base.low
    assert check.to_p75 == est.base.p75 - est.base.low
    assert f"${est.base.typical:,}" in check.room
    high = check_offer(_profile(), est.base.high * 1.2, data)
    assert high.to_median == 0 and high.to_p75 == 0


def test_variable_pay_places_the_total_in_total_cash(data: CompensationData) -> None:
    est = estimate_salary(_profile(), data)
    check = check_offer(_profile(), est.base.typical, data, offer_variable=0)
    assert check.total_cash is not None
    # The median base with no variable pay sits below the median of total cash.
    assert check.total_cash.percentile < 50
    rich = check_offer(_profile(), est.base.typical, data, offer_variable=est.base.typical)
    assert rich.total_cash is not None and rich.total_cash.percentile > 90
    assert check_offer(_profile(), est.base.typical, data).total_cash is None


def test_thin_evidence_makes_the_advice_rough(data: CompensationData) -> None:
    profile = SalaryProfile(level="global-account-manager")
    check = check_offer(profile, 90_000, data)
    assert "rough" in check.room


@pytest.mark.parametrize(
    ("params", "field", "fragment"),
    [
        (PROFILE, "offer_base", "Required"),
        ({**PROFILE, "offer_base": "lots"}, "offer_base", "not a number"),
        ({**PROFILE, "offer_base": "-5"}, "offer_base", "positive"),
        ({**PROFILE, "offer_base": "72"}, "offer_base", "less than a year's pay"),
        ({**PROFILE, "offer_base": "1e9"}, "offer_base", "limit"),
        ({**PROFILE, "offer_base": "70000", "offer_variable": "x"}, "offer_variable", "number"),
        ({**PROFILE, "offer_base": "70000", "metro": "paris"}, "metro", "Allowed values"),
    ],
)
def test_bad_offers_name_their_field(
    data: CompensationData, params: dict[str, str], field: str, fragment: str
) -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_offer(params, data)
    assert fragment in caught.value.fields[field]


def test_every_bad_field_of_an_offer_is_reported_at_once(data: CompensationData) -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_offer({"level": "x", "offer_base": "y"}, data)
    assert set(caught.value.fields) == {"level", "offer_base"}


def test_a_friendly_offer_is_read(data: CompensationData) -> None:
    profile, base, variable = parse_offer(
        {**PROFILE, "offer_base": "$72,500", "offer_variable": "8,000"}, data
    )
    assert (profile.level, base, variable) == ("account-manager", 72_500, 8_000)


# --------------------------------------------------------------------------- web and API


def test_api_offer_check(client, app) -> None:
    query = {**PROFILE, "offer_base": "70000", "offer_variable": "5000"}
    response = client.get("/api/v1/salary/offer-check?" + urlencode(query))
    assert response.status_code == 200
    body = response.get_json()
    data = app.extensions["content"].compensation
    expected = check_offer(_profile(), 70_000, data, 5_000)
    assert body == expected.to_dict()
    assert body["offer"] == {"base": 70_000, "variable": 5_000, "total_cash": 75_000}
    assert 1 <= body["base"]["percentile"] <= 99
    assert body["negotiating_room"]["words"]
    assert set(body["estimate"]["base"]) >= {"p10", "p25", "median", "p75", "p90"}


def test_api_offer_check_errors_are_400_json(client) -> None:
    response = client.get("/api/v1/salary/offer-check?level=account-manager&offer_base=abc")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert "not a number" in error["fields"]["offer_base"]


def test_api_offer_check_pdf(client) -> None:
    query = {**PROFILE, "offer_base": "70000", "format": "pdf"}
    response = client.get("/api/v1/salary/offer-check?" + urlencode(query))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)
    assert "Offer check: Account Manager" in text and "$70,000" in text


def test_offer_page_shows_the_result_and_links_back(client, app) -> None:
    query = {**PROFILE, "offer_base": "60000"}
    response = client.get("/salaries/offer?" + urlencode(query))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    data = app.extensions["content"].compensation
    check = check_offer(_profile(), 60_000, data)
    assert check.base.words in page
    assert check.room.split(":")[0] in page
    assert "/salaries/offer.pdf?" in page
    assert 'value="60000"' in page


def test_offer_page_bad_input_is_400_and_keeps_what_was_typed(client) -> None:
    query = {**PROFILE, "offer_base": "sixty thousand", "offer_variable": "-3", "years": "7"}
    response = client.get("/salaries/offer?" + urlencode(query))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="offer_base-error"' in page and "not a number" in page
    assert 'id="offer_variable-error"' in page
    assert 'value="sixty thousand"' in page and 'value="7"' in page
    assert '<option selected value="chicago">' in page
    assert 'id="result"' not in page


def test_the_estimate_links_to_the_offer_check(client) -> None:
    page = client.get("/salaries/estimate?" + urlencode(PROFILE)).get_data(as_text=True)
    assert "/salaries/offer?level=account-manager" in page


def test_offer_pdf_download(client) -> None:
    response = client.get("/salaries/offer.pdf?" + urlencode({**PROFILE, "offer_base": "65000"}))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
