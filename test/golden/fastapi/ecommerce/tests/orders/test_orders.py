"""Order API: CRUD, validation, paging, filters and permissions."""

from datetime import UTC, datetime

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shop.order_items.models import OrderItem
from shop.order_items.schemas import OrderItemBrief
from shop.orders.models import OrderStatus
from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import (
    auth_headers,
    create_customer,
    create_order,
    create_order_item,
    create_user,
    order_payload,
)


async def test_create_order_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await order_payload(session, owner=user)

    response = await client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {
        key: created[key] for key in ("status", "total", "shipping_address", "customer_id")
    } == {key: payload[key] for key in ("status", "total", "shipping_address", "customer_id")}
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/orders/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_total_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await order_payload(session, owner=user)
    del payload["total"]

    response = await client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "total"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_status_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Status not one of the choices is rejected."""
    payload = await order_payload(session, owner=user, status="not-a-choice")

    response = await client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "status"]


async def test_create_with_a_nul_character_in_shipping_address_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = await order_payload(session, owner=user)
    payload["shipping_address"] = "\x00" + payload["shipping_address"][1:]

    response = await client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "shipping_address"]


async def test_create_with_unknown_customer_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await order_payload(session, owner=user, customer_id=2_000_000_000)

    response = await client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "customer_id"]


async def test_rule_shipped_at_ge_placed_at_is_enforced(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await order_payload(
        session,
        owner=user,
        shipped_at="2024-01-01T12:00:00+00:00",
        placed_at="2024-01-03T12:00:00+00:00",
    )

    created = await client.post("/orders", json=payload, headers=user_headers)
    existing = await create_order(session, owner=user)
    updated = await client.patch(
        f"/orders/{existing.id}",
        json={"shipped_at": "2024-01-01T12:00:00+00:00", "placed_at": "2024-01-03T12:00:00+00:00"},
        headers=user_headers,
    )

    assert created.status_code == 422
    assert updated.status_code == 422


async def test_get_missing_order_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/orders/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_orders_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_order(session, owner=user)

    response = await client.get("/orders", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/orders", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_orders_filters(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_order(
        session,
        owner=user,
        status=OrderStatus.CANCELLED,
        placed_at=datetime(2024, 1, 1, 12, 0, tzinfo=UTC),
    )
    await create_order(
        session,
        owner=user,
        status=OrderStatus.PENDING,
        placed_at=datetime(2024, 1, 3, 12, 0, tzinfo=UTC),
    )

    response = await client.get(
        "/orders",
        params={
            "status": "cancelled",
            "min_placed_at": "2024-01-01T12:00:00+00:00",
            "max_placed_at": "2024-01-01T12:00:00+00:00",
        },
        headers=user_headers,
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_orders_sorts_by_status(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    await create_order(session, owner=user, status=OrderStatus.PENDING)
    await create_order(session, owner=user, status=OrderStatus.CANCELLED)
    await create_order(session, owner=user, status=OrderStatus.PAID)

    ascending = (
        await client.get("/orders", params={"sort": "status"}, headers=user_headers)
    ).json()
    descending = (
        await client.get("/orders", params={"sort": "-status"}, headers=user_headers)
    ).json()

    values = [item["status"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["status"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_orders_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_order(session, owner=user)
    with query_counter() as one_row:
        await client.get("/orders", headers=user_headers)
    for _ in range(3):
        await create_order(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/orders", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_order_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_order(session, owner=user)
    before = (await client.get(f"/orders/{existing.id}", headers=user_headers)).json()

    response = await client.patch(
        f"/orders/{existing.id}", json={"status": "paid"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "paid"
    assert response.json()["total"] == before["total"]


async def test_update_status_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_order(session, owner=user)

    response = await client.patch(
        f"/orders/{existing.id}", json={"status": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_get_order_shows_its_items_as_stored(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    parent = await create_order(session, owner=user)
    child = await create_order_item(session, owner=user, order_id=parent.id)
    await session.refresh(child)

    response = await client.get(f"/orders/{parent.id}", headers=user_headers)

    assert response.status_code == 200
    assert response.json()["items"] == [
        OrderItemBrief.model_validate(child).model_dump(mode="json")
    ]


async def test_delete_order(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_order(session, owner=user)

    deleted = await client.delete(f"/orders/{existing.id}", headers=user_headers)
    again = await client.get(f"/orders/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_deleting_order_deletes_its_items(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_order(session, owner=user)
    child = await create_order_item(session, owner=user, order_id=existing.id)

    deleted = await client.delete(f"/orders/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert await session.scalar(select(OrderItem.id).where(OrderItem.id == child.id)) is None


async def test_orders_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/orders")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_orders_are_private_to_their_owner(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_order(session, owner=user)
    stranger = auth_headers(await create_user(session))

    listed = await client.get("/orders", headers=stranger)
    fetched = await client.get(f"/orders/{mine.id}", headers=stranger)
    changed = await client.patch(f"/orders/{mine.id}", json={}, headers=stranger)
    as_admin = await client.get(f"/orders/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200


async def test_cannot_attach_to_someone_elses_customer(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    theirs = await create_customer(session, owner=await create_user(session))
    payload = await order_payload(session, owner=user, customer_id=theirs.id)

    response = await client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
