"""Note API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import create_note, note_payload


async def test_create_note_then_get_it(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = note_payload()

    response = await client.post("/notes", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("title",)} == {key: payload[key] for key in ("title",)}
    fetched = await client.get(f"/notes/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_title_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = note_payload()
    del payload["title"]

    response = await client.post("/notes", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_title_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """Title longer than 255 characters is rejected."""
    payload = note_payload(title="x" * 256)

    response = await client.post("/notes", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


async def test_create_with_a_nul_character_in_title_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = note_payload()
    payload["title"] = "\x00" + payload["title"][1:]

    response = await client.post("/notes", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


async def test_get_missing_note_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    response = await client.get("/notes/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_notes_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        await create_note(session)

    response = await client.get("/notes", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/notes", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_notes_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_note(session)
    with query_counter() as one_row:
        await client.get("/notes", headers=user_headers)
    for _ in range(3):
        await create_note(session)
    with query_counter() as four_rows:
        await client.get("/notes", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_note_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_note(session)

    response = await client.patch(
        f"/notes/{existing.id}", json={"title": "bravo"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["title"] == "bravo"


async def test_update_title_to_null_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_note(session)

    response = await client.patch(
        f"/notes/{existing.id}", json={"title": None}, headers=admin_headers
    )

    assert response.status_code == 422


async def test_delete_note(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_note(session)

    deleted = await client.delete(f"/notes/{existing.id}", headers=admin_headers)
    again = await client.get(f"/notes/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_notes_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/notes")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_notes_write_requires_admin(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    payload = note_payload()

    response = await client.post("/notes", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
