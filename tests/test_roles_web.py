"""Request tests of the role pages (ladder, detail, compare), their API and the main path."""

from __future__ import annotations

import html
import itertools
import re

import pytest

from scoring.roles import ROLE_SLUGS
from scoring.salary import SalaryProfile, estimate_salary
from webapp.roles.ladder import main_path, neighbour_pairs


def content(app):
    return app.extensions["content"]


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))
    return re.sub(r"\s*\u2013\s*", "\u2013", re.sub(r"\s+", " ", plain))


def money_range(low: float, high: float) -> str:
    return f"${low:,.0f}\u2013${high:,.0f}"


def national(app, slug: str):
    return estimate_salary(SalaryProfile(level=slug), content(app).compensation)


def section(page: str, css_class: str) -> list[str]:
    """The inner HTML of every <section> whose class list includes ``css_class``."""
    pattern = rf'<section class="[^"]*\b{css_class}\b[^"]*"[^>]*>(.*?)</section>'
    return re.findall(pattern, page, flags=re.S)


# --------------------------------------------------------------------------- ladder


def ladder_html(page: str) -> str:
    """The markup of the ladder: the main path's ordered list and everything in it."""
    start = page.index('<ol class="ladder-path"')
    return page[start : page.index("</figure>", start)]


def test_ladder_lists_every_level_with_a_link_in_the_ladder_and_the_table(client, app):
    response = client.get("/roles")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    ladder = ladder_html(page)
    table = page[page.index('<table class="stack-sm role-table">') :]
    for slug, role in content(app).roles.items():
        link = f'<a class="rung-title" href="/roles/{slug}">{html.escape(role.title)}</a>'
        assert ladder.count(link) == 1, slug
        assert f'<a href="/roles/{slug}">{html.escape(role.title)}</a>' in table, slug
    assert len(content(app).roles) == 12
    assert "<svg" not in ladder  # lists, not a drawing: no connectors to cross


def test_ladder_cards_show_years_and_the_estimators_national_base_range(client, app):
    plain = text_of(client.get("/roles"))
    for slug, role in content(app).roles.items():
        base = national(app, slug).base
        assert f"{role.title} {role.years.label} years {money_range(base.low, base.high)}" in (
            plain
        ), slug


def test_ladder_page_has_a_labelled_get_compare_form(client):
    page = client.get("/roles").get_data(as_text=True)
    form = re.search(r'<form[^>]*action="/roles/compare"[^>]*>(.*?)</form>', page, re.S)
    assert form and 'method="get"' in form.group(0)
    for name, label in (("a", "First role"), ("b", "Second role")):
        assert f'<label for="{name}">{label}</label>' in form.group(1)
        assert f'<select id="{name}" name="{name}"' in form.group(1)
    assert 'name="csrf_token"' not in form.group(1)


# --------------------------------------------------------------------------- main path


def test_main_path_is_every_non_specialist_role_in_ladder_order(app):
    roles = content(app).roles
    path = main_path(roles)
    expected = [r.slug for r in roles.values() if r.track != "specialist"]
    assert [step.role.slug for step in path] == sorted(expected, key=lambda s: roles[s].order)
    assert [step.number for step in path] == list(range(1, len(path) + 1))
    # Each step leads to the next: the path is one line, not a guess from the order.
    for step, following in itertools.pairwise(path):
        assert following.role.slug in step.role.next_roles


def test_every_specialist_sits_once_beside_a_main_path_role_it_can_be_reached_from(app):
    roles = content(app).roles
    path = main_path(roles)
    placed = [(step.role.slug, b.role.slug) for step in path for b in step.branches]
    specialists = {s for s, r in roles.items() if r.track == "specialist"}
    assert sorted(slug for _, slug in placed) == sorted(specialists)
    on_path = [step.role.slug for step in path]
    for point, slug in placed:
        # The branch point is an ancestor on the main path, and no later one is.
        ancestors, todo = set(), list(roles[slug].previous_roles)
        while todo:
            current = todo.pop()
            if current not in ancestors:
                ancestors.add(current)
                todo.extend(roles[current].previous_roles)
        main_ancestors = [s for s in on_path if s in ancestors]
        assert point == main_ancestors[-1], slug


def test_branch_links_are_the_content_links_the_path_does_not_show(app):
    roles = content(app).roles
    for step in main_path(roles):
        for branch in step.branches:
            role = roles[branch.role.slug]
            assert branch.leads_to == role.next_roles
            assert set(branch.also_from) == set(role.previous_roles) - {step.role.slug}


def test_a_specialist_with_no_way_from_the_main_path_is_refused(app):
    roles = dict(content(app).roles)
    lonely = roles["digital-account-manager"].model_copy(update={"previous_roles": ()})
    roles["digital-account-manager"] = lonely
    with pytest.raises(ValueError, match="digital-account-manager"):
        main_path(roles)


def test_ladder_page_groups_branches_beside_their_step(client, app):
    page = client.get("/roles").get_data(as_text=True)
    ladder = ladder_html(page)
    steps = re.findall(
        r'<li class="ladder-step[^"]*">(.*?)(?=<li class="ladder-step|</ol>)', ladder, re.S
    )
    path = main_path(content(app).roles)
    assert len(steps) == len(path)
    for markup, step in zip(steps, path, strict=True):
        branch_links = re.findall(r'class="rung-title" href="/roles/([a-z-]+)"', markup)
        assert branch_links == [step.role.slug] + [b.role.slug for b in step.branches]


# --------------------------------------------------------------------------- detail


@pytest.mark.parametrize("slug", ROLE_SLUGS)
def test_role_page_shows_the_role_and_the_estimators_pay(client, app, slug):
    role = content(app).roles[slug]
    response = client.get(f"/roles/{slug}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    plain = text_of(response)
    assert page.count("<h1") == 1
    assert f"<h1>{html.escape(role.title)}</h1>" in page
    for item in role.responsibilities + role.skills.hard + role.skills.soft:
        assert html.unescape(html.escape(item)) in plain, item
    for kpi in role.kpis:
        assert kpi.target in plain
    pay = national(app, slug)
    assert money_range(pay.base.low, pay.base.high) in plain
    assert money_range(pay.total_cash.low, pay.total_cash.high) in plain
    for figure in pay.by_source:
        shown = (
            money_range(figure.low, figure.high)
            if figure.kind == "range"
            else f"${figure.low:,.0f}"
        )
        assert f"{figure.label} {shown}" in plain, figure
    for other in role.next_roles + role.previous_roles:
        assert f'href="/roles/{other}"' in page
    for source in role.sources:
        assert f'href="/sources#{source}"' in page


def test_role_page_links_to_the_salary_estimate_and_the_job_description_builder(client, app):
    page = client.get("/roles/key-account-manager").get_data(as_text=True)
    if "salaries.estimate" in app.view_functions:
        assert 'href="/salaries/estimate?level=key-account-manager"' in page
    if "jobdesc.builder" in app.view_functions:
        assert "Write a job description for this level" in page
    else:
        assert "Write a job description for this level" not in page
    assert 'href="/resume?level=key-account-manager">Check a resume against this level' in page


def test_a_role_page_is_rendered_once_per_process(client, app):
    from flask import template_rendered

    first = client.get("/roles/global-account-manager")
    app.extensions["role_pages"].pop("digital-account-manager", None)  # as if never seen
    rendered: list[str] = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    with template_rendered.connected_to(record, app):
        again = client.get("/roles/global-account-manager")
        other = client.get("/roles/digital-account-manager")
    assert again.status_code == 200 and again.data == first.data
    assert rendered == ["roles/detail.html"], "only the level not seen before is rendered"
    assert b"Digital Account Manager" in other.data


def test_role_page_shows_the_years_note(client, app):
    role = content(app).roles["account-manager"]
    assert role.years.note
    assert role.years.note in text_of(client.get("/roles/account-manager"))


def test_unknown_role_is_a_404_page(client):
    response = client.get("/roles/chief-happiness-officer")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "Page not found" in response.get_data(as_text=True)


# --------------------------------------------------------------------------- compare


def test_compare_shows_both_roles_and_sorts_skills_into_shared_and_unique(client, app):
    a = content(app).roles["account-manager"]
    b = content(app).roles["senior-account-manager"]
    response = client.get("/roles/compare?a=account-manager&b=senior-account-manager")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert a.title in page and b.title in page
    hard_a = {s.casefold() for s in a.skills.hard}
    hard_b = {s.casefold() for s in b.skills.hard}
    shared, only_a, only_b = (
        section(page, "diff-shared")[0],
        section(page, "diff-only-a")[0],
        section(page, "diff-only-b")[0],
    )
    assert hard_a & hard_b, "the fixture pair should share a hard skill"
    for skill in a.skills.hard:
        target = shared if skill.casefold() in hard_b else only_a
        assert f"<li>{html.escape(skill)}</li>" in target, skill
    for skill in b.skills.hard:
        if skill.casefold() not in hard_a:
            assert f"<li>{html.escape(skill)}</li>" in only_b, skill
            assert f"<li>{html.escape(skill)}</li>" not in shared
    pay_a, pay_b = national(app, a.slug), national(app, b.slug)
    plain = text_of(response)
    assert money_range(pay_a.base.low, pay_a.base.high) in plain
    assert money_range(pay_b.base.low, pay_b.base.high) in plain


def test_role_page_lists_the_resume_keywords_its_skills_name(client):
    page = client.get("/roles/account-coordinator").get_data(as_text=True)
    chips = re.search(r'<ul class="keyword-chips">(.*?)</ul>', page, re.S)
    assert chips, "the role page should list its resume keywords"
    listed = re.findall(r"<li>(.*?)</li>", chips.group(1))
    # "Basic CRM use (Salesforce, HubSpot)" and "Organization and time management".
    for keyword in ("Salesforce", "HubSpot", "Time Management"):
        assert keyword in listed
    # Nothing the coordinator's wording does not name: no upselling at this level.
    assert "Upselling" not in listed
    assert f"name {len(listed)} of the ATS keywords" in page
    assert 'href="/resume?level=account-coordinator">resume checker</a>' in page


def test_compare_meets_differently_worded_skills_at_their_keyword(client, app):
    # "Negotiation and conflict resolution" and "Negotiation" are different skills on
    # paper, and both name the keyword Negotiation.
    page = client.get("/roles/compare?a=account-manager&b=senior-account-manager").get_data(
        as_text=True
    )
    assert re.search(r'<h2 id="keywords">Resume keywords</h2>', page)
    shared = section(page, "diff-shared")[2]
    only_a = section(page, "diff-only-a")[2]
    only_b = section(page, "diff-only-b")[2]
    for keyword in ("Negotiation", "Contract Negotiation", "Salesforce", "Forecasting"):
        assert f"<li>{keyword}</li>" in shared
    assert "<li>Upselling</li>" in only_a
    assert "<li>Leadership</li>" in only_b
    assert "<li>Leadership</li>" not in shared


def test_compare_lists_every_kpi_of_either_role(client, app):
    a = content(app).roles["account-coordinator"]
    b = content(app).roles["vp-client-services"]
    plain = text_of(client.get(f"/roles/compare?a={a.slug}&b={b.slug}"))
    for kpi in a.kpis + b.kpis:
        assert kpi.name in plain and kpi.target in plain


def test_compare_a_role_with_itself_is_allowed_with_a_note(client):
    response = client.get("/roles/compare?a=account-manager&b=account-manager")
    assert response.status_code == 200
    assert "You chose Account Manager twice" in text_of(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?b=senior-account-manager", "Choose the first role to compare."),
        ("?a=account-manager", "Choose the second role to compare."),
        ("?a=account-manager&b=", "Choose the second role to compare."),
        ("?a=account-manager&b=astronaut", "There is no role called 'astronaut'."),
    ],
)
def test_compare_with_a_missing_or_unknown_role_is_a_400_with_the_form_kept(client, query, message):
    response = client.get("/roles/compare" + query)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in html.unescape(page)
    assert 'role="alert"' in page
    if "a=account-manager" in query:
        assert '<option selected value="account-manager">' in page


@pytest.mark.parametrize("query", ["", "?a=&b=", "?a=+&b="])
def test_compare_with_no_role_chosen_is_an_empty_form_not_an_error(client, app, query):
    response = client.get("/roles/compare" + query)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'role="alert"' not in page and "alert-error" not in page
    assert "field-error" not in page
    assert "Choose two levels" in page
    assert '<select id="a" name="a"' in page and '<select id="b" name="b"' in page
    # Pairs worth comparing, each a link to its comparison, drawn from the ladder.
    pairs = neighbour_pairs(main_path(content(app).roles))
    assert len(pairs) == len(content(app).roles) - 1
    for a, b in pairs:
        assert f'href="/roles/compare?a={a.slug}&amp;b={b.slug}"' in page, (a.slug, b.slug)


def test_a_suggested_pair_compares_a_level_with_the_next(client, app):
    page = client.get("/roles/compare").get_data(as_text=True)
    first = re.search(r'href="(/roles/compare\?a=[a-z-]+&amp;b=[a-z-]+)"', page)
    assert first
    response = client.get(html.unescape(first.group(1)))
    assert response.status_code == 200
    assert "At a glance" in response.get_data(as_text=True)


def test_compare_echoes_hostile_input_escaped(client):
    response = client.get("/roles/compare", query_string={"a": "<script>alert(1)</script>"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --------------------------------------------------------------------------- API


def test_api_lists_every_role_in_ladder_order(client, app):
    response = client.get("/api/v1/roles")
    assert response.status_code == 200
    roles = response.get_json()["roles"]
    assert [r["slug"] for r in roles] == list(content(app).roles)
    first = roles[0]
    assert set(first) >= {"slug", "title", "track", "order", "years", "summary", "url"}
    assert first["url"] == f"/roles/{first['slug']}"
    assert [r["order"] for r in roles] == sorted(r["order"] for r in roles)


@pytest.mark.parametrize("slug", ["account-manager", "vp-client-services"])
def test_api_role_has_everything_and_the_national_pay_band(client, app, slug):
    response = client.get(f"/api/v1/roles/{slug}")
    assert response.status_code == 200
    body = response.get_json()
    role = content(app).roles[slug]
    assert body["slug"] == slug and body["title"] == role.title
    assert body["responsibilities"] == list(role.responsibilities)
    assert body["skills"]["hard"] == list(role.skills.hard)
    assert [k["target"] for k in body["kpis"]] == [k.target for k in role.kpis]
    assert body["years"]["label"] == role.years.label
    assert body["next_roles"] == list(role.next_roles)
    expected = national(app, slug).to_dict()
    assert body["salary"]["base"] == expected["base"]
    assert body["salary"]["total_cash"] == expected["total_cash"]
    # The same keywords the role page shows, each one the resume checker knows.
    page = client.get(f"/roles/{slug}").get_data(as_text=True)
    chips = re.search(r'<ul class="keyword-chips">(.*?)</ul>', page, re.S)
    shown = [html.unescape(k) for k in re.findall(r"<li>(.*?)</li>", chips.group(1))]
    assert body["resume_keywords"] == shown
    known = {g.label for g in app.extensions["resume_analyzer"].lexicon.keywords}
    assert set(body["resume_keywords"]) <= known


def test_api_unknown_role_is_a_404_naming_the_allowed_slugs(client):
    response = client.get("/api/v1/roles/astronaut")
    assert response.status_code == 404
    error = response.get_json()["error"]
    assert error["code"] == "unknown_role"
    assert "astronaut" in error["message"]
    assert error["fields"]["slug"].startswith("allowed: ")
    for slug in ROLE_SLUGS:
        assert slug in error["fields"]["slug"]
