"""Load and validate everything in content/ once, into immutable typed objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scoring.language import GenderLexicon, load_gender_lexicon
from scoring.salary import CompensationData, load_compensation
from scoring.sources import Source, load_sources
from scoring.yamlfields import ContentError

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

__all__ = ["DEFAULT_CONTENT_DIR", "Content", "ContentError", "load_content"]


@dataclass(frozen=True)
class Content:
    """All of the site's knowledge: sources and the data each tool is built from."""

    root: Path
    sources: Mapping[str, Source]
    gender: GenderLexicon
    compensation: CompensationData


def load_content(root: Path = DEFAULT_CONTENT_DIR) -> Content:
    """Read every content file under ``root``; raise ContentError naming file and field."""
    if not root.is_dir():
        raise ContentError(root, "", "content directory not found")
    sources = load_sources(root)
    return Content(
        root=root,
        sources=sources,
        gender=load_gender_lexicon(root, sources),
        compensation=load_compensation(root, sources),
    )
