"""The job match: a posting's requirements (not its words), their weights, and coverage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evaluation.scoring import TAILORED_POSTING, TAILORED_RESUME
from scoring.content import load_content
from scoring.nlp import load_pipeline
from scoring.resume.jobmatch import PostingRequirements, posting_parts, posting_title, unglue
from scoring.resume.lexicon import load_lexicon
from scoring.resume.report import ResumeAnalyzer, analyze_resume, build_analyzer

CONTENT = Path(__file__).resolve().parents[1] / "content"

# An accountant's resume: well written, and not an account manager's.
ACCOUNTANT = """Dana Lee
Staff Accountant

Experience
Staff Accountant | Lakeside Manufacturing | 2019 - Present
- Closed the monthly books 3 days sooner by automating 14 journal entries
- Reconciled 40 general ledger accounts and cut open items by 60%
- Prepared quarterly tax filings and supported the annual external audit

Skills
QuickBooks, Excel, GAAP, accounts payable, accounts receivable, payroll

Education
B.S. Accounting, State University, 2019
"""


@pytest.fixture(scope="module")
def analyzer() -> ResumeAnalyzer:
    return build_analyzer(load_content(CONTENT), load_pipeline())


def match_read(analyzer: ResumeAnalyzer, resume: str, posting: PostingRequirements) -> dict:
    """The match against a posting already read (without a level to fall back on)."""
    report = analyze_resume(
        resume, job_description=None, analyzer=analyzer, today=date(2025, 6, 1), posting=posting
    )
    result = report.to_dict()["job_match"]
    assert result is not None
    return result


def match(analyzer: ResumeAnalyzer, resume: str, posting: str) -> dict:
    report = analyze_resume(
        resume, job_description=posting, analyzer=analyzer, today=date(2025, 6, 1)
    )
    result = report.to_dict()["job_match"]
    assert result is not None
    return result


@pytest.mark.parametrize(
    ("glued", "lines"),
    [
        ("ResponsibilitiesBuild account plans", ["Responsibilities", "Build account plans"]),
        ("QualificationsStrong Excel skills", ["Qualifications", "Strong Excel skills"]),
        ("Key Responsibilities:Develop plans", ["Key Responsibilities:", "Develop plans"]),
        ("their needs.Collaborate with Sales", ["their needs.", "Collaborate with Sales"]),
        ("customers' successCreate relationships", ["customers' success", "Create relationships"]),
    ],
)  # fmt: skip
def test_glued_headings_and_items_are_split(glued: str, lines: list[str]) -> None:
    rules = load_lexicon(CONTENT).posting
    assert [line.strip() for line in unglue(glued, rules).split("\n") if line.strip()] == lines


@pytest.mark.parametrize("word", ["PowerPoint", "HubSpot", "LinkedIn", "QuickBooks", "iPhone"])
def test_product_names_stay_whole(word: str) -> None:
    rules = load_lexicon(CONTENT).posting
    assert unglue(f"Experience with {word} required", rules) == f"Experience with {word} required"


def test_parts_follow_the_headings() -> None:
    rules = load_lexicon(CONTENT).posting
    text = unglue(
        "Acme is hiring.\nAbout Acme\nWe make tools.\nResponsibilities\nOwn renewals\n"
        "Preferred qualifications\nGainsight\nBenefits:\nDental",
        rules,
    )
    parts = {text[c:e].strip(): part for _, c, e, part in posting_parts(text, rules)}
    assert parts["Acme is hiring."] == "intro"
    assert parts["We make tools."] == "about"
    assert parts["Own renewals"] == "responsibilities"
    assert parts["Gainsight"] == "preferred"
    assert parts["Dental"] == "about"


def test_a_resume_written_to_fit_the_posting_scores_well(analyzer: ResumeAnalyzer) -> None:
    fit = match(analyzer, TAILORED_RESUME, TAILORED_POSTING)
    unfit = match(analyzer, ACCOUNTANT, TAILORED_POSTING)
    assert fit["share"] >= 0.6 and fit["good_match"]
    assert unfit["share"] < fit["share"] - 0.4


def test_requirements_not_boilerplate(analyzer: ResumeAnalyzer) -> None:
    posting = (
        "About Wileyworks\nWileyworks has been a family business in Springfield, Ohio since "
        "1950, driven by our mission and passion to change the world.\n"
        "Requirements\n- 3+ years of account management with enterprise accounts\n"
        "- Experience with Salesforce\n"
        "Benefits\nDental, vision and a 401(k) plan.\n"
        "We are an equal opportunity employer; all applicants are considered without regard "
        "to race, religion or veteran status."
    )
    terms = {t["term"].lower() for t in match(analyzer, ACCOUNTANT, posting)["terms"]}
    assert {"account management", "enterprise accounts", "salesforce"} <= terms
    for noise in ("wileyworks", "springfield", "ohio", "mission", "passion", "world"):
        assert not any(noise in term for term in terms), noise
    assert not any("dental" in term or "veteran" in term for term in terms)


def test_legal_text_wrapped_over_lines_asks_for_nothing(analyzer: ResumeAnalyzer) -> None:
    posting = (
        "Requirements\n- Experience with Salesforce\n"
        "Nice to have\n- Experience selling to clinics\n\n"
        "We are an equal opportunity employer and consider all applicants without regard to\n"
        "race, religion, sex, national origin, age, veteran status or disability.\n"
        "Benefits\nDental and vision."
    )
    terms = {t["term"].lower() for t in match(analyzer, ACCOUNTANT, posting)["terms"]}
    assert "salesforce" in terms and any("clinic" in term for term in terms)
    for word in ("race", "religion", "sex", "national origin", "age", "veteran", "disability"):
        assert not any(word in term.split() or word == term for term in terms), word


def test_no_cap_cuts_a_requirement(analyzer: ResumeAnalyzer) -> None:
    duties = "\n".join(
        f"- Coordinate {thing} reviews" for thing in ("budget", "vendor", "audit", "safety") * 10
    )
    posting = f"Responsibilities\n{duties}\nRequirements\n- B2B sales experience\n- Salesforce"
    terms = {t["term"] for t in match(analyzer, ACCOUNTANT, posting)["terms"]}
    assert {"B2B Sales", "Salesforce"} <= terms


def test_required_terms_weigh_more_than_nice_to_have(analyzer: ResumeAnalyzer) -> None:
    posting = (
        "Requirements\n- Experience with Salesforce\n- Strong negotiation skills\n"
        "- Experience with HubSpot is a plus"
    )
    result = match(analyzer, ACCOUNTANT, posting)
    terms = {t["term"]: t for t in result["terms"]}
    assert terms["Salesforce"]["required"] and not terms["HubSpot"]["required"]
    assert terms["Salesforce"]["importance"] > terms["HubSpot"]["importance"]
    importance = [terms[m]["importance"] for m in result["missing"]]
    assert importance == sorted(importance, reverse=True)
    assert result["missing"][0] == "Salesforce"


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("Consistently meets quota", "Exceeded sales targets in 7 of 8 quarters"),
        ("Builds client relationships", "Built customer relationships with 40 buyers"),
        ("Manages customer accounts", "Managed 30 client accounts"),
    ],
)
def test_synonyms_meet(analyzer: ResumeAnalyzer, asked: str, written: str) -> None:
    posting = f"Requirements\n- {asked}"
    resume = f"Experience\nAccount Manager | Acme | 2020 - Present\n- {written}\n"
    result = match(analyzer, resume, posting)
    assert result["terms"] and result["terms"][0]["covered"], result["terms"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Senior Account Manager\nAbout us\nWe make tools.", "Senior Account Manager"),
        ("Northwind Traders\nAccount Executive - Remote\nResponsibilities",
         "Account Executive - Remote"),
        ("\n  Business Development Rep:\nWho we are", "Business Development Rep"),
        ("Inside Sales Rep, Medical Devices\nAbout the role", "Inside Sales Rep, Medical Devices"),
        ("Staff Accountant\nClose the books each month.", None),
        ("Salesforce Administrator\nOwn our CRM.", None),
        ("Accounts Payable Clerk\nEnter invoices.", None),
        ("We are hiring an account manager to grow our book of business.\nMore", None),
        ("Requirements\n- Experience with Salesforce\n- B2B sales experience", None),
        ("- Grow a book of 40 accounts\n- B2B sales experience", None),
        ("Job title: Key Account Manager\nLocation: Austin", "Key Account Manager"),
    ],
)  # fmt: skip
def test_the_title_line_is_read_when_it_names_account_or_sales_work(
    text: str, title: str | None
) -> None:
    lexicon = load_lexicon(CONTENT)
    rule = lexicon.rules.job_match.title
    relevant = lexicon.level_keywords.relevant_titles
    assert posting_title(text, relevant, rule, lexicon.posting) == title


SPARSE_POSTING = (
    "Responsibilities\n- Help customers get the most from their accounts\n"
    "- Answer questions by phone and email\n"
    "Requirements\n- Two years of experience with customers\n- Experience with Salesforce"
)


def test_the_title_adds_what_such_postings_usually_ask_for(analyzer: ResumeAnalyzer) -> None:
    rule = analyzer.lexicon.rules.job_match.title
    rates = analyzer.lexicon.posting_terms.title_keywords.rate
    titled = match(analyzer, ACCOUNTANT, f"Account Manager\n{SPARSE_POSTING}")
    untitled = match_read(analyzer, ACCOUNTANT, analyzer.read_posting(SPARSE_POSTING))
    assert titled["title"] == "Account Manager" and titled["title_source"] == "posting"
    assert untitled["title"] is None and untitled["title_source"] is None
    assert not any(t["part"] == "title" for t in untitled["terms"])
    usual = [t for t in titled["terms"] if t["part"] == "title"]
    own = [t for t in titled["terms"] if t["part"] != "title"]
    assert usual
    # The posting's own terms, and the title itself (as the keyword it names).
    own_terms = {t["term"] for t in own}
    assert own_terms - {t["term"] for t in untitled["terms"]} == {"Account Management"}
    for term in usual:
        assert term["kind"] == "keyword" and term["count"] == 0 and not term["required"]
        assert rates[term["term"]] >= rule.min_rate
        # Weighed below the same keyword written in the posting's intro.
        assert term["importance"] <= rule.weight <= analyzer.lexicon.rules.job_match.parts.intro
    # A keyword the posting writes is not asked for twice.
    assert "Salesforce" not in {t["term"] for t in usual}
    assert {t["term"] for t in usual} >= {"Sales", "Business Development", "Prospecting"}
    importance = [t["importance"] for t in titled["terms"]]
    assert importance == sorted(importance, reverse=True)


def test_a_posting_naming_no_title_is_read_for_the_level(analyzer: ResumeAnalyzer) -> None:
    report = analyze_resume(
        ACCOUNTANT, level="senior-account-manager", job_description=SPARSE_POSTING,
        analyzer=analyzer, today=date(2025, 6, 1),
    )  # fmt: skip
    result = report.to_dict()["job_match"]
    assert result["title"] == "Senior Account Manager" and result["title_source"] == "level"
    titled = match(analyzer, ACCOUNTANT, f"Senior Account Manager\n{SPARSE_POSTING}")
    usual = {t["term"] for t in titled["terms"] if t["part"] == "title"}
    # The same usual terms (the title line itself names Account Management as a term).
    level_usual = {t["term"] for t in result["terms"] if t["part"] == "title"}
    assert level_usual - {"Account Management"} == usual
    # A title line the posting writes wins over the level.
    named = analyze_resume(
        ACCOUNTANT, level="senior-account-manager",
        job_description=f"Inside Sales Representative\n{SPARSE_POSTING}",
        analyzer=analyzer, today=date(2025, 6, 1),
    ).to_dict()["job_match"]  # fmt: skip
    assert named["title"] == "Inside Sales Representative" and named["title_source"] == "posting"


def test_the_title_separates_a_sales_resume_from_an_unrelated_one(
    analyzer: ResumeAnalyzer,
) -> None:
    # A posting whose own words any office resume can meet.
    vague = (
        "Responsibilities\n- Resolve customer issues and requests\n- Keep reports current\n"
        "- Work with internal teams on projects"
    )

    def gap(posting: str) -> float:
        read = analyzer.read_posting(posting)
        return (
            match_read(analyzer, TAILORED_RESUME, read)["share"]
            - match_read(analyzer, ACCOUNTANT, read)["share"]
        )

    assert gap(f"Account Manager\n{vague}") > gap(vague) + 0.1
