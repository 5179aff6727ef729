"""One JSON shape for every error: {"error": {"code", "message", "details": [{"loc", "message"}]}}.

Statuses and codes are those of the FastAPI target: 401, 403, 404, 409, 422, 429, 500.
"""

import logging
import math
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)

Location = list[str | int]


class AppError(exceptions.APIException):
    """Base of the errors the application raises on purpose: answered with their default_code."""


class ConflictError(AppError):
    """The request conflicts with the current state, e.g. a duplicate unique value."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "The request conflicts with existing data."


class QueryValidationError(exceptions.ValidationError):
    """Invalid query parameters: the details are located under "query"."""

    location = "query"


class PathValidationError(exceptions.ValidationError):
    """An invalid path parameter: the details are located under "path"."""

    location = "path"


# Status and code of each kind of DRF exception, the same as the FastAPI target answers.
_KINDS: tuple[tuple[type[exceptions.APIException], int, str], ...] = (
    (exceptions.ValidationError, 422, "validation_error"),
    (exceptions.ParseError, 422, "validation_error"),
    (exceptions.UnsupportedMediaType, 422, "validation_error"),
    (exceptions.NotAuthenticated, 401, "not_authenticated"),
    (exceptions.AuthenticationFailed, 401, "not_authenticated"),
    (exceptions.PermissionDenied, 403, "permission_denied"),
    (exceptions.NotFound, 404, "not_found"),
    (exceptions.Throttled, 429, "too_many_attempts"),
)


def error_body(
    code: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The body of an error response."""
    return {"error": {"code": code, "message": message, "details": details or []}}


def error_details(detail: object, loc: Location) -> list[dict[str, Any]]:
    """DRF's nested error detail as a flat list of located messages."""
    if isinstance(detail, Mapping):
        return [
            item
            for key, value in detail.items()
            for item in error_details(
                value, loc if key == api_settings.NON_FIELD_ERRORS_KEY else [*loc, key]
            )
        ]
    if isinstance(detail, list):
        return [
            item
            for index, value in enumerate(detail)
            for item in error_details(
                value, [*loc, index] if isinstance(value, Mapping | list) else loc
            )
        ]
    return [{"loc": loc, "message": str(detail)}]


def _kind(exc: exceptions.APIException) -> tuple[int, str]:
    if isinstance(exc, AppError):
        return exc.status_code, str(exc.default_code)
    for kind, status_code, code in _KINDS:
        if isinstance(exc, kind):
            return status_code, code
    return exc.status_code, f"http_{exc.status_code}"


def _message(exc: exceptions.APIException) -> str:
    if isinstance(exc.detail, Mapping):
        return str(exc.detail.get("detail", exc.default_detail))
    return str(exc.detail)


def exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response:
    """DRF's exception handler: every error in the one JSON shape; unexpected ones logged, 500."""
    set_rollback()
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        logger.error("unhandled_error in %s", context.get("view"), exc_info=exc)
        return Response(error_body("internal_error", "An unexpected error occurred."), status=500)
    status_code, code = _kind(exc)
    if isinstance(exc, exceptions.ValidationError):
        location: str = getattr(exc, "location", "body")
        details = error_details(exc.detail, [location])
        return Response(error_body(code, "The request is not valid.", details), status=status_code)
    headers = {"WWW-Authenticate": "Bearer"} if status_code == status.HTTP_401_UNAUTHORIZED else {}
    wait = getattr(exc, "wait", None)
    if wait is not None:
        headers["Retry-After"] = str(max(math.ceil(wait), 1))
    return Response(error_body(code, _message(exc)), status=status_code, headers=headers)


def _resolves(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 handler; a route asked for with a trailing slash redirects (307) to it."""
    route = request.path.rstrip("/")
    if route and route != request.path and _resolves(route):
        query = request.META.get("QUERY_STRING", "")
        response = HttpResponse(status=307)
        response["Location"] = f"{route}?{query}" if query else route
        return response
    return JsonResponse(error_body("not_found", "Not Found"), status=404)


def server_error(_request: HttpRequest) -> JsonResponse:
    """Django's 500 handler, for errors outside the API views."""
    return JsonResponse(error_body("internal_error", "An unexpected error occurred."), status=500)
