"""The model of content/sources.yaml: the registry every figure and word list cites."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from scoring.models.base import ContentModel, FieldProblem, Int, OptText, Text

__all__ = ["Source", "SourcesFile"]


class Source(ContentModel):
    """A published document the site's content is drawn from; ``id`` is its key in the file."""

    id: Text
    title: Text
    publisher: Text
    year: Int | None = None
    url: OptText = ""
    used_for: Text

    @property
    def citation(self) -> str:
        """Title, publisher and year, as the site cites it."""
        year = f", {self.year}" if self.year else ""
        return f"{self.title} ({self.publisher}{year})"

    @property
    def host(self) -> str:
        """The web site the link leads to, without ``www.`` (empty when there is no link)."""
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        """A link is a full http(s) address with a host, or left out."""
        parts = urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.hostname):
            raise ValueError("must be a full http:// or https:// address")
        return value


class SourcesFile(ContentModel):
    """content/sources.yaml."""

    sources: dict[str, Source] = Field(min_length=1)

    @field_validator("sources", mode="before")
    @classmethod
    def _ids_from_keys(cls, value: Any) -> Any:
        """Each entry's id is its key; an ``id`` written inside an entry is refused."""
        if not isinstance(value, Mapping):
            return value
        out: dict[Any, Any] = {}
        for key, item in value.items():
            if isinstance(item, Mapping):
                if "id" in item:
                    raise FieldProblem(f"{key}.id", "is not a known field (the key is the id)")
                item = {"id": key, **item}
            out[key] = item
        return out
