"""How honest the salary estimator's ranges are on real reported pay, and the parameters
derived from that pay (``content/compensation.yaml`` ``model``).

Data: ``salaries/aam_2021_account_roles.csv`` of the real-data corpus (the Ask a Manager
2021 survey's US, USD account-management rows; read there, never copied) and
``salaries/oews_national.csv`` (BLS OEWS national percentiles, May 2023 and 2024).

Method (the figures ``make eval`` prints):
- **Sample**: rows with an annual salary of 20,000 to 1,000,000 US dollars (248 of 249).
- **Mapping** of a row to a profile, by the data README's rules: title groups, then the
  level (first match: VP / head with client services; director; key, enterprise,
  strategic, global, technical, digital; coordinator; client-service representative titles;
  senior / lead / principal; junior / associate / assistant; other client-service titles;
  everything else is account manager), industry (the survey's pick list, then keywords of
  the free-text answers), metro (state and city, by metro area; a city alone for New York,
  San Francisco and Chicago; "remote" and small places are national), work mode (``remote``
  when the city says so, else on site), company size mid, no key accounts, certification or
  MBA, and ``years`` the midpoint of the years-in-field bracket (1, 3, 6, 9, 15, 25, 35, 41).
- **Ageing**: 2021 pay times 49,500 / 45,760 = 1.082, the OEWS all-occupation median from
  May 2021 to May 2024 (the estimator is in May 2024 dollars, the year of its BLS anchors).
- **Coverage**: the share of rows whose aged base salary is inside the estimate's p10-p90,
  below p10 and above p90 (about 10% each side is honest).
- **Real / typical**: the median of aged base / the estimate's median, over all rows and
  per level with at least 15 rows. **Spread**: the median of p90 / p10 over the rows.
- **Total cash** coverage on the rows that answered the extra-pay question.
- **Derived parameters** (``derive()``): the level spread (the 10th and 90th percentiles of
  each row's log of aged base over its level's anchored median, after the row's own metro,
  industry and years effects), the survey's estimate of each factor (the median log gap of
  the rows with the factor against the rest, after level, with the number of rows behind
  it), the years slope (least squares of that log gap on log years over the level's
  reference years) and the variable pay shares (the share of rows with extra pay and the
  quartiles of extra / base where there is some). ``content/compensation.yaml`` holds these
  rounded; ``tests/test_salary_calibration.py`` checks they still follow from the data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from evaluation.corpus import oews_rows, salary_rows
from scoring.salary import CompensationData, FactorRule, SalaryProfile, estimate_salary

# --------------------------------------------------------------------------- the mapping

AGEING = 49_500 / 45_760
MIN_SALARY, MAX_SALARY = 20_000, 1_000_000
YEARS_MIDPOINTS = {
    "1 year or less": 1,
    "2 - 4 years": 3,
    "5-7 years": 6,
    "8 - 10 years": 9,
    "11 - 20 years": 15,
    "21 - 30 years": 25,
    "31 - 40 years": 35,
    "41 years or more": 41,
}

_ACCOUNTING = re.compile(r"accounting|accountant|accounts? (?:payable|receivable)")
_AM_EXEC_DIR = re.compile(r"accounts? (?:manager|executive|director)")
_CLIENT_SVC = re.compile(r"client (?:services?|success)")
_CLIENT_TECH = re.compile(r"technician|engineer|analyst|developer|\bit\b")
_GROUPS = (
    re.compile(r"accounts? manager"),
    re.compile(r"accounts? executive"),
    re.compile(
        r"accounts? director|director of account|director, account|"
        r"account management director|head of account"
    ),
    re.compile(r"accounts? coordinator"),
    re.compile(r"(?:key|enterprise|strategic|global|technical) accounts?"),
    re.compile(r"(?:digital|e-?commerce) accounts?"),
)
_SPECIALISTS = (
    ("key account", "key-account-manager"),
    ("enterprise account", "enterprise-account-manager"),
    ("strategic account", "strategic-account-manager"),
    ("global account", "global-account-manager"),
    ("technical account", "technical-account-manager"),
)


def in_title_groups(title: str) -> bool:
    """Whether a job title is an account-management title (the README's title groups)."""
    t = title.lower()
    if _ACCOUNTING.search(t) and not _AM_EXEC_DIR.search(t):
        return False
    if any(g.search(t) for g in _GROUPS):
        return True
    return bool(_CLIENT_SVC.search(t)) and not _CLIENT_TECH.search(t)


def level_of(title: str) -> str:
    """The estimator level a survey job title maps to (first rule that matches)."""
    t = title.lower()
    words = set(re.findall(r"[a-z]+", t))
    client = bool(_CLIENT_SVC.search(t))
    am_exec = bool(re.search(r"accounts? (?:manager|executive)", t))
    vp = bool(words & {"vp", "svp", "evp", "head"} or "vice president" in t)
    if vp and (client or "account" in t) and not am_exec:
        if "account director" in t or not (client or "account management" in t):
            return "account-director"
        return "vp-client-services"
    if "director" in t or "head of client" in t:
        return "account-director"
    for phrase, slug in _SPECIALISTS:
        if phrase in t:
            return slug
    if re.search(r"(?:digital|e-?commerce) account", t):
        return "digital-account-manager"
    if "coordinator" in t:
        return "account-coordinator"
    senior = bool(words & {"senior", "sr"})
    rep_words = {"representative", "rep", "associate", "specialist", "agent", "advocate"}
    if client and words & (rep_words | {"officer"}) and "manager" not in t:
        return "junior-account-manager" if senior else "account-coordinator"
    if words & {"senior", "sr", "lead", "principal"}:
        return "senior-account-manager"
    if words & {"junior", "jr", "associate", "assistant"}:
        return "junior-account-manager"
    if client and "manager" not in t:
        return "account-coordinator"
    return "account-manager"


_PICK_LIST = {
    "computing or tech": "technology-saas",
    "accounting, banking & finance": "financial-services",
    "insurance": "financial-services",
    "health care": "healthcare",
    "biotechnology & pharma": "healthcare",
    "veterinary": "healthcare",
    "engineering or manufacturing": "manufacturing",
    "oil & gas": "manufacturing",
    "retail": "retail-distribution",
    "transport or logistics": "retail-distribution",
    "e-commerce": "retail-distribution",
    "marketing, advertising & pr": "business-services",
    "recruitment or hr": "business-services",
    "law": "business-services",
    "eap": "business-services",
    "business or consulting": "consulting",
}
_OTHER_PICKS = frozenset(
    {
        "sales",
        "hospitality & events",
        "media & digital",
        "nonprofits",
        "government and public administration",
        "art & design",
        "leisure, sport & tourism",
        "social work",
        "education (higher education)",
        "education (primary/secondary)",
        "entertainment",
        "property or construction",
        "utilities & telecommunications",
        "agriculture or forestry",
        "law enforcement & security",
    }
)
_INDUSTRY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("technology-saas", ("software", "saas", "tech", "it services", "cloud", "cyber", "internet")),
    (
        "financial-services",
        ("bank", "financ", "insur", "fintech", "invest", "wealth", "credit", "payment"),
    ),
    (
        "healthcare",
        ("health", "pharma", "medical", "biotech", "hospital", "clinic", "dental", "veterin",
         "life science"),
    ),
    (
        "manufacturing",
        ("manufactur", "industrial", "chemical", "automotive", "aerospace", "packaging", "oil"),
    ),
    (
        "retail-distribution",
        ("retail", "wholesale", "distribut", "consumer goods", "cpg", "grocery", "food",
         "beverage", "logistic", "e-commerce"),
    ),
    ("consulting", ("consult",)),
    (
        "business-services",
        ("advertis", "marketing", "pr", "staffing", "recruit", "agency", "business services",
         "legal"),
    ),
)  # fmt: skip


def industry_of(answer: str) -> str:
    """The estimator industry of a survey answer (pick list, else keywords of free text)."""
    a = answer.strip().lower()
    if a in _PICK_LIST:
        return _PICK_LIST[a]
    if a in _OTHER_PICKS:
        return "other"
    for slug, keys in _INDUSTRY_WORDS:
        if any(k in a for k in keys):
            return slug
    return "other"


_STATES = {
    "california": "CA",
    "new york": "NY",
    "new jersey": "NJ",
    "connecticut": "CT",
    "illinois": "IL",
    "massachusetts": "MA",
    "washington": "WA",
    "texas": "TX",
    "georgia": "GA",
}
_METRO_CITIES: dict[str, dict[str, str]] = {
    "san-francisco": {
        "CA": "san francisco|sf|oakland|san jose|berkeley|palo alto|mountain view|sunnyvale|"
        "santa clara|menlo park|redwood city|san mateo|fremont|hayward|walnut creek|"
        "emeryville|cupertino|bay area|south san francisco|burlingame|alameda|san ramon|"
        "pleasanton|milpitas|foster city|san carlos|campbell|los gatos",
    },
    "new-york": {
        "NY": "new york|nyc|manhattan|brooklyn|queens|bronx|staten island|long island|"
        "westchester|melville|white plains|yonkers|new rochelle|queens village|"
        "garden city|hempstead|astoria|jamaica|flushing|long island city",
        "NJ": "hoboken|jersey city|newark|montclair|morristown|hackensack|paramus|"
        "secaucus|parsippany|edison|new brunswick|princeton|summit|weehawken",
        "CT": "stamford|greenwich|norwalk",
    },
    "chicago": {
        "IL": "chicago|evanston|oak park|naperville|schaumburg|downers grove|"
        "glendale heights|bannockburn|lincolnshire|deerfield|northbrook|skokie|"
        "oak brook|elmhurst|arlington heights|itasca|lombard|wheaton|aurora|elgin|"
        "joliet|rosemont|des plaines|lake forest|glenview|hoffman estates|vernon hills",
    },
    "boston": {
        "MA": "boston|cambridge|somerville|newton|quincy|waltham|burlington|lexington|"
        "woburn|brookline|needham|wellesley|framingham|braintree|medford|malden|"
        "lowell|salem|beverly|andover|natick|dedham|watertown|canton|georgetown",
    },
    "los-angeles": {
        "CA": "los angeles|la|long beach|santa monica|pasadena|glendale|burbank|torrance|"
        "culver city|irvine|anaheim|santa ana|costa mesa|newport beach|huntington beach|"
        "orange|fullerton|el segundo|west hollywood|beverly hills|inglewood|"
        "manhattan beach|carson|downey|lake forest|tustin|aliso viejo|mission viejo|"
        "van nuys|sherman oaks|encino|north hollywood|studio city|marina del rey",
    },
    "seattle": {
        "WA": "seattle|tacoma|bellevue|redmond|kirkland|kent|renton|everett|bothell|"
        "issaquah|federal way|auburn|lynnwood|sammamish|tukwila|shoreline|puyallup",
    },
    "austin": {"TX": "austin|round rock|cedar park|georgetown|pflugerville|san marcos"},
    "atlanta": {
        "GA": "atlanta|alpharetta|marietta|decatur|sandy springs|roswell|duluth|"
        "norcross|smyrna|kennesaw|dunwoody|lawrenceville|peachtree",
    },
}
# The principal cities and main suburbs of the other US metros of about 1M+ people.
_OTHER_MAJOR = (
    "washington|dc|alexandria|arlington|bethesda|rockville|silver spring|herndon|reston|"
    "sterling|fairfax|tysons|mclean|annapolis|glen burnie|gaithersburg|columbia|"
    "baltimore|dallas|fort worth|dfw|plano|irving|frisco|arlington|richardson|houston|"
    "the woodlands|sugar land|san antonio|philadelphia|conshohocken|blue bell|"
    "king of prussia|chester springs|pittsburgh|phoenix|scottsdale|mesa|tempe|chandler|"
    "denver|broomfield|golden|boulder|aurora|lakewood|englewood|minneapolis|saint paul|"
    "st paul|st. paul|bloomington|portland|vancouver|milwaukee|cleveland|cincinnati|"
    "columbus|indianapolis|nashville|memphis|louisville|kansas city|overland park|"
    "st louis|st. louis|saint louis|san diego|sacramento|riverside|san bernardino|"
    "salt lake city|miami|fort lauderdale|tampa|orlando|jacksonville|st. petersburg|"
    "detroit|southfield|troy|ann arbor|grand rapids|charlotte|raleigh|durham|"
    "chapel hill|cary|las vegas|henderson|new orleans|oklahoma city|tulsa|buffalo|"
    "rochester|providence|attleboro|hartford|wallingford|birmingham|honolulu|omaha|richmond"
)
_OTHER_MAJOR_STATES = {
    # Cities whose name is common: only in their own state.
    "columbia": {"MD", "SC"},
    "arlington": {"VA", "TX"},
    "aurora": {"CO"},
    "vancouver": {"WA"},
    "portland": {"OR", "WA", ""},
    "richmond": {"VA"},
    "henderson": {"NV"},
    "bloomington": {"MN"},
    "birmingham": {"AL"},
    "rochester": {"NY"},
    "columbus": {"OH"},
    "troy": {"MI"},
    "durham": {"NC"},
    "cary": {"NC"},
    "golden": {"CO"},
    "mesa": {"AZ"},
    "lakewood": {"CO"},
    "englewood": {"CO"},
}
_ALL_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
    "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
    "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND",
    "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}  # fmt: skip
_CITY_ALONE = (
    ("new-york", "nyc|manhattan|brooklyn"),
    ("san-francisco", "san francisco|bay area"),
    ("chicago", "chicago"),
)


def _has(text: str, alternatives: str) -> bool:
    return bool(re.search(rf"(?<![a-z])(?:{alternatives})(?![a-z])", text))


def metro_of(state_answer: str, city_answer: str) -> str:
    """The estimator metro of a survey row's state and city (the first state when several)."""
    state = _ALL_STATES.get(state_answer.split(",")[0].strip().lower(), "")
    city = city_answer.strip().lower()
    if "remote" in city:
        return "national"
    for metro, cities in _METRO_CITIES.items():
        names = cities.get(state)
        if names and _has(city, names):
            return metro
    if not state:
        for metro, names in _CITY_ALONE:
            if _has(city, names):
                return metro
    if state == "DC":
        return "other-major-metro"
    for match in re.finditer(rf"(?<![a-z])(?:{_OTHER_MAJOR})(?![a-z])", city):
        allowed = _OTHER_MAJOR_STATES.get(match.group(0))
        if allowed is None or state in allowed:
            return "other-major-metro"
    return "national"


@dataclass(frozen=True)
class SurveyRow:
    """One survey respondent mapped to an estimator profile, pay aged to May 2024."""

    title: str
    level: str
    industry: str
    metro: str
    work_mode: str
    years: int | None
    base: float  # aged
    extra: float | None  # aged; None when the question was not answered

    @property
    def total(self) -> float | None:
        """Aged base plus extra pay, when extra pay was answered."""
        return None if self.extra is None else self.base + self.extra


def _money(text: str) -> float | None:
    cleaned = text.replace(",", "").strip()
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def survey_rows() -> list[SurveyRow]:
    """The survey's rows in the sample, each mapped to a profile (the README's rules)."""
    out: list[SurveyRow] = []
    for row in salary_rows():
        salary = _money(row["annual_salary"])
        if salary is None or not MIN_SALARY <= salary <= MAX_SALARY:
            continue
        if not in_title_groups(row["job_title"]):
            continue
        extra = _money(row["additional_compensation"])
        out.append(
            SurveyRow(
                title=row["job_title"],
                level=level_of(row["job_title"]),
                industry=industry_of(row["industry"]),
                metro=metro_of(row["state"], row["city"]),
                work_mode="remote" if "remote" in row["city"].lower() else "onsite",
                years=YEARS_MIDPOINTS.get(row["years_experience_in_field"].strip()),
                base=salary * AGEING,
                extra=None if extra is None else extra * AGEING,
            )
        )
    return out


def oews_latest() -> dict[str, dict[str, float | None]]:
    """The newest year's OEWS row per occupation code (``#`` read as None: not published)."""
    rows = oews_rows()
    year = max(r["year"] for r in rows)
    out: dict[str, dict[str, float | None]] = {}
    for r in rows:
        if r["year"] == year:
            out[r["soc"]] = {
                k: (None if r[k].strip() == "#" else float(r[k]))
                for k in ("p10", "p25", "median", "p75", "p90")
            }
    return out


def quantile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile of ``values`` by linear interpolation (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    pos = (len(ordered) - 1) * q
    lo = math.floor(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def median(values: Iterable[float]) -> float:
    """The median of ``values``."""
    return quantile(list(values), 0.5)


# --------------------------------------------------------------------------- derivation


def _profile(row: SurveyRow) -> SalaryProfile:
    return SalaryProfile(
        level=row.level,
        industry=row.industry,
        metro=row.metro,
        work_mode=row.work_mode,
        years=None if row.years is None else float(row.years),
    )


def _years_x(rule: FactorRule, years: float | None, reference: float) -> float:
    if years is None:
        return 0.0
    limit = math.log2(rule.clip)
    return max(-limit, min(limit, math.log2(max(years, 0.5) / reference)))


def derive(data: CompensationData | None = None, rounds: int = 200) -> dict[str, Any]:
    """The survey-derived parameters of ``content/compensation.yaml`` ``model``.

    Backfitting of log aged base pay on the model's terms, each term's survey estimate
    taken as the mean log residual of its rows with every other term at its combined
    (shrunk) value, and combined with the published evidence exactly as the estimator does.
    """
    data = data or load_data()
    rows = survey_rows()
    params = data.model
    prior = params.prior_rows
    levels = data.levels
    rules = [r for r in data.factors if r.surveyed]
    published = {r.key: [e for e in r.evidence if e.kind == "published"] for r in rules}
    years_rule = next(r for r in data.factors if r.per_doubling)
    # Each row's matrix of the terms it takes.
    matches = [
        [
            r
            for r in rules
            if not r.per_doubling and r.multiplier_log(_profile(row), levels[row.level]) is not None
        ]
        for row in rows
    ]
    xs = [_years_x(years_rule, row.years, levels[row.level].reference_years) for row in rows]
    level_gap = dict.fromkeys(levels, 0.0)
    level_raw = dict.fromkeys(levels, 0.0)
    effect = {r.key: 0.0 for r in rules}
    raw = {r.key: 0.0 for r in rules}
    count = {r.key: 0 for r in rules}
    slope = slope_raw = 0.0

    def start(slug: str) -> float:
        level = levels[slug]
        if level.priced_from:
            return start(level.priced_from) * math.exp(level_gap[level.priced_from])
        return level.start

    def prediction_without(i: int, skip: str) -> float:
        row = rows[i]
        total = math.log(start(row.level))
        if skip != "level":
            total += level_gap[row.level]
        total += sum(effect[r.key] for r in matches[i] if r.key != skip)
        if skip != "years":
            total += slope * xs[i]
        return total

    for _ in range(rounds):
        for slug in levels:
            idx = [i for i, row in enumerate(rows) if row.level == slug]
            if not idx:
                continue
            res = [math.log(rows[i].base) - prediction_without(i, "level") for i in idx]
            level_raw[slug] = sum(res) / len(res)
            level_gap[slug] = len(res) * level_raw[slug] / (len(res) + prior)
        for rule in rules:
            if rule.per_doubling:
                continue
            idx = [i for i in range(len(rows)) if rule in matches[i]]
            if not idx:
                continue
            res = [math.log(rows[i].base) - prediction_without(i, rule.key) for i in idx]
            raw[rule.key] = sum(res) / len(res)
            count[rule.key] = len(idx)
            num = len(idx) * raw[rule.key] + sum(
                e.weight * math.log1p(e.pct / 100) for e in published[rule.key]
            )
            den = len(idx) + sum(e.weight for e in published[rule.key]) + prior
            effect[rule.key] = num / den
        with_years = [i for i, row in enumerate(rows) if row.years is not None]
        res = [math.log(rows[i].base) - prediction_without(i, "years") for i in with_years]
        sxx = sum(xs[i] ** 2 for i in with_years)
        slope_raw = sum(xs[i] * r for i, r in zip(with_years, res, strict=True)) / sxx
        slope = len(with_years) * slope_raw / (len(with_years) + prior)
    residuals = [math.log(row.base) - prediction_without(i, "") for i, row in enumerate(rows)]
    z90 = NormalDist().inv_cdf(0.9)

    def pct(log_value: float) -> float:
        return round((math.exp(log_value) - 1) * 100, 1)

    variable: dict[str, dict[str, float | int]] = {}
    for group in data.variable_groups:
        answered = [
            row for row in rows if levels[row.level].group == group and row.extra is not None
        ]
        shares = [(row.extra or 0.0) / row.base * 100 for row in answered]
        variable[group] = {
            "none_share": round(100 * sum(s == 0 for s in shares) / len(shares), 1),
            **{k: round(quantile(shares, q), 1) for k, q in _SHARE_QUANTILES},
            "rows": len(shares),
        }
    return {
        "levels": {
            slug: {"pct": pct(level_raw[slug]), "rows": sum(r.level == slug for r in rows)}
            for slug in levels
        },
        "factors": {key: {"pct": pct(raw[key]), "rows": count[key]} for key in raw if count[key]},
        "years": {
            "pct": pct(slope_raw),
            "rows": sum(row.years is not None for row in rows),
        },
        "spread": {
            "sigma_below": round(-quantile(residuals, 0.1) / z90, 3),
            "sigma_above": round(quantile(residuals, 0.9) / z90, 3),
            "rows": len(rows),
        },
        "variable": variable,
    }


_SHARE_QUANTILES = (("p25", 0.25), ("median", 0.5), ("p75", 0.75), ("p90", 0.9))


def load_data() -> CompensationData:
    """The compensation content exactly as the app loads it."""
    from scoring.content import load_content

    return load_content().compensation


# --------------------------------------------------------------------------- evaluation

MIN_LEVEL_ROWS = 15


@dataclass(frozen=True)
class Scored:
    """One survey row against its estimate."""

    row: SurveyRow
    base_low: int
    base_typical: int
    base_high: int
    total_low: int
    total_high: int

    @property
    def ratio(self) -> float:
        """Real base over the estimate's median."""
        return self.row.base / self.base_typical


@dataclass(frozen=True)
class SalaryEval:
    """The estimator's ranges against real reported pay."""

    scored: tuple[Scored, ...]
    oews_check: tuple[tuple[str, str, int, int, int, int, int, int], ...]

    def _coverage(self, items: Sequence[Scored]) -> dict[str, float]:
        n = len(items)
        below = sum(s.row.base < s.base_low for s in items)
        above = sum(s.row.base > s.base_high for s in items)
        return {
            "inside": (n - below - above) / n,
            "below": below / n,
            "above": above / n,
        }

    def group(self, attribute: str) -> dict[str, dict[str, float | int]]:
        """Rows, coverage and median real/typical for each value of a row attribute."""
        values = sorted({getattr(s.row, attribute) for s in self.scored})
        out: dict[str, dict[str, float | int]] = {}
        for value in values:
            items = [s for s in self.scored if getattr(s.row, attribute) == value]
            out[value] = {
                "rows": len(items),
                **self._coverage(items),
                "median_ratio": median(s.ratio for s in items),
            }
        return out

    def figures(self) -> dict[str, Any]:
        """The figures as ``make eval`` prints and records them (shares from 0 to 1)."""
        coverage = self._coverage(self.scored)
        with_total = [s for s in self.scored if s.row.total is not None]
        total_inside = sum(
            s.total_low <= (s.row.total or 0) <= s.total_high for s in with_total
        ) / len(with_total)
        levels = self.group("level")
        return {
            "rows": len(self.scored),
            "base_coverage": round(coverage["inside"], 3),
            "below_p10_share": round(coverage["below"], 3),
            "above_p90_share": round(coverage["above"], 3),
            "median_real_over_typical": round(median(s.ratio for s in self.scored), 3),
            "median_p90_p10": round(median(s.base_high / s.base_low for s in self.scored), 2),
            "total_cash_rows": len(with_total),
            "total_cash_coverage": round(total_inside, 3),
            "rows_per_level": {k: int(v["rows"]) for k, v in levels.items()},
            "level_ratio": {
                k: round(float(v["median_ratio"]), 3)
                for k, v in levels.items()
                if v["rows"] >= MIN_LEVEL_ROWS
            },
            "level_coverage": {
                k: round(float(v["inside"]), 3)
                for k, v in levels.items()
                if v["rows"] >= MIN_LEVEL_ROWS
            },
        }


def evaluate() -> SalaryEval:
    """Every survey row against the estimate for its profile (aged to May 2024)."""
    return evaluate_with(load_data())


def evaluate_with(data: CompensationData) -> SalaryEval:
    """``evaluate`` with the compensation data given (a test's, or a changed copy)."""
    scored = []
    for row in survey_rows():
        est = estimate_salary(_profile(row), data)
        scored.append(
            Scored(
                row,
                est.base.low,
                est.base.typical,
                est.base.high,
                est.total_cash.low,
                est.total_cash.high,
            )
        )
    oews = oews_latest()
    check = []
    for slug, socs in (
        ("account-manager", ("41-4012", "41-3091", "41-4011")),
        ("senior-account-manager", ("41-4012", "41-3091", "41-4011")),
        ("account-director", ("11-2022", "11-2011")),
    ):
        est = estimate_salary(SalaryProfile(level=slug), data)
        for soc in socs:
            o = oews[soc]
            check.append(
                (
                    slug,
                    soc,
                    est.base.p25,
                    est.base.typical,
                    est.base.p75,
                    round(o["p25"] or 0),
                    round(o["median"] or 0),
                    round(o["p75"] or 0),
                )
            )
    return SalaryEval(tuple(scored), tuple(check))


def table(result: SalaryEval) -> str:
    """The calibration table in Markdown, as ``make eval`` prints it and README shows it."""
    f = result.figures()
    lines = [
        "| salary ranges on real pay (survey, aged to May 2024) | figure | target |",
        "|---|---|---|",
        f"| rows scored | {f['rows']} | |",
        f"| base inside p10-p90 | {f['base_coverage']:.1%} | 75-85% |",
        f"| base below p10 / above p90 | {f['below_p10_share']:.1%} / "
        f"{f['above_p90_share']:.1%} | about 10% each |",
        f"| median real / typical | {f['median_real_over_typical']:.3f} | 0.95-1.05 |",
        f"| median p90 / p10 | {f['median_p90_p10']:.2f} | at most 2.3 |",
        f"| total cash inside p10-p90 ({f['total_cash_rows']} rows with extra pay answered) | "
        f"{f['total_cash_coverage']:.1%} | |",
    ]
    for slug, ratio in f["level_ratio"].items():
        rows = f["rows_per_level"][slug]
        inside = f["level_coverage"][slug]
        lines.append(
            f"| {slug} ({rows} rows): real / typical, inside | {ratio:.3f}, {inside:.1%} | "
            "0.90-1.10 |"
        )
    thin = ", ".join(f"{k} {v}" for k, v in f["rows_per_level"].items() if v < MIN_LEVEL_ROWS)
    lines.append(f"| levels with fewer than {MIN_LEVEL_ROWS} rows | {thin} | |")
    return "\n".join(lines)


def oews_table(result: SalaryEval) -> str:
    """The national estimates beside OEWS p25, median and p75 of the mapped occupations."""
    lines = [
        "| level (national) | OEWS code | estimate p25 / median / p75 | OEWS p25 / median / p75 |",
        "|---|---|---|---|",
    ]
    for slug, soc, e25, e50, e75, o25, o50, o75 in result.oews_check:
        lines.append(
            f"| {slug} | {soc} | ${e25:,} / ${e50:,} / ${e75:,} | ${o25:,} / ${o50:,} / ${o75:,} |"
        )
    return "\n".join(lines)


def breakdown(result: SalaryEval, attribute: str) -> str:
    """Coverage and median real/typical per metro, industry or level."""
    lines = [
        f"| {attribute} | rows | inside | below | above | real / typical |",
        "|---|---|---|---|---|---|",
    ]
    for value, v in result.group(attribute).items():
        lines.append(
            f"| {value} | {v['rows']} | {v['inside']:.0%} | {v['below']:.0%} | "
            f"{v['above']:.0%} | {v['median_ratio']:.2f} |"
        )
    return "\n".join(lines)


def figures() -> dict[str, Any]:
    """The calibration figures (what ``make eval`` records), from the real data."""
    return evaluate().figures()


def main() -> int:
    """``python -m evaluation.salaries``: the tables; ``--derive``: the content parameters."""
    import json
    import sys

    if "--derive" in sys.argv:
        print(json.dumps(derive(), indent=2))
        return 0
    result = evaluate()
    print(table(result), "", oews_table(result), sep="\n")
    for attribute in ("level", "metro", "industry"):
        print()
        print(breakdown(result, attribute))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
