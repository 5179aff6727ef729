"""Exception hierarchy and the handlers that turn every error into one JSON shape."""

from collections.abc import Mapping
from typing import ClassVar

import structlog
from flask import Flask, Response
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import HTTPException

logger = structlog.get_logger(__name__)


class ErrorDetail(BaseModel):
    """One problem with the request, located by its path."""

    loc: list[str | int]
    message: str


class ErrorBody(BaseModel):
    """Machine-readable code, human message and optional details."""

    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorBody


class AppError(Exception):
    """Base of the errors the application raises on purpose."""

    status_code: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    default_headers: ClassVar[Mapping[str, str]] = {}

    def __init__(
        self,
        message: str,
        *,
        details: list[ErrorDetail] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []
        self.headers = {**self.default_headers, **(headers or {})}


class NotFoundError(AppError):
    """The resource does not exist (or is not visible to the caller)."""

    status_code = 404
    code = "not_found"


class ConflictError(AppError):
    """The request conflicts with the current state, e.g. a duplicate unique value."""

    status_code = 409
    code = "conflict"


class ValidationFailedError(AppError):
    """The request is well-formed but its content is not acceptable."""

    status_code = 422
    code = "validation_error"


class AuthenticationError(AppError):
    """Missing or invalid credentials."""

    status_code = 401
    code = "not_authenticated"
    default_headers: ClassVar[Mapping[str, str]] = {"WWW-Authenticate": "Bearer"}


class PermissionDeniedError(AppError):
    """Authenticated, but not allowed to do this."""

    status_code = 403
    code = "permission_denied"


def error_response(
    status_code: int,
    code: str,
    message: str,
    details: list[ErrorDetail] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """Build the JSON response of an error."""
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details or []))
    return Response(
        body.model_dump_json(),
        status=status_code,
        headers=dict(headers or {}),
        mimetype="application/json",
    )


def validation_failed(exc: ValidationError, *location: str) -> ValidationFailedError:
    """A pydantic error on part of the request (body, query, path): a 422 listing every problem."""
    details = [
        ErrorDetail(loc=[*location, *error["loc"]], message=error["msg"]) for error in exc.errors()
    ]
    return ValidationFailedError("The request is not valid.", details=details)


def _app_error(exc: AppError) -> Response:
    return error_response(exc.status_code, exc.code, exc.message, exc.details, exc.headers)


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    code = "not_found" if status == 404 else f"http_{status}"
    # Keep headers such as Allow (405); the body is ours, so its content type is too.
    headers = {name: value for name, value in exc.get_headers() if name.lower() != "content-type"}
    return error_response(status, code, exc.name, headers=headers)


def _unexpected_error(exc: Exception) -> Response:
    logger.exception("unhandled_error", error=type(exc).__name__)
    return error_response(500, "internal_error", "An unexpected error occurred.")


def register_error_handlers(app: Flask) -> None:
    """Install the handlers so every error has the ErrorResponse shape."""
    app.register_error_handler(AppError, _app_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
