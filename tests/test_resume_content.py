"""The resume checker's content models: one broken copy of the real content per kind of
error, each stopping the load with the file and the dotted field named."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
import yaml

from scoring.models.base import ContentError
from scoring.resume.components import METRIC_EXTENSION, build_matchers
from scoring.resume.lexicon import load_lexicon
from scoring.resume.structure import load_section_vocabulary
from scoring.roles import ROLE_SLUGS

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture()
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def edit(root: Path, name: str, change: Callable[[Any], None]) -> Path:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def rename(table: dict[str, Any], old: str, new: str) -> None:
    table[new] = table.pop(old)


def load_error(root: Path, name: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        if name == "resume_sections.yaml":
            load_section_vocabulary(root, levels=ROLE_SLUGS)
        else:
            load_lexicon(root, levels=ROLE_SLUGS)
    return caught.value


def test_the_real_content_loads_with_the_ladder() -> None:
    lexicon = load_lexicon(CONTENT, levels=ROLE_SLUGS)
    assert lexicon.rules.levels == ROLE_SLUGS
    assert load_section_vocabulary(CONTENT, levels=ROLE_SLUGS).headings["work history"] == (
        "experience"
    )


# Where a heading appended to the experience list lands.
EXPERIENCE_HEADINGS = len(
    yaml.safe_load((CONTENT / "resume_sections.yaml").read_text(encoding="utf-8"))["headings"][
        "experience"
    ]
)

BROKEN: list[tuple[str, Callable[[Any], None], str, str]] = [
    # --- unknown keys (typos), top level and nested ----------------------------------------
    ("lexicon/keywords.yaml", lambda d: rename(d["keywords"][0], "label", "lable"),
     "keywords[0].lable", "not a known field"),
    ("lexicon/action_verbs.yaml", lambda d: rename(d, "plain_verbs", "plain_verb"),
     "plain_verb", "not a known field"),
    ("lexicon/weak_phrases.yaml", lambda d: rename(d["phrases"][1], "stronger", "stronegr"),
     "phrases[1].stronegr", "not a known field"),
    ("lexicon/outcomes.yaml", lambda d: d["outcomes"][2].update(category="soft"),
     "outcomes[2].category", "not a known field"),
    ("lexicon/scoring.yaml", lambda d: rename(d["weights"], "keywords", "keyword"),
     "weights.keyword", "not a known field"),
    ("lexicon/scoring.yaml", lambda d: d["ideal_words"]["account-manager"].update(mx=9),
     "ideal_words.account-manager.mx", "not a known field"),
    ("lexicon/metrics.yaml", lambda d: rename(d["money"], "currency", "currencies"),
     "money.currencies", "not a known field"),
    ("lexicon/rewrite.yaml", lambda d: rename(d, "particles", "particle"),
     "particle", "not a known field"),
    ("lexicon/fixes.yaml", lambda d: d["texts"]["metrics"].update(hint="x"),
     "texts.metrics.hint", "not a known field"),
    ("resume_sections.yaml", lambda d: rename(d["headings"], "skills", "skils"),
     "headings.skils", "not a known field"),
    # --- wrong types -----------------------------------------------------------------------
    ("lexicon/keywords.yaml", lambda d: d["keywords"][1].update(variants="Salesforce"),
     "keywords[1].variants", "must be a list"),
    ("lexicon/action_verbs.yaml", lambda d: d["irregular"].update(built=3),
     "irregular.built", "must be a string"),
    ("lexicon/outcomes.yaml", lambda d: d["outcomes"][0].update(variants=[1, 2]),
     "outcomes[0].variants[0]", "must be a string"),
    ("lexicon/scoring.yaml", lambda d: d["stuffing"].update(max_repeats="six"),
     "stuffing.max_repeats", "whole number"),
    ("lexicon/scoring.yaml", lambda d: d["count_nouns"][0].update(valued="yes"),
     "count_nouns[0].valued", "true or false"),
    # YAML reads an unquoted `on` as true: the strict word lists refuse it.
    ("lexicon/rewrite.yaml", lambda d: d["particles"].__setitem__(3, True),
     "particles[3]", "must be a string"),
    ("lexicon/metrics.yaml", lambda d: d["count"].update(max_words_between=-1),
     "count.max_words_between", "at least 0"),
    ("lexicon/fixes.yaml", lambda d: d.update(shown=0), "shown", "at least 1"),
    ("resume_sections.yaml", lambda d: d.update(work_modes="remote"),
     "work_modes", "must be a list"),
    # --- missing fields --------------------------------------------------------------------
    ("lexicon/keywords.yaml", lambda d: d["keywords"][2].pop("category"),
     "keywords[2].category", "is required"),
    ("lexicon/weak_phrases.yaml", lambda d: d.pop("generic_stand_ins"),
     "generic_stand_ins", "is required"),
    ("lexicon/scoring.yaml", lambda d: d["ideal_words"]["account-manager"].pop("min"),
     "ideal_words.account-manager.min", "is required"),
    ("lexicon/metrics.yaml", lambda d: d.pop("note"), "note", "is required"),
    ("lexicon/rewrite.yaml", lambda d: d.pop("clause_breaks"), "clause_breaks", "is required"),
    ("lexicon/fixes.yaml", lambda d: d["texts"].pop("length_long"),
     "texts.length_long", "is required"),
    ("resume_sections.yaml", lambda d: d.pop("range_words"), "range_words", "is required"),
    # --- unknown source ids ----------------------------------------------------------------
    ("lexicon/keywords.yaml", lambda d: d.update(source="nowhere-2099"),
     "source", "unknown source 'nowhere-2099'"),
    ("lexicon/action_verbs.yaml", lambda d: d.update(source="nowhere-2099"),
     "source", "unknown source"),
    ("lexicon/scoring.yaml", lambda d: d["level_by_years"].update(source="nowhere-2099"),
     "level_by_years.source", "unknown source"),
    ("lexicon/metrics.yaml", lambda d: d.update(source="nowhere-2099"),
     "source", "unknown source"),
    ("resume_sections.yaml", lambda d: d.update(source="nowhere-2099"),
     "source", "unknown source"),
    # --- levels ----------------------------------------------------------------------------
    ("lexicon/scoring.yaml", lambda d: d["ideal_words"].pop("senior-account-manager"),
     "ideal_words.senior-account-manager", "is required"),
    ("lexicon/scoring.yaml",
     lambda d: d["ideal_words"].update({"sales-ninja": {"min": 100, "max": 200}}),
     "ideal_words.sales-ninja", "is not a known level"),
    ("lexicon/scoring.yaml",
     lambda d: d["level_by_years"]["bands"][2].update(slug="sales-ninja"),
     "level_by_years.bands[2].slug", "is not a known level"),
    # --- rules across fields ---------------------------------------------------------------
    ("lexicon/keywords.yaml",
     lambda d: d["keywords"][3].update(label=d["keywords"][0]["label"].upper()),
     "keywords[3].label", "repeats"),
    ("lexicon/action_verbs.yaml", lambda d: d["change_verbs"].append("juggle"),
     "change_verbs", "missing from `verbs`: juggle"),
    ("lexicon/action_verbs.yaml", lambda d: d["plain_verbs"].update(coordinate="Juggled"),
     "plain_verbs.coordinate", "not a form of a verb"),
    ("lexicon/weak_phrases.yaml", lambda d: d["generic_stand_ins"].__setitem__(0, "Juggled"),
     "generic_stand_ins[0]", "the `stronger` verb of no phrase"),
    ("lexicon/scoring.yaml", lambda d: d["weights"].update(keywords=d["weights"]["keywords"] + 5),
     "weights", "must add up to 100 (they add up to 105)"),
    ("lexicon/scoring.yaml",
     lambda d: d["ideal_words"]["account-manager"].update(
         min=d["ideal_words"]["account-manager"]["max"] + 100),
     "ideal_words.account-manager.max", "greater than min"),
    ("lexicon/scoring.yaml", lambda d: d["level_by_years"]["bands"][-1].update(max_years=40),
     "level_by_years.bands", "the last band must have no max_years"),
    ("lexicon/scoring.yaml", lambda d: d["level_by_years"]["bands"][1].update(max_years=1),
     "level_by_years.bands[1].max_years", "rise from band to band"),
    ("lexicon/scoring.yaml", lambda d: d["count_nouns"][0].update(people=True),
     "count_nouns[6].people", "one entry"),
    ("lexicon/metrics.yaml", lambda d: d["prefer"].remove("count"),
     "prefer", "each of percent, money, multiplier, timeframe, count once"),
    ("lexicon/metrics.yaml", lambda d: d["prefer"].append("ratio"),
     "prefer[5]", "must be one of"),
    ("lexicon/fixes.yaml",
     lambda d: d["texts"]["metrics"].update(title="Add a number to {count} bullets"),
     "texts.metrics.title", "uses {count} (allowed: {n}, {s})"),
    ("lexicon/fixes.yaml", lambda d: d["texts"]["stuffing"].update(detail="Stop {"),
     "texts.stuffing.detail", "stray brace"),
    ("resume_sections.yaml", lambda d: d["headings"]["experience"].append("Summary"),
     f"headings.experience[{EXPERIENCE_HEADINGS}]", "repeats the heading 'summary'"),
    ("resume_sections.yaml", lambda d: d["months"].pop(), "months", "twelve months"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "change", "field", "problem"),
    BROKEN,
    ids=[f"{name}:{field}" for name, _, field, _ in BROKEN],
)
def test_a_broken_file_names_file_and_field(
    content_copy: Path, name: str, change: Callable[[Any], None], field: str, problem: str
) -> None:
    path = edit(content_copy, name, change)
    error = load_error(content_copy, name)
    assert (error.path, error.field) == (str(path), field)
    assert problem in error.problem
    assert str(error).startswith(f"{path}: field '{field}': ")


def test_levels_are_checked_only_when_given(content_copy: Path) -> None:
    edit(
        content_copy,
        "lexicon/scoring.yaml",
        lambda d: d["ideal_words"].update({"sales-ninja": {"min": 100, "max": 200}}),
    )
    assert "sales-ninja" in load_lexicon(content_copy).rules.levels


def test_levels_come_in_ladder_order(content_copy: Path) -> None:
    def shuffle(data: dict[str, Any]) -> None:
        data["ideal_words"] = dict(reversed(data["ideal_words"].items()))

    edit(content_copy, "lexicon/scoring.yaml", shuffle)
    assert load_lexicon(content_copy).rules.levels == tuple(reversed(ROLE_SLUGS))
    assert load_lexicon(content_copy, levels=ROLE_SLUGS).rules.levels == ROLE_SLUGS


def test_metric_words_come_from_the_content(content_copy: Path) -> None:
    text = "Closed a CHF 40,000 deal"
    blank = spacy.blank("en")

    def money(root: Path) -> list[str]:
        doc = build_matchers(blank, load_lexicon(root))(blank(text))
        return [s.text for s in doc._.get(METRIC_EXTENSION) if s.label_ == "MONEY"]

    assert money(content_copy) == []
    edit(content_copy, "lexicon/metrics.yaml", lambda d: d["money"]["currency"].append("CHF"))
    assert money(content_copy) == ["CHF 40,000"]
