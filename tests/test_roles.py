"""The twelve role files: complete, linked into one ladder, and faithful to the sources."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from scoring.content import ContentError
from scoring.roles import Role, load_roles
from scoring.sources import Source, load_sources

CONTENT = Path(__file__).resolve().parent.parent / "content"

LADDER = [
    "account-coordinator",
    "junior-account-manager",
    "account-manager",
    "senior-account-manager",
    "key-account-manager",
    "enterprise-account-manager",
    "strategic-account-manager",
    "global-account-manager",
    "technical-account-manager",
    "digital-account-manager",
    "account-director",
    "vp-client-services",
]


@pytest.fixture(scope="module")
def sources() -> Mapping[str, Source]:
    return load_sources(CONTENT)


@pytest.fixture(scope="module")
def roles(sources: Mapping[str, Source]) -> Mapping[str, Role]:
    return load_roles(CONTENT, sources)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of content/ that a test may break."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


def edit_role(root: Path, slug: str, change: Callable[[dict[str, Any]], None]) -> Path:
    """Apply ``change`` to one role file of a content copy and write it back."""
    path = root / "roles" / f"{slug}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def delete_at(keys: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    """A change that deletes the value at a nested key path."""

    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


def set_at(keys: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that replaces the value at a nested key path."""

    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def test_all_twelve_roles_load_in_ladder_order(roles: Mapping[str, Role]) -> None:
    assert list(roles) == LADDER
    assert [role.order for role in roles.values()] == list(range(1, 13))


def test_roles_mapping_cannot_be_changed(roles: Mapping[str, Role]) -> None:
    with pytest.raises(TypeError):
        roles["account-manager"] = roles["account-coordinator"]  # type: ignore[index]


@pytest.mark.parametrize("slug", LADDER)
def test_every_role_page_has_all_its_parts(slug: str, roles: Mapping[str, Role]) -> None:
    role = roles[slug]
    sentences = re.findall(r"[.!?](?:\s|$)", role.summary)
    assert 2 <= len(sentences) <= 4, role.summary
    assert 6 <= len(role.responsibilities) <= 10
    assert role.skills.hard and role.skills.soft
    assert role.education
    assert role.kpis
    assert role.requirements.must_have and role.requirements.nice_to_have
    assert role.sources
    assert role.years.label


@pytest.mark.parametrize("slug", LADDER)
def test_every_figure_cites_a_source_the_role_lists(slug: str, roles: Mapping[str, Role]) -> None:
    role = roles[slug]
    cited = {role.years.source}
    cited |= {kpi.source for kpi in role.kpis}
    cited |= {cert.source for cert in role.certifications}
    cited |= {fact.source for fact in role.facts}
    assert cited <= set(role.sources)


@pytest.mark.parametrize(
    ("slug", "track"),
    [
        ("account-coordinator", "core"),
        ("senior-account-manager", "core"),
        ("key-account-manager", "specialist"),
        ("digital-account-manager", "specialist"),
        ("account-director", "leadership"),
        ("vp-client-services", "leadership"),
    ],
)
def test_roles_sit_on_their_track(slug: str, track: str, roles: Mapping[str, Role]) -> None:
    assert roles[slug].track == track


@pytest.mark.parametrize(
    ("slug", "years"),
    [
        ("account-manager", "3-5"),
        ("key-account-manager", "6-8"),
        ("enterprise-account-manager", "6+"),
        ("strategic-account-manager", "7+"),
        ("global-account-manager", "7+"),
        ("account-director", "8-12"),
    ],
)
def test_experience_matches_the_published_figure(
    slug: str, years: str, roles: Mapping[str, Role]
) -> None:
    assert roles[slug].years.label == years


def test_key_account_portfolio_keeps_the_published_figures(roles: Mapping[str, Role]) -> None:
    # The published figures stay on the role page, as a fact with its source; the
    # responsibilities are the employer's voice in a posting and carry no source figures.
    role = roles["key-account-manager"]
    facts = [f for f in role.facts if "2 to 3 strategic clients" in f.text]
    assert facts and "$1.2 million" in facts[0].text
    assert facts[0].source == "cuevr-2025"
    assert "$1.2 million" not in " ".join(role.responsibilities)


@pytest.mark.parametrize(
    ("kpi", "target"),
    [
        ("Client retention rate", "90-95% a year"),
        ("Client satisfaction", "8 or more out of 10"),
        ("On-time renewals", "95%+ of renewals processed before they expire"),
        ("Account growth", "Contract values up 10-25% a year"),
        ("Response time", "Under 24 hours for client inquiries"),
    ],
)
def test_account_manager_kpis_carry_published_targets(
    kpi: str, target: str, roles: Mapping[str, Role]
) -> None:
    targets = {k.name: k.target for k in roles["account-manager"].kpis}
    assert targets[kpi].startswith(target)


@pytest.mark.parametrize(
    ("slug", "certification"),
    [
        ("strategic-account-manager", "Certified Strategic Account Manager (CSAM)"),
        ("key-account-manager", "Certified Key Account Manager (CKAM)"),
        ("account-manager", "Certified Account Manager (CAM)"),
    ],
)
def test_certifications_appear_where_sources_tie_them(
    slug: str, certification: str, roles: Mapping[str, Role]
) -> None:
    assert certification in [c.name for c in roles[slug].certifications]


@pytest.mark.parametrize("slug", ["account-coordinator", "junior-account-manager"])
def test_entry_levels_ask_for_no_certification(slug: str, roles: Mapping[str, Role]) -> None:
    assert roles[slug].certifications == ()


@pytest.mark.parametrize("slug", LADDER)
def test_role_files_hold_no_salary_figures(slug: str) -> None:
    text = (CONTENT / "roles" / f"{slug}.yaml").read_text(encoding="utf-8")
    assert not re.search(r"\$\d{2,3},\d{3}", text), "pay bands belong in compensation data"
    assert "salary" not in text.lower()


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("account-coordinator", "junior-account-manager"),
        ("junior-account-manager", "account-manager"),
        ("account-manager", "senior-account-manager"),
        ("senior-account-manager", "key-account-manager"),
        ("key-account-manager", "account-director"),
        ("account-director", "vp-client-services"),
    ],
)
def test_main_career_path_links_both_ways(
    lower: str, upper: str, roles: Mapping[str, Role]
) -> None:
    assert upper in roles[lower].next_roles
    assert lower in roles[upper].previous_roles


@pytest.mark.parametrize("slug", LADDER)
def test_every_role_is_on_a_path_from_coordinator_to_vp(
    slug: str, roles: Mapping[str, Role]
) -> None:
    def reachable(start: str, step: Callable[[Role], tuple[str, ...]]) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for nxt in step(roles[todo.pop()]):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert slug in reachable("account-coordinator", lambda r: r.next_roles)
    assert "vp-client-services" in reachable(slug, lambda r: r.next_roles)


def test_ladder_ends_at_both_ends(roles: Mapping[str, Role]) -> None:
    assert roles["account-coordinator"].previous_roles == ()
    assert roles["vp-client-services"].next_roles == ()


@pytest.mark.parametrize(
    ("slug", "keys", "field"),
    [
        ("account-manager", ("summary",), "summary"),
        ("account-coordinator", ("title",), "title"),
        ("key-account-manager", ("years", "max"), "years.max"),
        ("enterprise-account-manager", ("years", "source"), "years.source"),
        ("senior-account-manager", ("skills", "soft"), "skills.soft"),
        ("global-account-manager", ("kpis", 0, "target"), "kpis[0].target"),
        ("strategic-account-manager", ("certifications", 0, "note"), "certifications[0].note"),
        ("junior-account-manager", ("certifications",), "certifications"),
        ("vp-client-services", ("requirements", "must_have"), "requirements.must_have"),
        ("digital-account-manager", ("next_roles",), "next_roles"),
        ("technical-account-manager", ("facts",), "facts"),
        ("account-director", ("sources",), "sources"),
        ("account-director", ("education",), "education"),
    ],
)
def test_a_missing_field_names_file_and_field(
    content_copy: Path,
    sources: Mapping[str, Source],
    slug: str,
    keys: tuple[str | int, ...],
    field: str,
) -> None:
    path = edit_role(content_copy, slug, delete_at(keys))
    with pytest.raises(ContentError) as caught:
        load_roles(content_copy, sources)
    assert caught.value.path == str(path)
    assert caught.value.field == field
    assert f"{slug}.yaml" in str(caught.value) and field in str(caught.value)


@pytest.mark.parametrize(
    ("slug", "keys", "value", "field", "problem"),
    [
        ("account-manager", ("responsibilities",), ["one"] * 5, "responsibilities", "at least 6"),
        ("account-manager", ("responsibilities",), ["one"] * 11, "responsibilities", "at most 10"),
        ("account-manager", ("order",), "third", "order", "whole number"),
        ("account-manager", ("track",), "sideways", "track", "must be one of"),
        ("account-manager", ("slug",), "senior-account-manager", "slug", "file name"),
        ("account-manager", ("next_roles",), ["astronaut"], "next_roles[0]", "unknown role"),
        ("account-manager", ("kpis", 0, "source"), "wikipedia", "kpis[0].source", "unknown"),
        ("account-manager", ("sources",), ["cuevr-2025", "blog"], "sources[1]", "unknown"),
        ("account-manager", ("years", "max"), 2, "years.max", "at least 3"),
        ("account-manager", ("skills", "hard"), [], "skills.hard", "at least one"),
    ],
)
def test_a_malformed_field_names_file_and_field(
    content_copy: Path,
    sources: Mapping[str, Source],
    slug: str,
    keys: tuple[str | int, ...],
    value: Any,
    field: str,
    problem: str,
) -> None:
    path = edit_role(content_copy, slug, set_at(keys, value))
    with pytest.raises(ContentError) as caught:
        load_roles(content_copy, sources)
    assert caught.value.path == str(path)
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_a_one_sided_ladder_link_is_refused(
    content_copy: Path, sources: Mapping[str, Source]
) -> None:
    path = edit_role(content_copy, "account-manager", set_at(("next_roles",), ["account-director"]))
    with pytest.raises(ContentError) as caught:
        load_roles(content_copy, sources)
    assert caught.value.path == str(path)
    assert caught.value.field == "next_roles[0]"
    assert "account-director.yaml" in caught.value.problem


def test_a_shared_ladder_position_is_refused(
    content_copy: Path, sources: Mapping[str, Source]
) -> None:
    edit_role(content_copy, "vp-client-services", set_at(("order",), 1))
    with pytest.raises(ContentError) as caught:
        load_roles(content_copy, sources)
    assert caught.value.field == "order"
    assert "already used" in caught.value.problem


def test_a_missing_role_file_is_named(content_copy: Path, sources: Mapping[str, Source]) -> None:
    (content_copy / "roles" / "global-account-manager.yaml").unlink()
    with pytest.raises(ContentError, match=r"global-account-manager\.yaml.*missing"):
        load_roles(content_copy, sources)


def test_a_stray_role_file_is_named(content_copy: Path, sources: Mapping[str, Source]) -> None:
    shutil.copy(
        content_copy / "roles" / "account-manager.yaml",
        content_copy / "roles" / "account-executive.yaml",
    )
    with pytest.raises(ContentError, match=r"account-executive\.yaml.*not one of the twelve"):
        load_roles(content_copy, sources)


def test_a_broken_yaml_file_is_named(content_copy: Path, sources: Mapping[str, Source]) -> None:
    path = content_copy / "roles" / "account-director.yaml"
    path.write_text("slug: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"account-director\.yaml.*not valid YAML"):
        load_roles(content_copy, sources)
