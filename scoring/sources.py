"""The source registry: every figure and word list in content/ points to one of these."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from scoring.models.base import load_file
from scoring.models.sources import Source, SourcesFile

__all__ = ["Source", "load_sources"]


def load_sources(root: Path) -> Mapping[str, Source]:
    """Load content/sources.yaml into an immutable id -> Source mapping."""
    return MappingProxyType(dict(load_file(SourcesFile, root / "sources.yaml").sources))
