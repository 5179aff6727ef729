"""Product API: CRUD, validation, paging, filters and permissions."""

from decimal import Decimal

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from shop.products.models import ProductStatus
from tests.conftest import QueryCounter
from tests.factories import create_product, create_tag, product_payload


async def test_create_product_then_get_it(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = await product_payload(session)

    response = await client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
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
    fetched = await client.get(f"/products/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_sku_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = await product_payload(session)
    del payload["sku"]

    response = await client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "sku"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_sku_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """Sku longer than 32 characters is rejected."""
    payload = await product_payload(session, sku="x" * 33)

    response = await client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "sku"]


async def test_create_with_a_nul_character_in_title_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = await product_payload(session)
    payload["title"] = "\x00" + payload["title"][1:]

    response = await client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


async def test_create_with_unknown_category_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = await product_payload(session, category_id=2_000_000_000)

    response = await client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "category_id"]


async def test_create_duplicate_sku_is_409(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_product(session)
    payload = await product_payload(session, sku=existing.sku)

    response = await client.post("/products", json=payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_product_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    response = await client.get("/products/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_products_pages_with_a_cursor(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        await create_product(session)

    first = (await client.get("/products", params={"limit": 2}, headers=user_headers)).json()
    second = (
        await client.get(
            "/products", params={"limit": 2, "cursor": first["next_cursor"]}, headers=user_headers
        )
    ).json()
    invalid = await client.get("/products", params={"cursor": "not-a-cursor"}, headers=user_headers)

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


async def test_list_products_filters(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_product(
        session, title="alpha", price=Decimal("10.00"), status=ProductStatus.ACTIVE
    )
    await create_product(
        session, title="charlie", price=Decimal("12.00"), status=ProductStatus.DRAFT
    )

    response = await client.get(
        "/products",
        params={"title": "alpha", "min_price": "10.00", "max_price": "10.00", "status": "active"},
        headers=user_headers,
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_products_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_product(session)
    with query_counter() as one_row:
        await client.get("/products", headers=user_headers)
    for _ in range(3):
        await create_product(session)
    with query_counter() as four_rows:
        await client.get("/products", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_product_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_product(session)
    before = (await client.get(f"/products/{existing.id}", headers=admin_headers)).json()

    response = await client.patch(
        f"/products/{existing.id}", json={"title": "bravo"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["title"] == "bravo"
    assert response.json()["sku"] == before["sku"]


async def test_update_sku_to_null_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_product(session)

    response = await client.patch(
        f"/products/{existing.id}", json={"sku": None}, headers=admin_headers
    )

    assert response.status_code == 422


async def test_update_product_replaces_tags(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_product(session)
    first = await create_tag(session)
    second = await create_tag(session)

    linked = await client.patch(
        f"/products/{existing.id}", json={"tag_ids": [second.id, first.id]}, headers=admin_headers
    )
    unknown = await client.patch(
        f"/products/{existing.id}", json={"tag_ids": [2_000_000_000]}, headers=admin_headers
    )

    assert linked.status_code == 200, linked.text
    assert [item["id"] for item in linked.json()["tags"]] == [first.id, second.id]
    assert unknown.status_code == 422


async def test_update_product_to_a_duplicate_sku_with_tags_is_409(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_product(session)
    other = await create_product(session)
    linked = await create_tag(session)

    response = await client.patch(
        f"/products/{existing.id}",
        json={"sku": other.sku, "tag_ids": [linked.id]},
        headers=admin_headers,
    )

    assert response.status_code == 409


async def test_delete_product(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_product(session)

    deleted = await client.delete(f"/products/{existing.id}", headers=admin_headers)
    again = await client.get(f"/products/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_products_require_authentication(client: AsyncClient) -> None:
    response = await client.post("/products", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_products_write_requires_admin(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    payload = await product_payload(session)

    response = await client.post("/products", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
