"""``make eval``: print the accuracy tables on the real data and record the figures."""

from __future__ import annotations

import argparse
import datetime
import importlib
import importlib.util
import inspect
import json
import sys
from typing import Any

from evaluation.corpus import REPO, absent_reason, data_dir

OUTPUT = REPO / "docs" / "eval.json"
README = REPO / "README.md"


def write_readme_block(name: str, body: str, *, kind: str = "eval") -> bool:
    """Replace the README's block between ``<!-- KIND:NAME -->`` and ``<!-- /KIND:NAME -->``
    with ``body``; False when the README has no such block. ``make eval`` writes the
    ``eval:`` blocks, ``make bench`` the ``bench:`` one."""
    start, end = f"<!-- {kind}:{name} -->", f"<!-- /{kind}:{name} -->"
    text = README.read_text(encoding="utf-8")
    if start not in text or end not in text:
        return False
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    README.write_text(f"{head}{start}\n{body}\n{end}{tail}", encoding="utf-8")
    return True


def build_analyzer() -> Any:
    """The resume analyzer exactly as the app builds it."""
    from scoring.content import load_content
    from scoring.nlp import load_pipeline, model_names
    from scoring.resume.report import build_analyzer

    return build_analyzer(load_content(), load_pipeline(model_names("")))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def resume_table(figures: dict[str, Any]) -> str:
    rows = [
        ("resumes read (PDF upload and pasted text)", f"{figures['resumes']}"),
        ("resumes that could not be read", f"{figures['read_errors']}"),
        ("resumes with no bullets, upload", f"{figures['no_bullets_upload']}"),
        ("resumes with no bullets, pasted text", f"{figures['no_bullets_paste']}"),
        (
            "words before the first heading, not read",
            f"{figures['words_before_first_heading']} "
            f"(in {figures['resumes_losing_words']} resumes)",
        ),
        (
            "bullet precision against the labels, upload / pasted text",
            f"{_pct(figures['bullet_precision_upload'])} / "
            f"{_pct(figures['bullet_precision_paste'])}",
        ),
        (
            f"bullet recall against the labels ({figures['labelled_bullets']} bullets), "
            "upload / pasted text",
            f"{_pct(figures['bullet_recall_upload'])} / {_pct(figures['bullet_recall_paste'])}",
        ),
        ("bullets over 60 words (merged runs)", f"{figures['bullets_over_60_words']}"),
        ("upload against text agreement (bullets)", _pct(figures["upload_text_agreement"])),
        ("median time per resume, upload", f"{figures['upload_median_ms']} ms"),
        ("median time per resume, pasted text", f"{figures['paste_median_ms']} ms"),
    ]
    lines = ["| resume reading | figure |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


# The sections of the evaluation: (name, module, corpus folder, title).
SECTIONS = (
    ("resumes", "evaluation.resumes", "resumes", "Reading resumes"),
    ("bullets", "evaluation.bullets", "resumes", "Judging bullets"),
    ("scoring", "evaluation.scoring", "resumes", "The score and the job match"),
    ("salaries", "evaluation.salaries", "salaries", "Salary estimates"),
    ("language", "evaluation.language", "postings", "The language check"),
    (
        "language_issues",
        "evaluation.language_issues",
        "postings",
        "The language check's other risks",
    ),
)
# How a figure reads, by the words in its key.
_RATES = ("precision", "recall", "agreement", "coverage", "keep", "share", "match")


def _value(key: str, value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if "auc" in key or "ratio" in key or key.endswith(("_p90_p10", "typical")):
            return f"{value:.2f}"
        if any(word in key for word in _RATES) and 0 <= value <= 1:
            return f"{value * 100:.1f}%"
        return f"{value:g}"
    if isinstance(value, dict):
        if all(isinstance(v, dict) and "auc" in v for v in value.values()):
            # One figure per posting: its AUC, lowest first (the postings' text stays out).
            return ", ".join(
                f"{v['auc']:.2f}" for v in sorted(value.values(), key=lambda v: v["auc"])
            )
        return ", ".join(f"{k}: {_value(key, v)}" for k, v in value.items())
    return str(value)


def figures_table(title: str, figures: dict[str, Any]) -> str:
    """Any section's figures as a Markdown table, a row a figure."""
    lines = [f"| {title.lower()} | figure |", "|---|---|"]
    for key, value in figures.items():
        lines.append(f"| {key.replace('_', ' ')} | {_value(key, value)} |")
    return "\n".join(lines)


def _run(module_name: str, analyzer: Any) -> Any:
    module = importlib.import_module(module_name)
    evaluate = module.evaluate
    takes_analyzer = bool(inspect.signature(evaluate).parameters)
    return evaluate(analyzer) if takes_analyzer else evaluate()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    parser.add_argument(
        "--show", type=int, default=0, help="list this many misses and false bullets"
    )
    parser.add_argument("--no-write", action="store_true", help="print only; write no file")
    parser.add_argument(
        "--only", choices=[name for name, *_ in SECTIONS], action="append", help="run only these"
    )
    args = parser.parse_args(argv)

    print(f"Real data: {data_dir()}")
    analyzer = None
    results: dict[str, dict[str, Any]] = {}
    tables: dict[str, str] = {}
    for name, module_name, folder, title in SECTIONS:
        if args.only and name not in args.only:
            continue
        reason = absent_reason(folder)
        if reason:
            print(f"\n{title}: skipped, {reason}.")
            continue
        if importlib.util.find_spec(module_name) is None:
            continue
        if analyzer is None:
            analyzer = build_analyzer()
        result = _run(module_name, analyzer)
        figures = result.figures()
        results[name] = figures
        tables[name] = resume_table(figures) if name == "resumes" else figures_table(title, figures)
        print(f"\n{tables[name]}")
        if name == "resumes":
            if result.errors:
                print("\nCould not read:", *result.errors, sep="\n  ")
            if args.show:
                print("\nMissed labelled bullets:")
                for file, line in result.missed[: args.show]:
                    print(f"  {file}: {line[:110]}")
                print("\nBullets that are not labelled bullets:")
                for file, line in result.false[: args.show]:
                    print(f"  {file}: {line[:110]}")
    if not args.no_write and results:
        stamp = datetime.date.today().isoformat()
        previous = json.loads(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else {}
        document = {**previous, **results, "date": stamp}
        OUTPUT.parent.mkdir(exist_ok=True)
        OUTPUT.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        print(f"\nFigures written to {OUTPUT.relative_to(REPO)}")
        for name, table in tables.items():
            if write_readme_block(name, f"{table}\n\n(`make eval`, {stamp}.)"):
                print(f"README.md's {name} table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
