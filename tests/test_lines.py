"""The shape of a line: case, sentence ends, sentences and run-on statements."""

from __future__ import annotations

from itertools import pairwise

import pytest

from scoring.resume.lines import (
    ends_statement,
    is_title_case,
    lower_share,
    run_on_cuts,
    sentence_spans,
    starts_lower,
)

MINOR = frozenset({"of", "and", "the", "for", "a", "to"})
ABBREVIATIONS = frozenset({"inc", "st", "dept"})


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("Grew revenue 20%.", True),
        ("Grew revenue 20%.\u00c2", True),  # a garbled non-breaking space after the stop
        ("Worked at Acme Inc.", False),
        ("Won the award (twice).", True),
        ("Managed a team of", False),
        ("", False),
    ],
)
def test_ends_statement(line: str, ends: bool) -> None:
    assert ends_statement(line, ABBREVIATIONS) is ends


@pytest.mark.parametrize(
    ("line", "lower"),
    [
        ("the target by 12%", True),
        ("(Heinkel)", True),
        ("\u00c2 after", True),
        ("\u00e2\u20ac\u00a2Display a positive attitude", False),
        ("2 new accounts", False),
        ("Managed", False),
    ],
)
def test_starts_lower(line: str, lower: bool) -> None:
    assert starts_lower(line) is lower


def test_case_of_a_line() -> None:
    assert is_title_case("Director of Sales and Marketing", MINOR)
    assert not is_title_case("Managed a team of twelve", MINOR)
    assert lower_share("Managed a team of twelve", MINOR) == (2 / 3, 3)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Grew sales 20%. Cut churn.", ["Grew sales 20%.", "Cut churn."]),
        ("moved pallets.Adhered to checks.", ["moved pallets.", "Adhered to checks."]),
        ("Joined Acme Inc. Grew sales.", ["Joined Acme Inc. Grew sales."]),
        ("Sold to the U.S. Army and others.", ["Sold to the U.S. Army and others."]),
        ("Raised margins. (Acme)", ["Raised margins. (Acme)"]),
        ("Raised revenue by 3.5 points. Done.", ["Raised revenue by 3.5 points. Done."]),
        ("Closed deals .\u00c2 Opened offices.", ["Closed deals .\u00c2", "Opened offices."]),
    ],
)
def test_sentence_spans(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text, ABBREVIATIONS)] == sentences


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "Ranked in the top ten of the sales team Successfully Acquired a book of 400 clients",
            [
                "Ranked in the top ten of the sales team ",
                "Successfully Acquired a book of 400 clients",
            ],
        ),
        (
            "Cold called dentists across the county Booked twelve demos a week for the team",
            ["Cold called dentists across the county ", "Booked twelve demos a week for the team"],
        ),
        # A company name in capitals inside a sentence is no new statement.
        ("Worked with United Airlines and Delta on renewals", None),
        ("Won the award (Acme) Opened three offices in the north", None),
    ],
)
def test_run_on_cuts(text: str, pieces: list[str] | None) -> None:
    cuts = run_on_cuts(text)
    if pieces is None:
        assert cuts == [] or text[cuts[0] :].startswith("Opened")
        return
    bounds = [0, *cuts, len(text)]
    assert [text[a:b] for a, b in pairwise(bounds)] == pieces


def test_semicolons_separate_duties_in_a_long_statement() -> None:
    duties = "; ".join(
        f"Handled the {n} regional account reviews with buyers and planners" for n in range(5)
    )
    cuts = run_on_cuts(duties)
    assert len(cuts) == 4
