"""Item API: CRUD, validation, paging, filters and permissions."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import ItemFactory, item_payload


def test_create_item_then_get_it(client: APIClient) -> None:
    payload = item_payload()

    response = client.post("/items", payload)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {
        key: created[key]
        for key in ("barcode", "name", "min_level", "max_level", "best_before", "warehouse_id")
    } == {
        key: payload[key]
        for key in ("barcode", "name", "min_level", "max_level", "best_before", "warehouse_id")
    }
    fetched = client.get(f"/items/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_barcode_is_422(client: APIClient) -> None:
    payload = item_payload()
    del payload["barcode"]

    response = client.post("/items", payload)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "barcode"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_barcode_is_422(client: APIClient) -> None:
    """Barcode longer than 20 characters is rejected."""
    payload = item_payload(barcode="x" * 21)

    response = client.post("/items", payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "barcode"]


def test_create_with_unknown_warehouse_is_422(client: APIClient) -> None:
    payload = item_payload(warehouse_id=2_000_000_000)

    response = client.post("/items", payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "warehouse_id"]


def test_create_duplicate_warehouse_id_barcode_is_409(client: APIClient) -> None:
    existing = ItemFactory.create()
    payload = item_payload(warehouse_id=existing.warehouse_id, barcode=existing.barcode)

    response = client.post("/items", payload)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_rule_max_level_ge_min_level_is_enforced(client: APIClient) -> None:
    payload = item_payload(max_level=1, min_level=3)

    created = client.post("/items", payload)
    existing = ItemFactory.create()
    updated = client.patch(f"/items/{existing.id}", {"max_level": 1, "min_level": 3})

    assert created.status_code == 422
    assert updated.status_code == 422


def test_get_missing_item_is_404(client: APIClient) -> None:
    response = client.get("/items/2000000000")
    invalid = client.get("/items/not-a-number")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "item_id"]


def test_list_items_pages_with_offset_and_limit(client: APIClient) -> None:
    for _ in range(3):
        ItemFactory.create()

    response = client.get("/items", {"offset": 1, "limit": 2})
    too_large = client.get("/items", {"limit": 101})
    unknown = client.get("/items", {"no_such_filter": 1})

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_items_filters(client: APIClient) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = ItemFactory.create(best_before=date(2024, 1, 1))
    ItemFactory.create(best_before=date(2024, 1, 3))

    response = client.get(
        "/items", {"min_best_before": "2024-01-01", "max_best_before": "2024-01-01"}
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_items_sorts_by_name(client: APIClient) -> None:
    ItemFactory.create(name="charlie")
    ItemFactory.create(name="alpha")
    ItemFactory.create(name="bravo")

    ascending = client.get("/items", {"sort": "name"}).json()
    descending = client.get("/items", {"sort": "-name"}).json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_items_query_count_does_not_grow_with_the_page(client: APIClient) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    ItemFactory.create()
    with CaptureQueriesContext(connection) as one_row:
        client.get("/items")
    for _ in range(3):
        ItemFactory.create()
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/items")

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_item_changes_only_sent_fields(client: APIClient) -> None:
    existing = ItemFactory.create()
    before = client.get(f"/items/{existing.id}").json()

    response = client.patch(f"/items/{existing.id}", {"name": "bravo"})

    assert response.status_code == 200, response.content
    assert response.json()["name"] == "bravo"
    assert response.json()["barcode"] == before["barcode"]


def test_update_barcode_to_null_is_422(client: APIClient) -> None:
    existing = ItemFactory.create()

    response = client.patch(f"/items/{existing.id}", {"barcode": None})
    unknown = client.patch(f"/items/{existing.id}", {"id": 1})

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_item(client: APIClient) -> None:
    existing = ItemFactory.create()

    deleted = client.delete(f"/items/{existing.id}")
    again = client.get(f"/items/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
