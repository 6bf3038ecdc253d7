"""The rubric as content (content/rubric.yaml): its shape, and the checker holding to it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from evaluation.corpus import absent_reason, data_dir
from scoring.content import Content, ContentError, load_content
from scoring.models.rubric import Rubric, RubricExample
from scoring.nlp import load_pipeline
from scoring.resume.bullets import BulletFinding, analyze_bullet
from scoring.resume.report import ResumeAnalyzer, build_analyzer

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(CONTENT)


@pytest.fixture(scope="module")
def analyzer(content: Content) -> ResumeAnalyzer:
    return build_analyzer(content, load_pipeline())


def test_the_rubric_has_a_section_for_each_part_a_template_can_render(content: Content) -> None:
    rubric = content.rubric
    assert isinstance(rubric, Rubric)
    keys = [s.key for s in rubric.sections]
    assert keys == ["bullet", "verb", "strength", "metric", "outcome", "verdict", "rewrite"]
    for section in rubric.sections:
        assert section.title and section.intro and section.rules
        assert all(example.text and example.why for example in section.examples)


def _judge(analyzer: ResumeAnalyzer, text: str) -> BulletFinding:
    with analyzer.nlp.memory_zone():
        return analyze_bullet(analyzer.tag([text])[0], analyzer.lexicon)


def _examples() -> list[RubricExample]:
    return [e for e in load_content(CONTENT).rubric.examples if e.is_bullet]


@pytest.mark.parametrize("example", _examples(), ids=lambda e: e.text[:40])
def test_the_checker_judges_every_example_as_the_rubric_says(
    example: RubricExample, analyzer: ResumeAnalyzer
) -> None:
    found = _judge(analyzer, example.text)
    seen = {
        "is_bullet": True,
        "action_verb": found.action_verb,
        "verb_strength": found.verb_strength,
        "metric": found.metric is not None,
        "outcome": bool(found.impact),
        "verdict": found.verdict,
        "rewrite": found.rewrite,
    }
    expected = example.expected()
    assert {k: seen[k] for k in expected} == expected


def test_an_unknown_key_in_the_rubric_is_named(tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    path = tmp_path / "content" / "rubric.yaml"
    path.write_text(path.read_text().replace("    intro: >-", "    intra: >-", 1))
    with pytest.raises(ContentError, match=r"rubric\.yaml.*sections\[0\]\.intra"):
        load_content(tmp_path / "content")


def test_a_section_may_appear_once(tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    path = tmp_path / "content" / "rubric.yaml"
    path.write_text(path.read_text().replace("  - key: strength", "  - key: verb"))
    with pytest.raises(ContentError, match=r"sections\[2\]\.key.*repeats 'verb'"):
        load_content(tmp_path / "content")


PUBLISHED = absent_reason("resumes")


@pytest.mark.skipif(PUBLISHED is not None, reason=str(PUBLISHED))
def test_the_rubric_is_in_the_sites_own_words() -> None:
    # Facts carry over from the published labelling rubric; its sentences do not. No run
    # of eight words of it may appear in ours.
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    theirs = words((data_dir() / "resumes" / "RUBRIC.md").read_text(encoding="utf-8"))
    ours = " ".join(words((CONTENT / "rubric.yaml").read_text(encoding="utf-8")))
    runs = {" ".join(theirs[i : i + 8]) for i in range(len(theirs) - 7)}
    assert not [run for run in runs if run in ours]
