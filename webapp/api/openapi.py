"""The OpenAPI 3.1 document of the JSON API, served at GET /api/v1/openapi.json.

The document is a plain dict built per request: every enumeration (role slugs,
industries, company sizes, metros, work modes) comes from the loaded content, so the
schema never drifts from the data the endpoints validate against.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import current_app, jsonify
from flask.typing import ResponseReturnValue

from scoring.content import Content
from webapp import get_content
from webapp.api import bp
from webapp.jobdesc.builder import LIST_FIELDS, MAX_CHARS, MAX_LINE_CHARS, MAX_LIST_LINES
from webapp.jobdesc.exports import EXPORT_FORMATS
from webapp.jobdesc.forms import MAX_POSTING_CHARS
from webapp.resume.forms import MAX_RESUME_CHARS

Schema = dict[str, Any]

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
REF = "#/components/schemas/"
RESPONSE_REF = "#/components/responses/"

ERROR_STATUSES: dict[int, tuple[str, str]] = {
    400: ("BadRequest", "The request is malformed or a field has an unknown value."),
    404: ("NotFound", "There is nothing at this address."),
    405: ("MethodNotAllowed", "The address does not accept this method."),
    413: ("PayloadTooLarge", "The request body is larger than the upload limit."),
    429: ("TooManyRequests", "Too many requests from this client; wait and retry."),
}


def _ref(name: str) -> Schema:
    return {"$ref": REF + name}


def _obj(properties: dict[str, Schema], required: Iterable[str] | None = None) -> Schema:
    """An object with these properties, all required unless told otherwise."""
    names = list(properties) if required is None else list(required)
    return {"type": "object", "properties": properties, "required": names}


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


STRING: Schema = {"type": "string"}
NULLABLE_STRING: Schema = {"type": ["string", "null"]}
INTEGER: Schema = {"type": "integer"}
NULLABLE_INTEGER: Schema = {"type": ["integer", "null"]}
NUMBER: Schema = {"type": "number"}
BOOLEAN: Schema = {"type": "boolean"}
STRINGS: Schema = _array(STRING)
BINARY: Schema = {"type": "string", "contentMediaType": "application/pdf"}


def _enum(values: Iterable[str], description: str = "") -> Schema:
    schema: Schema = {"type": "string", "enum": list(values)}
    if description:
        schema["description"] = description
    return schema


def _json(schema: Schema, description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Schema]:
    return {str(status): {"$ref": RESPONSE_REF + ERROR_STATUSES[status][0]} for status in statuses}


def _schemas(content: Content) -> dict[str, Schema]:
    """The reusable schemas of the API's bodies."""
    roles = list(content.roles)
    comp = content.compensation
    band = _obj({"low": INTEGER, "typical": INTEGER, "high": INTEGER})
    by_source = _obj(
        {
            "label": STRING,
            "kind": STRING,
            "basis": STRING,
            "low": NULLABLE_INTEGER,
            "high": NULLABLE_INTEGER,
            "source": STRING,
        },
        required=["low", "high", "source"],
    )
    profile = _obj(
        {
            "level": _enum(roles),
            "industry": _enum(comp.industries),
            "company_size": _enum(comp.company_sizes),
            "metro": _enum(comp.metros),
            "work_mode": _enum(comp.work_modes),
            "portfolio_arr": {"type": ["number", "null"]},
            "key_accounts": BOOLEAN,
            "certification": BOOLEAN,
            "mba": BOOLEAN,
        }
    )
    years = {
        "type": "object",
        "properties": {
            "min": NULLABLE_INTEGER,
            "max": NULLABLE_INTEGER,
            "label": STRING,
        },
        "required": ["min", "max", "label"],
    }
    coded_word = _obj({"word": STRING, "stem": STRING, "start": INTEGER, "end": INTEGER})
    return {
        "Error": {
            "type": "object",
            "description": "Every 4xx answer of the API.",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string", "description": "A stable machine code."},
                        "message": {"type": "string", "description": "What went wrong."},
                        "fields": {
                            "type": "object",
                            "description": "The fields at fault, each with its message "
                            "(naming the allowed values for an unknown one).",
                            "additionalProperties": STRING,
                        },
                    },
                    "required": ["code", "message", "fields"],
                }
            },
            "required": ["error"],
        },
        "Band": band,
        "SalaryProfile": profile,
        "RoleSummary": _obj(
            {
                "slug": _enum(roles),
                "title": STRING,
                "track": STRING,
                "order": INTEGER,
                "years": years,
                "summary": STRING,
                "url": STRING,
                "api_url": STRING,
            }
        ),
        "RoleList": _obj({"roles": _array(_ref("RoleSummary"))}),
        "Role": {
            "allOf": [_ref("RoleSummary")],
            "type": "object",
            "properties": {
                "responsibilities": STRINGS,
                "requirements": _obj({"must_have": STRINGS, "nice_to_have": STRINGS}, []),
                "skills": _obj({"hard": STRINGS, "soft": STRINGS}, []),
                "kpis": _array(_obj({"name": STRING, "target": STRING, "source": STRING}, [])),
                "certifications": _array({"type": "object"}),
                "facts": _array(_obj({"text": STRING, "source": STRING}, [])),
                "education": STRING,
                "previous_roles": STRINGS,
                "next_roles": STRINGS,
                "sources": STRINGS,
                "resume_keywords": {
                    **STRINGS,
                    "description": "The resume checker's ATS keywords that the role's skills, "
                    "duties and requirements name.",
                },
                "salary": _obj(
                    {
                        "base": _ref("Band"),
                        "total_cash": _ref("Band"),
                        "profile": _ref("SalaryProfile"),
                        "by_source": _array(by_source),
                        "sources": STRINGS,
                    }
                ),
            },
            "required": ["responsibilities", "salary", "resume_keywords"],
        },
        "SalaryEstimate": {
            "type": "object",
            "description": "US dollars a year.",
            "properties": {
                "base": _ref("Band"),
                "variable": _ref("Band"),
                "total_cash": _ref("Band"),
                "level_band": _ref("Band"),
                "variable_share_pct": _obj({"low": NUMBER, "typical": NUMBER, "high": NUMBER}),
                "level": _obj({"slug": _enum(roles), "title": STRING}),
                "profile": _ref("SalaryProfile"),
                "factors": _array(
                    _obj(
                        {
                            "name": STRING,
                            "effect_pct": NUMBER,
                            "effect_usd": NUMBER,
                            "low_pct": NUMBER,
                            "high_pct": NUMBER,
                            "source": STRING,
                            "sources": STRINGS,
                            "note": NULLABLE_STRING,
                        },
                        required=["name", "effect_pct", "effect_usd", "source"],
                    )
                ),
                "skipped_factors": _array(
                    _obj({"name": STRING, "reason": STRING, "source": STRING}, ["name", "reason"])
                ),
                "by_source": _array(by_source),
                "citations": {"type": "object", "additionalProperties": STRING},
                "sources": STRINGS,
                "notes": STRINGS,
            },
            "required": ["base", "variable", "total_cash", "factors", "sources", "notes"],
        },
        "LanguageReport": _obj(
            {
                "verdict": _enum(["masculine-coded", "feminine-coded", "neutral"]),
                "explanation": STRING,
                "counts": _obj({"masculine": INTEGER, "feminine": INTEGER}),
                "masculine": _array(coded_word),
                "feminine": _array(coded_word),
                "word_count": INTEGER,
                "length": _enum(["too-short", "good", "too-long"]),
                "must_have_count": INTEGER,
                "bullet_share": NUMBER,
                "warnings": STRINGS,
                "alternatives": {
                    "type": "object",
                    "description": "Each masculine-coded word found (lower case) and neutral "
                    "wording suggested instead (editorial suggestions).",
                    "additionalProperties": STRINGS,
                },
            },
            required=["verdict", "counts", "masculine", "feminine", "word_count", "alternatives"],
        ),
        "JobDescription": _obj(
            {
                "title": STRING,
                "role": _enum(roles),
                "sections": _array(
                    _obj(
                        {
                            "key": STRING,
                            "heading": STRING,
                            "paragraphs": STRINGS,
                            "bullets": STRINGS,
                        },
                        ["key", "heading"],
                    )
                ),
                "markdown": STRING,
                "text": STRING,
                "pay_range": _obj(
                    {
                        "low": INTEGER,
                        "high": INTEGER,
                        "currency": STRING,
                        "period": STRING,
                        "source": _enum(["estimate", "recruiter"]),
                        "note": STRING,
                    }
                ),
                "language_check": _ref("LanguageReport"),
            }
        ),
        "ResumeReport": _obj(
            {
                "score": {"type": "integer", "minimum": 0, "maximum": 100},
                "score_breakdown": {"type": "object"},
                "keywords": _obj(
                    {
                        "found": _array(
                            _obj(
                                {
                                    "keyword": STRING,
                                    "category": STRING,
                                    "match": STRING,
                                    "matched_as": STRINGS,
                                    "count": INTEGER,
                                    "where": STRING,
                                }
                            )
                        ),
                        "missing": _array(_obj({"keyword": STRING, "category": STRING})),
                        "by_category": {
                            "type": "object",
                            "additionalProperties": _obj(
                                {"found": STRINGS, "missing": STRINGS, "share": NUMBER}
                            ),
                        },
                    }
                ),
                "stuffing": _array(
                    _obj({"kind": STRING, "terms": STRINGS, "count": INTEGER, "message": STRING})
                ),
                "bullets": _array(
                    _obj(
                        {
                            "text": STRING,
                            "action_verb": NULLABLE_STRING,
                            "metric": NULLABLE_STRING,
                            "impact": STRINGS,
                            "weak_phrases": STRINGS,
                            "verdict": _enum(["strong", "fair", "weak"]),
                            "suggestion": NULLABLE_STRING,
                        }
                    )
                ),
                "sections": {"type": "object"},
                "structure": {"type": "object"},
                "suggestions": _array(
                    _obj(
                        {"id": STRING, "title": STRING, "detail": STRING, "gain": NUMBER},
                        ["title", "detail"],
                    )
                ),
                "job_match": {
                    "oneOf": [
                        {"type": "null"},
                        _obj(
                            {
                                "share": NUMBER,
                                "percent": INTEGER,
                                "good_share": NUMBER,
                                "good_match": BOOLEAN,
                                "terms": _array(
                                    _obj(
                                        {
                                            "term": STRING,
                                            "kind": STRING,
                                            "count": INTEGER,
                                            "covered": BOOLEAN,
                                        }
                                    )
                                ),
                                "missing": STRINGS,
                            }
                        ),
                    ]
                },
            },
            required=["score", "keywords", "bullets", "sections", "suggestions", "job_match"],
        ),
    }


def _posting_request(content: Content) -> Schema:
    """The body of POST /api/v1/job-descriptions."""
    comp = content.compensation
    pay: Schema = {
        "oneOf": [
            {"type": "integer", "minimum": 10_000, "maximum": 2_000_000},
            {"type": "string", "maxLength": 20},
            {"type": "null"},
        ],
        "description": "US dollars a year; give both ends or neither (then the site's "
        "estimate is used).",
    }
    properties: dict[str, Schema] = {
        "role": _enum(content.roles, "The role slug."),
        "industry": _enum(comp.industries, f"Default {comp.defaults['industry']}."),
        "metro": _enum(comp.metros, f"Default {comp.defaults['metro']}."),
        "work_mode": _enum(comp.work_modes, f"Default {comp.defaults['work_mode']}."),
    }
    for name, limit in MAX_CHARS.items():
        properties[name] = {"type": "string", "maxLength": limit}
    properties["company_summary"] = {**properties["company_summary"], "minLength": 20}
    for name in LIST_FIELDS:
        properties[name] = {
            "description": "One item a line, or a list of strings.",
            "oneOf": [
                {"type": "string"},
                {
                    "type": "array",
                    "items": {"type": "string", "maxLength": MAX_LINE_CHARS},
                    "maxItems": MAX_LIST_LINES,
                },
            ],
        }
    properties["include_eeo"] = {"type": "boolean", "default": True}
    properties["pay_min"] = pay
    properties["pay_max"] = pay
    return {
        "type": "object",
        "properties": properties,
        "required": ["role", "company_name", "company_summary"],
    }


def _resume_request(content: Content, multipart: bool) -> Schema:
    properties: dict[str, Schema] = {
        "text": {"type": "string", "maxLength": MAX_RESUME_CHARS, "description": "The resume."},
        "level": _enum(content.roles, "The role level the resume is judged against."),
        "job_description": {
            "type": "string",
            "maxLength": MAX_POSTING_CHARS,
            "description": "A job posting to match the resume against.",
        },
    }
    if not multipart:
        return _obj(properties, ["text"])
    properties["file"] = {
        "type": "string",
        "contentMediaType": "application/octet-stream",
        "description": "A PDF, DOCX or TXT resume; takes precedence over text.",
    }
    return _obj(properties, [])


def _format_param(values: Iterable[str], description: str) -> Schema:
    return {
        "name": "format",
        "in": "query",
        "required": False,
        "description": description,
        "schema": _enum(values),
    }


def _query(name: str, schema: Schema, description: str, required: bool = False) -> Schema:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


def _paths(content: Content) -> dict[str, Schema]:
    comp = content.compensation
    defaults = comp.defaults
    pdf = {"description": "The document as a PDF (format=pdf).", "schema": BINARY}
    flag = {"type": "boolean", "default": False}
    return {
        "/api/v1/roles": {
            "get": {
                "operationId": "listRoles",
                "summary": "Every role in ladder order.",
                "tags": ["roles"],
                "responses": {
                    "200": _json(_ref("RoleList"), "The role ladder."),
                    **_errors(405, 429),
                },
            }
        },
        "/api/v1/roles/{slug}": {
            "get": {
                "operationId": "getRole",
                "summary": "One role in full, with its national pay band.",
                "tags": ["roles"],
                "parameters": [
                    {
                        "name": "slug",
                        "in": "path",
                        "required": True,
                        "schema": _enum(content.roles),
                    }
                ],
                "responses": {
                    "200": _json(_ref("Role"), "The role."),
                    **_errors(404, 405, 429),
                },
            }
        },
        "/api/v1/salary/estimate": {
            "get": {
                "operationId": "estimateSalary",
                "summary": "Base, variable and total cash pay for a profile, in US dollars.",
                "tags": ["salaries"],
                "parameters": [
                    _query("level", _enum(content.roles), "The role slug.", required=True),
                    _query(
                        "industry",
                        {**_enum(comp.industries), "default": defaults["industry"]},
                        "The employer's industry.",
                    ),
                    _query(
                        "company_size",
                        {**_enum(comp.company_sizes), "default": defaults["company_size"]},
                        "The employer's size.",
                    ),
                    _query(
                        "metro",
                        {**_enum(comp.metros), "default": defaults["metro"]},
                        "The metro area.",
                    ),
                    _query(
                        "work_mode",
                        {**_enum(comp.work_modes), "default": defaults["work_mode"]},
                        "Onsite, hybrid or remote.",
                    ),
                    _query(
                        "portfolio_arr",
                        {"type": "number", "minimum": 0},
                        "US dollars of annual recurring revenue managed (a value outside "
                        "the data's range is refused with a 400).",
                    ),
                    _query("key_accounts", flag, "Manages key accounts."),
                    _query("certification", flag, "Holds a sales certification."),
                    _query("mba", flag, "Holds an MBA."),
                    _format_param(("json", "pdf"), "json (default) or pdf."),
                ],
                "responses": {
                    "200": {
                        "description": "The estimate, or its PDF with format=pdf.",
                        "content": {
                            "application/json": {"schema": _ref("SalaryEstimate")},
                            "application/pdf": pdf,
                        },
                    },
                    **_errors(400, 405, 429),
                },
            }
        },
        "/api/v1/job-descriptions": {
            "post": {
                "operationId": "buildJobDescription",
                "summary": "Compose a job posting with its pay range and language check.",
                "tags": ["job descriptions"],
                "parameters": [
                    _format_param(
                        EXPORT_FORMATS,
                        "Return the posting as a document instead of JSON.",
                    )
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _posting_request(content)}},
                },
                "responses": {
                    "200": {
                        "description": "The posting as JSON, or as a download with format=.",
                        "content": {
                            "application/json": {"schema": _ref("JobDescription")},
                            "application/pdf": pdf,
                            "text/markdown": {
                                "description": "format=markdown",
                                "schema": STRING,
                            },
                            "text/plain": {"description": "format=text", "schema": STRING},
                        },
                    },
                    **_errors(400, 405, 413, 429),
                },
            }
        },
        "/api/v1/language-check": {
            "post": {
                "operationId": "checkLanguage",
                "summary": "Gender-coded words, counts and a verdict for a posting's text.",
                "tags": ["job descriptions"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "text": {
                                        "type": "string",
                                        "minLength": 1,
                                        "maxLength": MAX_POSTING_CHARS,
                                    }
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(_ref("LanguageReport"), "The language check."),
                    **_errors(400, 405, 413, 429),
                },
            }
        },
        "/api/v1/resume/analyze": {
            "post": {
                "operationId": "analyzeResume",
                "summary": "Score a resume: keywords, bullets, sections, fixes, job match.",
                "description": "The resume is never stored or logged.",
                "tags": ["resume"],
                "parameters": [_format_param(("json", "pdf"), "json (default) or pdf.")],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": _resume_request(content, False)},
                        "multipart/form-data": {
                            "schema": _resume_request(content, True),
                            "encoding": {"file": {"contentType": "application/octet-stream"}},
                        },
                    },
                },
                "responses": {
                    "200": {
                        "description": "The report, or its PDF with format=pdf.",
                        "content": {
                            "application/json": {"schema": _ref("ResumeReport")},
                            "application/pdf": pdf,
                        },
                    },
                    **_errors(400, 405, 413, 429),
                },
            }
        },
    }


def openapi_document(content: Content) -> dict[str, Any]:
    """The whole OpenAPI 3.1 document for the content this app serves."""
    responses = {
        name: _json(_ref("Error"), description) for name, description in ERROR_STATUSES.values()
    }
    return {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Account Manager career toolkit API",
            "version": API_VERSION,
            "description": "Roles, salary estimates, job descriptions and resume checks. "
            'Every 4xx answer is JSON {"error": {"code", "message", "fields"}}.',
        },
        "paths": _paths(content),
        "components": {"schemas": _schemas(content), "responses": responses},
    }


@bp.get("/openapi.json")
def openapi_json() -> ResponseReturnValue:
    """This API's OpenAPI 3.1 document."""
    return jsonify(openapi_document(get_content(current_app)))
