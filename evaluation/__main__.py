"""``make eval``: print the accuracy tables on the real data and record the figures."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from typing import Any

from evaluation.corpus import REPO, absent_reason, data_dir

OUTPUT = REPO / "docs" / "eval.json"
README = REPO / "README.md"


def write_readme_block(name: str, body: str) -> bool:
    """Replace the README's block between ``<!-- eval:NAME -->`` and ``<!-- /eval:NAME -->``
    with ``body``; False when the README has no such block."""
    start, end = f"<!-- eval:{name} -->", f"<!-- /eval:{name} -->"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    parser.add_argument(
        "--show", type=int, default=0, help="list this many misses and false bullets"
    )
    parser.add_argument("--no-write", action="store_true", help="print only; write no file")
    args = parser.parse_args(argv)

    print(f"Real data: {data_dir()}")
    reason = absent_reason("resumes")
    if reason:
        print(f"Skipped: {reason}.")
        return 0
    from evaluation import resumes

    result = resumes.evaluate(build_analyzer())
    figures = result.figures()
    print()
    print(resume_table(figures))
    if result.errors:
        print("\nCould not read:", *result.errors, sep="\n  ")
    if result.no_bullets_pdf:
        print("\nNo bullets (upload):", ", ".join(result.no_bullets_pdf))
    if args.show:
        print("\nMissed labelled bullets:")
        for name, line in result.missed[: args.show]:
            print(f"  {name}: {line[:110]}")
        print("\nBullets that are not labelled bullets:")
        for name, line in result.false[: args.show]:
            print(f"  {name}: {line[:110]}")
    if not args.no_write:
        stamp = datetime.date.today().isoformat()
        OUTPUT.parent.mkdir(exist_ok=True)
        document = {"date": stamp, "resumes": figures}
        OUTPUT.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        print(f"\nFigures written to {OUTPUT.relative_to(REPO)}")
        block = f"{resume_table(figures)}\n\n(`make eval`, {stamp}.)"
        if write_readme_block("resumes", block):
            print("README.md's resume table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
