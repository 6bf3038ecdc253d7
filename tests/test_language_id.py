"""Language detection from function words: other languages named, English kept English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from evaluation.corpus import absent_reason, resumes
from scoring.content import DEFAULT_CONTENT_DIR
from scoring.models.base import ContentError
from scoring.resume.extract import extract_pasted, extract_text
from scoring.resume.language_id import LanguageGuess, detect_language, load_language_profiles
from tests import resume_fixtures as fx

PROFILES = load_language_profiles(DEFAULT_CONTENT_DIR)

ENGLISH = "\n".join(
    [
        "Dana Lee",
        "Bilingual (English/Spanish)",
        "Experience",
        *(line.lstrip("\u2022 ") for line in fx.job_lines()[1:]),
        "Languages: English, Spanish (Espa\u00f1ol, nivel avanzado)",
        "Hablo espa\u00f1ol con fluidez",
    ]
)
PORTUGUESE = (
    "Gerente de contas com experi\u00eancia em vendas para grandes clientes. "
    "Respons\u00e1vel pela carteira de 40 clientes na regi\u00e3o, com foco em "
    "renova\u00e7\u00e3o dos contratos e no crescimento das vendas. Trabalhei com a "
    "equipe de marketing para que os clientes tivessem mais informa\u00e7\u00f5es. "
    "Tamb\u00e9m fui respons\u00e1vel pelo treinamento dos novos vendedores at\u00e9 a "
    "chegada do novo gerente, sem perder nenhum cliente da carteira."
)
ITALIAN = (
    "Responsabile commerciale con esperienza nella gestione dei clienti. Ho gestito "
    "un portafoglio di 40 clienti nella regione e ho aumentato le vendite del 20% "
    "con il supporto della squadra. Sono stato anche il referente per gli accordi."
)
DUTCH = (
    "Accountmanager met ervaring in de verkoop aan grote klanten. Ik heb een "
    "portefeuille van 40 klanten beheerd en de omzet met 20% verhoogd. Daarnaast "
    "was ik verantwoordelijk voor de contracten en het team van binnendienst."
)


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("\n".join(fx.SPANISH), "es", "Spanish"),
        ("\n".join(fx.FRENCH), "fr", "French"),
        ("\n".join(fx.GERMAN), "de", "German"),
        (PORTUGUESE, "pt", "Portuguese"),
        (ITALIAN, "it", "Italian"),
        (DUTCH, "nl", "Dutch"),
    ],
)
def test_a_resume_in_another_language_is_named(text: str, code: str, name: str) -> None:
    guess = detect_language(text, PROFILES)
    assert (guess.code, guess.name, guess.english) == (code, name, False)
    assert guess.confidence > 0.5


def test_an_english_resume_with_some_spanish_words_is_english() -> None:
    guess = detect_language(ENGLISH, PROFILES)
    assert guess == LanguageGuess("en", "English", True, guess.confidence, guess.evidence)
    assert guess.confidence > 0.8


@pytest.mark.parametrize("text", ["", "Salesforce, HubSpot, QBRs, SaaS, ARR, NRR", "2019 - 2022"])
def test_too_little_evidence_is_english(text: str) -> None:
    assert detect_language(text, PROFILES).english


def test_a_spanish_pdf_is_detected_after_extraction() -> None:
    text = extract_text(fx.spanish_pdf(), "cv.pdf").text
    assert detect_language(text, PROFILES).code == "es"


def test_language_list_typos_are_named(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, root)
    path = root / "lexicon" / "stopwords.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["languages"][1]["words"].append("de")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match=r"stopwords\.yaml.*languages\[1\]\.words.*'de' twice"):
        load_language_profiles(root)


_absent = absent_reason("resumes")


@pytest.mark.skipif(_absent is not None, reason=_absent or "")
def test_every_real_resume_reads_as_english_on_both_paths() -> None:
    seen = 0
    for resume in resumes():
        pasted = extract_pasted(resume.txt.read_text(encoding="utf-8"), 200_000).text
        uploaded = extract_text(resume.pdf.read_bytes(), resume.pdf.name).text
        for text in (pasted, uploaded):
            guess = detect_language(text, PROFILES)
            assert guess.english and guess.code == "en", resume.name
        seen += 1
    assert seen == 100
