"""Errors of the API: always JSON, `{"message": ..., "code": ...}`, whatever raised them.

The ninja handlers answer what the API's own operations raise (bad parameters, a missing
object, a page past the end). `ApiErrorMiddleware` answers the rest under `/api/`: an unknown
address (404), a wrong method (405), a refused request (403), a rate limit (429), a crash (500,
once Django has logged it) and anything else that was about to leave as HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

API_PREFIX = "/api/"
# Headers a converted error keeps: what to do next (Allow for 405, Retry-After for 429 and 503).
KEPT_HEADERS = ("Allow", "Retry-After")


class ErrorOut(Schema):
    """Every error the API answers."""

    message: str
    code: str
    # For `invalid_parameters`: each parameter that could not be read, with the reasons.
    errors: dict[str, list[str]] | None = None


# What the operations document besides their success: lists may refuse a parameter or a page.
LIST_ERRORS = {400: ErrorOut, 404: ErrorOut, 429: ErrorOut, 500: ErrorOut}
ONE_ERRORS = {404: ErrorOut, 429: ErrorOut, 500: ErrorOut}


class ApiError(HttpError):
    """An error an operation raises on purpose, with its machine-readable code."""

    def __init__(
        self, status: int, message: str, *, code: str, errors: dict[str, list[str]] | None = None
    ) -> None:
        super().__init__(status, message)
        self.code = code
        self.errors = errors


def code_of(status: int) -> str:
    """`not_found`, `method_not_allowed`, `too_many_requests`: the status's phrase as a code."""
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


MESSAGES = {
    403: "The request was refused.",
    404: "There is nothing at this address. The API's endpoints are listed at /api/v1/docs/.",
    405: "This address does not answer that method; the API is read-only (GET).",
    429: "Too many requests from this address: wait for the time in Retry-After, then go on.",
    500: "The server failed to answer this request; the error has been logged.",
    503: "The service is unavailable for a moment: try again later.",
}


def error_response(
    status: int,
    message: str | None = None,
    *,
    code: str | None = None,
    errors: dict[str, list[str]] | None = None,
) -> JsonResponse:
    """The JSON answer for an error status; the message and code default to the status's."""
    data: dict[str, object] = {
        "message": message or MESSAGES.get(status) or HTTPStatus(status).phrase,
        "code": code or code_of(status),
    }
    if errors:
        data["errors"] = errors
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def parameter_errors(exc: ValidationError) -> dict[str, list[str]]:
    """Pydantic's errors by parameter name: `{"year_min": ["Input should be ..."]}`."""
    reasons: dict[str, list[str]] = {}
    for error in exc.errors:
        # The location is (source, [argument,] parameter[, index]): the parameter is the last name.
        names = [part for part in error.get("loc", ())[1:] if isinstance(part, str)]
        name = names[-1] if names else "request"
        reasons.setdefault(name, []).append(str(error.get("msg", "is invalid")))
    return reasons


def invalid_parameters(errors: dict[str, list[str]]) -> ApiError:
    """A 400 naming each parameter that could not be read and why."""
    reasons = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
    return ApiError(400, f"Invalid parameters. {reasons}", code="invalid_parameters", errors=errors)


def install_handlers(api: NinjaAPI) -> None:
    """Make the API answer its operations' exceptions with `ErrorOut`."""

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        error = invalid_parameters(parameter_errors(exc))
        return error_response(400, error.message, code=error.code, errors=error.errors)

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc, ApiError):
            return error_response(exc.status_code, exc.message, code=exc.code, errors=exc.errors)
        return error_response(exc.status_code, exc.message)

    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, str(exc) or None)

    def on_exception(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Django logs it, signals it and answers 500, which the middleware turns into JSON.
        raise exc

    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(Exception, on_exception)


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


class ApiErrorMiddleware:
    """Under `/api/`, turn an error that is not JSON yet into `ErrorOut`, keeping its status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 400 or not is_api_request(request) or is_json(response):
            return response
        converted = error_response(response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                converted[header] = response[header]
        return converted
