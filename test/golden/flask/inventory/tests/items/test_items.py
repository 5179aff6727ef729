"""Item API: CRUD, validation, paging, filters and permissions."""

from datetime import date

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import create_item, item_payload


def test_create_item_then_get_it(client: FlaskClient, session: Session) -> None:
    payload = item_payload(session)

    response = client.post("/items", json=payload)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {
        key: created[key]
        for key in ("barcode", "name", "min_level", "max_level", "best_before", "warehouse_id")
    } == {
        key: payload[key]
        for key in ("barcode", "name", "min_level", "max_level", "best_before", "warehouse_id")
    }
    fetched = client.get(f"/items/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_barcode_is_422(client: FlaskClient, session: Session) -> None:
    payload = item_payload(session)
    del payload["barcode"]

    response = client.post("/items", json=payload)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "barcode"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_barcode_is_422(client: FlaskClient, session: Session) -> None:
    """Barcode longer than 20 characters is rejected."""
    payload = item_payload(session, barcode="x" * 21)

    response = client.post("/items", json=payload)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "barcode"]


def test_create_with_unknown_warehouse_is_422(client: FlaskClient, session: Session) -> None:
    payload = item_payload(session, warehouse_id=2_000_000_000)

    response = client.post("/items", json=payload)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "warehouse_id"]


def test_create_duplicate_warehouse_id_barcode_is_409(
    client: FlaskClient, session: Session
) -> None:
    existing = create_item(session)
    payload = item_payload(session, warehouse_id=existing.warehouse_id, barcode=existing.barcode)

    response = client.post("/items", json=payload)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_rule_max_level_ge_min_level_is_enforced(client: FlaskClient, session: Session) -> None:
    payload = item_payload(session, max_level=1, min_level=3)

    created = client.post("/items", json=payload)
    existing = create_item(session)
    updated = client.patch(f"/items/{existing.id}", json={"max_level": 1, "min_level": 3})

    assert created.status_code == 422
    assert updated.status_code == 422


def test_get_missing_item_is_404(client: FlaskClient, session: Session) -> None:
    response = client.get("/items/2000000000")

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_items_pages_with_offset_and_limit(client: FlaskClient, session: Session) -> None:
    for _ in range(3):
        create_item(session)

    response = client.get("/items", query_string={"offset": 1, "limit": 2})

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_items_filters(client: FlaskClient, session: Session) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_item(session, best_before=date(2024, 1, 1))
    create_item(session, best_before=date(2024, 1, 3))

    response = client.get(
        "/items", query_string={"min_best_before": "2024-01-01", "max_best_before": "2024-01-01"}
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_items_sorts_by_name(client: FlaskClient, session: Session) -> None:
    create_item(session, name="charlie")
    create_item(session, name="alpha")
    create_item(session, name="bravo")

    ascending = (client.get("/items", query_string={"sort": "name"})).get_json()
    descending = (client.get("/items", query_string={"sort": "-name"})).get_json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_items_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_item(session)
    with query_counter() as one_row:
        client.get("/items")
    for _ in range(3):
        create_item(session)
    with query_counter() as four_rows:
        client.get("/items")

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_item_changes_only_sent_fields(client: FlaskClient, session: Session) -> None:
    existing = create_item(session)
    before = (client.get(f"/items/{existing.id}")).get_json()

    response = client.patch(f"/items/{existing.id}", json={"name": "bravo"})

    assert response.status_code == 200, response.text
    assert response.get_json()["name"] == "bravo"
    assert response.get_json()["barcode"] == before["barcode"]


def test_update_barcode_to_null_is_422(client: FlaskClient, session: Session) -> None:
    existing = create_item(session)

    response = client.patch(f"/items/{existing.id}", json={"barcode": None})

    assert response.status_code == 422


def test_delete_item(client: FlaskClient, session: Session) -> None:
    existing = create_item(session)

    deleted = client.delete(f"/items/{existing.id}")
    again = client.get(f"/items/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
