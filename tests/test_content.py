"""The content loader: the real content loads; broken files fail naming file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from scoring.content import DEFAULT_CONTENT_DIR, ContentError, load_content
from webapp import create_app


@pytest.fixture()
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def test_real_content_loads():
    content = load_content()
    assert "interview-guys-2025" in content.sources
    assert content.sources["gaucher-2011"].year == 2011


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["sources"]["cuevr-2025"].pop("title"), "sources.cuevr-2025.title"),
        (lambda d: d["sources"]["cuevr-2025"].update(year="recent"), "sources.cuevr-2025.year"),
        (
            lambda d: d["sources"]["gaucher-2011"].update(publisher=""),
            "sources.gaucher-2011.publisher",
        ),
    ],
)
def test_broken_sources_file_names_file_and_field(content_copy, change, field):
    _edit(content_copy / "sources.yaml", change)
    with pytest.raises(ContentError) as info:
        load_content(content_copy)
    assert info.value.path.endswith("sources.yaml")
    assert info.value.field == field
    assert field in str(info.value)


def test_invalid_yaml_is_reported_with_the_file(content_copy):
    (content_copy / "sources.yaml").write_text("sources: [unclosed\n")
    with pytest.raises(ContentError, match=r"sources\.yaml.*not valid YAML"):
        load_content(content_copy)


def test_app_refuses_to_start_on_broken_content(content_copy):
    (content_copy / "sources.yaml").write_text("- just a list\n")
    with pytest.raises(ContentError, match="mapping"):
        create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)})


def test_missing_content_directory(tmp_path):
    with pytest.raises(ContentError, match="not found"):
        load_content(tmp_path / "nowhere")
