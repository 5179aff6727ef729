/** `tests/conftest.py` and `tests/test_app.py`: fixtures, and tests of the application core. */
import type { ResolvedProject } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";

export function conftestModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add(
    "os",
    "collections.abc:AsyncIterator",
    "collections.abc:Iterator",
    "contextlib:contextmanager",
    "dataclasses:dataclass",
    "pathlib:Path",
    "pytest",
    "httpx:ASGITransport",
    "httpx:AsyncClient",
    "sqlalchemy:event",
    "sqlalchemy.engine.interfaces:DBAPIConnection",
    "sqlalchemy.pool:ConnectionPoolEntry",
    "sqlalchemy.ext.asyncio:AsyncConnection",
    "sqlalchemy.ext.asyncio:AsyncEngine",
    "sqlalchemy.ext.asyncio:AsyncSession",
    "sqlalchemy.ext.asyncio:async_sessionmaker",
    `${pkg}.db:build_engine`,
    `${pkg}.db:get_connection`,
    `${pkg}.db:get_session`,
    `${pkg}.main:create_app`,
    `${pkg}.models:metadata`,
    "unittest.mock:patch",
    `${pkg}:statements`,
    "collections.abc:Mapping",
    "sqlalchemy:Connection",
    `${pkg}.statements:Row`,
  );
  if (project.auth) {
    imports.add(`${pkg}.users.models:ADMIN_ROLE`, `${pkg}.users.models:User`);
    imports.add("tests.factories:auth_headers", "tests.factories:create_user");
  }
  const authFixtures = project.auth
    ? `

@pytest.fixture
async def user(session: AsyncSession) -> User:
    """A user with the default role."""
    return await create_user(session)


@pytest.fixture
async def admin(session: AsyncSession) -> User:
    """An administrator."""
    return await create_user(session, role=ADMIN_ROLE)


@pytest.fixture
def user_headers(user: User) -> dict[str, str]:
    """Authorization header of \`user\`."""
    return auth_headers(user)


@pytest.fixture
def admin_headers(admin: User) -> dict[str, str]:
    """Authorization header of \`admin\`."""
    return auth_headers(admin)`
    : "";
  return pyModule(
    "Fixtures: an isolated database per test, an HTTP client on the app, users and their tokens.",
    imports,
    `@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A fresh schema per test on DATABASE_URL (e.g. PostgreSQL), else on a temporary SQLite file.

    The suite creates and drops every table there: point it at a database used only for tests.
    """
    url = os.environ.get("DATABASE_URL")
    engine = build_engine(url or f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
    if not url:
        event.listen(engine.sync_engine, "connect", _skip_durability)
    async with engine.begin() as connection:
        await connection.run_sync(metadata.drop_all)
        await connection.run_sync(metadata.create_all)
    yield engine
    async with engine.begin() as connection:
        await connection.run_sync(metadata.drop_all)
    await engine.dispose()


def _skip_durability(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    """A throwaway SQLite file needs no fsync: schema setup per test gets several times faster."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA journal_mode=MEMORY")
    cursor.close()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session for arranging test data."""
    async with async_sessionmaker(engine, expire_on_commit=False)() as session:
        yield session


@pytest.fixture
async def client(engine: AsyncEngine) -> AsyncIterator[AsyncClient]:
    """An HTTP client calling the app in process, on the test database."""
    app = create_app()
    factory = async_sessionmaker(engine, expire_on_commit=False)

    async def test_session() -> AsyncIterator[AsyncSession]:
        async with factory() as session:
            yield session

    async def test_connection() -> AsyncIterator[AsyncConnection]:
        async with engine.connect() as connection:
            yield connection

    app.dependency_overrides[get_session] = test_session
    app.dependency_overrides[get_connection] = test_connection
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield client


@dataclass
class QueryCount:
    """Number of SQL statements seen."""

    count: int = 0


class QueryCounter:
    """Counts the SQL statements run inside \`with counter() as counted:\`.

    Those SQLAlchemy executes on the engine, and those statements.py hands to the driver itself.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.sync_engine

    @contextmanager
    def __call__(self) -> Iterator[QueryCount]:
        counted = QueryCount()
        fetch = statements._fetch

        def count(*_args: object) -> None:
            counted.count += 1

        async def counted_fetch(
            opened: Connection, compiled: statements._Compiled, values: Mapping[str, object]
        ) -> list[Row]:
            count()
            return await fetch(opened, compiled, values)

        event.listen(self._engine, "before_cursor_execute", count)
        try:
            with patch.object(statements, "_fetch", counted_fetch):
                yield counted
        finally:
            event.remove(self._engine, "before_cursor_execute", count)


@pytest.fixture
def query_counter(engine: AsyncEngine) -> QueryCounter:
    """Counts SQL statements, to prove list endpoints have no N+1 queries."""
    return QueryCounter(engine)${authFixtures}`,
    [pkg, "tests"],
  );
}

export function appTestsModule(project: ResolvedProject): string {
  const pkg = project.name;
  const productionTest = project.auth
    ? `


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="JWT_SECRET"):
        Settings(environment="production")
    assert Settings(environment="production", jwt_secret=SecretStr("x" * 32)).environment == "production"`
    : "";
  const productionImports = project.auth ? "from pydantic import SecretStr, ValidationError\n" : "";
  return `"""The application core: health probes, error shape, request ids, CORS, paging cursors, logging."""

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import SimpleNamespace
from unittest.mock import AsyncMock

import pytest
import structlog
from httpx import ASGITransport, AsyncClient
${productionImports}from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from ${pkg} import db
from ${pkg}.config import Settings, get_settings
from ${pkg}.db import get_connection, get_session
from ${pkg}.errors import ValidationFailedError
from ${pkg}.logging import configure_logging
from ${pkg}.main import create_app
from ${pkg}.pagination import decode_cursor, encode_cursor


async def test_liveness(client: AsyncClient) -> None:
    response = await client.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readiness_checks_the_database(client: AsyncClient) -> None:
    response = await client.get("/health/ready")

    assert response.status_code == 200


async def test_readiness_is_503_when_the_database_is_down() -> None:
    app = create_app()
    unreachable = AsyncMock(spec=AsyncSession)
    unreachable.execute.side_effect = OperationalError("SELECT 1", {}, ConnectionRefusedError())

    async def unreachable_session() -> AsyncIterator[AsyncSession]:
        yield unreachable

    app.dependency_overrides[get_session] = unreachable_session
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        response = await client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_unavailable"


async def test_requests_take_the_pool_s_connections_in_arrival_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reads and writes together hold at most db_pool_size connections, first come first served."""
    holding = most = 0
    served: list[int] = []

    @asynccontextmanager
    async def checkout() -> AsyncIterator[None]:
        nonlocal holding, most
        holding += 1
        most = max(most, holding)
        try:
            yield None
        finally:
            holding -= 1

    monkeypatch.setattr(db, "engine", SimpleNamespace(connect=checkout))
    monkeypatch.setattr(db, "SessionFactory", checkout)

    async def request(number: int) -> None:
        opened: AbstractAsyncContextManager[object] = (
            asynccontextmanager(get_session)()
            if number % 2
            else asynccontextmanager(get_connection)()
        )
        async with opened:
            served.append(number)
            await asyncio.sleep(0)

    requests = 3 * get_settings().db_pool_size
    await asyncio.gather(*(request(number) for number in range(requests)))

    assert most == get_settings().db_pool_size
    assert served == list(range(requests))


async def test_unknown_route_has_the_error_shape(client: AsyncClient) -> None:
    response = await client.get("/no-such-route")

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not Found", "details": []}}


async def test_unexpected_errors_are_500_without_internals() -> None:
    app = create_app()

    @app.get("/boom")
    async def boom() -> None:
        msg = "secret internals"
        raise RuntimeError(msg)

    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/boom")

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "secret" not in response.text


async def test_request_id_is_echoed_or_created(client: AsyncClient) -> None:
    given = await client.get("/health/live", headers={"X-Request-ID": "abc-123"})
    forged = await client.get("/health/live", headers={"X-Request-ID": "bad id\\nwith newline"})

    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(forged.headers["X-Request-ID"]) == 32


async def test_cors_allows_configured_origins() -> None:
    app = create_app(Settings(cors_origins=["https://app.example.com"]))
    headers = {"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"}
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        allowed = await client.options("/health/live", headers=headers)
        denied = await client.options(
            "/health/live", headers={**headers, "Origin": "https://evil.example.com"}
        )

    assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "access-control-allow-origin" not in denied.headers


def test_cursor_round_trip_and_rejects_garbage() -> None:
    assert decode_cursor(encode_cursor(42)) == 42
    for garbage in ["%%%", base64.urlsafe_b64encode(b'{"after": "x"}').decode()]:
        with pytest.raises(ValidationFailedError):
            decode_cursor(garbage)


def test_console_logging_can_be_configured() -> None:
    configure_logging("DEBUG", json_logs=False)
    configure_logging("INFO", json_logs=True)


def test_json_logs_are_one_object_per_line(capfd: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO", json_logs=True)
    logger = structlog.get_logger("test")

    logger.info("shipped", order_id=7, total="9.50")
    logger.debug("not at INFO")

    lines = capfd.readouterr().out.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) | {"timestamp": "t"} == {
        "event": "shipped",
        "order_id": 7,
        "total": "9.50",
        "level": "info",
        "timestamp": "t",
    }${productionTest}
`;
}
