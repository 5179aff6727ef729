"""Request ids: one id per request, in the logs and the X-Request-ID header."""

import re
import time
from uuid import uuid4

import structlog
from flask import Flask, Response, g, request

REQUEST_ID_HEADER = "X-Request-ID"
# Accept a caller's id only if it is short and plain, so it cannot forge log lines.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

logger = structlog.get_logger(__name__)


def _bind_request_id() -> None:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid4().hex
    g.request_started = time.perf_counter()
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(request_id=g.request_id)


def _echo_request_id(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.request_id
    logger.info(
        "request",
        method=request.method,
        path=request.path,
        status=response.status_code,
        duration_ms=round((time.perf_counter() - g.request_started) * 1000, 2),
    )
    return response


def install_request_ids(app: Flask) -> None:
    """Bind a request id to the log context of every request and echo it in the response."""
    app.before_request(_bind_request_id)
    app.after_request(_echo_request_id)
    app.teardown_request(lambda _exc: structlog.contextvars.clear_contextvars())
