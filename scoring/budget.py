"""A work budget for text before the NLP pipeline sees it.

spaCy's tokenizer splits prefixes and suffixes off a token one character at a time, so
one long run without spaces (``")" * 20000``) costs time quadratic in its length. No word
of a resume or a posting is that long: a run of more than ``MAX_RUN`` characters without a
space is cut into pieces of ``MAX_RUN`` for tagging (the text shown to the user keeps
its own spelling). That keeps every token, and the whole pass, linear in the text.
"""

from __future__ import annotations

import re

__all__ = [
    "MAX_JUDGED_BULLETS",
    "MAX_POSTING_TOKENS",
    "MAX_RUN",
    "TextBudgetError",
    "split_long_runs",
]

# Longer than any real word, e-mail address or ordinary link.
MAX_RUN = 64
# Bullets judged in one resume (and listed in its PDF report); real resumes have 10 to 60.
MAX_JUDGED_BULLETS = 150
# Tokens of a job posting sent through the parser. A long real posting (20,000 characters)
# has about 4,500; text made mostly of punctuation has one token a character.
MAX_POSTING_TOKENS = 6000


class TextBudgetError(ValueError):
    """Text that would cost more work than any real input: ``field`` says which, and the
    message says why in the user's words."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def split_long_runs(text: str) -> str:
    """``text`` with every run of more than ``MAX_RUN`` non-space characters cut by spaces."""
    return _LONG_RUN.sub(
        lambda m: " ".join(m.group(0)[i : i + MAX_RUN] for i in range(0, len(m.group(0)), MAX_RUN)),
        text,
    )
