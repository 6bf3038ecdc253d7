"""Where the real data lives, and reading it (never copying it)."""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"


def data_dir() -> Path:
    """``EVAL_DATA`` when set, else ``../shared/data`` beside the checkout."""
    return Path(os.environ.get("EVAL_DATA") or DEFAULT_DATA)


def absent_reason(folder: str) -> str | None:
    """Why a corpus folder cannot be used, or None when it is there."""
    path = data_dir() / folder
    if not path.is_dir():
        return (
            f"the real-data corpus is absent: {path} does not exist "
            "(set EVAL_DATA to the folder that holds resumes/, postings/ and salaries/)"
        )
    return None


@dataclass(frozen=True)
class ResumeFile:
    """One resume of the corpus: its PDF, its text layer and its category."""

    name: str  # e.g. sales_004
    category: str
    pdf: Path
    txt: Path

    @property
    def sales(self) -> bool:
        return self.name.startswith("sales_")


@dataclass(frozen=True)
class BulletLabel:
    """One hand-labelled line (see the corpus README for the fields)."""

    file: str
    line: str
    is_bullet: bool
    action_verb: str | None
    verb_strength: str | None
    metric: bool
    outcome: bool
    verdict: str | None


def resumes() -> Iterator[ResumeFile]:
    """The resume corpus in manifest order."""
    root = data_dir() / "resumes"
    with (root / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["file"].rsplit(".", 1)[0]
            yield ResumeFile(
                name=name,
                category=row["category"],
                pdf=root / "pdf" / f"{name}.pdf",
                txt=root / "txt" / f"{name}.txt",
            )


def bullet_labels() -> list[BulletLabel]:
    """The hand labels of ``resumes/bullets.jsonl``."""
    out = []
    path = data_dir() / "resumes" / "bullets.jsonl"
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip():
                item = json.loads(raw)
                out.append(
                    BulletLabel(
                        file=item["file"].rsplit(".", 1)[0],
                        line=item["line"],
                        is_bullet=bool(item["is_bullet"]),
                        action_verb=item.get("action_verb"),
                        verb_strength=item.get("verb_strength"),
                        metric=bool(item.get("metric")),
                        outcome=bool(item.get("outcome")),
                        verdict=item.get("verdict"),
                    )
                )
    return out


@dataclass(frozen=True)
class Posting:
    """One real job posting of the corpus (see postings/README.md)."""

    job_id: str
    title: str
    company: str
    description: str

    @property
    def account_manager(self) -> bool:
        """An account-manager posting: the title names an account manager or account management."""
        return bool(ACCOUNT_MANAGER_TITLE.search(self.title))


# The postings README's account-manager titles: "Account Manager" or "account management".
ACCOUNT_MANAGER_TITLE = re.compile(r"account manag(?:er|ement)", re.IGNORECASE)


def postings() -> list[Posting]:
    """The posting corpus (``postings/linkedin_sample.csv``) in file order."""
    csv.field_size_limit(10**9)
    path = data_dir() / "postings" / "linkedin_sample.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Posting(row["job_id"], row["title"], row["company_name"], row["description"])
            for row in csv.DictReader(handle)
        ]


def salary_rows() -> list[dict[str, str]]:
    """The Ask a Manager 2021 account-management rows (``salaries/aam_2021_account_roles.csv``)."""
    path = data_dir() / "salaries" / "aam_2021_account_roles.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def oews_rows() -> list[dict[str, str]]:
    """The BLS OEWS national wage percentiles (``salaries/oews_national.csv``)."""
    path = data_dir() / "salaries" / "oews_national.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
