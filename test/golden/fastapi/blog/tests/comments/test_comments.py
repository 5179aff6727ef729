"""Comment API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from blog.users.models import User
from tests.conftest import QueryCounter
from tests.factories import auth_headers, comment_payload, create_comment, create_user


async def test_create_comment_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await comment_payload(session, owner=user)

    response = await client.post("/comments", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("body", "post_id")} == {
        key: payload[key] for key in ("body", "post_id")
    }
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/comments/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_body_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await comment_payload(session, owner=user)
    del payload["body"]

    response = await client.post("/comments", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "body"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_a_nul_character_in_body_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = await comment_payload(session, owner=user)
    payload["body"] = "\x00" + payload["body"][1:]

    response = await client.post("/comments", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "body"]


async def test_create_with_unknown_post_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await comment_payload(session, owner=user, post_id=2_000_000_000)

    response = await client.post("/comments", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "post_id"]


async def test_get_missing_comment_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/comments/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_comments_pages_with_a_cursor(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_comment(session, owner=user)

    first = (await client.get("/comments", params={"limit": 2}, headers=user_headers)).json()
    second = (
        await client.get(
            "/comments", params={"limit": 2, "cursor": first["next_cursor"]}, headers=user_headers
        )
    ).json()
    invalid = await client.get("/comments", params={"cursor": "not-a-cursor"}, headers=user_headers)

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


async def test_list_comments_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_comment(session, owner=user)
    with query_counter() as one_row:
        await client.get("/comments", headers=user_headers)
    for _ in range(3):
        await create_comment(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/comments", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_comment_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_comment(session, owner=user)

    response = await client.patch(
        f"/comments/{existing.id}", json={"body": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["body"] == "bravo"


async def test_update_body_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_comment(session, owner=user)

    response = await client.patch(
        f"/comments/{existing.id}", json={"body": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_delete_comment(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_comment(session, owner=user)

    deleted = await client.delete(f"/comments/{existing.id}", headers=user_headers)
    again = await client.get(f"/comments/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_comments_require_authentication(client: AsyncClient) -> None:
    response = await client.post("/comments", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_only_the_owner_may_change_a_comment(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_comment(session, owner=user)
    stranger = auth_headers(await create_user(session))

    fetched = await client.get(f"/comments/{mine.id}", headers=stranger)
    changed = await client.patch(f"/comments/{mine.id}", json={}, headers=stranger)
    deleted = await client.delete(f"/comments/{mine.id}", headers=stranger)
    as_admin = await client.patch(f"/comments/{mine.id}", json={}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
