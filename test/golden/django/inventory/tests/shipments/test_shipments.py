"""Shipment API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import ShipmentFactory, shipment_payload


def test_create_shipment_then_get_it(client: APIClient) -> None:
    payload = shipment_payload()

    response = client.post("/shipments", payload)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("quantity", "ships_on", "arrives_on", "item_id")} == {
        key: payload[key] for key in ("quantity", "ships_on", "arrives_on", "item_id")
    }
    fetched = client.get(f"/shipments/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_quantity_is_422(client: APIClient) -> None:
    payload = shipment_payload()
    del payload["quantity"]

    response = client.post("/shipments", payload)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "quantity"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_quantity_is_422(client: APIClient) -> None:
    """Quantity below the minimum 1 is rejected."""
    payload = shipment_payload(quantity=0)

    response = client.post("/shipments", payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "quantity"]


def test_create_with_unknown_item_is_422(client: APIClient) -> None:
    payload = shipment_payload(item_id=2_000_000_000)

    response = client.post("/shipments", payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "item_id"]


def test_rule_arrives_on_gt_ships_on_is_enforced(client: APIClient) -> None:
    payload = shipment_payload(arrives_on="2024-01-01", ships_on="2024-01-01")

    created = client.post("/shipments", payload)
    existing = ShipmentFactory.create()
    updated = client.patch(
        f"/shipments/{existing.id}", {"arrives_on": "2024-01-01", "ships_on": "2024-01-01"}
    )

    assert created.status_code == 422
    assert updated.status_code == 422


def test_get_missing_shipment_is_404(client: APIClient) -> None:
    response = client.get("/shipments/2000000000")
    invalid = client.get("/shipments/not-a-number")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "shipment_id"]


def test_list_shipments_pages_with_a_cursor(client: APIClient) -> None:
    for _ in range(3):
        ShipmentFactory.create()

    first = client.get("/shipments", {"limit": 2}).json()
    second = client.get("/shipments", {"limit": 2, "cursor": first["next_cursor"]}).json()
    invalid = client.get("/shipments", {"cursor": "not-a-cursor"})

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


def test_list_shipments_query_count_does_not_grow_with_the_page(client: APIClient) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    ShipmentFactory.create()
    with CaptureQueriesContext(connection) as one_row:
        client.get("/shipments")
    for _ in range(3):
        ShipmentFactory.create()
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/shipments")

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_shipment_changes_only_sent_fields(client: APIClient) -> None:
    existing = ShipmentFactory.create()
    before = client.get(f"/shipments/{existing.id}").json()

    response = client.patch(f"/shipments/{existing.id}", {"quantity": 3})

    assert response.status_code == 200, response.content
    assert response.json()["quantity"] == 3
    assert response.json()["ships_on"] == before["ships_on"]


def test_update_quantity_to_null_is_422(client: APIClient) -> None:
    existing = ShipmentFactory.create()

    response = client.patch(f"/shipments/{existing.id}", {"quantity": None})
    unknown = client.patch(f"/shipments/{existing.id}", {"id": 1})

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_shipment(client: APIClient) -> None:
    existing = ShipmentFactory.create()

    deleted = client.delete(f"/shipments/{existing.id}")
    again = client.get(f"/shipments/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
