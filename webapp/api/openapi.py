"""The OpenAPI 3.1 document of the JSON API, served at GET /api/v1/openapi.json.

The component schemas are generated from the response models in ``webapp.api.schemas``,
the same models every endpoint builds its answer with; the paths and request bodies are
written here. Every enumeration (role slugs, industries, company sizes, metros, work
modes) comes from the loaded content, so the document never drifts from the data the
endpoints validate against.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, get_args

from flask import current_app, jsonify
from flask.typing import ResponseReturnValue
from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from scoring.content import Content
from scoring.errors import FieldErrors
from scoring.resume.extract import ErrorCode
from webapp import get_content
from webapp.api.inputs import JSON, UnsupportedFormat
from webapp.api.schemas import COMPONENTS, CONTENT_ENUM
from webapp.errors import CODES
from webapp.jobdesc.builder import LIST_FIELDS, MAX_CHARS, MAX_LINE_CHARS, MAX_LIST_LINES
from webapp.jobdesc.exports import EXPORT_FORMATS
from webapp.jobdesc.service import MAX_POSTING_CHARS
from webapp.resume.forms import MAX_BULLET_CHARS, MAX_RESUME_CHARS

Schema = dict[str, Any]

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
REF = "#/components/schemas/"
RESPONSE_REF = "#/components/responses/"

# Every code the API answers with (besides a resume extractor's reasons); README.md's
# "API errors" says the same.
API_ERROR_CODES: dict[str, str] = {
    FieldErrors.code: "a field's value is refused; `fields` names each one and says why "
    "(an unknown value lists the allowed ones)",
    UnsupportedFormat.code: "`format` names a format the endpoint does not offer; "
    "`fields.format` lists the ones it does",
    "invalid_json": "the body is not a JSON object",
    "unknown_role": "no role has that slug (404)",
    **{code: f"HTTP {status}" for status, code in CODES.items()},
}

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


STRING: Schema = {"type": "string"}
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


class _Generator(GenerateJsonSchema):
    """Pydantic's JSON Schema without a title on every property."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


@functools.cache
def _model_schemas() -> dict[str, Schema]:
    """The component schemas of the response models (they do not depend on the content)."""
    _, document = models_json_schema(
        [(model, "serialization") for model in COMPONENTS],
        ref_template=REF + "{model}",
        schema_generator=_Generator,
    )
    schemas: dict[str, Schema] = document["$defs"]
    return schemas


def _content_enums(content: Content) -> dict[str, list[str]]:
    comp = content.compensation
    return {
        "roles": list(content.roles),
        "industries": list(comp.industries),
        "company_sizes": list(comp.company_sizes),
        "metros": list(comp.metros),
        "work_modes": list(comp.work_modes),
    }


def _fill_enums(node: Any, enums: Mapping[str, list[str]]) -> Any:
    """A copy of ``node`` with every content-enum marker replaced by its allowed values."""
    if isinstance(node, list):
        return [_fill_enums(item, enums) for item in node]
    if not isinstance(node, dict):
        return node
    filled = {key: _fill_enums(value, enums) for key, value in node.items()}
    name = filled.pop(CONTENT_ENUM, None)
    if name is not None:
        filled["enum"] = enums[name]
    return filled


def error_codes_description() -> str:
    """The Error schema's description: every ``code`` the API answers with, and its meaning."""
    codes = "; ".join(f"`{code}`: {meaning}" for code, meaning in API_ERROR_CODES.items())
    unreadable = ", ".join(f"`{code}`" for code in get_args(ErrorCode))
    return (
        f"Every 4xx and 5xx answer of the API. Codes: {codes}. A resume that cannot be read "
        f"(POST /api/v1/resume/analyze) is answered with the reason as its code: {unreadable}; "
        "`fields` then names `file` or `text`."
    )


def _schemas(content: Content) -> dict[str, Schema]:
    """The reusable schemas of the API's bodies, generated from webapp.api.schemas."""
    schemas: dict[str, Schema] = _fill_enums(_model_schemas(), _content_enums(content))
    schemas["Error"]["description"] = error_codes_description()
    return schemas


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
    jd = content.jobdesc_texts
    properties["job_title"]["description"] = "The title as posted; default the level's title."
    properties["city"]["description"] = "Where the job is; required unless remote."
    properties["state"] = _enum(jd.us_states, "The US state (two-letter code).")
    properties["country"]["description"] = "Outside the US only; leave state empty."
    properties["remote_states"] = {
        "description": "Remote jobs: state codes a hire may live in, as a list or "
        "separated by commas; empty means anywhere in the US.",
        "oneOf": [{"type": "string"}, {"type": "array", "items": _enum(jd.us_states)}],
    }
    properties["employees"] = {
        "type": "integer",
        "minimum": 1,
        "description": "The employer's headcount: laws cover employers above a size.",
    }
    properties["deadline"] = {
        "type": "string",
        "format": "date",
        "description": "The date applications close (YYYY-MM-DD), today or later.",
    }
    properties["commission"] = _enum(jd.commission_labels, "Default none.")
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


def _format_param(documents: Iterable[str], description: str) -> Schema:
    """The ``format`` parameter of an endpoint offering ``documents`` besides JSON."""
    return {
        "name": "format",
        "in": "query",
        "required": False,
        "description": description,
        "schema": {**_enum((JSON, *documents)), "default": JSON},
    }


def _query(name: str, schema: Schema, description: str, required: bool = False) -> Schema:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


def _salary_profile_params(content: Content) -> list[Schema]:
    """The query parameters of a salary profile (estimate and offer check)."""
    comp = content.compensation
    defaults = comp.defaults
    flag = {"type": "boolean", "default": False}
    return [
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
            "years",
            {"type": "number", "minimum": 0, "maximum": comp.years_max},
            "Years of experience in the field (optional); moves the estimate within the level.",
        ),
        _query(
            "portfolio_arr",
            {"type": "number", "minimum": 0},
            "US dollars of annual recurring revenue managed (a value outside "
            "the data's range is refused with a 400).",
        ),
        *(_query(name, flag, label) for name, label in comp.flags.items()),
    ]


def _paths(content: Content) -> dict[str, Schema]:
    pdf = {"description": "The document as a PDF (format=pdf).", "schema": BINARY}
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
                "summary": "Base, variable and total cash pay for a profile, in US dollars: "
                "p10, p25, median, p75 and p90 beside low, typical and high.",
                "tags": ["salaries"],
                "parameters": [
                    *_salary_profile_params(content),
                    _format_param(("pdf",), "json (default) or pdf."),
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
        "/api/v1/salary/offer-check": {
            "get": {
                "operationId": "checkSalaryOffer",
                "summary": "Where an offer falls among people paid in the same profile, and "
                "the room the evidence gives to negotiate.",
                "tags": ["salaries"],
                "parameters": [
                    *_salary_profile_params(content),
                    _query(
                        "offer_base",
                        {"type": "number", "minimum": 1000, "maximum": 10_000_000},
                        "The offered base salary, US dollars a year.",
                        required=True,
                    ),
                    _query(
                        "offer_variable",
                        {"type": "number", "minimum": 0, "maximum": 10_000_000},
                        "The offered variable pay (bonus or commission), US dollars a year.",
                    ),
                    _format_param(("pdf",), "json (default) or pdf."),
                ],
                "responses": {
                    "200": {
                        "description": "The offer check, or its PDF with format=pdf.",
                        "content": {
                            "application/json": {"schema": _ref("OfferCheck")},
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
                        "json (default), or the posting as a document: pdf, markdown or text.",
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
                                    },
                                    "level": _enum(
                                        content.roles,
                                        "The role level the posting is for (optional): the "
                                        "experience check weighs the years asked against it; "
                                        "without it the level is read from the posting's title.",
                                    ),
                                },
                                ["text"],
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
                "parameters": [_format_param(("pdf",), "json (default) or pdf.")],
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
        "/api/v1/resume/bullet": {
            "post": {
                "operationId": "judgeResumeBullet",
                "summary": "Judge one bullet as the analysis judges each of its bullets, for "
                "editing in place: verdict, action verb, metric, result, rewrite.",
                "description": "The text is never stored or logged.",
                "tags": ["resume"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "text": {
                                        "type": "string",
                                        "minLength": 1,
                                        "maxLength": MAX_BULLET_CHARS,
                                        "pattern": r"\S",
                                        "description": "One bullet.",
                                    },
                                    "level": _enum(content.roles, "The target role level."),
                                },
                                ["text"],
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(_ref("BulletFinding"), "The bullet judged."),
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
            'Every 4xx answer is JSON {"error": {"code", "message", "fields"}}; the Error '
            "schema lists the codes.",
        },
        "paths": _paths(content),
        "components": {"schemas": _schemas(content), "responses": responses},
    }


def openapi_json() -> ResponseReturnValue:
    """This API's OpenAPI 3.1 document."""
    return jsonify(openapi_document(get_content(current_app)))
