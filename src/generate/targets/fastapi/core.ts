/** The application core every FastAPI project has: database, errors, logging, middleware, paging, health. */
import type { ProjectModel } from "../../project-model.js";
import { Imports, pyModule } from "../../python/imports.js";
import { routingModule, routingTestsModule } from "./routing.js";

export function contributeCore(model: ProjectModel, crudUses: CrudUses): void {
  const { pkg } = model;
  for (const [name, spec] of CORE_DEPENDENCIES) model.addDependency(name, spec);
  for (const setting of CORE_SETTINGS(model.name)) model.addSetting(setting);
  const src = `src/${pkg}`;
  model.tree.add(`${src}/__init__.py`, `"""${model.name}: the API package."""\n`);
  model.tree.add(`${src}/py.typed`, "");
  model.tree.add(`${src}/db.py`, dbModule());
  model.tree.add(`${src}/crud.py`, crudModule(pkg, crudUses));
  model.tree.add(`${src}/errors.py`, errorsModule());
  model.tree.add(`${src}/logging.py`, loggingModule());
  model.tree.add(`${src}/middleware.py`, middlewareModule());
  model.tree.add(`${src}/pagination.py`, paginationModule(pkg));
  model.tree.add(`${src}/routing.py`, routingModule());
  model.tree.add("tests/test_routing.py", routingTestsModule(pkg));
  model.tree.add(`${src}/schemas.py`, schemasModule());
  model.tree.add(`${src}/health.py`, healthModule(pkg));
  model.routers.push({ module: `${pkg}.health`, alias: "health_router" });
}

const CORE_DEPENDENCIES: [string, string][] = [
  ["fastapi", ">=0.163,<1"],
  ["uvicorn[standard]", ">=0.54,<1"],
  ["pydantic[email]", ">=2.14,<3"],
  ["pydantic-settings", ">=2.16,<3"],
  ["sqlalchemy[asyncio]", ">=2.1,<2.2"],
  ["alembic", ">=1.20,<2"],
  ["aiosqlite", ">=0.22,<1"],
  ["asyncpg", ">=0.32,<1"],
  ["structlog", ">=26.1"],
  ["orjson", ">=3.11"],
];

const CORE_SETTINGS = (name: string) => [
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
    default: `"sqlite+aiosqlite:///./${name}.db"`,
    example: `sqlite+aiosqlite:///./${name}.db`,
    doc: "SQLAlchemy async URL, e.g. postgresql+asyncpg://user:password@host:5432/db.",
  },
  {
    name: "db_pool_size",
    type: "int",
    default: "5",
    example: "5",
    doc: "Connections kept open per process; requests queue for them (server databases only).",
  },
  {
    name: "db_max_overflow",
    type: "int",
    default: "5",
    example: "5",
    doc: "Extra connections for work outside requests, e.g. CLI commands (server databases only).",
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

function dbModule(): string {
  return `"""Database engine, write sessions and read connections, and the declarative base."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from fastapi import Depends
from sqlalchemy import DateTime, Dialect, Enum, MetaData, event, func
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

from .config import get_settings

# Stable constraint names make migrations reproducible and reviewable on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
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


def build_engine(url: str) -> AsyncEngine:
    """Create an async engine: small pools for servers, foreign keys enforced on SQLite.

    No pre-ping: it costs three round trips on every checkout; a connection the server dropped fails
    one request and SQLAlchemy then replaces the whole pool.
    """
    if not url.startswith("sqlite"):
        settings = get_settings()
        return create_async_engine(
            url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow
        )
    engine = create_async_engine(url)

    @event.listens_for(engine.sync_engine, "connect")
    def _enable_foreign_keys(
        dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry
    ) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


engine = build_engine(get_settings().database_url)
SessionFactory = async_sessionmaker(engine, expire_on_commit=False)
# Requests queue here, in arrival order (asyncio's semaphore is fair), for the pool's db_pool_size
# connections. SQLAlchemy's own queue serves whichever request asks next, not the one that has
# waited longest (sqlalchemy#7679): under load some requests waited seconds. And it closes an
# overflow connection as soon as it comes back to a full pool: under steady load, every few
# requests paid for a new PostgreSQL connection and prepared their statements again. Overflow
# connections serve only work outside requests.
_checkouts = asyncio.Semaphore(get_settings().db_pool_size)


async def get_session() -> AsyncIterator[AsyncSession]:
    """Yield one ORM session per request that changes rows, in arrival order; services commit."""
    async with _checkouts, SessionFactory() as session:
        yield session


async def get_connection() -> AsyncIterator[AsyncConnection]:
    """Yield one connection per request that reads, or creates one row, in arrival order.

    Its statements run on the driver (statements.py) and begin no transaction: each sees committed
    data, an insert commits at once, and the BEGIN and ROLLBACK round trips, the ORM session and its
    identity map are all saved.
    """
    async with _checkouts, engine.connect() as connection:
        yield connection


SessionDep = Annotated[AsyncSession, Depends(get_session)]
ConnectionDep = Annotated[AsyncConnection, Depends(get_connection)]
`;
}

/**
 * What the services of a project use: loading collections it links, checking rows it refers to,
 * inserting rows on the driver.
 */
export interface CrudUses {
  readonly collections: boolean;
  readonly references: boolean;
  readonly inserts: boolean;
}

function crudModule(pkg: string, uses: CrudUses): string {
  const checks = uses.collections || uses.references;
  const imports = new Imports().add(
    "sqlalchemy.exc:IntegrityError",
    "sqlalchemy.ext.asyncio:AsyncSession",
    "sqlalchemy.orm.exc:StaleDataError",
    `${pkg}.errors:ConflictError`,
    `${pkg}.errors:NotFoundError`,
  );
  if (checks) {
    imports.add(
      "collections.abc:Collection",
      `${pkg}.db:Base`,
      `${pkg}.errors:ErrorDetail`,
      `${pkg}.errors:ValidationFailedError`,
    );
  }
  if (uses.collections) {
    imports.add("typing:TypeVar", "sqlalchemy:select");
  }
  if (uses.references) {
    imports.add(
      "functools:lru_cache",
      "sqlalchemy:bindparam",
      "sqlalchemy:select",
      "sqlalchemy.ext.asyncio:AsyncConnection",
      `${pkg}.statements:Read`,
    );
  }
  if (uses.inserts) {
    imports.add(
      "collections.abc:Mapping",
      "sqlalchemy.ext.asyncio:AsyncConnection",
      `${pkg}.statements:Insert`,
    );
  }
  const modelType = 'ModelT = TypeVar("ModelT", bound=Base)';
  const rows = `async def require_rows(
    session: AsyncSession,
    model: type[ModelT],
    ids: Collection[int],
    *,
    field: str,
    owner_id: int | None = None,
) -> list[ModelT]:
    """Load the rows a request links, the owner's if one is given; unknown ids are a 422."""
    wanted = set(ids)
    if not wanted:
        return []
    statement = select(model).where(model.id.in_(wanted))
    if owner_id is not None:
        statement = statement.where(model.__table__.c.owner_id == owner_id)
    rows = list(await session.scalars(statement))
    missing = wanted - {row.id for row in rows}
    if missing:
        raise _unknown_rows(field, missing)
    return sorted(rows, key=lambda row: row.id)`;
  const row = `async def require_row(
    connection: AsyncConnection,
    model: type[Base],
    row_id: int,
    *,
    field: str,
    owner_id: int | None = None,
) -> None:
    """The row a request refers to exists, and is the owner's if one is given; a 422 otherwise."""
    if not await _id_of(model, owned=owner_id is not None).rows(
        connection, row_id=row_id, owner_id=owner_id
    ):
        raise _unknown_rows(field, [row_id])


@lru_cache
def _id_of(model: type[Base], *, owned: bool) -> Read:
    """The read of a row's id by id, and by owner if owned: compiled once per model."""
    table = model.__table__
    statement = select(table.c.id).where(table.c.id == bindparam("row_id"))
    if owned:
        statement = statement.where(table.c.owner_id == bindparam("owner_id"))
    return Read(statement)`;
  const insert = `async def insert_or_conflict(
    connection: AsyncConnection, insert: Insert, message: str, values: Mapping[str, object]
) -> int:
    """Insert a row and commit it; its id. A constraint violation (a duplicate) becomes a 409."""
    try:
        return await insert.run(connection, values)
    except IntegrityError as exc:
        raise ConflictError(message) from exc`;
  const unknown = `def _unknown_rows(field: str, ids: Collection[int]) -> ValidationFailedError:
    unknown = ", ".join(str(row_id) for row_id in sorted(ids))
    msg = f"{field} refers to rows that do not exist: {unknown}."
    return ValidationFailedError(msg, details=[ErrorDetail(loc=["body", field], message=msg)])`;
  const commit = `async def commit_or_conflict(session: AsyncSession, message: str) -> None:
    """Commit; a constraint violation (duplicate, still referenced) becomes a 409.

    A row another request deleted after this one loaded it becomes a 404, as if it had been
    deleted first.
    """
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise ConflictError(message) from exc
    except StaleDataError as exc:
        await session.rollback()
        msg = "It was deleted by another request meanwhile."
        raise NotFoundError(msg) from exc`;
  const parts = [
    uses.collections ? `${modelType}\n\n\n${rows}` : "",
    uses.references ? row : "",
    checks ? unknown : "",
    uses.inserts ? insert : "",
    commit,
  ].filter((part) => part !== "");
  const subjects = [checks ? "rows requests refer to" : "", uses.inserts ? "inserts" : "", "safe commits"];
  const subject = subjects.filter((part) => part !== "").join(", ");
  return pyModule(`Helpers every service uses: ${subject}.`, imports, parts.join("\n\n\n"), [pkg]);
}

function errorsModule(): string {
  return `"""Exception hierarchy and the handlers that turn every error into one JSON shape."""

from collections.abc import Mapping
from typing import Any, ClassVar

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

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
) -> JSONResponse:
    """Build the JSON response of an error."""
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details or []))
    return JSONResponse(body.model_dump(), status_code=status_code, headers=headers)


async def _app_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)  # noqa: S101 - registered for AppError only
    return error_response(exc.status_code, exc.code, exc.message, exc.details, exc.headers or None)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for it only
    details = [
        ErrorDetail(loc=[str(part) if not isinstance(part, int) else part for part in error["loc"]], message=error["msg"])
        for error in exc.errors()
    ]
    return error_response(422, "validation_error", "The request is not valid.", details)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)  # noqa: S101 - registered for it only
    code = "not_found" if exc.status_code == 404 else f"http_{exc.status_code}"
    return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def _unexpected_error(_request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled_error", error=type(exc).__name__)
    return error_response(500, "internal_error", "An unexpected error occurred.")


def register_error_handlers(app: FastAPI) -> None:
    """Install the handlers so every error has the ErrorResponse shape."""
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in [
        (401, "Not authenticated"),
        (403, "Not allowed"),
        (404, "Not found"),
        (409, "Conflict"),
        (422, "Invalid request"),
    ]
}
`;
}

function loggingModule(): string {
  return `"""Structured logging with structlog: JSON lines carrying the request id."""

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
`;
}

function middlewareModule(): string {
  return `"""Request-ID middleware: one id per request, in the logs and the X-Request-ID header."""

import re
import time
from uuid import uuid4

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-ID"
# Accept a caller's id only if it is short and plain, so it cannot forge log lines.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

logger = structlog.get_logger(__name__)


class RequestIdMiddleware:
    """Pure ASGI middleware: binds the request id to the log context and echoes it back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get(REQUEST_ID_HEADER, "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        status_code = 500
        started = time.perf_counter()

        async def send_with_request_id(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            logger.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status_code,
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
            )
            structlog.contextvars.clear_contextvars()
`;
}

function paginationModule(pkg: string): string {
  return `"""Offset and cursor (keyset) pages returned by list endpoints."""

import base64
import binascii
import json
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from ${pkg}.errors import ErrorDetail, ValidationFailedError

MAX_PAGE_SIZE = 100

T = TypeVar("T")


class OffsetPage(BaseModel, Generic[T]):
    """A page of items with the total count, for numbered navigation."""

    items: list[T]
    total: int
    offset: int
    limit: int


class CursorPage(BaseModel, Generic[T]):
    """A page of items and the opaque cursor of the next page (None on the last page)."""

    items: list[T]
    next_cursor: str | None


class OffsetParams(BaseModel):
    """Query parameters of offset pagination."""

    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=50, ge=1, le=MAX_PAGE_SIZE)


class CursorParams(BaseModel):
    """Query parameters of cursor pagination."""

    cursor: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=50, ge=1, le=MAX_PAGE_SIZE)


def encode_cursor(last_id: int) -> str:
    """Opaque cursor pointing after the row with this id."""
    return base64.urlsafe_b64encode(json.dumps({"after": last_id}).encode()).decode()


def decode_cursor(cursor: str) -> int:
    """Id the next page starts after; a malformed cursor is a 422."""
    try:
        after = json.loads(base64.urlsafe_b64decode(cursor.encode()))["after"]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise _invalid_cursor() from exc
    if not isinstance(after, int) or isinstance(after, bool):
        raise _invalid_cursor()
    return after


def _invalid_cursor() -> ValidationFailedError:
    return ValidationFailedError(
        "The cursor is not valid.",
        details=[ErrorDetail(loc=["query", "cursor"], message="Use next_cursor from a previous page.")],
    )
`;
}

function schemasModule(): string {
  return `"""Base classes shared by the schemas of every domain."""

from typing import Annotated, ClassVar, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# Ids are 32-bit integer columns: larger values are rejected before they reach the database.
RowId = Annotated[int, Field(ge=1, le=2_147_483_647)]


def _without_nul(value: str) -> str:
    if "\\x00" in value:
        msg = "must not contain NUL characters"
        raise ValueError(msg)
    return value


# PostgreSQL text cannot hold NUL characters: every string from a client is checked at the edge.
SafeStr = Annotated[str, AfterValidator(_without_nul)]


class ReadSchema(BaseModel):
    """Response schema read straight from ORM objects."""

    model_config = ConfigDict(from_attributes=True)


class PartialUpdate(BaseModel):
    """PATCH body: only the fields sent are changed; required columns may not be set to null."""

    model_config = ConfigDict(extra="forbid")
    non_nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _reject_null_for_required(self) -> Self:
        nulled = sorted(
            name for name in self.model_fields_set & self.non_nullable if getattr(self, name) is None
        )
        if nulled:
            msg = f"may not be null: {', '.join(nulled)}"
            raise ValueError(msg)
        return self
`;
}

function healthModule(pkg: string): string {
  return `"""Liveness and readiness probes."""

from typing import Literal

from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ${pkg}.db import SessionDep
from ${pkg}.errors import AppError
from ${pkg}.routing import PrefixRouter

router = PrefixRouter(prefix="/health", tags=["health"])


class HealthStatus(BaseModel):
    """Probe result."""

    status: Literal["ok"]


class DatabaseUnavailableError(AppError):
    """The database did not answer the readiness probe."""

    status_code = 503
    code = "database_unavailable"


@router.get("/live")
async def live() -> HealthStatus:
    """The process is up."""
    return HealthStatus(status="ok")


@router.get("/ready", responses={503: {"description": "Database unavailable"}})
async def ready(session: SessionDep) -> HealthStatus:
    """The process can serve requests: the database answers."""
    try:
        await session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        msg = "The database is not reachable."
        raise DatabaseUnavailableError(msg) from exc
    return HealthStatus(status="ok")
`;
}
