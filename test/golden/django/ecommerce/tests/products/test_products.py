"""Product API: CRUD, validation, paging, filters and permissions."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from shop.products.models import ProductStatus
from tests.factories import ProductFactory, TagFactory, product_payload


def test_create_product_then_get_it(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = product_payload()

    response = client.post("/products", payload, headers=admin_headers)

    assert response.status_code == 201, response.content
    created = response.json()
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
    assert fetched.json() == created


def test_create_without_sku_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = product_payload()
    del payload["sku"]

    response = client.post("/products", payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "sku"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_sku_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    """Sku longer than 32 characters is rejected."""
    payload = product_payload(sku="x" * 33)

    response = client.post("/products", payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "sku"]


def test_create_with_unknown_category_is_422(
    client: APIClient, admin_headers: dict[str, str]
) -> None:
    payload = product_payload(category_id=2_000_000_000)

    response = client.post("/products", payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "category_id"]


def test_create_duplicate_sku_is_409(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = ProductFactory.create()
    payload = product_payload(sku=existing.sku)

    response = client.post("/products", payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_product_is_404(client: APIClient, user_headers: dict[str, str]) -> None:
    response = client.get("/products/2000000000", headers=user_headers)
    invalid = client.get("/products/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "product_id"]


def test_list_products_pages_with_a_cursor(client: APIClient, user_headers: dict[str, str]) -> None:
    for _ in range(3):
        ProductFactory.create()

    first = client.get("/products", {"limit": 2}, headers=user_headers).json()
    second = client.get(
        "/products", {"limit": 2, "cursor": first["next_cursor"]}, headers=user_headers
    ).json()
    invalid = client.get("/products", {"cursor": "not-a-cursor"}, headers=user_headers)

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


def test_list_products_filters(client: APIClient, user_headers: dict[str, str]) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = ProductFactory.create(
        title="alpha", price=Decimal("10.00"), status=ProductStatus.ACTIVE
    )
    ProductFactory.create(title="charlie", price=Decimal("12.00"), status=ProductStatus.DRAFT)

    response = client.get(
        "/products",
        {"title": "alpha", "min_price": "10.00", "max_price": "10.00", "status": "active"},
        headers=user_headers,
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_products_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str]
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    ProductFactory.create()
    with CaptureQueriesContext(connection) as one_row:
        client.get("/products", headers=user_headers)
    for _ in range(3):
        ProductFactory.create()
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/products", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_product_changes_only_sent_fields(
    client: APIClient, admin_headers: dict[str, str]
) -> None:
    existing = ProductFactory.create()
    before = client.get(f"/products/{existing.id}", headers=admin_headers).json()

    response = client.patch(f"/products/{existing.id}", {"title": "bravo"}, headers=admin_headers)

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "bravo"
    assert response.json()["sku"] == before["sku"]


def test_update_sku_to_null_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = ProductFactory.create()

    response = client.patch(f"/products/{existing.id}", {"sku": None}, headers=admin_headers)
    unknown = client.patch(f"/products/{existing.id}", {"id": 1}, headers=admin_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_update_product_replaces_tags(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = ProductFactory.create()
    first = TagFactory.create()
    second = TagFactory.create()

    linked = client.patch(
        f"/products/{existing.id}", {"tag_ids": [second.id, first.id]}, headers=admin_headers
    )
    unknown = client.patch(
        f"/products/{existing.id}", {"tag_ids": [2_000_000_000]}, headers=admin_headers
    )

    assert linked.status_code == 200, linked.content
    assert [item["id"] for item in linked.json()["tags"]] == [first.id, second.id]
    assert unknown.status_code == 422


def test_delete_product(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = ProductFactory.create()

    deleted = client.delete(f"/products/{existing.id}", headers=admin_headers)
    again = client.get(f"/products/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_products_require_authentication(client: APIClient) -> None:
    response = client.post("/products", {})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_products_write_requires_admin(client: APIClient, user_headers: dict[str, str]) -> None:
    payload = product_payload()

    response = client.post("/products", payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
