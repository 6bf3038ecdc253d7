"""What every API endpoint reads from a request: the ``format`` parameter and a JSON body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from flask import abort, request

from scoring.errors import FieldErrors
from webapp.errors import json_error

# The default; an endpoint may also offer documents: pdf, markdown, text.
JSON = "json"
_SURROGATE = re.compile("[\ud800-\udfff]")


class UnsupportedFormat(FieldErrors):
    """A ``format`` the endpoint does not offer; the message lists the ones it does."""

    code = "invalid_format"

    def __init__(self, value: str, allowed: Sequence[str]) -> None:
        problem = f"Unknown format '{value[:40]}'. Allowed values: {', '.join(allowed)}."
        super().__init__({"format": problem})


def requested_format(*documents: str) -> str:
    """The ``format`` query parameter: ``json`` (the default) or one of ``documents``.

    Anything else raises UnsupportedFormat, which the API answers with one error code.
    """
    value = request.args.get("format", "").strip().lower() or JSON
    allowed = (JSON, *documents)
    if value not in allowed:
        raise UnsupportedFormat(value, allowed)
    return value


def json_object(example: str, alternative: str = "") -> dict[str, Any]:
    """The request's JSON object; anything else is a 400 ``invalid_json`` showing ``example``.

    JSON nested deeper than Python's parser can follow, and strings holding a lone UTF-16
    surrogate (``"\\ud800"``, which no text can be encoded with), are refused the same way.
    """
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        abort(json_error(400, "The JSON is nested too deeply to read.", "invalid_json"))
    if isinstance(body, dict) and _has_surrogate(body):
        abort(
            json_error(
                400,
                "The JSON holds a lone UTF-16 surrogate (such as \\ud800), which is not a "
                "character: send the text as valid Unicode.",
                "invalid_json",
            )
        )
    if not isinstance(body, dict):
        also = f", or {alternative}" if alternative else ""
        abort(
            json_error(
                400,
                f"Send a JSON object such as {example} with Content-Type: application/json{also}.",
                "invalid_json",
            )
        )
    return body


def _has_surrogate(value: Any) -> bool:
    """Whether any string in a parsed JSON value (keys included) holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
