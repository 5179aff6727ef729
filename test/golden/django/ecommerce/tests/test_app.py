"""The project as a whole: health, errors, request ids, CORS, OpenAPI, admin, audit, settings."""

import base64
import json
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.models import LogEntry
from django.db import DatabaseError, IntegrityError
from django.test import Client, RequestFactory, override_settings
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.test import APIClient

from shop.categories.models import Category
from shop.categories.serializers import CategorySerializer
from shop.core.errors import server_error
from shop.core.pagination import decode_cursor, encode_cursor
from shop.core.viewsets import EntityViewSet
from shop.users.models import ADMIN_ROLE
from tests.factories import CategoryFactory, UserFactory, auth_headers

ROOT = Path(__file__).resolve().parent.parent
MODELS = [
    ("categories", "category"),
    ("tags", "tag"),
    ("products", "product"),
    ("customers", "customer"),
    ("carts", "cart"),
    ("cart_items", "cartitem"),
    ("orders", "order"),
    ("order_items", "orderitem"),
]


def test_liveness(client: APIClient) -> None:
    response = client.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_checks_the_database(client: APIClient) -> None:
    response = client.get("/health/ready")

    assert response.status_code == 200


def test_readiness_is_503_when_the_database_is_down(
    client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        msg = "connection refused"
        raise DatabaseError(msg)

    monkeypatch.setattr("shop.core.health.ping_database", refuse)
    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_unavailable"


def test_unknown_route_has_the_error_shape(client: APIClient) -> None:
    response = client.get("/no-such-route/")

    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Not Found", "details": []}
    }


def test_a_trailing_slash_redirects_to_the_route(client: APIClient) -> None:
    response = client.get("/categories/", {"limit": 1})

    assert response.status_code == 307
    assert response["Location"] == "/categories?limit=1"


def test_unexpected_errors_are_500_without_internals(
    client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        msg = "secret internals"
        raise RuntimeError(msg)

    monkeypatch.setattr("shop.core.pagination.OffsetPagination.paginate_queryset", boom)
    CategoryFactory.create()
    response = client.get("/categories", headers=auth_headers(UserFactory.create(role=ADMIN_ROLE)))

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert b"secret" not in response.content


def test_malformed_json_is_422(client: APIClient) -> None:
    response = client.generic("POST", "/categories", "{not json", content_type="application/json")

    assert response.status_code in {401, 422}


def test_errors_outside_the_api_views_have_the_error_shape() -> None:
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert json.loads(response.content)["error"]["code"] == "internal_error"


def test_constraint_violations_are_409(client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save or delete the database refuses (duplicate, still referenced) is a conflict."""
    row = CategoryFactory.create()

    def refuse(*_args: object, **_kwargs: object) -> None:
        msg = "constraint"
        raise IntegrityError(msg)

    monkeypatch.setattr("shop.categories.models.Category.save", refuse)
    monkeypatch.setattr("shop.categories.models.Category.delete", refuse)
    changed = client.patch(
        f"/categories/{row.pk}", {}, headers=auth_headers(UserFactory.create(role=ADMIN_ROLE))
    )
    deleted = client.delete(
        f"/categories/{row.pk}", headers=auth_headers(UserFactory.create(role=ADMIN_ROLE))
    )

    assert changed.status_code == 409
    assert deleted.status_code == 409
    assert deleted.json()["error"]["code"] == "conflict"


def test_request_id_is_echoed_or_created(client: APIClient) -> None:
    given = client.get("/health/live", headers={"X-Request-ID": "abc-123"})
    forged = client.get("/health/live", headers={"X-Request-ID": "bad id with spaces"})

    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(forged.headers["X-Request-ID"]) == 32


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.com"])
def test_cors_allows_configured_origins(client: APIClient) -> None:
    headers = {"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"}
    allowed = client.options("/health/live", headers=headers)
    denied = client.options(
        "/health/live", headers={**headers, "Origin": "https://evil.example.com"}
    )

    assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "access-control-allow-origin" not in denied.headers


def test_cursor_round_trip_and_rejects_garbage() -> None:
    assert decode_cursor(encode_cursor(42)) == 42
    for garbage in ["%%%", base64.urlsafe_b64encode(b'{"after": "x"}').decode()]:
        with pytest.raises(ValidationError):
            decode_cursor(garbage)


def test_saving_a_row_deleted_meanwhile_is_404() -> None:
    existing = CategoryFactory.create()
    serializer = CategorySerializer(existing, data={"description": "bravo"}, partial=True)
    assert serializer.is_valid(), serializer.errors
    Category.objects.filter(pk=existing.pk).delete()

    with pytest.raises(NotFound):
        EntityViewSet[Category]().save_or_conflict(serializer)
    assert not Category.objects.filter(pk=existing.pk).exists()


def test_openapi_document_is_served(client: APIClient) -> None:
    response = client.get("/openapi.json")

    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    assert document["openapi"].startswith("3.")
    assert "/categories/{category_id}" in document["paths"]
    assert "422" in document["paths"]["/categories"]["post"]["responses"]


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_admin_pages_render_for_a_superuser(admin_client: Client, app: str, model: str) -> None:
    CategoryFactory.create()

    changelist = admin_client.get(f"/admin/{app}/{model}/")
    add = admin_client.get(f"/admin/{app}/{model}/add/")
    searched = admin_client.get(f"/admin/{app}/{model}/", {"q": "a"})

    assert changelist.status_code == 200
    assert add.status_code == 200
    assert searched.status_code == 200


def test_admin_change_page_and_csv_export(admin_client: Client) -> None:
    row = CategoryFactory.create()
    url = "/admin/categories/category/"

    change = admin_client.get(f"{url}{row.pk}/change/")
    exported = admin_client.post(url, {"action": "export_as_csv", "_selected_action": [row.pk]})
    users = admin_client.get("/admin/users/user/")

    assert change.status_code == 200
    assert exported["Content-Type"] == "text/csv"
    assert exported.content.decode().splitlines()[0].startswith("id,")
    assert users.status_code == 200


def test_changes_are_written_to_the_audit_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="audit"):
        row = CategoryFactory.create()
        row.save()
        row_id = row.pk
        row.delete()

    messages = [record.getMessage() for record in caplog.records if record.name == "audit"]
    label = "categories.Category"
    assert f"created {label} {row_id}" in messages
    assert f"updated {label} {row_id}" in messages
    assert f"deleted {label} {row_id}" in messages
    assert not LogEntry.objects.exists()


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a fresh process with production settings."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    return subprocess.run(  # noqa: S603 - fixed argv, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deployment_checks() -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        JWT_SECRET=secrets.token_urlsafe(32),
    )

    assert result.returncode == 0, result.stderr


def test_production_refuses_the_development_secret() -> None:
    result = _manage("check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
