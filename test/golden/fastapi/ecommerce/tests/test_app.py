"""The application core: health probes, error shape, request ids, CORS, paging cursors, logging."""

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
from pydantic import SecretStr, ValidationError
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from shop import db
from shop.config import Settings, get_settings
from shop.db import get_connection, get_session
from shop.errors import ValidationFailedError
from shop.logging import configure_logging
from shop.main import create_app
from shop.pagination import decode_cursor, encode_cursor


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
    assert response.json() == {
        "error": {"code": "not_found", "message": "Not Found", "details": []}
    }


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
    forged = await client.get("/health/live", headers={"X-Request-ID": "bad id\nwith newline"})

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
    }


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="JWT_SECRET"):
        Settings(environment="production")
    assert (
        Settings(environment="production", jwt_secret=SecretStr("x" * 32)).environment
        == "production"
    )
