"""Category API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import CategoryFactory, category_payload


def test_create_category_then_get_it(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = category_payload()

    response = client.post("/categories", payload, headers=admin_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("name", "description")} == {
        key: payload[key] for key in ("name", "description")
    }
    fetched = client.get(f"/categories/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_name_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = category_payload()
    del payload["name"]

    response = client.post("/categories", payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "name"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_name_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    """Name longer than 80 characters is rejected."""
    payload = category_payload(name="x" * 81)

    response = client.post("/categories", payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


def test_create_with_unknown_parent_is_422(
    client: APIClient, admin_headers: dict[str, str]
) -> None:
    payload = category_payload(parent_id=2_000_000_000)

    response = client.post("/categories", payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


def test_create_duplicate_name_is_409(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = CategoryFactory.create()
    payload = category_payload(name=existing.name)

    response = client.post("/categories", payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_category_is_404(client: APIClient, user_headers: dict[str, str]) -> None:
    response = client.get("/categories/2000000000", headers=user_headers)
    invalid = client.get("/categories/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "category_id"]


def test_list_categories_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        CategoryFactory.create()

    response = client.get("/categories", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/categories", {"limit": 101}, headers=user_headers)
    unknown = client.get("/categories", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_categories_sorts_by_name(client: APIClient, user_headers: dict[str, str]) -> None:
    CategoryFactory.create(name="charlie")
    CategoryFactory.create(name="alpha")
    CategoryFactory.create(name="bravo")

    ascending = client.get("/categories", {"sort": "name"}, headers=user_headers).json()
    descending = client.get("/categories", {"sort": "-name"}, headers=user_headers).json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_categories_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str]
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    CategoryFactory.create()
    with CaptureQueriesContext(connection) as one_row:
        client.get("/categories", headers=user_headers)
    for _ in range(3):
        CategoryFactory.create()
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/categories", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_category_changes_only_sent_fields(
    client: APIClient, admin_headers: dict[str, str]
) -> None:
    existing = CategoryFactory.create()
    before = client.get(f"/categories/{existing.id}", headers=admin_headers).json()

    response = client.patch(
        f"/categories/{existing.id}", {"description": "bravo"}, headers=admin_headers
    )

    assert response.status_code == 200, response.content
    assert response.json()["description"] == "bravo"
    assert response.json()["name"] == before["name"]


def test_update_name_to_null_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = CategoryFactory.create()

    response = client.patch(f"/categories/{existing.id}", {"name": None}, headers=admin_headers)
    unknown = client.patch(f"/categories/{existing.id}", {"id": 1}, headers=admin_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_category_cannot_be_its_own_parent(
    client: APIClient, admin_headers: dict[str, str]
) -> None:
    existing = CategoryFactory.create()

    response = client.patch(
        f"/categories/{existing.id}", {"parent_id": existing.id}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


def test_delete_category(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = CategoryFactory.create()

    deleted = client.delete(f"/categories/{existing.id}", headers=admin_headers)
    again = client.get(f"/categories/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_categories_require_authentication(client: APIClient) -> None:
    response = client.post("/categories", {})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_categories_write_requires_admin(client: APIClient, user_headers: dict[str, str]) -> None:
    payload = category_payload()

    response = client.post("/categories", payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
