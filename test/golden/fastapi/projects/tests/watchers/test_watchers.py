"""Watcher API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import create_watcher, watcher_payload
from tracker.users.models import User


async def test_create_watcher_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await watcher_payload(session, owner=user)

    response = await client.post("/watchers", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("project_id",)} == {
        key: payload[key] for key in ("project_id",)
    }
    fetched = await client.get(f"/watchers/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_with_unknown_project_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await watcher_payload(session, owner=user, project_id=2_000_000_000)

    response = await client.post("/watchers", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "project_id"]


async def test_get_missing_watcher_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/watchers/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_watchers_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_watcher(session, owner=user)

    response = await client.get("/watchers", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/watchers", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_watchers_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_watcher(session, owner=user)
    with query_counter() as one_row:
        await client.get("/watchers", headers=user_headers)
    for _ in range(3):
        await create_watcher(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/watchers", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_delete_watcher(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_watcher(session, owner=user)

    deleted = await client.delete(f"/watchers/{existing.id}", headers=user_headers)
    again = await client.get(f"/watchers/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_watchers_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/watchers")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
