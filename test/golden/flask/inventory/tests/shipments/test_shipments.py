"""Shipment API: CRUD, validation, paging, filters and permissions."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import create_shipment, shipment_payload


def test_create_shipment_then_get_it(client: FlaskClient, session: Session) -> None:
    payload = shipment_payload(session)

    response = client.post("/shipments", json=payload)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("quantity", "ships_on", "arrives_on", "item_id")} == {
        key: payload[key] for key in ("quantity", "ships_on", "arrives_on", "item_id")
    }
    fetched = client.get(f"/shipments/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_quantity_is_422(client: FlaskClient, session: Session) -> None:
    payload = shipment_payload(session)
    del payload["quantity"]

    response = client.post("/shipments", json=payload)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "quantity"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_quantity_is_422(client: FlaskClient, session: Session) -> None:
    """Quantity below the minimum 1 is rejected."""
    payload = shipment_payload(session, quantity=0)

    response = client.post("/shipments", json=payload)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "quantity"]


def test_create_with_unknown_item_is_422(client: FlaskClient, session: Session) -> None:
    payload = shipment_payload(session, item_id=2_000_000_000)

    response = client.post("/shipments", json=payload)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "item_id"]


def test_rule_arrives_on_gt_ships_on_is_enforced(client: FlaskClient, session: Session) -> None:
    payload = shipment_payload(session, arrives_on="2024-01-01", ships_on="2024-01-01")

    created = client.post("/shipments", json=payload)
    existing = create_shipment(session)
    updated = client.patch(
        f"/shipments/{existing.id}", json={"arrives_on": "2024-01-01", "ships_on": "2024-01-01"}
    )

    assert created.status_code == 422
    assert updated.status_code == 422


def test_get_missing_shipment_is_404(client: FlaskClient, session: Session) -> None:
    response = client.get("/shipments/2000000000")

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_shipments_pages_with_a_cursor(client: FlaskClient, session: Session) -> None:
    for _ in range(3):
        create_shipment(session)

    first = (client.get("/shipments", query_string={"limit": 2})).get_json()
    second = (
        client.get("/shipments", query_string={"limit": 2, "cursor": first["next_cursor"]})
    ).get_json()
    invalid = client.get("/shipments", query_string={"cursor": "not-a-cursor"})

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


def test_list_shipments_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_shipment(session)
    with query_counter() as one_row:
        client.get("/shipments")
    for _ in range(3):
        create_shipment(session)
    with query_counter() as four_rows:
        client.get("/shipments")

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_shipment_changes_only_sent_fields(client: FlaskClient, session: Session) -> None:
    existing = create_shipment(session)
    before = (client.get(f"/shipments/{existing.id}")).get_json()

    response = client.patch(f"/shipments/{existing.id}", json={"quantity": 3})

    assert response.status_code == 200, response.text
    assert response.get_json()["quantity"] == 3
    assert response.get_json()["ships_on"] == before["ships_on"]


def test_update_quantity_to_null_is_422(client: FlaskClient, session: Session) -> None:
    existing = create_shipment(session)

    response = client.patch(f"/shipments/{existing.id}", json={"quantity": None})

    assert response.status_code == 422


def test_delete_shipment(client: FlaskClient, session: Session) -> None:
    existing = create_shipment(session)

    deleted = client.delete(f"/shipments/{existing.id}")
    again = client.get(f"/shipments/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
