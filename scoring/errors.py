"""The error every check of user input raises: the fields at fault, each with its message."""

from __future__ import annotations

from collections.abc import Mapping


class FieldErrors(ValueError):
    """Values refused field by field; ``fields`` maps each field's name to what is wrong.

    ``code`` is the stable machine code the JSON API answers with; a subclass names a
    more specific one where a client can act on it (an unreadable file, say).
    """

    code: str = "validation_error"

    def __init__(self, fields: Mapping[str, str], message: str = "") -> None:
        self.fields: dict[str, str] = dict(fields)
        self.message = message or "; ".join(
            f"{name}: {problem}" for name, problem in self.fields.items()
        )
        super().__init__(self.message)
