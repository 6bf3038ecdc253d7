"""Error pages for the site and JSON errors for the API, in one place."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import HTTPException, InternalServerError

from scoring.errors import FieldErrors

MESSAGES = {
    400: (
        "This request could not be understood",
        "Something in what was sent is missing or malformed.",
    ),
    404: ("Page not found", "There is no page at this address. It may have moved."),
    405: ("Method not allowed", "This address does not accept that kind of request."),
    413: (
        "File too large",
        "The upload is larger than the limit. Try a smaller file or paste the text.",
    ),
    429: (
        "Too many requests",
        "You have sent a lot of requests in a short time. Wait a minute and try again.",
    ),
    500: (
        "Something went wrong on our side",
        "The error has been noted. Your input was not stored; please try again.",
    ),
}

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    429: "rate_limited",
    500: "internal_error",
}


def wants_json() -> bool:
    """API paths answer in JSON."""
    return request.path.startswith("/api/")


def json_error(
    status: int, message: str, code: str | None = None, fields: dict[str, Any] | None = None
) -> Response:
    """The API's error shape: {"error": {"code", "message", "fields"}}."""
    body = {
        "error": {
            "code": code or CODES.get(status, "error"),
            "message": message,
            "fields": fields or {},
        }
    }
    response = jsonify(body)
    response.status_code = status
    return response


def field_errors(exc: FieldErrors) -> Response:
    """The API's answer to refused input: 400 with each field's message under ``fields``."""
    return json_error(400, exc.message, exc.code, exc.fields)


def render_error(status: int, detail: str | None = None) -> tuple[str, int]:
    """A friendly HTML error page."""
    title, text = MESSAGES.get(status, ("Error", "The request failed."))
    return render_template(
        "errors/error.html", status=status, title=title, text=detail or text
    ), status


def resume_form_too_large() -> Any:
    """A resume upload over the limit: the checker again with the limit said at the file field.

    The body over the limit is never read, so the page's form is marked as sent empty
    (Werkzeug keeps parsed form data in ``request.__dict__``) and starts afresh.
    """
    from webapp.resume.views import new_form, render_page

    request.__dict__.update(form=ImmutableMultiDict(), files=ImmutableMultiDict())
    limit = current_app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
    form = new_form()
    form.resume_file.errors = [
        f"The upload was larger than the {limit:g} MB limit, so nothing was read. "
        "Choose a smaller file, or paste the text."
    ]
    return render_page(form, 413)


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError) -> Any:
        detail = (
            "The form had expired or was sent from another site. "
            "Go back, reload the page and send it again."
        )
        if wants_json():
            return json_error(400, detail, "csrf_failed")
        return render_error(400, detail)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        status = exc.code or 500
        if wants_json():
            message = MESSAGES.get(status, ("", exc.description or "Error"))[1]
            response = json_error(status, message)
        elif status == 413 and request.endpoint == "resume.analyze":
            response = app.make_response(resume_form_too_large())
        else:
            response = app.make_response(render_error(status))
        allowed = getattr(exc, "valid_methods", None)
        if allowed:
            response.headers["Allow"] = ", ".join(allowed)
        return response

    def log_exception(exc_info: Any) -> None:
        # Log where it failed, never the message: exception texts can quote resume text.
        exc_type, _, tb = exc_info
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb is not None else "?"
        app.logger.error(
            "Unhandled %s at %s on %s %s", exc_type.__name__, where, request.method, request.path
        )

    app.log_exception = log_exception  # type: ignore[method-assign]

    @app.errorhandler(InternalServerError)
    def server_error(exc: InternalServerError) -> Any:
        if wants_json():
            return json_error(500, MESSAGES[500][1])
        return render_error(500)
