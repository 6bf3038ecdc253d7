"""The language check's risks beyond gender read in context: what real postings showed
the plain patterns got wrong, on sentences written here."""

from __future__ import annotations

import pytest

from scoring.content import DEFAULT_CONTENT_DIR
from scoring.language import GenderLexicon, check_language, load_gender_lexicon
from scoring.sources import load_sources

PAY = " The pay is $60,000-$75,000 a year."
# A first paragraph that lost its line ends and names a title word ("Assistant") of
# another job: it is no title line.
PARAGRAPH = (
    "Northwind is a growing distributor, and our Administrative Assistant team and our "
    "account managers work side by side with buyers across the region every day. "
)


@pytest.fixture(scope="module")
def lexicon() -> GenderLexicon:
    return load_gender_lexicon(DEFAULT_CONTENT_DIR, load_sources(DEFAULT_CONTENT_DIR))


def found(lexicon: GenderLexicon, text: str) -> list[tuple[str, str]]:
    return [(i.category, i.text) for i in check_language(text, lexicon).issues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pronoun for a named person is not the hire; for the hire it is flagged.
        (
            "Founded by Maria Lopez in 1990. Back then, her focus was farm insurance." + PAY,
            [],
        ),
        (
            "The right rep gets her energy from happy clients." + PAY,
            [("gendered-term", "her")],
        ),
        # An age word on the people served or on a thing is no age asked of the hire.
        ("You love working with young children and young adolescents." + PAY, []),
        ("Guests keep a youthful look." + PAY, []),
        ("We serve children, families and young adults with autism." + PAY, []),
        ("We want young people who hustle." + PAY, [("age", "young")]),
        # A gendered pair is one issue with its neutral word; with the neutral word
        # already after it, none.
        ("Roll up his/her sleeves." + PAY, [("gendered-term", "his/her")]),
        ("Anyone who believes s/he was wronged may call." + PAY, [("gendered-term", "s/he")]),
        ("You own his/her/their plan of care." + PAY, []),
        # Round-the-clock wording on a noun describes the operation, not the hours asked.
        ("You will look after 24/7 systems and a 24/7 help desk." + PAY, []),
        ("You must be available 24/7 for key clients." + PAY, [("hours", "24/7")]),
        # JEDI in capitals is an acronym (justice, equity, diversity, inclusion).
        ("Our JEDI committee meets monthly." + PAY, []),
        ("We want a Jedi of renewals." + PAY, [("jargon", "Jedi")]),
        # A range with a unit after each figure is a range.
        ("Salary: $70,000/yr to $90,000/yr.", []),
        ("Pay: $20 an hour - $25 an hour.", []),
        # "Up to" on a line that names pay, past the end of a sentence.
        ("Pay: competitive salary. Up to $90,000.", [("pay-open-ended", "Up to $90,000")]),
        # A figure in millions is revenue, not pay: the posting states no pay at all.
        ("Grow a $5M book of business.", [("pay-missing", "")]),
        ("Own a quota of $1-2M a year. Salary: $80k - $95k.", []),
        ("Run a $35- million budget for a $1T market.", [("pay-missing", "")]),
        # A figure whose own words say it is something else is not the pay.
        ("Supervision could cost up to $14,000 a year.", [("pay-missing", "")]),
        (
            "A 401(k) matching $0.50 for every $1.00. Pay: $21 an hour.",
            [("pay-open-ended", "$21")],
        ),
        ("Pay: From $80,000.00 plus bonuses per year.", [("pay-open-ended", "From $80,000.00")]),
        # Ranges written in words: a band of plurals, a start closed by an "up to".
        ("Salary range: High $70,000s to Mid $80,000s.", []),
        ("Pay starts at $23.00 with progressions up to $24.00 an hour.", []),
        ("Pay starts at $23.00 an hour.", [("pay-open-ended", "starts at $23.00")]),
    ],
)
def test_issues_read_in_context(
    lexicon: GenderLexicon, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(lexicon, text) == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A long first paragraph is not the title, whatever job words it holds.
        (PARAGRAPH + "\nRequires 3+ years of experience." + PAY, False),
        # A short first line is, and an assistant's title marks the entry level.
        ("Account Assistant\n" + PARAGRAPH + "Requires 3+ years of experience." + PAY, True),
        # A title line ends with no full stop.
        ("Our junior reps grow fast.\nRequires 3+ years of experience." + PAY, False),
    ],
)
def test_the_title_line_sets_the_level(lexicon: GenderLexicon, text: str, flagged: bool) -> None:
    categories = [category for category, _ in found(lexicon, text)]
    assert categories == (["experience"] if flagged else [])
