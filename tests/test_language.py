"""The inclusive-language check: the paper's lists, sense in context, the verdict,
drop-in suggestions and the risks beyond gender. Every text here is written for the test."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from scoring.content import DEFAULT_CONTENT_DIR
from scoring.language import (
    GenderLexicon,
    LanguageReport,
    check_language,
    highlight_segments,
    load_gender_lexicon,
)
from scoring.roles import ROLE_SLUGS
from scoring.sources import load_sources

API = "/api/v1/language-check"


@pytest.fixture(scope="module")
def lexicon() -> GenderLexicon:
    return load_gender_lexicon(DEFAULT_CONTENT_DIR, load_sources(DEFAULT_CONTENT_DIR))


def coded(report: LanguageReport) -> list[str]:
    return [w.word for w in sorted(report.masculine + report.feminine, key=lambda w: w.start)]


# --- the paper's lists, exactly ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Whole words in the paper match only themselves.
        ("You are confident with numbers.", ["confident"]),
        ("Handle confidential contracts.", []),
        ("You are active in the community.", ["active"]),
        ("You actively manage renewals.", []),
        ("You are honest with clients.", ["honest"]),
        ("We value honesty.", []),
        # Stems match any ending.
        ("A competitive salary and ambitious goals.", ["competitive", "ambitious"]),
        ("You are self-reliant.", ["self-reliant"]),
        # The paper codes these; they are no longer excepted.
        ("Strong analytical skills; analyze renewals.", ["analytical", "analyze"]),
        ("Respond quickly and be responsible for renewals.", ["Respond", "responsible"]),
        ("Determine pricing with a competent team.", ["Determine", "competent"]),
        # gender-decoder's additions are not the paper's.
        ("A driven, collaborative seller who will champion clients.", []),
    ],
)
def test_the_paper_s_entries(lexicon: GenderLexicon, text: str, expected: list[str]) -> None:
    assert coded(check_language(text, lexicon)) == expected


def test_gender_decoder_s_words_on_request_and_labelled(lexicon: GenderLexicon) -> None:
    report = check_language("A driven, collaborative seller.", lexicon, extended=True)
    assert coded(report) == ["driven", "collaborative"]
    assert {w.to_dict()["list"] for w in report.masculine + report.feminine} == {"gender-decoder"}


# --- sense in context --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Follow up on sales leads and qualify new leads.", []),
        ("Cold-call prospects to qualify the lead.", []),
        ("Two years of lead generation experience.", []),
        ("Meet the decision makers at each account.", []),
        ("Hours to be determined by the manager.", []),
        ("Track competitors and their pricing.", []),
        ("Knowledge of accounting principles.", []),
        ("Keep independent sales representatives informed.", []),
        ("Are you the kind of person who asks questions?", []),
        ("The objective of the role is growth.", []),
        ("Train the broker sales force.", []),
        ("Accommodations may be made to enable individuals with disabilities to work.", []),
        ("We offer dental cover and child care for dependents.", []),
        ("Our offices are in Hartford, Connecticut.", []),
        # A heading run into the next word is split off and left alone.
        ("Duties and ResponsibilitiesBuild relationships with each client.", []),
        # "Lead" with nothing led, or modifying a noun, is a prospect or "lead to".
        ("Log all leads and calls in the CRM.", []),
        ("Experience in roles which lead to a management job.", []),
        ("Complete lead generating activities each week.", []),
        # Who decides, in a subordinate clause.
        ("Travel as management will determine.", []),
        # A measure's name, the study of rivals, an organisation or a thing described.
        ("Response time: under four hours; track the response rate.", []),
        ("Maintain competitive analysis and report competitive activities.", ["analysis"]),
        ("Acme is an independent apparel provider with active operations in 20 states.", []),
        ("A valid license and dependable transportation are required.", []),
        ("We design athletic uniforms for clubs.", []),
        # A job level, benefits, an instruction for applying, an award's name.
        ("The team hires individual contributors and managers.", []),
        ("Choose the benefits that suit your individual needs.", []),
        ("Please respond with your availability for an interview.", []),
        ("The first firm to be awarded Trusted Carrier by the state.", []),
        # A section heading with its text on the same line.
        ("Responsibilities: Manage accounts in the region.", []),
        ("PRINCIPLE ACCOUNTABILITIES: Grow sales in the region.", []),
        # An item's lead-in and a clause describing the employer stay coded.
        ("Leadership Skills: coach new hires.", ["Leadership"]),
        ("Competitive Package: base pay and bonus.", ["Competitive"]),
        (
            "We are an equal opportunity employer that provides a supportive community.",
            ["supportive"],
        ),
        ("We are an equal opportunity employer committed to diversity.", ["committed"]),
        ("A fast response to every client, a competitive spirit.", ["response", "competitive"]),
        # The same words in their coded sense stay coded.
        ("You will lead the team and grow as a leader.", ["lead", "leader"]),
        ("She leads the team and will determine the plan.", ["leads", "determine"]),
        # A sentence end breaks "sales lead"; an imperative opening a line stays a verb.
        ("Grow direct sales. Lead, mentor and motivate the team.", ["Lead"]),
        ("Lead negotiations for new agreements.", ["Lead"]),
        ("A determined self-starter with strong principles.", ["determined"]),
        (
            "Strong decision-making and a deep understanding of clients.",
            ["decision", "understanding"],
        ),
        ("We are seeking a motivated individual.", ["individual"]),
        # Case does not change a phrase's sense.
        ("Build relationships with Decision Makers at each account.", []),
        ("Meet the DECISION MAKERS at each account.", []),
        # A heading after a sentence on its line, or after other words run into it.
        ("Join our expert team. Primary Responsibilities:\nCall on clients.", []),
        ("Health cover and Company Match Program Responsibilities:\nCall on clients.", []),
        # A heading's adjective describing a singular noun is the employer's wording.
        ("Our Supportive Environment:\nWork with a caring team.", ["Supportive"]),
        ("Benefits:\nCompetitive Compensation\nHealth insurance", ["Competitive"]),
        # Rank describing the organisations the job deals with; the employer's own stays.
        ("Build relationships with leading project developers.", []),
        ("Serve our numerous industry-leading customers.", []),
        ("Acme is a leading provider of valves.", ["leading"]),
        # Things and schemes named by a compound; an invitation to follow the employer.
        ("A reliable internet connection is required.", []),
        ("Promote our loyalty programs in store.", []),
        ("Help clients meet their carbon reduction commitments.", []),
        ("Stay connected with us for the latest news.", []),
        ("Connect with customers and build strong connections.", ["Connect", "connections"]),
        # Ownership, "lead to", pay-setting text, and a decision the client makes.
        ("The store is independently owned and operated.", []),
        ("Set goals which will lead to success in the position.", []),
        (
            "The base pay offered may vary depending on individualized factors and other"
            " objective business considerations.",
            [],
        ),
        ("Help them make the best decision for their family.", []),
        ("You will make decisions quickly.", ["decisions"]),
        ("Leads by example and coaches the team.", ["Leads"]),
        # Disability plans are benefits, not equal-opportunity text.
        ("Competitive PTO and company-paid disability plans.", ["Competitive"]),
        # The employer describing itself as leading, in a sentence's predicate, stays
        # coded; organisations it works for are ranked, and "leading" is no prospect.
        ("Acme has been one of the leading insurance providers in Ohio.", ["leading"]),
        ("Join us and be part of the nation's leading solar company!", ["leading"]),
        ("We are a search partner for some of the world's leading organizations.", []),
        # A role is leading; a lead that is pursued is a prospect.
        ("Serve as the Acme Media lead on social media.", ["lead"]),
        ("Make sure that every lead is thoroughly pursued.", []),
        # Forcefulness described stays coded; a force named by a noun is a group.
        ("We are a disruptive force for good.", ["force"]),
        ("Train the sales force on new products.", []),
        # Marketing content, decisions the job influences, support obtained, things tied.
        ("Place thought leadership articles in trade media.", []),
        ("We influence the buying decisions of shoppers.", []),
        ("Salary history will not be used in compensation decisions.", []),
        ("Help clients secure stakeholder support for projects.", []),
        ("Tie together lead generation, tools and benefits.", []),
        ("Work together with the team.", ["together"]),
        # An item under a heading, a section name whose line end was lost, a verb
        # with an object read as a name, a segment's name inside a sentence.
        ("Qualifications\nAnalytical Skills\nCommunication skills", ["Analytical"]),
        ("Teach others how to sell.  Responsibilities Full cycle recruiting.", []),
        (
            "Renew accounts as needed\nSupporting our Small Business Sales Team daily.",
            ["Supporting"],
        ),
        ("A resource to the Office Dealership and Independent Interior Design community.", []),
        # Children as the people a job serves; "childlike" is not a noun.
        ("Plan play-based lessons for young children and their families.", []),
        ("Lead our early childhood programs.", ["Lead"]),
        ("Keep a childlike curiosity about products.", ["childlike"]),
        # Individuals as parties beside organisations or donors; the person sought stays.
        ("Raise gifts from individuals, foundations and corporations.", []),
        ("Steward a portfolio of individual and foundation donors.", []),
        ("We want a motivated individual who sells insurance coverage.", ["individual"]),
        ("Bonuses reward company and individual performance.", ["individual"]),
        ("Benefits plans to suit your individual needs.", []),
        # Supporters and support asked for are backing the organisation seeks.
        ("Build a pipeline of potential supporters.", []),
        ("Use donor data to create compelling cases for support in every area.", []),
        ("Support the account team every day.", ["Support"]),
        # A response named by the event it answers is a field of service.
        ("We are dedicated to disaster response across the country.", []),
        ("Draft prompt responses to client questions.", ["responses"]),
        # The competition are rivals; competition as an activity stays coded.
        ("Know what sets us apart from the competition.", []),
        ("You are the competition expert on the team.", []),
        ("You have a thirst for competition.", ["competition"]),
        # Connecting plans links things; connecting people stays coded.
        ("Connect the client's goals to the content plan.", []),
        ("We connect brands with consumers.", ["connect"]),
        # A thought leader is a firm's positioning; taking the lead is leading.
        ("Position the firm as a thought leader in payments.", []),
        ("Under direction, takes the lead on field reviews.", ["lead"]),
        # Liable to pay a cost; responsible for work stays coded.
        ("Otherwise the agent is responsible for this cost.", []),
        ("You are responsible for renewals.", ["responsible"]),
        # Lead management at a line start is handling prospects; a lead role is leading.
        ("Lead Management: work a high volume of inbound leads daily.", []),
        # Time-critical and machine senses.
        ("Meet time sensitive deadlines every week.", []),
        ("Be sensitive to the needs of clients.", ["sensitive"]),
        ("We build the first autonomous cleaning robot.", []),
        ("Enable services across the connected vehicle platform.", []),
        ("Work in an autonomous way with little oversight.", ["autonomous"]),
        # Current records; benefits that boast a figure.
        ("An active Github page is a plus.", []),
        ("Join our 401k program that boasts a 6% employer match.", []),
        ("Our offices boast a supportive culture.", ["boast", "supportive"]),
        # Headings: a sentence-case section label; an item's lead-in run into its text.
        ("Location: Denver\nRoles and responsibilities:This role reports to sales.", []),
        ("Plan the budget.Team Leadership:Manage a team of six.", ["Leadership"]),
        ("Close renewals.Sales Support & Presentation:Prepare demos.", ["Support"]),
        ("Review records.Job Requirements and Responsibility:Sell products.", []),
        # Words run into the previous line are read apart.
        ("Prioritize work itemsActive communicator and team player", ["Active"]),
        ("Years of experience - 10YearsLeading requirements sessions", ["Leading"]),
        ("Order office supply needsSupporting the practitioner daily", ["Supporting"]),
        # Seventh round. A disclaimer that the list of duties is incomplete is legal text;
        # other duties as assigned are duties of the job.
        ("This summary is not an exhaustive list of all responsibilities of the role.", []),
        ("Duties and responsibilities may change with or without notice.", []),
        ("Perform other duties and responsibilities as assigned.", ["responsibilities"]),
        # Individuals the job serves or meets; individuals sought stay coded.
        ("Provide friendly support to these individuals every day.", ["support"]),
        ("Our clinic provides treatment to individuals in recovery.", []),
        ("Our programs impact individuals in every county.", []),
        ("Build rapport with a wide variety of individuals.", []),
        ("Work with high-net-worth individuals on their estates.", []),
        ("We consider each individual's unique needs.", []),
        ("We look for individuals who love to sell.", ["individuals"]),
        ("Guide a diverse group of individuals toward a shared goal.", ["individuals"]),
        # Responses to the posting are applications; responses the job gives stay coded.
        ("We received many responses to this posting.", []),
        ("We are getting a lot of generic responses to this.", []),
        ("Please include the code word in your response.", []),
        ("Your response to customer questions must be quick.", ["response"]),
        # A deficit described of the people served.
        ("Our patients may have a limited understanding of medical terms.", []),
        ("You have a deep understanding of logistics.", ["understanding"]),
        # Support as money paid, a benefit offered, or a document.
        ("We offer support of licensing fees and training.", []),
        ("The company supports work/life balance for every employee.", []),
        ("Update the support documentation for each release.", []),
        ("Support the sales team with weekly reports.", ["Support"]),
        # Physical senses: wiring, an encrypted link, a force in pounds, a contact person.
        ("Ensure accurate wiring connections on every panel.", []),
        ("Never use public wifi, even if the connection is encrypted.", []),
        ("Ask your connection at Acme about referrals.", []),
        ("Make genuine connections with customers.", ["connections"]),
        ("Exert up to 40 pounds of force occasionally.", []),
        ("We are a disruptive force in the industry.", ["force"]),
        # A name the abbreviation after it spells (a certificate).
        ("Hold a current Basic Life Support (BLS) certificate.", []),
        ("Offer support (SLA based) to the accounts.", ["support"]),
        # Adjectives describing a compound that names a case or a product.
        ("Handle active plaintiff Personal Injury litigation for the firm.", []),
        ("We are the first autonomous property management solution.", []),
        # Round eight: the absence of a reply, commitments others give, a document that
        # backs something up, a fixed preposition, a place, decisions others make, an
        # asset, a current clearance, a thing that depends.
        ("Follow up on every invoice with no response within a month.", []),
        ("Quick response to customer emails is expected.", ["response"]),
        ("Obtain signed commitments from the buyers before launch.", []),
        ("We are committed to your growth.", ["committed"]),
        ("Collect the supporting documents for each claim.", []),
        ("The coordinators supporting our branches report to you.", ["supporting"]),
        ("Log every fault found in connection with a shipment.", []),
        ("Build lasting connections with our partners.", ["connections"]),
        ("You will work in a quiet office near the station.", []),
        ("You are a quiet, thoughtful listener.", ["quiet"]),
        ("Prepare weekly reports to support decision-making by the board.", ["support"]),
        ("Your decision-making must be fast.", ["decision"]),
        ("Protect the firm's intellectual property in every contract.", []),
        ("We value intellectual curiosity.", ["intellectual"]),
        ("Preferred: Active Secret Security Clearance.", []),
        ("Stay active in local trade associations.", ["active"]),
        ("Your salary will be dependent on experience.", []),
        ("You will be dependent on nobody to plan your day.", ["dependent"]),
        # A capitalized title as the subject of what the hire will do.
        ("The Regional Account Lead will own five key accounts.", ["Lead"]),
        # Round nine, from the whole corpus's frequent patterns. Support naming a thing
        # or a unit; the people and the job's own support stay coded.
        ("Repair the molding machines and their support equipment.", []),
        ("Train the legal staff on litigation support software.", []),
        ("Coordinate with the support divisions on each release.", []),
        ("Supervise the pharmacy support staff.", ["support"]),
        ("Our support team is here to help you.", ["support"]),
        # Competing things conflict; competing as an activity stays coded.
        ("Manage competing priorities in a busy office.", []),
        ("You thrive on competing and winning.", ["competing"]),
        # A domain of someone's needs or health; the trait stays coded.
        ("Address the social and emotional needs of our patients.", []),
        ("Support the academic, social, emotional, and career needs of students.", ["Support"]),
        ("Benefits cover your emotional wellbeing.", []),
        ("Emotional intelligence is key to this role.", ["Emotional"]),
        # Easy to understand: a property of a thing.
        ("Write easy-to-understand reports for the board.", []),
        ("You understand the market well.", ["understand"]),
        # Commitments met are obligations; commitment as dedication stays coded.
        ("Ensure the plant meets its commitments to customers.", []),
        ("Your commitment to quality is essential.", ["commitment"]),
        # A legal trust; trust between people stays coded.
        ("Handle trust administration and probate for our clients.", []),
        ("Build trust with every client.", ["trust"]),
        # A legal status, the ADA's statements, a taxable estate, a trade.
        ("Service-connected veterans are encouraged to apply.", []),
        ("Stay connected with your clients.", ["connected"]),
        (
            "To perform this job successfully, an individual must be able to perform "
            "each essential duty satisfactorily.",
            [],
        ),
        ("The individual will regularly be required to stand and walk.", []),
        ("We seek an individual who loves to sell.", ["individual"]),
        ("Plan tax sensitive estates for families.", []),
        ("Sell uniforms to the athletic industry.", []),
        ("You are athletic and love the outdoors.", ["athletic"]),
        # A name or an address run into figures or an "@".
        ("Write content for Loyalty360 members.", []),
        ("Send your resume to Support@example.edu today.", []),
        # Customer loyalty, laboratory analysis, individuals the employer helps.
        ("Build customer loyalty through rewards.", []),
        ("We value loyalty and honesty.", ["loyalty"]),
        ("Apply analytical chemistry methods in the lab.", []),
        ("Strong analytical skills are required.", ["analytical"]),
        ("We empower individuals to find their path.", []),
        # Instruments, plans, contracts, people served.
        ("Calibrate the gas analyzers every week.", []),
        ("Write behavior support plans for each student.", []),
        ("You will train young athletes every week.", []),
        ("We welcome former college athletes to this role.", ["athletes"]),
        ("Manage federal cooperative agreements and grants.", []),
        ("You have a cooperative attitude.", ["cooperative"]),
        # Fixed phrases and instruments of a field; one-to-one formats of a service.
        ("Build pages with responsive design and clean code.", []),
        ("You are responsive to every client request.", ["responsive"]),
        ("Sell sponsorships to college athletics programs.", []),
        ("Administer the estates and trusts of our clients.", []),
        ("Make a determination of eligibility for each applicant.", []),
        ("You have the determination to succeed.", ["determination"]),
        ("Provide individual and group counseling sessions.", []),
        ("Handle files of a sensitive nature with care.", []),
        ("Recruit independent insurance agents across the state.", []),
        ("Teach at an independent school in the city.", []),
        ("Answer production support issues within an hour.", []),
        ("You work independently and plan your own day.", ["independently"]),
        # Electronics and code, a dependency, a method's name spelled after its initials,
        # people the job prepares or the firm serves beside organisations.
        ("Debug boards with logic analyzers and scopes.", []),
        ("Write the business logic of the billing service.", []),
        ("Use sound logic to solve problems.", ["logic"]),
        ("Deploy the portal and its dependent services.", []),
        ("Run FEA (Finite Element Analysis) simulations in Ansys.", []),
        ("Prepare individuals for reentry into the community.", []),
        ("Our clients include developers and private individuals.", []),
        # Inquiries to a support desk, a measure per lead, things in use, a hard time.
        ("Resolve customer support inquiries within a day.", []),
        ("Track cost-per-lead and conversion rates.", []),
        ("Organize active calendars for the partners.", []),
        ("Families come to us at an emotionally excruciating time.", []),
        ("You are emotionally intelligent and calm.", ["emotionally"]),
        # The difficulties of the people served; a challenge offered stays coded.
        ("Coach staff who work with youth facing mental health challenges.", []),
        ("You will face new challenges every day.", ["challenges"]),
    ],
)
def test_sense_in_context(lexicon: GenderLexicon, text: str, kept: list[str]) -> None:
    assert coded(check_language(text, lexicon)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A label run into the item before it, after an earlier label on the line.
        (
            "Job Description: You book rides for clients and answer the phone all day "
            "with a smile Duties and responsibilities: Keep the fleet list current.",
            [],
        ),
        # A section name run onto the end of the item above it, whose line end was lost.
        (
            "Strong knowledge of accounting software Key Responsibilities\n"
            "Essential Job Functions:\nShip code.",
            [],
        ),
        # A legal phrase before a colon is a label, and the duties after it are coded.
        ("Essential Functions: Responds to client requests within an hour.", ["Responds"]),
        # A section name ends the line, not a title led by the hire.
        ("Strong knowledge of accounting software Key Responsibilities\nShip code.", []),
        ("Hire and coach strong Leaders\nShip code.", ["Leaders"]),
        # Round nine: a section name run into its first item, whose line end was lost,
        # or wrapped in Markdown; "Responsibilities include" is a sentence.
        ("We grow fast.\n**Key Responsibilities:**- Design apps for clients.", []),
        ("Join us.\nDUTIES AND RESPONSIBILITIESPoint person for shipping.", []),
        ("Join us.\nKEY RESPONSIBILITIES\u25cf Plan the events.", []),
        ("Our team is small. Primary Responsibilities Drive the order process.", []),
        ("Join us. Responsibilities include answering the phone.", ["Responsibilities"]),
        ("Our values:\nCOMPASSIONATEYou care deeply about patients.", ["COMPASSIONATEYou"]),
    ],
)
def test_labels_run_into_text(lexicon: GenderLexicon, text: str, kept: list[str]) -> None:
    assert coded(check_language(text, lexicon)) == kept


def test_product_names_in_one_word_are_not_read_as_words(lexicon: GenderLexicon) -> None:
    report = check_language("Keep files in SharePoint and track them.", lexicon, extended=True)
    assert coded(report) == []


# --- the verdict ----------------------------------------------------------------------------

FILLER = " ".join(["Renewals, invoices and quarterly reviews with each account."] * 12)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (f"{FILLER} We support each client.", "too-close-to-call"),
        (f"{FILLER} A competitive, ambitious and confident seller.", "masculine-coded"),
        (f"{FILLER} Supportive, warm and loyal; we trust each other.", "feminine-coded"),
        (f"{FILLER} A competitive seller who will support clients.", "neutral"),
        (FILLER, "neutral"),
    ],
)
def test_verdict_respects_the_evidence(lexicon: GenderLexicon, text: str, verdict: str) -> None:
    report = check_language(text, lexicon)
    assert report.verdict == verdict
    assert report.evidence  # the note on how strong the evidence is


def test_rates_are_per_100_words(lexicon: GenderLexicon) -> None:
    report = check_language(f"{FILLER} A competitive, ambitious and confident seller.", lexicon)
    assert report.rates["masculine"] == round(3 * 100 / report.word_count, 2)


# --- suggestions that fit ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        ("She leads the weekly review.", "leads", "guides"),
        ("Proven leadership of a small team.", "leadership", "management"),
        ("We hire individuals who listen.", "individuals", "candidates"),
        ("Work independently on renewals.", "independently", "on your own"),
        ("A competitive salary.", "competitive", "strong"),
        ("Competitive salary.", "Competitive", "Strong"),
        ("Confident with numbers.", "Confident", "Assured"),
    ],
)
def test_suggestions_fit_the_word_s_form(
    lexicon: GenderLexicon, text: str, word: str, first: str
) -> None:
    report = check_language(text, lexicon)
    found = next(w for w in report.masculine if w.word == word)
    assert found.suggestions[0] == first
    assert report.alternatives[word.lower()][0] == first


def test_no_suggestion_for_a_word_not_coded_in_context(lexicon: GenderLexicon) -> None:
    report = check_language("Follow up on sales leads.", lexicon)
    assert report.alternatives == {}


# --- beyond gender ------------------------------------------------------------------------

PAY = " The pay is $60,000-$75,000 a year."


@pytest.mark.parametrize(
    ("text", "category", "flagged"),
    [
        ("We want a digital native." + PAY, "age", "digital native"),
        ("Ideal for a recent graduate." + PAY, "age", "recent graduate"),
        ("Join a young team." + PAY, "age", "young"),
        ("An energetic seller." + PAY, "age", "energetic"),
        ("Native English speaker required." + PAY, "national-origin", "Native English speaker"),
        ("Must lift 50 lbs." + PAY, "disability", "lift 50 lbs"),
        ("Our salesman visits clients." + PAY, "gendered-term", "salesman"),
        ("He will manage renewals." + PAY, "gendered-term", "He"),
        ("He/she will manage renewals." + PAY, "gendered-term", "He/she"),
        ("A chairman's award." + PAY, "gendered-term", "chairman"),
        ("Rockstar wanted." + PAY, "jargon", "Rockstar"),
        ("A sales ninja." + PAY, "jargon", "ninja"),
        ("We work hard, play hard." + PAY, "jargon", "work hard, play hard"),
        ("Expect 60+ hours a week." + PAY, "hours", "60+ hours a week"),
        ("You are always on." + PAY, "hours", "always on"),
        ("Competitive pay and great clients.", "pay-missing", "Competitive pay"),
        ("We pay up to $80,000 a year.", "pay-open-ended", "up to $80,000"),
        ("The salary is $70,000.", "pay-open-ended", "$70,000"),
    ],
)
def test_every_category_is_caught(
    lexicon: GenderLexicon, text: str, category: str, flagged: str
) -> None:
    issues = check_language(text, lexicon).issues
    assert [(i.category, i.text) for i in issues] == [(category, flagged)]
    issue = issues[0]
    assert text[issue.start : issue.end] == flagged
    assert issue.message and issue.suggestion and issue.source


def test_physical_requirement_with_accommodation_is_not_flagged(lexicon: GenderLexicon) -> None:
    text = "Must lift 50 lbs, with or without reasonable accommodation." + PAY
    assert check_language(text, lexicon).issues == ()


def test_no_pay_at_all_is_one_posting_wide_issue(lexicon: GenderLexicon) -> None:
    issues = check_language("Manage renewals for our clients.", lexicon).issues
    assert [(i.category, i.start, i.end) for i in issues] == [("pay-missing", 0, 0)]


@pytest.mark.parametrize(
    ("text", "level", "flagged"),
    [
        ("Junior Account Manager\nRequires 3+ years of experience." + PAY, None, True),
        (
            "Entry-level account coordinator\nAt least three (3) years of sales experience." + PAY,
            None,
            True,
        ),
        ("Account Manager\nRequires 3+ years of experience." + PAY, None, False),
        ("Requires 3+ years of experience." + PAY, "account-coordinator", True),
        ("Requires 5 years of experience." + PAY, "senior-account-manager", False),
        ("Junior Account Manager\nRequires 1-2 years of experience." + PAY, None, False),
    ],
)
def test_experience_against_the_level(
    lexicon: GenderLexicon, text: str, level: str | None, flagged: bool
) -> None:
    issues = check_language(text, lexicon, level=level).issues
    assert [i.category for i in issues] == (["experience"] if flagged else [])


CLEAN = """Account Manager, Northwind

About the role
You will manage a portfolio of mid-sized retail clients, run quarterly business reviews and
plan renewals with our product team.

Requirements
- Two years in account management or client services
- Clear writing and careful work with numbers

Pay and benefits
The base salary is $62,000-$78,000 a year, with health cover and 20 days of leave.
"""


def test_a_clean_posting_raises_nothing(lexicon: GenderLexicon) -> None:
    report = check_language(CLEAN, lexicon)
    assert report.issues == ()
    assert report.verdict in {"neutral", "too-close-to-call"}


def test_requirements_are_counted_from_sentences(lexicon: GenderLexicon) -> None:
    text = "Requirements\nTwo years in sales. Clear writing. A driving licence.\nBenefits\nLeave."
    assert check_language(text, lexicon).must_have_count == 3


def test_highlights_join_back_to_the_text(lexicon: GenderLexicon) -> None:
    text = "A competitive salesman.\nResponsibilitiesLead the team. We support you." + PAY
    report = check_language(text, lexicon)
    segments = highlight_segments(text, report)
    assert "".join(s for s, _ in segments) == text
    kinds = {kind for _, kind in segments if kind}
    assert kinds == {"masculine", "feminine", "issue-gendered-term"}


def test_an_issue_over_a_coded_word_keeps_its_highlight(lexicon: GenderLexicon) -> None:
    text = "We offer competitive pay and a hybrid schedule to every coordinator we hire."
    report = check_language(text, lexicon)
    issue = next(i for i in report.issues if i.category == "pay-missing")
    segments = highlight_segments(text, report)
    assert "".join(s for s, _ in segments) == text
    marked = {kind for _, kind in segments if kind}
    assert {"masculine", "issue-pay-missing"} <= marked
    # Together the two marks cover the issue's whole span.
    position = 0
    covered: set[int] = set()
    for piece, kind in segments:
        if kind:
            covered.update(range(position, position + len(piece)))
        position += len(piece)
    assert set(range(issue.start, issue.end)) <= covered


# --- the builder's own postings ------------------------------------------------------------

BUILDER_BODY: dict[str, Any] = {
    "company_name": "Northwind Retail Software",
    "company_summary": "Northwind sells forecasting software to mid-sized retailers.",
    "industry": "technology-saas",
    "metro": "boston",
    "work_mode": "hybrid",
    "city": "Boston",
    "state": "MA",
}


@pytest.mark.parametrize("slug", ROLE_SLUGS)
def test_the_builder_s_postings_raise_no_false_alarm(app: Flask, slug: str) -> None:
    from webapp import get_content
    from webapp.jobdesc.builder import build_posting

    with app.test_request_context():
        posting = build_posting({**BUILDER_BODY, "role": slug}, get_content(app))
    report = check_language(posting.text, get_content(app).gender, level=slug)
    assert [(i.category, i.text) for i in report.issues] == []
    # A success measure's name ("Response time") is not responsiveness asked of anyone.
    measures = [w.word for w in report.feminine if posting.text[w.end : w.end + 5] == " time"]
    assert measures == []
    # Leadership roles name leading, as they should.
    if slug not in {"account-director", "vp-client-services"}:
        assert report.verdict != "masculine-coded", report.masculine_counts


# --- the API --------------------------------------------------------------------------------


def test_api_returns_issues_with_offsets(client: FlaskClient) -> None:
    text = "Junior Account Manager\nA young salesman with 3+ years of experience." + PAY
    body = client.post(API, json={"text": text}).get_json()
    assert body["level"] == "entry"
    got = [(i["category"], text[i["start"] : i["end"]]) for i in body["issues"]]
    assert got == [
        ("age", "young"),
        ("gendered-term", "salesman"),
        ("experience", "3+ years"),
    ]
    assert all(i["source"] and i["message"] for i in body["issues"])


def test_api_refuses_an_unknown_level(client: FlaskClient) -> None:
    response = client.post(API, json={"text": "Manage renewals.", "level": "sales-ninja"})
    assert response.status_code == 400
    assert "level" in response.get_json()["error"]["fields"]


def test_issues_are_found_request_after_request_in_memory_zones(
    lexicon: GenderLexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each request checks inside its own memory zone; the matcher, built in the first
    # (an empty cache here, as in a fresh worker), must still name its matches later.
    from scoring import language_issues
    from scoring.nlp import load_pipeline, request_zone

    monkeypatch.setattr(language_issues, "_MATCHERS", {})
    nlp = load_pipeline()
    for text in ("A young salesman wanted.", "Rockstar wanted, digital native preferred."):
        with request_zone(nlp):
            report = check_language(text, lexicon, nlp)
        assert report.issues, text
