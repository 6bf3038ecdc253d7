"""Load and validate everything in content/ once, into immutable typed objects.

Each file is read through its pydantic model (``scoring/models/``): an unknown key, a
wrong type, a missing field, a source id not in sources.yaml, or a level missing from one
of the files that list levels stops start-up with a ``ContentError`` naming the file and
the dotted field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scoring.jobdesc import JobDescriptionTexts, load_jobdesc_texts
from scoring.language import GenderLexicon, load_gender_lexicon
from scoring.models.base import ContentError
from scoring.models.rubric import Rubric, load_rubric
from scoring.pay_transparency import PayTransparencyFile, load_pay_transparency
from scoring.resume.language_id import LanguageProfiles, load_language_profiles
from scoring.resume.lexicon import Lexicon, load_lexicon
from scoring.resume.structure import SectionVocabulary, load_section_vocabulary
from scoring.roles import ROLE_SLUGS, Role, load_roles
from scoring.salary import CompensationData, load_compensation
from scoring.sources import Source, load_sources

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
    languages: LanguageProfiles
    #: How a bullet is judged, in the site's words (content/rubric.yaml).
    rubric: Rubric
    #: Pay-range-in-posting laws (content/pay_transparency.yaml).
    pay_transparency: PayTransparencyFile


def load_content(root: Path = DEFAULT_CONTENT_DIR) -> Content:
    """Read every content file under ``root``; raise ContentError naming file and field.

    The role files, compensation.yaml and the resume lexicon must all list the same
    levels: the role slugs of the public contract (``scoring.roles.ROLE_SLUGS``).
    """
    if not root.is_dir():
        raise ContentError(root, "", "content directory not found")
    sources = load_sources(root)
    return Content(
        root=root,
        sources=sources,
        gender=load_gender_lexicon(root, sources),
        compensation=load_compensation(root, sources, levels=ROLE_SLUGS),
        roles=load_roles(root, sources),
        jobdesc_texts=load_jobdesc_texts(root, sources),
        resume_lexicon=load_lexicon(root, levels=ROLE_SLUGS, sources=sources),
        section_vocab=load_section_vocabulary(root, sources=sources),
        languages=load_language_profiles(root, sources),
        rubric=load_rubric(root, sources),
        pay_transparency=load_pay_transparency(root, sources),
    )
