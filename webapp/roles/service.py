"""What the role pages and the role API share: the roles, their pay and their keywords."""

from __future__ import annotations

from collections.abc import Mapping

from flask import current_app

from scoring.resume.components import KEYWORD_EXTENSION
from scoring.resume.report import ResumeAnalyzer
from scoring.roles import Role
from scoring.salary import Estimate, SalaryProfile, estimate_salary
from webapp import get_content


def roles() -> Mapping[str, Role]:
    """The roles loaded for this app, in ladder order."""
    return get_content(current_app).roles


def role_keywords(slug: str) -> tuple[str, ...]:
    """The resume checker's ATS keywords that a level's skills, duties and requirements name.

    Found by the checker's own keyword matcher, so a resume that uses the level's wording
    scores on exactly these. Worked out once per level and process: roles do not change.
    """
    cache: dict[str, tuple[str, ...]] = current_app.extensions.setdefault("role_keywords", {})
    if slug not in cache:
        role = roles()[slug]
        analyzer: ResumeAnalyzer = current_app.extensions["resume_analyzer"]
        texts = [
            *role.skills.hard,
            *role.skills.soft,
            *role.responsibilities,
            *role.requirements.must_have,
            *role.requirements.nice_to_have,
        ]
        found = {hit.label for doc in analyzer.tag(texts) for hit in doc._.get(KEYWORD_EXTENSION)}
        cache[slug] = tuple(g.label for g in analyzer.lexicon.keywords if g.label in found)
    return cache[slug]


def national_pay(slug: str) -> Estimate:
    """A level's estimate for the default profile: national, any industry, mid-size, on site."""
    return estimate_salary(SalaryProfile(level=slug), get_content(current_app).compensation)
