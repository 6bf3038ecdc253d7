"""/resume/accuracy: how well the checker reads and judges real resumes.

The figures are ``make eval``'s, read from its output file (``docs/eval.json``, committed
with the code that produced them); nothing on the page is typed by hand.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from flask import current_app, render_template
from flask.typing import ResponseReturnValue

from webapp import ROOT, get_content
from webapp.resume import bp

EVAL_RESULTS = ROOT / "docs" / "eval.json"


@cache
def eval_results(path: Path = EVAL_RESULTS) -> dict[str, Any]:
    """The latest figures of ``make eval``; empty when it has not been run.

    Read once per process: the file changes only with a new release of the code.
    """
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


@bp.get("/resume/accuracy")
def accuracy() -> ResponseReturnValue:
    """The latest accuracy tables, what the corpus is, and the rubric the bullets follow."""
    content = get_content(current_app)
    return render_template(
        "resume/accuracy.html",
        results=eval_results(),
        rubric=getattr(content, "rubric", None),
    )
