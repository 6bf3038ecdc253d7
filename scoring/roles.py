"""The twelve Account Manager roles: load content/roles/*.yaml into immutable typed objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from scoring.sources import Source
from scoring.yamlfields import ContentError, Fields, read_yaml

# The role slugs are part of the public contract (URLs and the JSON API), so the
# loader insists on exactly these files rather than trusting whatever is on disk.
ROLE_SLUGS: tuple[str, ...] = (
    "account-coordinator",
    "junior-account-manager",
    "account-manager",
    "senior-account-manager",
    "key-account-manager",
    "enterprise-account-manager",
    "strategic-account-manager",
    "global-account-manager",
    "technical-account-manager",
    "digital-account-manager",
    "account-director",
    "vp-client-services",
)
TRACKS: tuple[str, ...] = ("core", "specialist", "leadership")
MIN_RESPONSIBILITIES = 6
MAX_RESPONSIBILITIES = 10

__all__ = [
    "ROLE_SLUGS",
    "TRACKS",
    "Certification",
    "Experience",
    "Kpi",
    "Requirements",
    "Role",
    "RoleFact",
    "Skills",
    "load_role",
    "load_roles",
]


@dataclass(frozen=True)
class Experience:
    """Typical years of experience for a role; ``max`` is None for an open-ended "N+"."""

    min: int
    max: int | None
    source: str
    note: str = ""

    @property
    def label(self) -> str:
        """The range as a reader sees it, e.g. ``3-5`` or ``6+``."""
        return f"{self.min}+" if self.max is None else f"{self.min}-{self.max}"


@dataclass(frozen=True)
class Skills:
    """The hard (technical) and soft (interpersonal) skills a role calls for."""

    hard: tuple[str, ...]
    soft: tuple[str, ...]


@dataclass(frozen=True)
class Certification:
    """A credential the sources tie to a role; ``issuer`` is empty where no source names one."""

    name: str
    issuer: str
    note: str
    source: str


@dataclass(frozen=True)
class Kpi:
    """A measure of success with its published target."""

    name: str
    target: str
    source: str


@dataclass(frozen=True)
class Requirements:
    """What a job posting for the role asks for."""

    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]


@dataclass(frozen=True)
class RoleFact:
    """A figure or finding about the role, as one source publishes it."""

    text: str
    source: str


@dataclass(frozen=True)
class Role:
    """One rung or branch of the Account Manager career ladder."""

    slug: str
    title: str
    order: int
    track: str
    summary: str
    years: Experience
    responsibilities: tuple[str, ...]
    skills: Skills
    education: str
    certifications: tuple[Certification, ...]
    kpis: tuple[Kpi, ...]
    requirements: Requirements
    facts: tuple[RoleFact, ...]
    next_roles: tuple[str, ...]
    previous_roles: tuple[str, ...]
    sources: tuple[str, ...]


def _list_present(fields: Fields, field: str) -> None:
    """Require a list field to be written out, even when it may be empty."""
    if field not in fields.data:
        raise fields.error(field, "is required (write [] when there is nothing to list)")


def _experience(fields: Fields, known: Mapping[str, Source]) -> Experience:
    """Read the ``years`` mapping."""
    years = fields.sub("years")
    low = years.int("min", minimum=0)
    if "max" not in years.data:
        raise years.error("max", "is required (write null for an open-ended 'N+' range)")
    high = years.int("max", minimum=low) if years.has("max") else None
    return Experience(
        min=low, max=high, source=years.source("source", known), note=years.opt_str("note")
    )


def _certifications(fields: Fields, known: Mapping[str, Source]) -> tuple[Certification, ...]:
    """Read the ``certifications`` list (may be empty)."""
    _list_present(fields, "certifications")
    return tuple(
        Certification(
            name=item.str("name"),
            issuer=item.opt_str("issuer"),
            note=item.str("note"),
            source=item.source("source", known),
        )
        for item in fields.list_of("certifications", min_len=0)
    )


def _kpis(fields: Fields, known: Mapping[str, Source]) -> tuple[Kpi, ...]:
    """Read the ``kpis`` list (at least one)."""
    return tuple(
        Kpi(name=item.str("name"), target=item.str("target"), source=item.source("source", known))
        for item in fields.list_of("kpis")
    )


def _facts(fields: Fields, known: Mapping[str, Source]) -> tuple[RoleFact, ...]:
    """Read the ``facts`` list (may be empty)."""
    _list_present(fields, "facts")
    return tuple(
        RoleFact(text=item.str("text"), source=item.source("source", known))
        for item in fields.list_of("facts", min_len=0)
    )


def _slug_list(fields: Fields, field: str) -> tuple[str, ...]:
    """Read a list of role slugs (may be empty), each of which must be a known role."""
    _list_present(fields, field)
    slugs = fields.str_list(field, min_len=0)
    for i, slug in enumerate(slugs):
        if slug not in ROLE_SLUGS:
            raise fields.error(
                f"{field}[{i}]", f"names unknown role '{slug}' (known: {', '.join(ROLE_SLUGS)})"
            )
        if slug == fields.data.get("slug"):
            raise fields.error(f"{field}[{i}]", "a role cannot lead to itself")
    return slugs


def load_role(path: Path, sources: Mapping[str, Source]) -> Role:
    """Read and validate one role file; the file name must match its ``slug``."""
    fields = read_yaml(path)
    slug = fields.choice("slug", ROLE_SLUGS)
    if slug != path.stem:
        raise fields.error("slug", f"must match the file name '{path.stem}' (got '{slug}')")
    skills = fields.sub("skills")
    requirements = fields.sub("requirements")
    return Role(
        slug=slug,
        title=fields.str("title"),
        order=fields.int("order", minimum=1),
        track=fields.choice("track", TRACKS),
        summary=fields.str("summary"),
        years=_experience(fields, sources),
        responsibilities=fields.str_list(
            "responsibilities", min_len=MIN_RESPONSIBILITIES, max_len=MAX_RESPONSIBILITIES
        ),
        skills=Skills(hard=skills.str_list("hard"), soft=skills.str_list("soft")),
        education=fields.str("education"),
        certifications=_certifications(fields, sources),
        kpis=_kpis(fields, sources),
        requirements=Requirements(
            must_have=requirements.str_list("must_have"),
            nice_to_have=requirements.str_list("nice_to_have"),
        ),
        facts=_facts(fields, sources),
        next_roles=_slug_list(fields, "next_roles"),
        previous_roles=_slug_list(fields, "previous_roles"),
        sources=fields.source_list("sources", sources),
    )


def _check_ladder(roles: Mapping[str, Role], paths: Mapping[str, Path]) -> None:
    """Orders are 1..N without gaps, and every link is mirrored by the role it points to."""
    by_order: dict[int, str] = {}
    for slug, role in roles.items():
        if role.order > len(ROLE_SLUGS):
            raise ContentError(paths[slug], "order", f"must be at most {len(ROLE_SLUGS)}")
        if role.order in by_order:
            raise ContentError(
                paths[slug], "order", f"{role.order} is already used by '{by_order[role.order]}'"
            )
        by_order[role.order] = slug
    for slug, role in roles.items():
        for i, nxt in enumerate(role.next_roles):
            if slug not in roles[nxt].previous_roles:
                raise ContentError(
                    paths[slug],
                    f"next_roles[{i}]",
                    f"leads to '{nxt}', but {paths[nxt].name} does not list '{slug}' "
                    "in previous_roles",
                )
        for i, prev in enumerate(role.previous_roles):
            if slug not in roles[prev].next_roles:
                raise ContentError(
                    paths[slug],
                    f"previous_roles[{i}]",
                    f"comes from '{prev}', but {paths[prev].name} does not list '{slug}' "
                    "in next_roles",
                )


def load_roles(root: Path, sources: Mapping[str, Source]) -> Mapping[str, Role]:
    """Load content/roles/ (``root`` is the content directory), ordered by ladder position."""
    folder = root / "roles"
    if not folder.is_dir():
        raise ContentError(folder, "", "roles directory not found")
    on_disk = {p.stem: p for p in sorted(folder.glob("*.yaml"))}
    for stem, path in on_disk.items():
        if stem not in ROLE_SLUGS:
            raise ContentError(
                path, "", f"is not one of the twelve roles ({', '.join(ROLE_SLUGS)})"
            )
    for slug in ROLE_SLUGS:
        if slug not in on_disk:
            raise ContentError(folder / f"{slug}.yaml", "", "is missing: every role needs a file")
    roles = {slug: load_role(on_disk[slug], sources) for slug in ROLE_SLUGS}
    _check_ladder(roles, on_disk)
    ordered = sorted(roles.values(), key=lambda role: role.order)
    return MappingProxyType({role.slug: role for role in ordered})
