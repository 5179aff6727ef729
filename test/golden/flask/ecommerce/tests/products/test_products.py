"""Product API: CRUD, validation, paging, filters and permissions."""

from decimal import Decimal

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from shop.products.models import ProductStatus
from tests.conftest import QueryCounter
from tests.factories import create_product, create_tag, product_payload


def test_create_product_then_get_it(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = product_payload(session)

    response = client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {
        key: created[key]
        for key in (
            "sku",
            "title",
            "description",
            "price",
            "stock",
            "status",
            "attributes",
            "category_id",
        )
    } == {
        key: payload[key]
        for key in (
            "sku",
            "title",
            "description",
            "price",
            "stock",
            "status",
            "attributes",
            "category_id",
        )
    }
    fetched = client.get(f"/products/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_sku_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = product_payload(session)
    del payload["sku"]

    response = client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "sku"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_sku_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    """Sku longer than 32 characters is rejected."""
    payload = product_payload(session, sku="x" * 33)

    response = client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "sku"]


def test_create_with_unknown_category_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = product_payload(session, category_id=2_000_000_000)

    response = client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "category_id"]


def test_create_duplicate_sku_is_409(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_product(session)
    payload = product_payload(session, sku=existing.sku)

    response = client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_get_missing_product_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    response = client.get("/products/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_products_pages_with_a_cursor(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        create_product(session)

    first = (client.get("/products", query_string={"limit": 2}, headers=user_headers)).get_json()
    second = (
        client.get(
            "/products",
            query_string={"limit": 2, "cursor": first["next_cursor"]},
            headers=user_headers,
        )
    ).get_json()
    invalid = client.get("/products", query_string={"cursor": "not-a-cursor"}, headers=user_headers)

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


def test_list_products_filters(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_product(
        session, title="alpha", price=Decimal("10.00"), status=ProductStatus.ACTIVE
    )
    create_product(session, title="charlie", price=Decimal("12.00"), status=ProductStatus.DRAFT)

    response = client.get(
        "/products",
        query_string={
            "title": "alpha",
            "min_price": "10.00",
            "max_price": "10.00",
            "status": "active",
        },
        headers=user_headers,
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_products_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, user_headers: dict[str, str], query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_product(session)
    with query_counter() as one_row:
        client.get("/products", headers=user_headers)
    for _ in range(3):
        create_product(session)
    with query_counter() as four_rows:
        client.get("/products", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_product_changes_only_sent_fields(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_product(session)
    before = (client.get(f"/products/{existing.id}", headers=admin_headers)).get_json()

    response = client.patch(
        f"/products/{existing.id}", json={"title": "bravo"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.get_json()["title"] == "bravo"
    assert response.get_json()["sku"] == before["sku"]


def test_update_sku_to_null_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_product(session)

    response = client.patch(f"/products/{existing.id}", json={"sku": None}, headers=admin_headers)

    assert response.status_code == 422


def test_update_product_replaces_tags(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_product(session)
    first = create_tag(session)
    second = create_tag(session)

    linked = client.patch(
        f"/products/{existing.id}", json={"tag_ids": [second.id, first.id]}, headers=admin_headers
    )
    unknown = client.patch(
        f"/products/{existing.id}", json={"tag_ids": [2_000_000_000]}, headers=admin_headers
    )

    assert linked.status_code == 200, linked.text
    assert [item["id"] for item in linked.get_json()["tags"]] == [first.id, second.id]
    assert unknown.status_code == 422


def test_update_product_to_a_duplicate_sku_with_tags_is_409(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_product(session)
    other = create_product(session)
    linked = create_tag(session)

    response = client.patch(
        f"/products/{existing.id}",
        json={"sku": other.sku, "tag_ids": [linked.id]},
        headers=admin_headers,
    )

    assert response.status_code == 409


def test_delete_product(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_product(session)

    deleted = client.delete(f"/products/{existing.id}", headers=admin_headers)
    again = client.get(f"/products/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_products_require_authentication(client: FlaskClient) -> None:
    response = client.post("/products", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_products_write_requires_admin(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    payload = product_payload(session)

    response = client.post("/products", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "permission_denied"
