"""Load and validate everything in content/ once, into immutable typed objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scoring.jobdesc import JobDescriptionTexts, load_jobdesc_texts
from scoring.language import GenderLexicon, load_gender_lexicon
from scoring.resume.lexicon import Lexicon, load_lexicon
from scoring.resume.structure import SectionVocabulary, load_section_vocabulary
from scoring.roles import Role, load_roles
from scoring.salary import CompensationData, load_compensation
from scoring.sources import Source, load_sources
from scoring.yamlfields import ContentError

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

__all__ = ["DEFAULT_CONTENT_DIR", "Content", "ContentError", "load_content"]


@dataclass(frozen=True)
class Content:
    """All of the site's knowledge: sources and the data each tool is built from."""

    root: Path
    sources: Mapping[str, Source]
    gender: GenderLexicon
    compensation: CompensationData
    roles: Mapping[str, Role]
    jobdesc_texts: JobDescriptionTexts
    resume_lexicon: Lexicon
    section_vocab: SectionVocabulary


def load_content(root: Path = DEFAULT_CONTENT_DIR) -> Content:
    """Read every content file under ``root``; raise ContentError naming file and field."""
    if not root.is_dir():
        raise ContentError(root, "", "content directory not found")
    sources = load_sources(root)
    return Content(
        root=root,
        sources=sources,
        gender=load_gender_lexicon(root, sources),
        compensation=load_compensation(root, sources),
        roles=load_roles(root, sources),
        jobdesc_texts=load_jobdesc_texts(root),
        resume_lexicon=load_lexicon(root),
        section_vocab=load_section_vocabulary(root),
    )
