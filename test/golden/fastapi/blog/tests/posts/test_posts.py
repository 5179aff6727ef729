"""Post API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from blog.comments.models import Comment
from blog.comments.schemas import CommentBrief
from blog.posts.models import PostStatus
from blog.users.models import User
from tests.conftest import QueryCounter
from tests.factories import (
    auth_headers,
    create_comment,
    create_post,
    create_tag,
    create_user,
    post_payload,
)


async def test_create_post_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = post_payload()

    response = await client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("title", "slug", "body", "status")} == {
        key: payload[key] for key in ("title", "slug", "body", "status")
    }
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/posts/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_title_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = post_payload()
    del payload["title"]

    response = await client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_title_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Title longer than 200 characters is rejected."""
    payload = post_payload(title="x" * 201)

    response = await client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


async def test_create_with_a_nul_character_in_title_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = post_payload()
    payload["title"] = "\x00" + payload["title"][1:]

    response = await client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


async def test_create_duplicate_slug_is_409(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_post(session, owner=user)
    payload = post_payload(slug=existing.slug)

    response = await client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_post_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/posts/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_posts_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_post(session, owner=user)

    response = await client.get("/posts", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/posts", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_posts_filters(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_post(session, owner=user, title="alpha", status=PostStatus.DRAFT)
    await create_post(session, owner=user, title="charlie", status=PostStatus.PUBLISHED)

    response = await client.get(
        "/posts", params={"title": "alpha", "status": "draft"}, headers=user_headers
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_posts_sorts_by_title(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    await create_post(session, owner=user, title="charlie")
    await create_post(session, owner=user, title="alpha")
    await create_post(session, owner=user, title="bravo")

    ascending = (await client.get("/posts", params={"sort": "title"}, headers=user_headers)).json()
    descending = (
        await client.get("/posts", params={"sort": "-title"}, headers=user_headers)
    ).json()

    values = [item["title"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["title"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_posts_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_post(session, owner=user)
    with query_counter() as one_row:
        await client.get("/posts", headers=user_headers)
    for _ in range(3):
        await create_post(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/posts", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_post_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_post(session, owner=user)
    before = (await client.get(f"/posts/{existing.id}", headers=user_headers)).json()

    response = await client.patch(
        f"/posts/{existing.id}", json={"title": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["title"] == "bravo"
    assert response.json()["slug"] == before["slug"]


async def test_update_title_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_post(session, owner=user)

    response = await client.patch(
        f"/posts/{existing.id}", json={"title": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_get_post_shows_its_comments_as_stored(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    parent = await create_post(session, owner=user)
    child = await create_comment(session, owner=user, post_id=parent.id)
    await session.refresh(child)

    response = await client.get(f"/posts/{parent.id}", headers=user_headers)

    assert response.status_code == 200
    assert response.json()["comments"] == [
        CommentBrief.model_validate(child).model_dump(mode="json")
    ]


async def test_update_post_replaces_tags(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_post(session, owner=user)
    first = await create_tag(session)
    second = await create_tag(session)

    linked = await client.patch(
        f"/posts/{existing.id}", json={"tag_ids": [second.id, first.id]}, headers=user_headers
    )
    unknown = await client.patch(
        f"/posts/{existing.id}", json={"tag_ids": [2_000_000_000]}, headers=user_headers
    )

    assert linked.status_code == 200, linked.text
    assert [item["id"] for item in linked.json()["tags"]] == [first.id, second.id]
    assert unknown.status_code == 422


async def test_update_post_to_a_duplicate_slug_with_tags_is_409(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_post(session, owner=user)
    other = await create_post(session, owner=user)
    linked = await create_tag(session)

    response = await client.patch(
        f"/posts/{existing.id}",
        json={"slug": other.slug, "tag_ids": [linked.id]},
        headers=user_headers,
    )

    assert response.status_code == 409


async def test_delete_post(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_post(session, owner=user)

    deleted = await client.delete(f"/posts/{existing.id}", headers=user_headers)
    again = await client.get(f"/posts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_deleting_post_deletes_its_comments(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_post(session, owner=user)
    child = await create_comment(session, owner=user, post_id=existing.id)

    deleted = await client.delete(f"/posts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert await session.scalar(select(Comment.id).where(Comment.id == child.id)) is None


async def test_posts_require_authentication(client: AsyncClient) -> None:
    response = await client.post("/posts", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_only_the_owner_may_change_a_post(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_post(session, owner=user)
    stranger = auth_headers(await create_user(session))

    fetched = await client.get(f"/posts/{mine.id}", headers=stranger)
    changed = await client.patch(f"/posts/{mine.id}", json={}, headers=stranger)
    deleted = await client.delete(f"/posts/{mine.id}", headers=stranger)
    as_admin = await client.patch(f"/posts/{mine.id}", json={}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
