"""The career ladder as a main path of steps with specialist branches beside them.

Read from the role content alone: the main path is every role not on the specialist
track, in ladder order; each specialist role is grouped beside the latest main-path role
it can be reached from (its branch point). The page draws this as nested HTML lists
laid out with CSS, so there are no connectors to cross, and the lists are their own text
alternative.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from scoring.roles import Role

SPECIALIST = "specialist"


@dataclass(frozen=True)
class Branch:
    """A specialist role beside its branch point, with the links the path does not show."""

    role: Role
    also_from: tuple[str, ...]  # previous roles other than the branch point
    leads_to: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One step of the main path and the specialist roles that branch from it."""

    number: int
    role: Role
    branches: tuple[Branch, ...]


def ladder_steps(roles: Mapping[str, Role]) -> dict[str, int]:
    """Each role's step: 0 for an entry role, otherwise one more than any role it comes from."""
    steps: dict[str, int] = {}

    def step(slug: str, seen: frozenset[str]) -> int:
        if slug in seen:
            raise ValueError(f"the ladder has a cycle through '{slug}'")
        if slug not in steps:
            previous = [p for p in roles[slug].previous_roles if p in roles]
            steps[slug] = 1 + max((step(p, seen | {slug}) for p in previous), default=-1)
        return steps[slug]

    for slug in roles:
        step(slug, frozenset())
    return steps


def branch_point(slug: str, roles: Mapping[str, Role]) -> str:
    """The latest main-path role (by ladder order) a specialist role can be reached from."""
    found: set[str] = set()
    todo = [p for p in roles[slug].previous_roles if p in roles]
    seen: set[str] = set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if roles[current].track != SPECIALIST:
            found.add(current)
        else:
            todo.extend(p for p in roles[current].previous_roles if p in roles)
    if not found:
        raise ValueError(f"the specialist role '{slug}' cannot be reached from the main path")
    return max(found, key=lambda s: roles[s].order)


def main_path(roles: Mapping[str, Role]) -> tuple[Step, ...]:
    """The main path in ladder order, each step with its specialist branches."""
    steps = ladder_steps(roles)
    path = sorted((r for r in roles.values() if r.track != SPECIALIST), key=lambda r: r.order)
    grouped: dict[str, list[Role]] = {r.slug: [] for r in path}
    for role in roles.values():
        if role.track == SPECIALIST:
            grouped[branch_point(role.slug, roles)].append(role)
    return tuple(
        Step(
            number=i,
            role=role,
            branches=tuple(
                Branch(
                    role=b,
                    also_from=tuple(p for p in b.previous_roles if p != role.slug),
                    leads_to=b.next_roles,
                )
                for b in sorted(grouped[role.slug], key=lambda r: (steps[r.slug], r.order))
            ),
        )
        for i, role in enumerate(path, start=1)
    )


def neighbour_pairs(path: tuple[Step, ...]) -> tuple[tuple[Role, Role], ...]:
    """Pairs worth comparing: each step with the next, each specialist with its branch point."""
    pairs: list[tuple[Role, Role]] = []
    pairs.extend((step.role, following.role) for step, following in itertools.pairwise(path))
    for step in path:
        pairs.extend((step.role, branch.role) for branch in step.branches)
    return tuple(pairs)
