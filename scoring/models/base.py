"""The shared pieces of the content models: the base class, field types, and file loading."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Strict,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)

__all__ = [
    "Bool",
    "ContentError",
    "ContentModel",
    "FieldProblem",
    "Int",
    "Number",
    "OptText",
    "SourceId",
    "Text",
    "exact_keys",
    "load_file",
    "read_yaml",
    "validate",
]


class ContentError(ValueError):
    """A content file is missing, malformed or incomplete."""

    def __init__(self, path: Path | str, field: str, problem: str) -> None:
        self.path = str(path)
        self.field = field
        self.problem = problem
        where = f"field '{field}'" if field else "file"
        super().__init__(f"{self.path}: {where}: {problem}")


class FieldProblem(ValueError):
    """Raised inside a validator to blame a field below the one being validated.

    ``field`` is a dotted path relative to the model (``"max"`` or ``"next_roles[2]"``).
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(problem)


class ContentModel(BaseModel):
    """A frozen model that refuses unknown keys: every content model derives from it.

    An unknown key is named before anything else in its mapping: a misspelt key also
    leaves the field it meant missing, and pydantic would report that first, hiding the typo.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _unknown_keys_first(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            for key in data:
                if key not in cls.model_fields:
                    raise FieldProblem(str(key), _MESSAGES["extra_forbidden"])
        return data


# Field types. Strict, so that YAML's ``yes`` or ``"3"`` is not quietly read as a bool or an int.
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
OptText = Annotated[str, Strict(), StringConstraints(strip_whitespace=True)]
Int = Annotated[int, Strict()]
Bool = Annotated[bool, Strict()]
Number = Annotated[float, Strict()]


def exact_keys(
    where: str, given: Mapping[str, object], expected: Iterable[str], what: str = "key"
) -> None:
    """``given`` (a mapping at the dotted ``where``) must have exactly the keys ``expected``
    lists: a missing one or an unknown one raises FieldProblem naming it."""
    names = list(expected)
    needs = "is required" if what == "key" else f"is required (every {what} needs an entry)"
    for key in names:
        if key not in given:
            raise FieldProblem(f"{where}.{key}", needs)
    for key in given:
        if key not in names:
            raise FieldProblem(f"{where}.{key}", f"is not a known {what} ({', '.join(names)})")


def _known_source(value: str, info: ValidationInfo) -> str:
    """A source id must be a key of sources.yaml (given as ``context["sources"]``)."""
    known = (info.context or {}).get("sources")
    if known is None:
        raise ValueError("cannot be checked: the source registry was not given")
    if value not in known:
        raise ValueError(f"names unknown source '{value}' (known: {', '.join(known)})")
    return value


SourceId = Annotated[Text, AfterValidator(_known_source)]

M = TypeVar("M", bound=BaseModel)


def read_yaml(path: Path) -> Mapping[str, Any]:
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
    return data


def validate(model: type[M], data: Any, path: Path, context: Mapping[str, Any] | None = None) -> M:
    """Validate ``data`` as ``model``; raise ContentError naming ``path`` and the field."""
    try:
        return model.model_validate(data, context=dict(context or {}))
    except ValidationError as exc:
        raise content_error(path, exc) from None


def load_file(model: type[M], path: Path, context: Mapping[str, Any] | None = None) -> M:
    """Read ``path`` and validate it as ``model`` (see ``validate``)."""
    return validate(model, read_yaml(path), path, context)


def dotted(loc: tuple[int | str, ...]) -> str:
    """``("kpis", 0, "target")`` as ``kpis[0].target``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def content_error(path: Path, exc: ValidationError) -> ContentError:
    """The first error of a validation, as a one-line ContentError."""
    error = exc.errors(include_url=False)[0]
    loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
    ctx = error.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, FieldProblem):
        field = ".".join(p for p in (dotted(loc), cause.field) if p).replace(".[", "[")
        return ContentError(path, field, cause.problem)
    return ContentError(path, dotted(loc), _problem(error["type"], error["msg"], ctx))


def _is_union_tag(part: int | str) -> bool:
    """Pydantic adds the member type's name to the location inside a union; drop it."""
    return isinstance(part, str) and (
        part.startswith(("function-", "tagged-union[")) or "[" in part
    )


_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "is not a known field (a typo?)",
    "string_type": "must be a string",
    "string_too_short": "must be a non-empty string",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "bool_type": "must be true or false",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "frozen_set_type": "must be a list",
}


def _problem(kind: str, msg: str, ctx: Mapping[str, Any]) -> str:
    """Pydantic's error, in the words the content messages have always used."""
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "too_short":
        least = ctx.get("min_length")
        return "must list at least one item" if least == 1 else f"must list at least {least} items"
    if kind == "too_long":
        return f"must list at most {ctx.get('max_length')} items"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", msg))
    return msg[:1].lower() + msg[1:]
