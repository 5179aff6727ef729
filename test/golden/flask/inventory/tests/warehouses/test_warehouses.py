"""Warehouse API: CRUD, validation, paging, filters and permissions."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import create_warehouse, warehouse_payload


def test_create_warehouse_then_get_it(client: FlaskClient, session: Session) -> None:
    payload = warehouse_payload()

    response = client.post("/warehouses", json=payload)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("code", "city", "website", "capacity", "active")} == {
        key: payload[key] for key in ("code", "city", "website", "capacity", "active")
    }
    fetched = client.get(f"/warehouses/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_code_is_422(client: FlaskClient, session: Session) -> None:
    payload = warehouse_payload()
    del payload["code"]

    response = client.post("/warehouses", json=payload)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "code"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_code_is_422(client: FlaskClient, session: Session) -> None:
    """Code longer than 12 characters is rejected."""
    payload = warehouse_payload(code="x" * 13)

    response = client.post("/warehouses", json=payload)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "code"]


def test_create_duplicate_code_is_409(client: FlaskClient, session: Session) -> None:
    existing = create_warehouse(session)
    payload = warehouse_payload(code=existing.code)

    response = client.post("/warehouses", json=payload)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_get_missing_warehouse_is_404(client: FlaskClient, session: Session) -> None:
    response = client.get("/warehouses/2000000000")

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_warehouses_pages_with_offset_and_limit(client: FlaskClient, session: Session) -> None:
    for _ in range(3):
        create_warehouse(session)

    response = client.get("/warehouses", query_string={"offset": 1, "limit": 2})

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_warehouses_filters(client: FlaskClient, session: Session) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_warehouse(session, city="alpha", active=True)
    create_warehouse(session, city="charlie", active=False)

    response = client.get("/warehouses", query_string={"city": "alpha", "active": True})

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_warehouses_sorts_by_city(client: FlaskClient, session: Session) -> None:
    create_warehouse(session, city="charlie")
    create_warehouse(session, city="alpha")
    create_warehouse(session, city="bravo")

    ascending = (client.get("/warehouses", query_string={"sort": "city"})).get_json()
    descending = (client.get("/warehouses", query_string={"sort": "-city"})).get_json()

    values = [item["city"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["city"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_warehouses_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_warehouse(session)
    with query_counter() as one_row:
        client.get("/warehouses")
    for _ in range(3):
        create_warehouse(session)
    with query_counter() as four_rows:
        client.get("/warehouses")

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_warehouse_changes_only_sent_fields(client: FlaskClient, session: Session) -> None:
    existing = create_warehouse(session)
    before = (client.get(f"/warehouses/{existing.id}")).get_json()

    response = client.patch(f"/warehouses/{existing.id}", json={"city": "bravo"})

    assert response.status_code == 200, response.text
    assert response.get_json()["city"] == "bravo"
    assert response.get_json()["code"] == before["code"]


def test_update_code_to_null_is_422(client: FlaskClient, session: Session) -> None:
    existing = create_warehouse(session)

    response = client.patch(f"/warehouses/{existing.id}", json={"code": None})

    assert response.status_code == 422


def test_delete_warehouse(client: FlaskClient, session: Session) -> None:
    existing = create_warehouse(session)

    deleted = client.delete(f"/warehouses/{existing.id}")
    again = client.get(f"/warehouses/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
