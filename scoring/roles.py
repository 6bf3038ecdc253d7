"""The twelve Account Manager roles: load content/roles/*.yaml into immutable typed objects."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from scoring.models.base import ContentError, read_yaml, validate
from scoring.models.roles import (
    MAX_RESPONSIBILITIES,
    MIN_RESPONSIBILITIES,
    TRACKS,
    Certification,
    Experience,
    Kpi,
    Requirements,
    Role,
    RoleFact,
    Skills,
)
from scoring.sources import Source

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
# The level every tool starts on when the user has not chosen one.
DEFAULT_ROLE = "account-manager"

__all__ = [
    "DEFAULT_ROLE",
    "MAX_RESPONSIBILITIES",
    "MIN_RESPONSIBILITIES",
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


def load_role(path: Path, sources: Mapping[str, Source]) -> Role:
    """Read and validate one role file; the file name must match its ``slug``."""
    data = read_yaml(path)
    slug = data.get("slug")
    if slug in ROLE_SLUGS and slug != path.stem:
        raise ContentError(path, "slug", f"must match the file name '{path.stem}' (got '{slug}')")
    return validate(Role, data, path, {"sources": sources, "levels": ROLE_SLUGS})


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
