"""Read YAML content files into typed values, naming the file and field on any fault."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from scoring.models.base import ContentError

# Aliases: Fields has methods named str, int and bool, which shadow the builtins
# inside the class body.
Text = str
Int = int
Bool = bool


def read_yaml(path: Path) -> Fields:
    """Parse one YAML file whose top level must be a mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(path, "", f"cannot be read ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError(path, "", f"is not valid YAML ({exc})") from exc
    if not isinstance(data, Mapping):
        raise ContentError(path, "", "must hold a mapping at the top level")
    return Fields(data, path)


class Fields:
    """A validating view of one mapping in a content file.

    Every accessor raises ContentError naming the file and the dotted field path.
    """

    def __init__(self, data: Mapping[Text, Any], path: Path, prefix: Text = "") -> None:
        self.data = data
        self.path = path
        self.prefix = prefix

    def name(self, field: Text) -> Text:
        """The dotted path of a field, for messages."""
        return f"{self.prefix}.{field}" if self.prefix else field

    def error(self, field: Text, problem: Text) -> ContentError:
        """An error about one field of this mapping."""
        return ContentError(self.path, self.name(field), problem)

    def has(self, field: Text) -> Bool:
        """Whether the field is present and not null."""
        return self.data.get(field) is not None

    def keys(self) -> list[Text]:
        """The keys of this mapping, in file order."""
        return [str(k) for k in self.data]

    def raw(self, field: Text) -> Any:
        """The value of a required field, unchecked."""
        if field not in self.data or self.data[field] is None:
            raise self.error(field, "is required")
        return self.data[field]

    def str(self, field: Text) -> Text:
        """A required, non-empty string."""
        value = self.raw(field)
        if not isinstance(value, str) or not value.strip():
            raise self.error(field, "must be a non-empty string")
        return value.strip()

    def opt_str(self, field: Text, default: Text = "") -> Text:
        """An optional string."""
        return self.str(field) if self.has(field) else default

    def int(self, field: Text, minimum: Int | None = None) -> Int:
        """A required integer, optionally bounded below."""
        value = self.raw(field)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(field, "must be a whole number")
        if minimum is not None and value < minimum:
            raise self.error(field, f"must be at least {minimum}")
        return value

    def number(self, field: Text) -> float:
        """A required number (integer or decimal)."""
        value = self.raw(field)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(field, "must be a number")
        return float(value)

    def opt_number(self, field: Text) -> float | None:
        """An optional number."""
        return self.number(field) if self.has(field) else None

    def bool(self, field: Text, default: Bool | None = None) -> Bool:
        """A boolean; required unless a default is given."""
        if not self.has(field):
            if default is None:
                raise self.error(field, "is required")
            return default
        value = self.data[field]
        if not isinstance(value, bool):
            raise self.error(field, "must be true or false")
        return value

    def choice(self, field: Text, allowed: Iterable[Text]) -> Text:
        """A string that must be one of the allowed values."""
        allowed = list(allowed)
        value = self.str(field)
        if value not in allowed:
            raise self.error(field, f"must be one of {', '.join(allowed)} (got '{value}')")
        return value

    def str_list(
        self, field: Text, min_len: Int = 1, max_len: Int | None = None
    ) -> tuple[Text, ...]:
        """A list of non-empty strings with a length within bounds."""
        value = self.raw(field) if min_len else (self.data.get(field) or [])
        if not isinstance(value, list):
            raise self.error(field, "must be a list")
        items: list[Text] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"{field}[{i}]", "must be a non-empty string")
            items.append(item.strip())
        if len(items) < min_len:
            raise self.error(field, f"must list at least {min_len} item(s)")
        if max_len is not None and len(items) > max_len:
            raise self.error(field, f"must list at most {max_len} items")
        return tuple(items)

    def sub(self, field: Text) -> Fields:
        """A required nested mapping."""
        value = self.raw(field)
        if not isinstance(value, Mapping):
            raise self.error(field, "must be a mapping")
        return Fields(value, self.path, self.name(field))

    def list_of(self, field: Text, min_len: Int = 1) -> list[Fields]:
        """A list of mappings."""
        value = self.raw(field) if min_len else (self.data.get(field) or [])
        if not isinstance(value, list):
            raise self.error(field, "must be a list")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, Mapping):
                raise self.error(f"{field}[{i}]", "must be a mapping")
            out.append(Fields(item, self.path, self.name(f"{field}[{i}]")))
        if len(out) < min_len:
            raise self.error(field, f"must list at least {min_len} item(s)")
        return out

    def source(self, field: Text, known: Mapping[Text, object]) -> Text:
        """A source id that must exist in the source registry."""
        value = self.str(field)
        if value not in known:
            raise self.error(field, f"names unknown source '{value}' (known: {', '.join(known)})")
        return value

    def source_list(self, field: Text, known: Mapping[Text, object]) -> tuple[Text, ...]:
        """A non-empty list of known source ids."""
        ids = self.str_list(field)
        for i, value in enumerate(ids):
            if value not in known:
                raise self.error(f"{field}[{i}]", f"names unknown source '{value}'")
        return ids
