/**
 * The application core every Flask project has: database, errors, request helpers, logging, request ids,
 * paging, health. Pagination and the shared schema bases are the FastAPI target's, so both APIs page alike.
 */
import { ProjectModel, type Setting } from "../../project-model.js";
import { contributeCore } from "../fastapi/core.js";
import { apiModule, openapiModule } from "./openapi.js";

export function contributeFlaskCore(model: ProjectModel): void {
  const { pkg } = model;
  for (const [name, spec] of CORE_DEPENDENCIES) model.addDependency(name, spec);
  for (const setting of coreSettings(model.name)) model.addSetting(setting);
  const src = `src/${pkg}`;
  model.tree.add(`${src}/__init__.py`, `"""${model.name}: the API package."""\n`);
  model.tree.add(`${src}/py.typed`, "");
  model.tree.add(`${src}/db.py`, dbModule());
  model.tree.add(`${src}/crud.py`, crudModule(pkg));
  model.tree.add(`${src}/errors.py`, errorsModule());
  model.tree.add(`${src}/api.py`, apiModule(pkg));
  model.tree.add(`${src}/openapi.py`, openapiModule(pkg));
  model.tree.add(`${src}/logging.py`, loggingModule());
  model.tree.add(`${src}/request_id.py`, requestIdModule());
  for (const [path, content] of sharedModules(pkg)) model.tree.add(`${src}/${path}`, content);
  model.tree.add(`${src}/health.py`, healthModule(pkg));
  model.routers.push({ module: `${pkg}.health`, alias: "health_blueprint" });
}

/**
 * `pagination.py` and `schemas.py` exactly as the FastAPI core writes them (they depend only on pydantic and
 * on the errors module both targets share), so paging and input rules can never drift apart.
 */
function sharedModules(pkg: string): [string, string][] {
  const fastapi = new ProjectModel(pkg, pkg);
  contributeCore(fastapi, { collections: false, references: false, inserts: false });
  return ["pagination.py", "schemas.py"].map((name) => {
    const content = fastapi.tree.get(`src/${pkg}/${name}`);
    if (content === undefined) throw new Error(`internal: the FastAPI core has no ${name}`);
    return [name, content];
  });
}

const CORE_DEPENDENCIES: [string, string][] = [
  ["flask", ">=3.1,<4"],
  ["flask-sqlalchemy", ">=3.1,<4"],
  ["flask-migrate", ">=4.1,<5"],
  ["flask-cors", ">=6.0,<7"],
  ["gunicorn", ">=27.0"],
  ["pydantic[email]", ">=2.14,<3"],
  ["pydantic-settings", ">=2.16,<3"],
  ["sqlalchemy", ">=2.1,<2.2"],
  ["alembic", ">=1.20,<2"],
  ["psycopg[binary]", ">=3.3,<4"],
  ["structlog", ">=26.1"],
];

function coreSettings(name: string): Setting[] {
  return [
    {
      name: "app_name",
      type: "str",
      default: `"${name}"`,
      example: name,
      doc: "Name shown in the OpenAPI document and logs.",
    },
    {
      name: "environment",
      type: 'Literal["development", "test", "production"]',
      default: '"development"',
      example: "development",
      doc: "development, test or production (production refuses unsafe defaults).",
      imports: ["typing:Literal"],
    },
    {
      name: "database_url",
      type: "str",
      default: `"sqlite:///./${name}.db"`,
      example: `sqlite:///./${name}.db`,
      doc: "SQLAlchemy URL, e.g. postgresql+psycopg://user:password@host:5432/db.",
    },
    {
      name: "db_pool_size",
      type: "int",
      default: "5",
      example: "5",
      doc: "Connections kept open per process (server databases only).",
    },
    {
      name: "db_max_overflow",
      type: "int",
      default: "5",
      example: "5",
      doc: "Extra connections allowed under load (server databases only).",
    },
    {
      name: "cors_origins",
      type: "list[str]",
      default: "[]",
      example: '["http://localhost:3000"]',
      doc: "Origins allowed by CORS, as a JSON list; empty allows none.",
    },
    {
      name: "log_level",
      type: 'Literal["DEBUG", "INFO", "WARNING", "ERROR"]',
      default: '"INFO"',
      example: "INFO",
      doc: "Lowest level written to the log.",
    },
    {
      name: "log_json",
      type: "bool",
      default: "True",
      example: "true",
      doc: "JSON log lines (true) or human-readable console output (false).",
    },
  ];
}

function dbModule(): string {
  return `"""Database: the Flask-SQLAlchemy extension and a declarative base with stable constraint names."""

import sqlite3
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import DateTime, Dialect, Engine, Enum, MetaData, event, func, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

# Stable constraint names make migrations reproducible and reviewable on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# This app is synchronous: URLs naming an async driver (or none) get the synchronous one.
_SYNC_DRIVERS = {
    "sqlite+aiosqlite": "sqlite",
    "postgresql": "postgresql+psycopg",
    "postgresql+asyncpg": "postgresql+psycopg",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite stores them without an offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store in UTC."""
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read back as aware UTC."""
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Base class of every ORM model: an integer primary key named id."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    id: Mapped[int] = mapped_column(primary_key=True)


class TimestampMixin:
    """Creation and last-update times, set by the database and the ORM."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), server_default=func.now(), onupdate=func.now()
    )


def str_enum(enum_class: type[StrEnum]) -> Enum:
    """Store a StrEnum by value in a VARCHAR: portable, and no native type to migrate."""
    return Enum(
        enum_class,
        native_enum=False,
        length=max(len(member.value) for member in enum_class),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


# Models subclass Base (fully typed); Flask-SQLAlchemy shares its metadata and gives each app
# context its own session. Objects stay usable after commit, as the services return them.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})


def engine_url(database_url: str) -> str:
    """The URL with the synchronous driver; a relative SQLite path resolved from the working dir."""
    url = make_url(database_url)
    url = url.set(drivername=_SYNC_DRIVERS.get(url.drivername, url.drivername))
    database = url.database
    if url.get_backend_name() == "sqlite" and database and database != ":memory:":
        url = url.set(database=str(Path(database).resolve()))
    return url.render_as_string(hide_password=False)


def engine_options(database_url: str, *, pool_size: int, max_overflow: int) -> dict[str, Any]:
    """Small pools checked before use for database servers; SQLite needs none."""
    if make_url(database_url).get_backend_name() == "sqlite":
        return {}
    return {"pool_size": pool_size, "max_overflow": max_overflow, "pool_pre_ping": True}


@event.listens_for(Engine, "connect")
def _enable_sqlite_foreign_keys(
    dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry
) -> None:
    """SQLite enforces foreign keys only when asked, once per connection."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
`;
}

function crudModule(pkg: string): string {
  return `"""Helpers every service uses: loading referenced rows and committing with conflict detection."""

from collections.abc import Collection, Sequence
from typing import TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ${pkg}.db import Base, db
from ${pkg}.errors import ConflictError, ErrorDetail, NotFoundError, ValidationFailedError

ModelT = TypeVar("ModelT", bound=Base)


def require_rows(
    model: type[ModelT],
    ids: Collection[int],
    *,
    field: str,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[ModelT]:
    """Load the rows a request refers to; unknown or invisible ids are a 422 naming the field."""
    wanted = set(ids)
    if not wanted:
        return []
    rows = list(db.session.scalars(select(model).where(model.id.in_(wanted), *where)))
    missing = wanted - {row.id for row in rows}
    if missing:
        unknown = ", ".join(str(row_id) for row_id in sorted(missing))
        msg = f"{field} refers to rows that do not exist: {unknown}."
        raise ValidationFailedError(msg, details=[ErrorDetail(loc=["body", field], message=msg)])
    return sorted(rows, key=lambda row: row.id)


def commit_or_conflict(message: str) -> None:
    """Commit; a constraint violation (duplicate, still referenced) becomes a 409.

    A row another request deleted after this one loaded it becomes a 404, as if it had been
    deleted first.
    """
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise ConflictError(message) from exc
    except StaleDataError as exc:
        db.session.rollback()
        msg = "It was deleted by another request meanwhile."
        raise NotFoundError(msg) from exc
`;
}

function errorsModule(): string {
  return `"""Exception hierarchy and the handlers that turn every error into one JSON shape."""

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
`;
}

function loggingModule(): string {
  return `"""Structured logging with structlog: JSON lines carrying the request id."""

import logging

import structlog


def configure_logging(level: str, *, json_logs: bool) -> None:
    """Configure structlog once, at application start."""
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if json_logs else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelNamesMapping()[level]),
        cache_logger_on_first_use=True,
    )
`;
}

function requestIdModule(): string {
  return `"""Request ids: one id per request, in the logs and the X-Request-ID header."""

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
`;
}

function healthModule(pkg: string): string {
  return `"""Liveness and readiness probes."""

from typing import Literal

from flask import Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ${pkg}.api import ApiBlueprint, json_response
from ${pkg}.db import db
from ${pkg}.errors import AppError

blueprint = ApiBlueprint("health", __name__, url_prefix="/health")


class HealthStatus(BaseModel):
    """Probe result."""

    status: Literal["ok"]


class DatabaseUnavailableError(AppError):
    """The database did not answer the readiness probe."""

    status_code = 503
    code = "database_unavailable"


@blueprint.operation("GET", "/live", response=HealthStatus)
def live() -> Response:
    """The process is up."""
    return json_response(HealthStatus(status="ok"))


@blueprint.operation("GET", "/ready", response=HealthStatus, errors=frozenset({503}))
def ready() -> Response:
    """The process can serve requests: the database answers."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        msg = "The database is not reachable."
        raise DatabaseUnavailableError(msg) from exc
    return json_response(HealthStatus(status="ok"))
`;
}
