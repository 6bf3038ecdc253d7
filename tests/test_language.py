"""The inclusive-language check: coded words, false alarms, verdicts and posting metrics."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.content import DEFAULT_CONTENT_DIR, ContentError
from scoring.language import (
    GenderLexicon,
    LanguageReport,
    check_language,
    highlight_segments,
    load_gender_lexicon,
)
from scoring.sources import load_sources

LEXICON_PATH = Path("language") / "gender_coded.yaml"


@pytest.fixture(scope="module")
def lexicon() -> GenderLexicon:
    return load_gender_lexicon(DEFAULT_CONTENT_DIR, load_sources(DEFAULT_CONTENT_DIR))


def words(report: LanguageReport) -> tuple[list[str], list[str]]:
    return [w.word for w in report.masculine], [w.word for w in report.feminine]


# (text, masculine-coded words found, feminine-coded words found)
WORD_TABLE: list[tuple[str, list[str], list[str]]] = [
    # True hits the research codes masculine.
    ("a competitive salary", ["competitive"], []),
    ("a dominant market position", ["dominant"], []),
    ("ambitious targets", ["ambitious"], []),
    ("a natural leader", ["leader"], []),
    ("proven leadership", ["leadership"], []),
    ("you will lead the team", ["lead"], []),
    ("driven by results", ["driven"], []),
    ("a results-driven seller", ["driven"], []),
    ("assertive and decisive", ["assertive", "decisive"], []),
    ("self-reliant", ["self-reliant"], []),
    ("self-confident negotiator", ["self-confident"], []),
    ("decision-making authority", ["decision"], []),
    ("an objective view", ["objective"], []),
    ("LEADER", ["LEADER"], []),
    ("the leader\u2019s role", ["leader\u2019s"], []),
    # True hits the research codes feminine.
    ("a supportive manager", [], ["supportive"]),
    ("support our customers", [], ["support"]),
    ("collaborative culture", [], ["collaborative"]),
    ("a deep understanding of clients", [], ["understanding"]),
    ("earn their trust", [], ["trust"]),
    ("a trusted advisor", [], ["trusted"]),
    ("committed to client success", [], ["committed"]),
    ("commit to a plan", [], ["commit"]),
    ("a long-term commitment", [], ["commitment"]),
    ("responsive to clients", [], ["responsive"]),
    ("strong interpersonal skills", [], ["interpersonal"]),
    ("co-operative teams", [], ["co-operative"]),
    ("sharing knowledge", [], ["sharing"]),
    ("a loyal customer base", [], ["loyal"]),
    # False alarms in a sales posting: no coded word.
    ("Responsibilities:", [], []),
    ("responsible for a portfolio of accounts", [], []),
    ("key responsibility", [], []),
    ("average response time under 4 hours", [], []),
    ("respond to client inquiries", [], []),
    ("a buying committee", [], []),
    ("the COMMITTEE's review", [], []),
    ("analytical skills", [], []),
    ("usage analytics and account analysis", [], []),
    ("analyze renewal data", [], []),
    ("core competencies", [], []),
    ("renew service level agreements", [], []),
    ("meet quarterly objectives", [], []),
    ("determine pricing", [], []),
    ("answer tenders", [], []),
    ("build relationships with decision-makers", [], []),
    ("meet decision makers", [], []),
    ("lead generation", [], []),
    ("follow up qualified leads and warm leads", [], []),
    ("grow market share and share of wallet", [], []),
    ("improve customer loyalty", [], []),
    ("an individual contributor role", [], []),
    ("protect intellectual property", [], []),
    ("feel free to ask", [], []),
    ("all kinds of customers", [], []),
    ("pay depending on experience", [], []),
    # Stems match at the start of a word only.
    ("manage Salesforce proactively", [], []),
    # An exception is a whole word or phrase; its neighbours are still checked.
    ("responsible and responsive", [], ["responsive"]),
    ("analytical and logical", ["logical"], []),
    ("lead the generation of new business", ["lead"], []),
    ("decision makers who are decisive", ["decisive"], []),
]


@pytest.mark.parametrize(("text", "masculine", "feminine"), WORD_TABLE)
def test_coded_words_and_false_alarms(
    lexicon: GenderLexicon, text: str, masculine: list[str], feminine: list[str]
) -> None:
    assert words(check_language(text, lexicon)) == (masculine, feminine)


def test_each_word_counts_once_and_counts_are_per_word(lexicon: GenderLexicon) -> None:
    # "dominant" matches two stems ("domina", "dominant") but is one word.
    report = check_language("Lead, leads, leader. Lead! A dominant team.", lexicon)
    assert report.masculine_total == 5
    assert dict(report.masculine_counts) == {"lead": 2, "dominant": 1, "leader": 1, "leads": 1}
    assert [w.stem for w in report.masculine if w.word == "dominant"] == ["dominant"]


MASCULINE_POSTING = """\
We are a competitive, ambitious sales team looking for a driven, self-confident
leader who thrives on challenges and acts decisively. You will lead negotiations.
We value supportive colleagues.
"""

FEMININE_POSTING = """\
Join a supportive, collaborative team. You are committed to clients, build trust,
share knowledge and bring a warm, understanding and honest approach.
You will lead quarterly reviews.
"""

BALANCED_POSTING = """\
You will lead renewals with a competitive spirit while staying supportive of
clients and collaborative with colleagues. Analytical skills and a record of
meeting objectives are responsibilities of the role.
"""


@pytest.mark.parametrize(
    ("text", "verdict", "counts", "phrase"),
    [
        (MASCULINE_POSTING, "masculine-coded", (8, 1), "strongly masculine"),
        (FEMININE_POSTING, "feminine-coded", (1, 8), "strongly feminine"),
        (BALANCED_POSTING, "neutral", (2, 2), "as many masculine-coded words (2)"),
        ("Grow accounts and renew contracts.", "neutral", (0, 0), "No gender-coded words"),
        # A difference of one word codes the posting; only the wording says how strongly.
        ("A competitive, supportive and decisive manager.", "masculine-coded", (2, 1), "more"),
        ("Supportive, loyal and competitive.", "feminine-coded", (1, 2), "more feminine"),
    ],
)
def test_verdict_compares_the_two_counts(
    lexicon: GenderLexicon, text: str, verdict: str, counts: tuple[int, int], phrase: str
) -> None:
    report = check_language(text, lexicon)
    assert report.verdict == verdict
    assert (report.masculine_total, report.feminine_total) == counts
    assert phrase in report.explanation
    assert ("strongly" in report.explanation) is (abs(counts[0] - counts[1]) >= 4)


def test_offsets_slice_back_to_each_word(lexicon: GenderLexicon) -> None:
    text = "Über-competitive? Nein: a caf\u00e9 leader\u2019s self-reliant, co-operative\tSUPPORT."
    report = check_language(text, lexicon)
    found = report.masculine + report.feminine
    assert [text[w.start : w.end] for w in found] == [w.word for w in found]
    assert [w.word for w in report.masculine] == ["competitive", "leader\u2019s", "self-reliant"]
    assert [w.word for w in report.feminine] == ["co-operative", "SUPPORT"]


TOKENS = st.sampled_from(
    ["leader", "supportive", "committee", "market", "share", "self-reliant", "co-", "<b>", "é"]
)
SEPARATORS = st.sampled_from([" ", "\n- ", "-", ", ", "'", "\u2019", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TOKENS, SEPARATORS), max_size=30))
def test_segments_rebuild_the_text_and_mark_every_coded_word(
    lexicon: GenderLexicon, pieces: list[tuple[str, str]]
) -> None:
    text = "".join(token + sep for token, sep in pieces)
    report = check_language(text, lexicon)
    segments = highlight_segments(text, report)
    assert "".join(segment for segment, _ in segments) == text
    marked = [(segment, kind) for segment, kind in segments if kind]
    expected = sorted([(w.start, w.word, w.gender) for w in report.masculine + report.feminine])
    assert marked == [(word, gender) for _, word, gender in expected]
    for w in report.masculine + report.feminine:
        assert text[w.start : w.end] == w.word


def test_highlight_segments_for_a_page(lexicon: GenderLexicon) -> None:
    text = "A supportive leader."
    segments = highlight_segments(text, check_language(text, lexicon))
    assert segments == [
        ("A ", None),
        ("supportive", "feminine"),
        (" ", None),
        ("leader", "masculine"),
        (".", None),
    ]


def test_hostile_markup_is_plain_text(lexicon: GenderLexicon) -> None:
    text = '<script>alert("leader")</script><img src=x onerror="support()">'
    report = check_language(text, lexicon)
    assert words(report) == (["leader"], ["support"])
    segments = highlight_segments(text, report)
    # The markup comes back untouched, for the template to escape; nothing is dropped or added.
    assert "".join(segment for segment, _ in segments) == text
    assert segments[0] == ('<script>alert("', None)


def test_empty_text(lexicon: GenderLexicon) -> None:
    report = check_language("", lexicon)
    assert report.verdict == "neutral"
    assert report.word_count == 0
    assert report.bullet_share == 0.0
    assert report.must_have_count == 0
    assert highlight_segments("", report) == []
    assert report.to_dict()["counts"] == {"masculine": 0, "feminine": 0}


def test_to_dict_is_the_api_contract(lexicon: GenderLexicon) -> None:
    data = check_language("Requirements:\n- a trusted leader", lexicon).to_dict()
    assert set(data) == {
        "verdict",
        "counts",
        "masculine",
        "feminine",
        "word_count",
        "length",
        "bullet_share",
        "must_have_count",
        "warnings",
        "explanation",
        "alternatives",
    }
    assert data["masculine"] == [{"word": "leader", "stem": "lead", "start": 26, "end": 32}]
    assert data["alternatives"] == {"leader": list(lexicon.alternatives["lead"])}
    assert data["feminine"] == [{"word": "trusted", "stem": "trust", "start": 18, "end": 25}]
    assert data["verdict"] == "neutral"
    assert data["bullet_share"] == 0.5
    assert data["must_have_count"] == 1
    assert data["length"] == "too-short"


def test_masculine_words_come_with_uncoded_suggestions(lexicon: GenderLexicon) -> None:
    report = check_language(
        "A competitive, self-confident and dominant leader. Selfconfident.", lexicon
    )
    assert set(report.alternatives) == {
        "competitive",
        "self-confident",
        "selfconfident",
        "dominant",
        "leader",
    }
    # Spelling twins and longer stems share their entry; no suggestion is itself coded.
    assert report.alternatives["selfconfident"] == report.alternatives["self-confident"]
    assert report.alternatives["dominant"] == lexicon.alternatives["domina"]
    for suggestions in lexicon.alternatives.values():
        for suggestion in suggestions:
            again = check_language(suggestion, lexicon)
            assert again.masculine_total == again.feminine_total == 0, suggestion
    # Feminine-coded words get none: the research found they do not put anyone off.
    assert check_language("supportive and collaborative", lexicon).alternatives == {}


def test_a_coded_suggestion_is_refused_naming_the_field(tmp_path: Path) -> None:
    from scoring.content import load_content

    root = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, root)
    path = root / "language" / "gender_coded.yaml"
    path.write_text(path.read_text().replace("[motivated, eager to grow]", "[ambitious]"))
    with pytest.raises(ContentError, match=r"alternatives\.ambitio.*itself coded \(ambitious\)"):
        load_content(root)


@pytest.mark.parametrize(
    ("count", "length", "warning"),
    [
        (0, "too-short", "At 0 words"),
        (299, "too-short", "At 299 words the posting is short"),
        (300, "good", None),
        (700, "good", None),
        (701, "too-long", "At 701 words the posting is long"),
    ],
)
def test_length_verdict(
    lexicon: GenderLexicon, count: int, length: str, warning: str | None
) -> None:
    # Numbers and hyphenated words count as one word each, as an editor counts them.
    body = " ".join(["account", "12", "year-end"][i % 3] for i in range(count))
    report = check_language(body, lexicon)
    assert report.word_count == count
    assert report.length_verdict == length
    length_warnings = [w for w in report.warnings if "words the posting" in w]
    if warning is None:
        assert length_warnings == []
    else:
        assert len(length_warnings) == 1
        assert length_warnings[0].startswith(warning)
        assert "300-700 words reads best" in length_warnings[0]


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("About us\n\n- one\n- two\nSome prose.", 0.5),
        ("* one\n+ two\n\u2022three\n1. four\n2) five", 1.0),
        ("-3% churn last year\n**Requirements**\n*Note* this", 0.0),
        ("one line of prose", 0.0),
        # Underlines and dividers are not lines of content.
        ("Perks\n-----\n- one\n- two\n\n* * *\nSome prose.", 0.5),
    ],
)
def test_bullet_share(lexicon: GenderLexicon, text: str, share: float) -> None:
    assert check_language(text, lexicon).bullet_share == pytest.approx(share)


def test_bullet_share_warnings(lexicon: GenderLexicon) -> None:
    # One line in four (the minimum share) is enough.
    some = check_language("We sell software.\nYou renew it.\nApply now.\n- bonus", lexicon)
    assert not any("bullets" in w for w in some.warnings)
    wall = check_language("We sell software.\nYou renew it.\nApply now.\nThanks.\n- x", lexicon)
    assert any("Only 20% of lines are bullets" in w for w in wall.warnings)
    listy = check_language("\n".join(f"- item {i}" for i in range(10)), lexicon)
    assert any("100% of lines are bullets" in w for w in listy.warnings)


def bullets(prefix: str, n: int) -> str:
    return "\n".join(f"- {prefix} {i}" for i in range(n))


@pytest.mark.parametrize(
    ("text", "must_haves"),
    [
        (f"Requirements:\n{bullets('req', 5)}\n\nNice to have:\n{bullets('nice', 4)}", 5),
        (f"## Must-have requirements\n{bullets('req', 3)}\n## Benefits\n{bullets('b', 6)}", 3),
        (f"**Qualifications**\n{bullets('req', 2)}", 2),
        # A lead-in sentence inside the section does not end it.
        (f"What you\u2019ll need\nWe're looking for someone with:\n{bullets('req', 4)}", 4),
        # Preferred qualifications are not must-haves.
        (f"Preferred qualifications:\n{bullets('nice', 6)}", 0),
        (f"Responsibilities\n{bullets('duty', 9)}", 0),
        (f"Requirements\n{bullets('a', 2)}\nBenefits\n{bullets('b', 2)}\nRequirements\n- c", 3),
        # Plain-text headings underlined with dashes or equals signs (the builder's text export).
        (f"Must-have requirements\n------\n\n{bullets('req', 3)}\n\nBenefits\n=====\n- b", 3),
    ],
)
def test_must_have_count(lexicon: GenderLexicon, text: str, must_haves: int) -> None:
    assert check_language(text, lexicon).must_have_count == must_haves


@pytest.mark.parametrize(("n", "warned"), [(8, False), (9, True)])
def test_warns_above_eight_must_haves(lexicon: GenderLexicon, n: int, warned: bool) -> None:
    report = check_language(f"Requirements:\n{bullets('req', n)}", lexicon)
    assert report.must_have_count == n
    assert any(f"{n} must-have requirements" in w for w in report.warnings) is warned


def test_a_long_posting_is_checked_quickly(lexicon: GenderLexicon) -> None:
    line = "- Partner with decision-makers as a trusted, competitive and collaborative leader"
    text = "\n".join([line] * 101)
    assert 1000 <= check_language(text, lexicon).word_count <= 1100
    timings = []
    for _ in range(5):
        began = time.perf_counter()
        check_language(text, lexicon)
        timings.append(time.perf_counter() - began)
    assert min(timings) < 0.010


# --- broken content --------------------------------------------------------


@pytest.fixture()
def content_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, root)
    return root


def edit_lexicon(root: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    path = root / LEXICON_PATH
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def set_first_exception(data: dict[str, Any], words: list[str]) -> None:
    data["exceptions"][0]["words"] = words


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda d: d.pop("masculine"), "masculine", "is required"),
        (lambda d: d.update(source="made-up-2020"), "source", "unknown source"),
        (lambda d: d["feminine"].append("support"), "feminine[", "listed twice"),
        (lambda d: d["feminine"].append("leadership"), "feminine[", "overlaps"),
        (lambda d: d["masculine"].append("go"), "masculine[", "3 or more"),
        (lambda d: set_first_exception(d, ["quarterly"]), "exceptions[0].words[0]", "no word"),
        (lambda d: d["exceptions"][1].pop("why"), "exceptions[1].why", "is required"),
        (lambda d: d["posting"]["words"].update(max=100), "posting.words.max", "greater"),
        (
            lambda d: d["posting"]["warnings"].update(too_long="{wordz} words"),
            "posting.warnings.too_long",
            "placeholder",
        ),
        (lambda d: d["explanations"].pop("neutral"), "explanations.neutral", "is required"),
    ],
)
def test_broken_lexicon_names_file_and_field(
    content_copy: Path, change: Callable[[dict[str, Any]], None], field: str, problem: str
) -> None:
    path = edit_lexicon(content_copy, change)
    with pytest.raises(ContentError) as caught:
        load_gender_lexicon(content_copy, load_sources(content_copy))
    assert caught.value.path == str(path)
    assert caught.value.field.startswith(field)
    assert problem in caught.value.problem


def test_missing_lexicon_file_is_named(content_copy: Path) -> None:
    (content_copy / LEXICON_PATH).unlink()
    with pytest.raises(ContentError, match=r"gender_coded\.yaml"):
        load_gender_lexicon(content_copy, load_sources(content_copy))


def test_edited_word_list_changes_the_check(content_copy: Path) -> None:
    edit_lexicon(content_copy, lambda d: d["masculine"].append("hustl"))
    edited = load_gender_lexicon(content_copy, load_sources(content_copy))
    assert words(check_language("Hustlers wanted", edited)) == (["Hustlers"], [])
