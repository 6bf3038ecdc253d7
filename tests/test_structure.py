"""Reading a resume's structure: headings, contact details, jobs, dates, bullets and skills."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.models.base import ContentError
from scoring.resume.extract import extract_pasted
from scoring.resume.report import resume_segments
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
        ("Executive Profile", "summary"),
        ("Career Overview", "summary"),
        ("CAREER FOCUS", "summary"),
        ("Skill Highlights", "skills"),
        ("Core Qualifications", "skills"),
        ("Signature Strengths", "skills"),
        ("Accomplishments", "achievements"),
        ("Key Achievements:", "achievements"),
        ("Career Accomplishments", "achievements"),
        ("Highlights", "achievements"),
        ("Professional Experience", "experience"),
        # Headings no list names, read by their last word.
        ("Relevant Industry Experience", "experience"),
        ("Selected Client Achievements", "achievements"),
    ],
)
def test_headings_and_their_synonyms(heading: str, key: str, vocab: SectionVocabulary) -> None:
    resume = parse(f"Jane Doe\n\n{heading}\nWon the regional award for renewals in 2021.", vocab)
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
    ("top", "name"),
    [
        ("ACCOUNT EXECUTIVE\nMARIA LOPEZ", "MARIA LOPEZ"),  # a headline above the name
        ("Maria\nLopez\nAccount Executive", "Maria Lopez"),  # a name split over two lines
    ],
)
def test_the_name_is_found_among_the_top_lines(
    top: str, name: str, vocab: SectionVocabulary
) -> None:
    structure = parse(f"{top}\nmaria@example.com\nExperience\n- Grew sales 20%", vocab)
    assert structure.contact.name == name
    assert structure.contact.headline is not None
    assert "Lopez" not in structure.contact.headline


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


def test_bullets_outside_work_sections_carry_their_section(vocab: SectionVocabulary) -> None:
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
        assert {r.kind for r in resume.lines if r.number in bullet.lines} == {"bullet"}
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


# --- sections by evidence ----------------------------------------------------------------


def kinds(resume: ResumeStructure) -> dict[str, str]:
    """Each line's text and the kind it was read as."""
    return {line.text: line.kind for line in resume.lines}


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        # A skills term that is also a heading, inside a list of terms: no heading.
        ("Skills\nNegotiation\nForecasting\nLeadership\nPipeline reviews\nEducation", None),
        # In capitals among lower-case terms, with a colon, or with white space: a heading.
        ("Skills\nNegotiation\nForecasting\nLEADERSHIP\nPipeline reviews\nEducation", "LEADERSHIP"),
        (
            "Skills\nNegotiation\nForecasting\nLeadership:\nPipeline reviews\nEducation",
            "Leadership",
        ),
        ("Skills\nNegotiation\n\nLeadership\n\nMentored four new hires", "Leadership"),
    ],
)
def test_a_list_word_is_a_heading_only_when_it_looks_like_one(
    text: str, heading: str | None, vocab: SectionVocabulary
) -> None:
    resume = parse(text, vocab)
    assert [s.heading for s in resume.sections if s.key == "other"] == (
        [heading] if heading else []
    )
    if heading is None:
        assert "Leadership" in resume.skills_terms


def test_text_before_the_first_heading_is_kept(vocab: SectionVocabulary) -> None:
    text = (
        "Priya Raman\n"
        "Senior Account Manager\n"
        "priya.raman@example.org | 415-555-0188\n"
        "Account manager who has kept enterprise software clients renewing for nine years.\n"
        "Known for calm quarterly reviews and honest forecasts.\n"
        "Experience\n"
        "Account Manager, Northwind Traders, 2018 - 2024\n"
        "• Renewed 38 of 40 enterprise contracts"
    )
    resume = parse(text, vocab)
    assert resume.contact.name == "Priya Raman"
    assert resume.contact.headline == "Senior Account Manager"
    assert [(s.key, s.heading) for s in resume.sections[:2]] == [("contact", ""), ("summary", "")]
    assert resume.sections[1].lines[0].startswith("Account manager who has kept")
    assert "summary" in resume.sections_found
    read = kinds(resume)
    assert read["Priya Raman"] == read["Senior Account Manager"] == "contact"
    assert read["Known for calm quarterly reviews and honest forecasts."] == "other"


def test_highlights_of_short_terms_are_skills(vocab: SectionVocabulary) -> None:
    text = (
        "Summary\nAccount manager with a record of renewals and steady growth.\n"
        "Highlights\nContract negotiation  Forecasting\nSalesforce  Key accounts\nQBRs\n"
        "Experience\nAccount Manager, Acme, 2019 - 2022\n• Renewed 30 contracts"
    )
    resume = parse(text, vocab)
    assert [s.key for s in resume.sections] == ["summary", "skills", "experience"]
    assert "Salesforce" in resume.skills_terms


def test_an_achievements_section_is_read_and_judged(vocab: SectionVocabulary) -> None:
    text = (
        "Key Achievements\n"
        "Grew the northeast book of business from $2M to $3.1M in two years.\n"
        "Named top account manager of 2022 out of 35.\n"
        "Experience\nAccount Manager, Acme, 2019 - 2022\n• Renewed 30 contracts"
    )
    resume = parse(text, vocab)
    assert [(b.text, b.section_key) for b in resume.bullets] == [
        ("Grew the northeast book of business from $2M to $3.1M in two years.", "achievements"),
        ("Named top account manager of 2022 out of 35.", "achievements"),
        ("Renewed 30 contracts", "experience"),
    ]
    places, texts = resume_segments(resume)
    assert [t for p, t in zip(places, texts, strict=True) if p == "bullet"] == [
        b.text for b in resume.bullets
    ]


def test_a_section_holding_dated_jobs_is_experience(vocab: SectionVocabulary) -> None:
    text = (
        "Summary\nAccount manager for medical device makers.\n"
        "Snapshot of my career\n"
        "Territory Account Manager, Medline, 2016 - 2021\n"
        "Grew surgical accounts in the territory by 18% in 2019."
    )
    resume = parse(text, vocab)
    assert [s.key for s in resume.sections] == ["summary", "experience"]
    assert [j.title for j in resume.jobs] == ["Territory Account Manager"]
    assert not any("experience section" in w for w in resume.warnings)


def test_reading_problems_are_not_advice_to_add_a_section(vocab: SectionVocabulary) -> None:
    text = "Pat Lee\nMy Story\nKey Account Manager, Acme, 2019 - present\n• Kept 40 accounts"
    resume = parse(text, vocab)
    assert "experience" in resume.sections_found
    assert not any("No experience section" in w for w in resume.warnings)


# --- jobs --------------------------------------------------------------------------------


def test_a_long_job_line_is_a_job(vocab: SectionVocabulary) -> None:
    line = (
        "Senior Key Account Manager, Enterprise Healthcare Solutions Group, "
        "Acme Corporation, Chicago, IL | Jan 2019 \u2013 Present"
    )
    resume = parse(f"Experience\n{line}\n• Renewed 30 contracts", vocab)
    assert len(resume.jobs) == 1
    job = resume.jobs[0]
    assert job.title == "Senior Key Account Manager"
    assert (job.start, job.end) == ((2019, 1), "present")
    assert [b.text for b in resume.bullets] == ["Renewed 30 contracts"]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("Jan 2019 \u2013 Present", (2019, 1), "present"),  # en dash
        ("Jan 2019 \u2014 Dec 2020", (2019, 1), (2020, 12)),  # em dash
        ("Jan 2019 \u2212 Dec 2020", (2019, 1), (2020, 12)),  # minus sign
        ("Jan 2019 \uff0d Dec 2020", (2019, 1), (2020, 12)),  # fullwidth hyphen
        ("2019 \u2010 2020", (2019, None), (2020, None)),  # hyphen
        ("Jan 2019\u2013present", (2019, 1), "present"),
        ("Jan 2019 - Current", (2019, 1), "present"),
        ("May 2011 to Current", (2011, 5), "present"),
        ("January 2014 to March 2016", (2014, 1), (2016, 3)),
        ("Mar. 2018 - Jun. 2020", (2018, 3), (2020, 6)),
        ("05/2017 to 04/2019", (2017, 5), (2019, 4)),
        ("5/2017 - 4/2019", (2017, 5), (2019, 4)),
        ("Summer 2019 - Fall 2020", (2019, 6), (2020, 9)),
        ("2019\u201321", (2019, None), (2021, None)),
        ("1998-02", (1998, None), (2002, None)),
        ("2019 through 2021", (2019, None), (2021, None)),
    ],
)
def test_each_date_form(
    dates: str, start: tuple[int, int | None], end: object, vocab: SectionVocabulary
) -> None:
    resume = parse(f"Experience\nAccount Manager | Acme | {dates}\n• Grew revenue 10%", vocab)
    assert [(j.title, j.company, j.start, j.end) for j in resume.jobs] == [
        ("Account Manager", "Acme", start, end)
    ]


def test_a_header_split_into_spans_is_one_job(vocab: SectionVocabulary) -> None:
    # pypdf puts every styled span of a PDF line on its own line, blank spans between.
    text = (
        "Experience\n"
        "Regional Account Manager\n\n07/2015\n\nto\nCurrent\n\nGlobex\n\n\uff0d\nDenver\n\n,\nCO\n"
        "Opened 14 new hospital accounts in the first year.\n"
        "Inside Sales Representative\n\n03/2012\n\nto\n06/2015\n\nInitech\n"
        "Took\n"
        "inbound calls from 60 dealers a day."
    )
    resume = parse(text, vocab)
    assert [(j.title, j.company, j.start, j.end) for j in resume.jobs] == [
        ("Regional Account Manager", "Globex", (2015, 7), "present"),
        ("Inside Sales Representative", "Initech", (2012, 3), (2015, 6)),
    ]
    assert [(b.text, b.job_index) for b in resume.bullets] == [
        ("Opened 14 new hospital accounts in the first year.", 0),
        ("Took inbound calls from 60 dealers a day.", 1),
    ]
    read = kinds(resume)
    assert read["Globex"] == read["to"] == read["07/2015"] == "job"
    assert read["Took"] == read["inbound calls from 60 dealers a day."] == "bullet"


def test_a_header_glued_to_its_first_bullet_is_split(vocab: SectionVocabulary) -> None:
    text = (
        "Experience\n"
        "Field Sales Rep 04/2016 to Current Hooli Austin , Texas Signed 22 new "
        "veterinary clinics in the first year.\n"
        "01/2013 to 03/2016\n"
        "Store Associate Pied Piper \uff0d Reno , Nevada Helped shoppers choose "
        "running shoes and restocked the floor."
    )
    resume = parse(text, vocab)
    assert [b.text for b in resume.bullets] == [
        "Signed 22 new veterinary clinics in the first year.",
        "Helped shoppers choose running shoes and restocked the floor.",
    ]
    assert [(j.start, j.end) for j in resume.jobs] == [
        ((2016, 4), "present"),
        ((2013, 1), (2016, 3)),
    ]


def test_one_date_and_a_title_make_a_job_inside_experience(vocab: SectionVocabulary) -> None:
    text = "Experience\nBusiness Development Manager 09/2013 Umbrella Corp\nSigned 3 distributors."
    resume = parse(text, vocab)
    assert [(j.title, j.start, j.end) for j in resume.jobs] == [
        ("Business Development Manager", (2013, 9), None)
    ]
    assert [b.text for b in resume.bullets] == ["Signed 3 distributors."]


# --- bullets -----------------------------------------------------------------------------

JOB = "Experience\nAccount Manager, Acme, 2019 - 2022\n"


@pytest.mark.parametrize(
    ("lines", "bullets"),
    [
        # A wrapped line starts in lower case, or follows a line ending mid-phrase.
        (
            "Negotiated a three-year renewal with the largest\n"
            "hospital network in the state, worth $4M.\n"
            "Trained six new coordinators.",
            [
                "Negotiated a three-year renewal with the largest hospital network in the "
                "state, worth $4M.",
                "Trained six new coordinators.",
            ],
        ),
        (
            "Promoted from\nAccount Coordinator\nto\nAccount Manager after 14 months.",
            ["Promoted from Account Coordinator to Account Manager after 14 months."],
        ),
        # Glued bullets with no space after the full stop.
        (
            "Scheduled and tracked all service visits.Cut missed visits by 30%.",
            ["Scheduled and tracked all service visits.", "Cut missed visits by 30%."],
        ),
        # A paragraph: each sentence is a bullet; "Inc." and "U.S." end none.
        (
            "Managed 45 accounts across the U.S. Midwest for Acme Inc. and its partners. "
            "Raised renewal rates from 81% to 93%. Introduced monthly check-ins with\n"
            "every buyer. Won the 2021 President's Club award.",
            [
                "Managed 45 accounts across the U.S. Midwest for Acme Inc. and its partners.",
                "Raised renewal rates from 81% to 93%.",
                "Introduced monthly check-ins with every buyer.",
                "Won the 2021 President's Club award.",
            ],
        ),
        # Two bullets run together without a full stop.
        (
            "Ranked second of 40 representatives in the region for two years running "
            "Successfully Launched a referral program that brought in 12 new clients",
            [
                "Ranked second of 40 representatives in the region for two years running",
                "Successfully Launched a referral program that brought in 12 new clients",
            ],
        ),
        # Inline glyphs open new bullets.
        (
            "Greeted customers \u2022 Processed returns \u2022 Balanced the till",
            ["Greeted customers", "Processed returns", "Balanced the till"],
        ),
    ],
)
def test_statements_become_bullets(
    lines: str, bullets: list[str], vocab: SectionVocabulary
) -> None:
    resume = parse(JOB + lines, vocab)
    assert [b.text for b in resume.bullets] == bullets
    assert all(b.job_index == 0 for b in resume.bullets)


@pytest.mark.parametrize(
    "line",
    [
        "Regional distributor of surgical supplies with 300 employees",
        "Health care mechanical contracting firm",
    ],
)
def test_a_company_description_is_no_bullet(line: str, vocab: SectionVocabulary) -> None:
    resume = parse(f"{JOB}{line}\nRenewed 30 contracts worth $2M.", vocab)
    assert [b.text for b in resume.bullets] == ["Renewed 30 contracts worth $2M."]
    assert kinds(resume)[line] == "other"


@pytest.mark.parametrize(
    "line",
    [
        "Proven ability in building long client relationships.",
        "I have a very positive personality and love people.",
        "CPR Certification from the Red Cross",
        "Clients include Contoso, Fabrikam, Tailspin Toys and Wingtip.",
        "Adventure Works, Contoso, Fabrikam, Northwind, Tailspin, Wingtip",
    ],
)
def test_self_descriptions_credentials_and_name_lists_are_no_bullets(
    line: str, vocab: SectionVocabulary
) -> None:
    resume = parse(f"{JOB}Renewed 30 contracts worth $2M.\n{line}", vocab)
    assert [b.text for b in resume.bullets] == ["Renewed 30 contracts worth $2M."]


def test_sub_headings_inside_a_job_are_no_bullets(vocab: SectionVocabulary) -> None:
    resume = parse(f"{JOB}Delivered Results\nCut churn from 9% to 4%.", vocab)
    assert [b.text for b in resume.bullets] == ["Cut churn from 9% to 4%."]
    assert kinds(resume)["Delivered Results"] == "heading"


def test_no_merged_runs(vocab: SectionVocabulary) -> None:
    sentences = [f"Closed deal number {n} with a regional buyer in the spring." for n in range(12)]
    resume = parse(JOB + " ".join(sentences), vocab)
    assert len(resume.bullets) == 12
    assert max(len(b.text.split()) for b in resume.bullets) <= 60


# --- what the ATS saw --------------------------------------------------------------------


def test_every_line_is_read_as_one_kind(vocab: SectionVocabulary) -> None:
    text = extract_pasted(RESUME).text
    resume = parse_structure(text, vocab, today=TODAY)
    numbered = [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert [(r.number, r.text) for r in resume.lines] == numbered
    assert [r.kind for r in resume.lines] == [
        "contact",
        "contact",
        "heading",
        "other",
        "heading",
        "job",
        "bullet",
        "bullet",
        "bullet",
        "bullet",
        "job",
        "job",
        "bullet",
        "heading",
        "skills",
        "heading",
        "other",
    ]


@pytest.mark.parametrize(
    "line",
    ["-" * 50_000, "%" * 50_000, "a." * 25_000, "Jan 2019 " * 5_000, ", " * 25_000, " " * 50_000],
)
def test_hostile_lines_are_read_fast(line: str, vocab: SectionVocabulary) -> None:
    started = time.perf_counter()
    parse_structure(f"Experience\nAccount Manager, Acme, 2019 - 2022\n{line}", vocab)
    assert time.perf_counter() - started < 2.0
