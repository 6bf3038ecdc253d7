"""Reading a resume's structure: headings, contact details, jobs, dates, bullets and skills."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.models.base import ContentError
from scoring.resume.extract import extract_pasted
from scoring.resume.structure import (
    ResumeStructure,
    SectionVocabulary,
    load_section_vocabulary,
    parse_structure,
)

CONTENT = Path(__file__).resolve().parents[1] / "content"
TODAY = date(2024, 6, 15)

RESUME = """Jane Q. Doe
Chicago, IL | jane.doe@example.com | (312) 555-0142 | linkedin.com/in/janedoe

PROFESSIONAL SUMMARY
Account manager with eight years in B2B SaaS.

Work History
Senior Account Manager | Acme Corp | Jan 2020 \u2013 Present
• Grew net revenue retention to 115% across 40 accounts
• Renewed $2.4M in contracts, beating
  the target by 12%
Led quarterly business reviews with executives at every strategic account
Account Manager, Beta Inc.
03/2016 - 06/2021
• Managed 60 SMB accounts

Skills
Salesforce, QBRs; negotiation | upselling

Education
BA Economics, State University, 2012
"""


@pytest.fixture(scope="module")
def vocab() -> SectionVocabulary:
    return load_section_vocabulary(CONTENT)


def parse(text: str, vocab: SectionVocabulary, today: date = TODAY) -> ResumeStructure:
    return parse_structure(extract_pasted(text).text, vocab, today=today)


def test_a_whole_resume(vocab: SectionVocabulary) -> None:
    resume = parse(RESUME, vocab)
    assert resume.contact.name == "Jane Q. Doe"
    assert resume.contact.email == "jane.doe@example.com"
    assert resume.contact.phone == "(312) 555-0142"
    assert resume.contact.links == ("linkedin.com/in/janedoe",)
    assert resume.contact.location == "Chicago, IL"
    assert [s.key for s in resume.sections] == [
        "contact",
        "summary",
        "experience",
        "skills",
        "education",
    ]
    assert resume.sections[2].heading == "Work History"
    assert [(j.title, j.company) for j in resume.jobs] == [
        ("Senior Account Manager", "Acme Corp"),
        ("Account Manager", "Beta Inc."),
    ]
    assert resume.jobs[0].bullets == (
        "Grew net revenue retention to 115% across 40 accounts",
        "Renewed $2.4M in contracts, beating the target by 12%",
        "Led quarterly business reviews with executives at every strategic account",
    )
    assert [b.job_index for b in resume.bullets] == [0, 0, 0, 1]
    assert resume.skills_terms == ("Salesforce", "QBRs", "negotiation", "upselling")
    # Mar 2016 to Jun 2024, the overlap of the two jobs counted once.
    assert resume.years_experience == 8.3
    assert resume.warnings == ()


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Experience", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Work History", "experience"),
        ("Employment History:", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("Professional Summary", "summary"),
        ("PROFILE", "summary"),
        ("Core Competencies", "skills"),
        ("Skills & Expertise", "skills"),
        ("Education and Training", "education"),
        ("Licenses & Certifications", "certifications"),
        ("Contact Information", "contact"),
        ("Awards", "other"),
    ],
)
def test_headings_and_their_synonyms(heading: str, key: str, vocab: SectionVocabulary) -> None:
    resume = parse(f"Jane Doe\n\n{heading}\nSome line of content here", vocab)
    section = resume.sections[-1]
    assert (section.key, section.heading) == (key, heading.rstrip(":"))
    assert key in resume.sections_found


@pytest.mark.parametrize(
    "line",
    ["Account Manager", "Managed key accounts", "Experience in negotiation and retention"],
)
def test_ordinary_lines_are_not_headings(line: str, vocab: SectionVocabulary) -> None:
    resume = parse(f"Jane Doe\n{line}", vocab)
    assert all(not s.heading for s in resume.sections)
    assert [r.kind for r in resume.lines if r.text == line] != ["heading"]


def test_inline_heading_opens_a_section(vocab: SectionVocabulary) -> None:
    resume = parse("Jane Doe\nSkills: Salesforce, HubSpot, Gainsight", vocab)
    assert resume.skills_terms == ("Salesforce", "HubSpot", "Gainsight")


def test_tools_line_inside_a_job_stays_in_the_job(vocab: SectionVocabulary) -> None:
    text = (
        "Experience\nAccount Manager, Acme, 2019 - 2022\n"
        "Tools: Salesforce, Gainsight\n- Grew revenue by 10%"
    )
    resume = parse(text, vocab)
    assert "skills" not in resume.sections_found
    assert resume.jobs[0].bullets == ("Grew revenue by 10%",)


@pytest.mark.parametrize(
    ("line", "email", "phone", "links"),
    [
        ("jane@example.com | 555-123-4567", "jane@example.com", "555-123-4567", ()),
        (
            "+44 20 7946 0958 · jane.doe+cv@mail.co.uk",
            "jane.doe+cv@mail.co.uk",
            "+44 20 7946 0958",
            (),
        ),
        (
            "(312) 555-0142 https://www.linkedin.com/in/jane-doe/",
            None,
            "(312) 555-0142",
            ("https://www.linkedin.com/in/jane-doe/",),
        ),
        (
            "555.123.4567 | github.com/janedoe | www.janedoe.com",
            None,
            "555.123.4567",
            ("github.com/janedoe", "www.janedoe.com"),
        ),
        # Years and spans of years are never phone numbers.
        ("Acme Corp 2019 - 2022 2023", None, None, ()),
        ("2019-2022 | 03/2018 - 06/2021", None, None, ()),
    ],
)
def test_contact_details(
    line: str,
    email: str | None,
    phone: str | None,
    links: tuple[str, ...],
    vocab: SectionVocabulary,
) -> None:
    contact = parse(f"Jane Doe\n{line}", vocab).contact
    assert (contact.email, contact.phone, contact.links) == (email, phone, links)


@pytest.mark.parametrize(
    ("first_line", "name"),
    [
        ("Jane Doe", "Jane Doe"),
        ("JANE DOE", "JANE DOE"),
        ("Ana de la Cruz, MBA", "Ana de la Cruz"),
        ("Jane Doe | Account Manager", "Jane Doe"),
        ("Account Manager", None),
        ("jane@example.com", None),
        ("Resume of a seasoned account manager with ten years", None),
    ],
)
def test_name_is_the_first_line_only_when_it_reads_as_a_name(
    first_line: str, name: str | None, vocab: SectionVocabulary
) -> None:
    assert parse(f"{first_line}\nChicago, IL", vocab).contact.name == name


@pytest.mark.parametrize(
    ("job_line", "start", "end"),
    [
        ("Account Manager, Acme | Jan 2020 – Present", (2020, 1), "present"),  # noqa: RUF001
        ("Account Manager, Acme | Jan. 2020 - current", (2020, 1), "present"),
        ("Account Manager, Acme 2019-2022", (2019, None), (2022, None)),
        ("Account Manager, Acme 03/2018 - 06/2021", (2018, 3), (2021, 6)),
        ("Account Manager, Acme March 2017 to May 2019", (2017, 3), (2019, 5)),
        ("Account Manager, Acme (Sept 2015 — Dec 2016)", (2015, 9), (2016, 12)),
        ("Account Manager, Acme 2021–Present", (2021, None), "present"),  # noqa: RUF001
    ],
)
def test_date_formats(
    job_line: str, start: tuple[int, int | None], end: object, vocab: SectionVocabulary
) -> None:
    resume = parse(f"Experience\n{job_line}\n• Grew revenue 10%", vocab)
    assert len(resume.jobs) == 1
    job = resume.jobs[0]
    assert (job.title, job.company, job.start, job.end) == ("Account Manager", "Acme", start, end)


@pytest.mark.parametrize(
    ("ranges", "years"),
    [
        (["Jan 2020 - Dec 2020"], 1.0),
        (["2019 - 2022"], 3.0),
        (["Jan 2022 - Present"], 2.5),
        # Overlapping jobs are not double counted.
        (["Jan 2018 - Dec 2020", "Jan 2020 - Dec 2021"], 4.0),
        # A gap between jobs is not counted.
        (["Jan 2010 - Dec 2011", "Jan 2015 - Dec 2015"], 3.0),
        # A job held inside another adds nothing.
        (["2010 - 2020", "2012 - 2014"], 10.0),
    ],
)
def test_years_of_experience(ranges: list[str], years: float, vocab: SectionVocabulary) -> None:
    jobs = "\n".join(f"Account Manager, Acme {r}\n• Grew revenue 10%" for r in ranges)
    resume = parse(f"Experience\n{jobs}", vocab)
    assert resume.years_experience == years


def test_no_dates_means_no_years_and_a_warning(vocab: SectionVocabulary) -> None:
    resume = parse("Experience\nAccount Manager, Acme\n• Grew revenue 10%", vocab)
    assert resume.jobs[0].title == "Account Manager"
    assert resume.years_experience is None
    assert any(w.startswith("1 job has no dates an ATS can read") for w in resume.warnings)
    two = parse(
        "Experience\nAccount Manager, Acme\n• Grew revenue 10%\n"
        "Account Coordinator, Initech\n• Kept 40 accounts",
        vocab,
    )
    assert any(w.startswith("2 jobs have no dates") for w in two.warnings)


def test_missing_experience_section_is_warned(vocab: SectionVocabulary) -> None:
    resume = parse("Jane Doe\njane@example.com 555-123-4567\nSkills\nCRM", vocab)
    assert "experience" not in resume.sections_found
    assert any("No experience section" in warning for warning in resume.warnings)


@pytest.mark.parametrize("glyph", ["•", "▪", "–", "-", "*", "·", "➢", "1."])  # noqa: RUF001
def test_bullets_with_each_glyph(glyph: str, vocab: SectionVocabulary) -> None:
    resume = parse(
        f"Experience\nAccount Manager, Acme, 2019 - 2022\n{glyph} Renewed 30 contracts", vocab
    )
    assert [(b.text, b.section_key, b.job_index) for b in resume.bullets] == [
        ("Renewed 30 contracts", "experience", 0)
    ]


def test_title_line_after_dates_and_company(vocab: SectionVocabulary) -> None:
    text = "Experience\nAcme Corp  2019 - 2022\nKey Account Manager\n• Renewed 30 contracts"
    job = parse(text, vocab).jobs[0]
    assert (job.title, job.company) == ("Key Account Manager", "Acme Corp")


def test_bullets_outside_experience_carry_their_section(vocab: SectionVocabulary) -> None:
    text = "Summary\n• Eight years in SaaS\nSkills\n• CRM\nAwards\n• President's Club 2022"
    resume = parse(text, vocab)
    assert [(b.text, b.section_key) for b in resume.bullets] == [
        ("Eight years in SaaS", "summary"),
        ("President's Club 2022", "other"),
    ]


def test_a_sentence_with_years_is_a_bullet_not_a_job(vocab: SectionVocabulary) -> None:
    text = (
        "Experience\nAccount Manager, Acme, 2019 - 2022\n"
        "Grew the region from 2019 to 2021 by winning twelve new logos"
    )
    resume = parse(text, vocab)
    assert len(resume.jobs) == 1
    assert resume.jobs[0].bullets == (
        "Grew the region from 2019 to 2021 by winning twelve new logos",
    )


@pytest.mark.parametrize(
    ("skills", "terms"),
    [
        ("CRM, Salesforce, QBRs", ("CRM", "Salesforce", "QBRs")),
        ("CRM | Salesforce | QBRs", ("CRM", "Salesforce", "QBRs")),
        ("CRM; Salesforce; and QBRs.", ("CRM", "Salesforce", "QBRs")),
        ("• CRM\n• Salesforce\n• QBRs", ("CRM", "Salesforce", "QBRs")),
        ("CRM • Salesforce · QBRs", ("CRM", "Salesforce", "QBRs")),
        (
            "Tools: Salesforce, HubSpot\nSoft skills: Negotiation",
            ("Salesforce", "HubSpot", "Negotiation"),
        ),
        ("CRM, crm, Salesforce", ("CRM", "Salesforce")),
    ],
)
def test_skills_splitting(skills: str, terms: tuple[str, ...], vocab: SectionVocabulary) -> None:
    assert parse(f"Skills\n{skills}", vocab).skills_terms == terms


def test_headings_side_by_side_suggest_columns(vocab: SectionVocabulary) -> None:
    resume = parse("Jane Doe\nSkills      Experience\nCRM         Account Manager", vocab)
    assert any("columns" in warning for warning in resume.warnings)


def test_word_count_ignores_bullet_glyphs(vocab: SectionVocabulary) -> None:
    assert parse("Jane Doe\n• Grew revenue 20%\n– Cut churn", vocab).word_count == 7  # noqa: RUF001


def test_same_text_same_structure(vocab: SectionVocabulary) -> None:
    assert parse(RESUME, vocab) == parse(RESUME, vocab)


def test_bullets_record_the_lines_they_were_read_from(vocab: SectionVocabulary) -> None:
    text = extract_pasted(RESUME).text
    lines = text.split("\n")
    resume = parse_structure(text, vocab, today=TODAY)
    renewed = next(b for b in resume.bullets if b.text.startswith("Renewed"))
    assert [lines[no - 1] for no in renewed.lines] == [
        "\u2022 Renewed $2.4M in contracts, beating",
        "the target by 12%",
    ]
    for bullet in resume.bullets:
        assert bullet.lines == tuple(range(bullet.line_no, bullet.line_no + len(bullet.lines)))
        first = lines[bullet.line_no - 1].lstrip("\u2022 ")
        assert bullet.text.startswith(first)
    for section in resume.sections:
        assert [lines[no - 1].strip() for no in section.line_nos] == list(section.lines)


def test_bad_vocabulary_file_names_the_field(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text((CONTENT / "sources.yaml").read_text())
    text = (CONTENT / "resume_sections.yaml").read_text().replace("  experience:", "  jobs:", 1)
    (tmp_path / "resume_sections.yaml").write_text(text)
    with pytest.raises(ContentError, match=r"headings\.jobs"):
        load_section_vocabulary(tmp_path)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_parses_and_points_at_real_lines(text: str) -> None:
    vocab = load_section_vocabulary(CONTENT)
    resume = parse_structure(text, vocab, today=TODAY)
    line_count = len(text.split("\n"))
    assert all(1 <= bullet.line_no <= line_count for bullet in resume.bullets)
    assert all(1 <= section.start_line <= line_count for section in resume.sections)
    texts = {bullet.text for bullet in resume.bullets}
    assert all(set(job.bullets) <= texts for job in resume.jobs)
