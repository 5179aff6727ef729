"""The application core: health probes, error shape, request ids, CORS, OpenAPI, paging cursors."""

import base64
from pathlib import Path

import pytest
from flask import Flask, Response
from flask.testing import FlaskClient
from openapi_spec_validator import validate
from pydantic import BaseModel, SecretStr, ValidationError
from sqlalchemy.exc import OperationalError

from blog.api import json_response, parse_body, parse_query, path_id
from blog.app import create_app
from blog.config import Settings
from blog.db import db, engine_url
from blog.errors import ValidationFailedError
from blog.logging import configure_logging
from blog.pagination import OffsetParams, decode_cursor, encode_cursor


def test_liveness(client: FlaskClient) -> None:
    response = client.get("/health/live")

    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readiness_checks_the_database(client: FlaskClient) -> None:
    response = client.get("/health/ready")

    assert response.status_code == 200


def test_readiness_is_503_when_the_database_is_down(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError())

    with app.app_context():
        monkeypatch.setattr(db.session, "execute", unreachable)
        response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "database_unavailable"


def test_unknown_route_has_the_error_shape(client: FlaskClient) -> None:
    response = client.get("/no-such-route")
    wrong_method = client.put("/health/live")

    assert response.status_code == 404
    assert response.get_json() == {
        "error": {"code": "not_found", "message": "Not Found", "details": []}
    }
    assert wrong_method.status_code == 405
    assert wrong_method.get_json()["error"]["code"] == "http_405"


def test_a_trailing_slash_redirects_to_the_route(client: FlaskClient) -> None:
    redirected = client.get("/health/live/", query_string={"x": "1"})
    unknown = client.get("/no-such-route/")

    assert redirected.status_code == 307
    assert redirected.headers["Location"] == "/health/live?x=1"
    assert unknown.status_code == 404


def test_unexpected_errors_are_500_without_internals(app: Flask) -> None:
    def boom() -> str:
        msg = "secret internals"
        raise RuntimeError(msg)

    app.add_url_rule("/boom", view_func=boom)
    response = app.test_client().get("/boom")

    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"
    assert "secret" not in response.text


class Payload(BaseModel):
    """A body for the parsing tests."""

    name: str


def test_bodies_are_parsed_as_fastapi_parses_them(app: Flask) -> None:
    def echo() -> Response:
        return json_response(parse_body(Payload))

    app.add_url_rule("/echo", view_func=echo, methods=["POST"])
    client = app.test_client()

    echoed = client.post("/echo", json={"name": "x"})
    empty = client.post("/echo")
    not_json = client.post("/echo", data="{bad", content_type="application/json")
    not_text = client.post("/echo", data=b"\xff", content_type="application/json")
    not_object = client.post("/echo", json=[1])

    assert echoed.get_json() == {"name": "x"}
    assert [r.status_code for r in (empty, not_json, not_text, not_object)] == [422, 422, 400, 422]
    assert empty.get_json()["error"]["details"] == [{"loc": ["body"], "message": "Field required"}]
    assert not_json.get_json()["error"]["details"] == [
        {"loc": ["body", 1], "message": "JSON decode error"}
    ]


def test_query_and_path_errors_are_located(app: Flask) -> None:
    def page(row_id: str) -> Response:
        path_id("row_id", row_id)
        return json_response(parse_query(OffsetParams))

    app.add_url_rule("/pages/<row_id>", view_func=page)
    client = app.test_client()

    valid = client.get("/pages/1", query_string={"limit": "5"})
    bad_query = client.get("/pages/1", query_string={"limit": "0"})
    bad_path = client.get("/pages/0")

    assert valid.get_json() == {"offset": 0, "limit": 5}
    assert bad_query.get_json()["error"]["details"][0]["loc"] == ["query", "limit"]
    assert bad_path.get_json()["error"]["details"][0]["loc"] == ["path", "row_id"]


def test_request_id_is_echoed_or_created(client: FlaskClient) -> None:
    given = client.get("/health/live", headers={"X-Request-ID": "abc-123"})
    forged = client.get("/health/live", headers={"X-Request-ID": "bad id with spaces"})

    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(forged.headers["X-Request-ID"]) == 32


def test_cors_allows_configured_origins(app: Flask) -> None:
    allowed_app = create_app(
        Settings(
            database_url=app.config["SQLALCHEMY_DATABASE_URI"],
            cors_origins=["https://app.example.com"],
        )
    )
    client = allowed_app.test_client()
    headers = {"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"}
    allowed = client.options("/health/live", headers=headers)
    denied = client.options(
        "/health/live", headers={**headers, "Origin": "https://evil.example.com"}
    )

    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert "Access-Control-Allow-Origin" not in denied.headers


def test_openapi_document_is_valid(client: FlaskClient) -> None:
    response = client.get("/openapi.json")

    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert "/health/ready" in document["paths"]


def test_async_driver_urls_get_the_sync_driver() -> None:
    assert engine_url("sqlite+aiosqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert engine_url("postgresql+asyncpg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert engine_url("sqlite:///relative.db") == f"sqlite:///{Path('relative.db').resolve()}"


def test_cursor_round_trip_and_rejects_garbage() -> None:
    assert decode_cursor(encode_cursor(42)) == 42
    for garbage in ["%%%", base64.urlsafe_b64encode(b'{"after": "x"}').decode()]:
        with pytest.raises(ValidationFailedError):
            decode_cursor(garbage)


def test_console_logging_can_be_configured() -> None:
    configure_logging("DEBUG", json_logs=False)
    configure_logging("INFO", json_logs=True)


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="JWT_SECRET"):
        Settings(environment="production")
    assert (
        Settings(environment="production", jwt_secret=SecretStr("x" * 32)).environment
        == "production"
    )
