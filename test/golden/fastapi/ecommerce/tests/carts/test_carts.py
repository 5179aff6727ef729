"""Cart API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shop.cart_items.models import CartItem
from shop.cart_items.schemas import CartItemBrief
from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import auth_headers, cart_payload, create_cart, create_cart_item, create_user


async def test_create_cart_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = cart_payload()

    response = await client.post("/carts", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("note",)} == {key: payload[key] for key in ("note",)}
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/carts/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_with_invalid_note_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Note longer than 200 characters is rejected."""
    payload = cart_payload(note="x" * 201)

    response = await client.post("/carts", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "note"]


async def test_create_with_a_nul_character_in_note_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = cart_payload()
    payload["note"] = "\x00" + payload["note"][1:]

    response = await client.post("/carts", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "note"]


async def test_get_missing_cart_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/carts/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_carts_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_cart(session, owner=user)

    response = await client.get("/carts", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/carts", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_carts_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_cart(session, owner=user)
    with query_counter() as one_row:
        await client.get("/carts", headers=user_headers)
    for _ in range(3):
        await create_cart(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/carts", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_cart_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_cart(session, owner=user)

    response = await client.patch(
        f"/carts/{existing.id}", json={"note": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["note"] == "bravo"


async def test_get_cart_shows_its_items_as_stored(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    parent = await create_cart(session, owner=user)
    child = await create_cart_item(session, owner=user, cart_id=parent.id)
    await session.refresh(child)

    response = await client.get(f"/carts/{parent.id}", headers=user_headers)

    assert response.status_code == 200
    assert response.json()["items"] == [CartItemBrief.model_validate(child).model_dump(mode="json")]


async def test_delete_cart(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_cart(session, owner=user)

    deleted = await client.delete(f"/carts/{existing.id}", headers=user_headers)
    again = await client.get(f"/carts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_deleting_cart_deletes_its_items(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_cart(session, owner=user)
    child = await create_cart_item(session, owner=user, cart_id=existing.id)

    deleted = await client.delete(f"/carts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert await session.scalar(select(CartItem.id).where(CartItem.id == child.id)) is None


async def test_carts_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/carts")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_carts_are_private_to_their_owner(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_cart(session, owner=user)
    stranger = auth_headers(await create_user(session))

    listed = await client.get("/carts", headers=stranger)
    fetched = await client.get(f"/carts/{mine.id}", headers=stranger)
    changed = await client.patch(f"/carts/{mine.id}", json={}, headers=stranger)
    as_admin = await client.get(f"/carts/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
