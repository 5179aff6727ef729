"""CartItem API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import (
    auth_headers,
    cart_item_payload,
    create_cart,
    create_cart_item,
    create_user,
)


async def test_create_cart_item_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await cart_item_payload(session, owner=user)

    response = await client.post("/cart_items", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("quantity", "product_id", "cart_id")} == {
        key: payload[key] for key in ("quantity", "product_id", "cart_id")
    }
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/cart_items/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_with_invalid_quantity_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Quantity below the minimum 1 is rejected."""
    payload = await cart_item_payload(session, owner=user, quantity=0)

    response = await client.post("/cart_items", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "quantity"]


async def test_create_with_unknown_product_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await cart_item_payload(session, owner=user, product_id=2_000_000_000)

    response = await client.post("/cart_items", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "product_id"]


async def test_create_duplicate_cart_id_product_id_is_409(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_cart_item(session, owner=user)
    payload = await cart_item_payload(
        session, owner=user, cart_id=existing.cart_id, product_id=existing.product_id
    )

    response = await client.post("/cart_items", json=payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_cart_item_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/cart_items/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_cart_items_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_cart_item(session, owner=user)

    response = await client.get(
        "/cart_items", params={"offset": 1, "limit": 2}, headers=user_headers
    )
    beyond = await client.get("/cart_items", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_cart_items_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_cart_item(session, owner=user)
    with query_counter() as one_row:
        await client.get("/cart_items", headers=user_headers)
    for _ in range(3):
        await create_cart_item(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/cart_items", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_cart_item_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_cart_item(session, owner=user)

    response = await client.patch(
        f"/cart_items/{existing.id}", json={"quantity": 3}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["quantity"] == 3


async def test_update_quantity_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_cart_item(session, owner=user)

    response = await client.patch(
        f"/cart_items/{existing.id}", json={"quantity": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_delete_cart_item(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_cart_item(session, owner=user)

    deleted = await client.delete(f"/cart_items/{existing.id}", headers=user_headers)
    again = await client.get(f"/cart_items/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_cart_items_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/cart_items")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_cart_items_are_private_to_their_owner(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_cart_item(session, owner=user)
    stranger = auth_headers(await create_user(session))

    listed = await client.get("/cart_items", headers=stranger)
    fetched = await client.get(f"/cart_items/{mine.id}", headers=stranger)
    changed = await client.patch(f"/cart_items/{mine.id}", json={}, headers=stranger)
    as_admin = await client.get(f"/cart_items/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200


async def test_cannot_attach_to_someone_elses_cart(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    theirs = await create_cart(session, owner=await create_user(session))
    payload = await cart_item_payload(session, owner=user, cart_id=theirs.id)

    response = await client.post("/cart_items", json=payload, headers=user_headers)

    assert response.status_code == 422
