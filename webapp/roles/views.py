"""Role pages: the career ladder, one page per level, and two levels side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import abort, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue

from scoring.roles import Kpi, Role
from scoring.salary import Estimate
from webapp import get_content
from webapp.roles import bp
from webapp.roles.forms import CompareForm
from webapp.roles.ladder import main_path, neighbour_pairs
from webapp.roles.service import national_pay, role_keywords, roles


@dataclass(frozen=True)
class ItemDiff:
    """Items two roles share and those only one of them lists (compared case-insensitively)."""

    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


@dataclass(frozen=True)
class KpiRow:
    """One measure of success and each role's target for it (None where a role lacks it)."""

    name: str
    a: Kpi | None
    b: Kpi | None


@dataclass(frozen=True)
class Comparison:
    """Two roles side by side, with their pay and what differs between them."""

    a: Role
    b: Role
    pay_a: Estimate
    pay_b: Estimate
    hard_skills: ItemDiff
    soft_skills: ItemDiff
    certifications: ItemDiff
    kpis: tuple[KpiRow, ...]
    keywords: ItemDiff

    @property
    def same(self) -> bool:
        """Whether a role is being compared with itself."""
        return self.a.slug == self.b.slug


def optional_url(endpoint: str, **values: Any) -> str | None:
    """A link to another tool's page, or None while that tool is not registered."""
    if endpoint in current_app.view_functions:
        return url_for(endpoint, **values)
    return None


@bp.get("")
def ladder() -> ResponseReturnValue:
    """Every level as the main path with its specialist branches, a table, and the compare form."""
    all_roles = roles()
    return render_template(
        "roles/ladder.html",
        roles=all_roles,
        pay={slug: national_pay(slug) for slug in all_roles},
        path=main_path(all_roles),
        form=CompareForm(all_roles, formdata=None),
    )


@bp.get("/<slug>")
def detail(slug: str) -> ResponseReturnValue:
    """One level: what it does, needs and pays, where it comes from and leads.

    The page depends on nothing but the slug and the content loaded at start-up, so
    each level is rendered once per process and served from memory after that.
    """
    role = roles().get(slug)
    if role is None:
        abort(404)
    pages: dict[str, str] = current_app.extensions.setdefault("role_pages", {})
    if slug not in pages:
        pages[slug] = render_template(
            "roles/detail.html",
            role=role,
            roles=roles(),
            pay=national_pay(slug),
            sources=get_content(current_app).sources,
            estimate_url=optional_url("salaries.estimate", level=slug),
            jobdesc_url=optional_url("jobdesc.builder", role=slug),
            resume_url=optional_url("resume.checker", level=slug),
            keywords=role_keywords(slug),
        )
    return pages[slug]


@bp.get("/compare")
def compare() -> ResponseReturnValue:
    """Two levels side by side; a missing or unknown level is a 400 with the form kept.

    With no level chosen at all, the page is the empty form and pairs worth comparing.
    """
    all_roles = roles()
    if not any(request.args.get(name, "").strip() for name in ("a", "b")):
        form = CompareForm(all_roles, formdata=None)
        pairs = neighbour_pairs(main_path(all_roles))
        return render_template("roles/compare.html", form=form, comparison=None, pairs=pairs)
    form = CompareForm(all_roles, formdata=request.args)
    if not form.validate():
        return render_template("roles/compare.html", form=form, comparison=None), 400
    comparison = compare_roles(all_roles[form.a.data], all_roles[form.b.data])
    return render_template("roles/compare.html", form=form, comparison=comparison)


def item_diff(a: Sequence[str], b: Sequence[str]) -> ItemDiff:
    """Split two lists into shared items (in ``a``'s wording) and items unique to each."""
    in_a = {item.casefold() for item in a}
    in_b = {item.casefold() for item in b}
    return ItemDiff(
        shared=tuple(item for item in a if item.casefold() in in_b),
        only_a=tuple(item for item in a if item.casefold() not in in_b),
        only_b=tuple(item for item in b if item.casefold() not in in_a),
    )


def kpi_rows(a: Role, b: Role) -> tuple[KpiRow, ...]:
    """Every KPI of either role, in ``a``'s order then ``b``'s, with each role's target."""
    by_name_a = {k.name.casefold(): k for k in a.kpis}
    by_name_b = {k.name.casefold(): k for k in b.kpis}
    names = [k.name for k in a.kpis] + [
        k.name for k in b.kpis if k.name.casefold() not in by_name_a
    ]
    return tuple(
        KpiRow(name, by_name_a.get(name.casefold()), by_name_b.get(name.casefold()))
        for name in names
    )


def compare_roles(a: Role, b: Role) -> Comparison:
    """Put two roles side by side."""
    return Comparison(
        a=a,
        b=b,
        pay_a=national_pay(a.slug),
        pay_b=national_pay(b.slug),
        hard_skills=item_diff(a.skills.hard, b.skills.hard),
        soft_skills=item_diff(a.skills.soft, b.skills.soft),
        certifications=item_diff(
            [c.name for c in a.certifications], [c.name for c in b.certifications]
        ),
        kpis=kpi_rows(a, b),
        keywords=item_diff(role_keywords(a.slug), role_keywords(b.slug)),
    )
