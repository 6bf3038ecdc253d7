"""The model of content/roles/<slug>.yaml: one rung or branch of the career ladder."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, ValidationInfo, model_validator

from scoring.models.base import ContentModel, FieldProblem, Int, OptText, SourceId, Text

__all__ = [
    "MAX_RESPONSIBILITIES",
    "MIN_RESPONSIBILITIES",
    "TRACKS",
    "Certification",
    "Experience",
    "Kpi",
    "Requirements",
    "Role",
    "RoleFact",
    "Skills",
]

Track = Literal["core", "specialist", "leadership"]
TRACKS: tuple[str, ...] = get_args(Track)
MIN_RESPONSIBILITIES = 6
MAX_RESPONSIBILITIES = 10


def _known_level(value: str, info: ValidationInfo) -> str:
    """A role slug must be one of the levels given as ``context["levels"]``."""
    levels = (info.context or {}).get("levels")
    if levels is not None and value not in levels:
        raise ValueError(f"names unknown role '{value}' (known: {', '.join(levels)})")
    return value


RoleSlug = Annotated[Text, AfterValidator(_known_level)]


class Experience(ContentModel):
    """Typical years of experience for a role; ``max`` is None for an open-ended "N+"."""

    min: Int = Field(ge=0)
    max: Int | None
    source: SourceId
    note: OptText = ""

    @model_validator(mode="before")
    @classmethod
    def _max_written_out(cls, data: Any) -> Any:
        if isinstance(data, dict) and "max" not in data:
            raise FieldProblem("max", "is required (write null for an open-ended 'N+' range)")
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Experience:
        if self.max is not None and self.max < self.min:
            raise FieldProblem("max", f"must be at least {self.min}")
        return self

    @property
    def label(self) -> str:
        """The range as a reader sees it, e.g. ``3-5`` or ``6+``."""
        return f"{self.min}+" if self.max is None else f"{self.min}-{self.max}"


class Skills(ContentModel):
    """The hard (technical) and soft (interpersonal) skills a role calls for."""

    hard: tuple[Text, ...] = Field(min_length=1)
    soft: tuple[Text, ...] = Field(min_length=1)


class Certification(ContentModel):
    """A credential the sources tie to a role; ``issuer`` is empty where no source names one."""

    name: Text
    issuer: OptText = ""
    note: Text
    source: SourceId


class Kpi(ContentModel):
    """A measure of success with its published target."""

    name: Text
    target: Text
    source: SourceId


class Requirements(ContentModel):
    """What a job posting for the role asks for."""

    must_have: tuple[Text, ...] = Field(min_length=1)
    nice_to_have: tuple[Text, ...] = Field(min_length=1)


class RoleFact(ContentModel):
    """A figure or finding about the role, as one source publishes it."""

    text: Text
    source: SourceId


class Role(ContentModel):
    """One rung or branch of the Account Manager career ladder.

    Lists that may be empty (certifications, facts, next and previous roles) must still
    be written out (``[]``), so a forgotten key is not mistaken for "none".
    """

    slug: RoleSlug
    title: Text
    order: Int = Field(ge=1)
    track: Track
    summary: Text
    years: Experience
    responsibilities: tuple[Text, ...] = Field(
        min_length=MIN_RESPONSIBILITIES, max_length=MAX_RESPONSIBILITIES
    )
    skills: Skills
    education: Text
    certifications: tuple[Certification, ...]
    kpis: tuple[Kpi, ...] = Field(min_length=1)
    requirements: Requirements
    facts: tuple[RoleFact, ...]
    next_roles: tuple[RoleSlug, ...]
    previous_roles: tuple[RoleSlug, ...]
    sources: tuple[SourceId, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_self_links(self) -> Role:
        for field in ("next_roles", "previous_roles"):
            for i, slug in enumerate(getattr(self, field)):
                if slug == self.slug:
                    raise FieldProblem(f"{field}[{i}]", "a role cannot lead to itself")
        return self
