"""Structured logging with structlog: JSON lines carrying the request id."""

import logging

import orjson
import structlog


def configure_logging(level: str, *, json_logs: bool) -> None:
    """Configure structlog once, at application start.

    JSON lines are serialised by orjson straight to bytes: every request writes one, and this is
    the fastest set-up structlog documents.
    """
    renderer: structlog.typing.Processor
    factory: structlog.typing.WrappedLogger
    if json_logs:
        renderer = structlog.processors.JSONRenderer(serializer=orjson.dumps)
        factory = structlog.BytesLoggerFactory()
    else:
        renderer = structlog.dev.ConsoleRenderer()
        factory = structlog.PrintLoggerFactory()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelNamesMapping()[level]),
        logger_factory=factory,
        cache_logger_on_first_use=True,
    )
