"""Every content file is read through a model that refuses typos: one broken copy of the
real content per kind of error, each stopping the load with the file and field named."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scoring.content import DEFAULT_CONTENT_DIR, ContentError, load_content
from webapp import create_app

CONTENT_FILES = sorted(
    p.relative_to(DEFAULT_CONTENT_DIR) for p in DEFAULT_CONTENT_DIR.rglob("*.yaml")
)


@pytest.fixture()
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def edit(root: Path, name: str, change: Callable[[Any], None]) -> Path:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def load_error(root: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value


def test_the_issue_typo_stops_the_load(content_copy: Path) -> None:
    """variable_high misspelt in compensation.yaml used to drop retail's 40% ceiling."""

    def typo(data: dict[str, Any]) -> None:
        retail = data["effects"]["industry"]["retail-distribution"]
        retail["variable_hihg"] = retail.pop("variable_high")

    path = edit(content_copy, "compensation.yaml", typo)
    error = load_error(content_copy)
    assert error.path == str(path)
    # The misspelt key is named; so is the orphaned source it was cited by.
    assert error.field in (
        "effects.industry.retail-distribution.variable_hihg",
        "effects.industry.retail-distribution.variable_high",
    )
    assert "compensation.yaml" in str(error) and error.field in str(error)


def test_the_typo_also_stops_the_app(content_copy: Path) -> None:
    edit(
        content_copy,
        "compensation.yaml",
        lambda d: d["effects"]["mba"].update(nmae=d["effects"]["mba"]["name"]),
    )
    with pytest.raises(ContentError, match=r"compensation\.yaml: field 'effects\.mba\.nmae'"):
        create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)})


@pytest.mark.parametrize("name", CONTENT_FILES, ids=str)
def test_an_unknown_top_level_key_in_any_file(content_copy: Path, name: Path) -> None:
    path = edit(content_copy, str(name), lambda d: d.update(tpyo_key="x"))
    error = load_error(content_copy)
    assert error.path == str(path)
    assert error.field == "tpyo_key"
    assert "not a known field" in error.problem


@pytest.mark.parametrize(
    ("name", "change", "field"),
    [
        (
            "sources.yaml",
            lambda d: d["sources"]["cuevr-2025"].update(yaer=2025),
            "sources.cuevr-2025.yaer",
        ),
        (
            "roles/account-manager.yaml",
            lambda d: d["kpis"][0].update(taget="x"),
            "kpis[0].taget",
        ),
        (
            "roles/senior-account-manager.yaml",
            lambda d: d["years"].update(maximum=9),
            "years.maximum",
        ),
        (
            "compensation.yaml",
            lambda d: d["levels"]["account-manager"]["variable"].update(hgh=50),
            "levels.account-manager.variable.hgh",
        ),
        (
            "compensation.yaml",
            lambda d: d["effects"]["metro"]["boston"]["figures"][0].update(aply=False),
            "effects.metro.boston.figures[0].aply",
        ),
        ("compensation.yaml", lambda d: d["method"].update(round_smal=1), "method.round_smal"),
        ("jobdesc.yaml", lambda d: d["pay_checks"].update(max_yearl=1), "pay_checks.max_yearl"),
        (
            "jobdesc.yaml",
            lambda d: d["work_modes"]["hybrid"].update(lable="x"),
            "work_modes.hybrid.lable",
        ),
        (
            "language/gender_coded.yaml",
            lambda d: d["posting"]["words"].update(mn=1),
            "posting.words.mn",
        ),
        (
            "language/gender_coded.yaml",
            lambda d: d["exceptions"][0].update(wyh="x"),
            "exceptions[0].wyh",
        ),
    ],
)
def test_an_unknown_nested_key(content_copy: Path, name: str, change: Any, field: str) -> None:
    path = edit(content_copy, name, change)
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), field)
    assert "not a known field" in error.problem


@pytest.mark.parametrize(
    ("name", "change", "field", "problem"),
    [
        (
            "sources.yaml",
            lambda d: d["sources"]["cuevr-2025"].update(year="2025"),
            "sources.cuevr-2025.year",
            "whole number",
        ),
        ("roles/account-manager.yaml", lambda d: d.update(order="3"), "order", "whole number"),
        ("roles/account-manager.yaml", lambda d: d.update(summary=["a", "b"]), "summary", "string"),
        ("roles/account-manager.yaml", lambda d: d.update(track="sales"), "track", "one of"),
        (
            "compensation.yaml",
            lambda d: d["levels"]["account-manager"].update(rank="third"),
            "levels.account-manager.rank",
            "whole number",
        ),
        (
            "compensation.yaml",
            lambda d: d["effects"]["mba"]["figures"][0].update(low_pct="10%"),
            "effects.mba.figures[0].low_pct",
            "number",
        ),
        (
            "compensation.yaml",
            lambda d: d["effects"]["mba"]["figures"][0].update(apply="yes"),
            "effects.mba.figures[0].apply",
            "true or false",
        ),
        ("compensation.yaml", lambda d: d.update(benefits={"a": 1}), "benefits", "list"),
        (
            "jobdesc.yaml",
            lambda d: d["pay_checks"].update(min_yearly=10000.5),
            "pay_checks.min_yearly",
            "whole number",
        ),
        (
            "language/gender_coded.yaml",
            lambda d: d.update(strong_difference="4"),
            "strong_difference",
            "whole number",
        ),
    ],
)
def test_a_wrong_type(content_copy: Path, name: str, change: Any, field: str, problem: str) -> None:
    path = edit(content_copy, name, change)
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), field)
    assert problem in error.problem


@pytest.mark.parametrize(
    ("name", "change", "field"),
    [
        (
            "sources.yaml",
            lambda d: d["sources"]["gaucher-2011"].pop("used_for"),
            "sources.gaucher-2011.used_for",
        ),
        ("roles/account-manager.yaml", lambda d: d["kpis"][0].pop("target"), "kpis[0].target"),
        (
            "compensation.yaml",
            lambda d: d["levels"]["account-manager"].pop("variable"),
            "levels.account-manager.variable",
        ),
        (
            "compensation.yaml",
            lambda d: d["effects"]["portfolio_arr"].pop("threshold"),
            "effects.portfolio_arr.threshold",
        ),
        (
            "jobdesc.yaml",
            lambda d: d["pay_checks"]["law_note"].pop("source"),
            "pay_checks.law_note.source",
        ),
        ("jobdesc.yaml", lambda d: d["templates"].pop("deadline"), "templates.deadline"),
        (
            "language/gender_coded.yaml",
            lambda d: d["explanations"].pop("neutral"),
            "explanations.neutral",
        ),
        (
            "language/gender_coded.yaml",
            lambda d: d["posting"]["warnings"].pop("too_long"),
            "posting.warnings.too_long",
        ),
    ],
)
def test_a_missing_field(content_copy: Path, name: str, change: Any, field: str) -> None:
    path = edit(content_copy, name, change)
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), field)
    assert "is required" in error.problem


@pytest.mark.parametrize(
    ("name", "change", "field"),
    [
        (
            "roles/account-manager.yaml",
            lambda d: d["years"].update(source="a-blog"),
            "years.source",
        ),
        (
            "compensation.yaml",
            lambda d: d["levels"]["account-manager"]["figures"][0].update(source="a-blog"),
            "levels.account-manager.figures[0].source",
        ),
        (
            "compensation.yaml",
            lambda d: d["benefits"][0].update(source="a-blog"),
            "benefits[0].source",
        ),
        (
            "jobdesc.yaml",
            lambda d: d["pay_checks"]["law_note"].update(source="a-blog"),
            "pay_checks.law_note.source",
        ),
        ("language/gender_coded.yaml", lambda d: d.update(source="a-blog"), "source"),
    ],
)
def test_an_unknown_source_id(content_copy: Path, name: str, change: Any, field: str) -> None:
    path = edit(content_copy, name, change)
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), field)
    assert "unknown source 'a-blog'" in error.problem


def test_a_level_missing_from_compensation(content_copy: Path) -> None:
    path = edit(content_copy, "compensation.yaml", lambda d: d["levels"].pop("key-account-manager"))
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), "levels.key-account-manager")
    assert "is required" in error.problem


def test_a_level_unknown_to_the_roles(content_copy: Path) -> None:
    def add(data: dict[str, Any]) -> None:
        data["levels"]["sales-ninja"] = data["levels"]["account-manager"]

    path = edit(content_copy, "compensation.yaml", add)
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), "levels.sales-ninja")
    assert "not a known level" in error.problem


def test_a_role_file_missing(content_copy: Path) -> None:
    (content_copy / "roles" / "digital-account-manager.yaml").unlink()
    error = load_error(content_copy)
    assert error.path.endswith("digital-account-manager.yaml")
    assert "missing" in error.problem


def test_an_effect_missing_for_a_choice(content_copy: Path) -> None:
    path = edit(content_copy, "compensation.yaml", lambda d: d["effects"]["metro"].pop("austin"))
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), "effects.metro.austin")


def test_a_suggestion_that_is_itself_coded(content_copy: Path) -> None:
    """The check that spans entries: a suggested word must not be coded itself."""
    path = edit(
        content_copy,
        "language/gender_coded.yaml",
        lambda d: d["alternatives"].update({"assert": ["confident"]}),
    )
    error = load_error(content_copy)
    assert (error.path, error.field) == (str(path), "alternatives.assert")
    assert "itself coded" in error.problem
