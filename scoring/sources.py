"""The source registry: every figure and word list in content/ points to one of these."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from scoring.yamlfields import read_yaml


@dataclass(frozen=True)
class Source:
    """A published document the site's content is drawn from."""

    id: str
    title: str
    publisher: str
    year: int | None
    url: str
    used_for: str

    @property
    def citation(self) -> str:
        """Title, publisher and year, as the site cites it."""
        year = f", {self.year}" if self.year else ""
        return f"{self.title} ({self.publisher}{year})"


def load_sources(root: Path) -> Mapping[str, Source]:
    """Load content/sources.yaml into an immutable id -> Source mapping."""
    fields = read_yaml(root / "sources.yaml")
    registry = fields.sub("sources")
    out: dict[str, Source] = {}
    for key in registry.keys():  # noqa: SIM118 - Fields is not a dict
        item = registry.sub(key)
        out[key] = Source(
            id=key,
            title=item.str("title"),
            publisher=item.str("publisher"),
            year=item.int("year") if item.has("year") else None,
            url=item.opt_str("url"),
            used_for=item.str("used_for"),
        )
    if not out:
        raise registry.error("", "must list at least one source")
    return MappingProxyType(out)
