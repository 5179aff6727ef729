"""What the baseline and the plain ORM app share with the generated app, outside the data layer.

The benchmark compares data access and response building. Everything else a request goes through in
the generated app (the request-id header and one JSON log line per request, JWT checking, the error
body shape) is done here the same way for both comparison apps, so it is not part of the difference.
"""

import base64
import binascii
import json
import os
import re
import sys
import time
from typing import Any
from uuid import uuid4

import jwt
import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DATABASE_URL = os.environ["DATABASE_URL"]
JWT_SECRET = os.environ["JWT_SECRET"]
POOL_SIZE = int(os.environ.get("DB_POOL_SIZE", "5"))
MAX_OVERFLOW = int(os.environ.get("DB_MAX_OVERFLOW", "5"))

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class AppError(Exception):
    """An error with the generated app's status, code and message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers


def not_found(what: str, row_id: int) -> AppError:
    return AppError(404, "not_found", f"{what} {row_id} not found.")


def unknown_rows(field: str, row_id: int) -> AppError:
    msg = f"{field} refers to rows that do not exist: {row_id}."
    return AppError(422, "validation_error", msg, [{"loc": ["body", field], "message": msg}])


def _unauthenticated(message: str) -> AppError:
    return AppError(401, "not_authenticated", message, headers={"WWW-Authenticate": "Bearer"})


def token_user_id(request: Request) -> int:
    """The user id of the bearer access token, checked exactly as the generated app checks it."""
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise _unauthenticated("Not authenticated.")
    try:
        claims = jwt.decode(
            token, JWT_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub", "type"]}
        )
    except jwt.InvalidTokenError as exc:
        raise _unauthenticated("The token is invalid or expired.") from exc
    subject = claims["sub"]
    if claims["type"] != "access" or not isinstance(subject, str) or not subject.isdigit():
        raise _unauthenticated("An access token is required.")
    return int(subject)


def inactive_user() -> AppError:
    return _unauthenticated("The user is unknown or inactive.")


def _error_body(code: str, message: str, details: list[dict[str, Any]]) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


async def _app_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    body = _error_body(exc.code, exc.message, exc.details)
    return JSONResponse(body, status_code=exc.status, headers=exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        {
            "loc": [part if isinstance(part, int) else str(part) for part in error["loc"]],
            "message": error["msg"],
        }
        for error in exc.errors()
    ]
    return JSONResponse(
        _error_body("validation_error", "The request is not valid.", details), status_code=422
    )


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)


class RequestLogMiddleware:
    """The generated app's request-id header and one JSON log line per request, hand-written."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._out = sys.stdout.buffer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-request-id", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid4().hex
        status_code = 500
        started = time.perf_counter()

        async def send_with_request_id(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                MutableHeaders(scope=message).append("X-Request-ID", request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            line = {
                "method": scope["method"],
                "path": scope["path"],
                "status": status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "request_id": request_id,
                "event": "request",
                "level": "info",
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            }
            self._out.write(orjson.dumps(line) + b"\n")
            self._out.flush()


def create_app(title: str) -> FastAPI:
    app = FastAPI(title=title)
    app.add_middleware(CORSMiddleware, allow_origins=[], allow_credentials=True)
    app.add_middleware(RequestLogMiddleware)
    register_error_handlers(app)

    @app.get("/health/live")
    async def live() -> dict[str, str]:
        return {"status": "ok"}

    return app


def encode_cursor(last_id: int) -> str:
    """The generated app's opaque cursor: base64 of {"after": id}."""
    return base64.urlsafe_b64encode(json.dumps({"after": last_id}).encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        after = json.loads(base64.urlsafe_b64decode(cursor.encode()))["after"]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise _invalid_cursor() from exc
    if not isinstance(after, int) or isinstance(after, bool):
        raise _invalid_cursor()
    return after


def _invalid_cursor() -> AppError:
    detail = {"loc": ["query", "cursor"], "message": "Use next_cursor from a previous page."}
    return AppError(422, "validation_error", "The cursor is not valid.", [detail])
