"""Warehouse API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import WarehouseFactory, warehouse_payload


def test_create_warehouse_then_get_it(client: APIClient) -> None:
    payload = warehouse_payload()

    response = client.post("/warehouses", payload)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("code", "city", "website", "capacity", "active")} == {
        key: payload[key] for key in ("code", "city", "website", "capacity", "active")
    }
    fetched = client.get(f"/warehouses/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_code_is_422(client: APIClient) -> None:
    payload = warehouse_payload()
    del payload["code"]

    response = client.post("/warehouses", payload)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "code"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_code_is_422(client: APIClient) -> None:
    """Code longer than 12 characters is rejected."""
    payload = warehouse_payload(code="x" * 13)

    response = client.post("/warehouses", payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "code"]


def test_create_duplicate_code_is_409(client: APIClient) -> None:
    existing = WarehouseFactory.create()
    payload = warehouse_payload(code=existing.code)

    response = client.post("/warehouses", payload)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_warehouse_is_404(client: APIClient) -> None:
    response = client.get("/warehouses/2000000000")
    invalid = client.get("/warehouses/not-a-number")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "warehouse_id"]


def test_list_warehouses_pages_with_offset_and_limit(client: APIClient) -> None:
    for _ in range(3):
        WarehouseFactory.create()

    response = client.get("/warehouses", {"offset": 1, "limit": 2})
    too_large = client.get("/warehouses", {"limit": 101})
    unknown = client.get("/warehouses", {"no_such_filter": 1})

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_warehouses_filters(client: APIClient) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = WarehouseFactory.create(city="alpha", active=True)
    WarehouseFactory.create(city="charlie", active=False)

    response = client.get("/warehouses", {"city": "alpha", "active": "true"})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_warehouses_sorts_by_city(client: APIClient) -> None:
    WarehouseFactory.create(city="charlie")
    WarehouseFactory.create(city="alpha")
    WarehouseFactory.create(city="bravo")

    ascending = client.get("/warehouses", {"sort": "city"}).json()
    descending = client.get("/warehouses", {"sort": "-city"}).json()

    values = [item["city"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["city"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_warehouses_query_count_does_not_grow_with_the_page(client: APIClient) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    WarehouseFactory.create()
    with CaptureQueriesContext(connection) as one_row:
        client.get("/warehouses")
    for _ in range(3):
        WarehouseFactory.create()
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/warehouses")

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_warehouse_changes_only_sent_fields(client: APIClient) -> None:
    existing = WarehouseFactory.create()
    before = client.get(f"/warehouses/{existing.id}").json()

    response = client.patch(f"/warehouses/{existing.id}", {"city": "bravo"})

    assert response.status_code == 200, response.content
    assert response.json()["city"] == "bravo"
    assert response.json()["code"] == before["code"]


def test_update_code_to_null_is_422(client: APIClient) -> None:
    existing = WarehouseFactory.create()

    response = client.patch(f"/warehouses/{existing.id}", {"code": None})
    unknown = client.patch(f"/warehouses/{existing.id}", {"id": 1})

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_warehouse(client: APIClient) -> None:
    existing = WarehouseFactory.create()

    deleted = client.delete(f"/warehouses/{existing.id}")
    again = client.get(f"/warehouses/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
