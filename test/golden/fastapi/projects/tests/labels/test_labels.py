"""Label API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_label, create_user, label_payload
from tracker.users.models import User


async def test_create_label_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = label_payload()

    response = await client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("owner_name_key", "color")} == {
        key: payload[key] for key in ("owner_name_key", "color")
    }
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/labels/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_owner_name_key_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = label_payload()
    del payload["owner_name_key"]

    response = await client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "owner_name_key"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_owner_name_key_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Owner name key longer than 40 characters is rejected."""
    payload = label_payload(owner_name_key="x" * 41)

    response = await client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "owner_name_key"]


async def test_create_with_a_nul_character_in_owner_name_key_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = label_payload()
    payload["owner_name_key"] = "\x00" + payload["owner_name_key"][1:]

    response = await client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "owner_name_key"]


async def test_create_duplicate_owner_name_key_color_is_409(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_label(session, owner=user)
    payload = label_payload(owner_name_key=existing.owner_name_key, color=existing.color)

    response = await client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_label_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/labels/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_labels_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_label(session, owner=user)

    response = await client.get("/labels", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/labels", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_labels_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_label(session, owner=user)
    with query_counter() as one_row:
        await client.get("/labels", headers=user_headers)
    for _ in range(3):
        await create_label(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/labels", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_label_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_label(session, owner=user)
    before = (await client.get(f"/labels/{existing.id}", headers=user_headers)).json()

    response = await client.patch(
        f"/labels/{existing.id}", json={"owner_name_key": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["owner_name_key"] == "bravo"
    assert response.json()["color"] == before["color"]


async def test_update_owner_name_key_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_label(session, owner=user)

    response = await client.patch(
        f"/labels/{existing.id}", json={"owner_name_key": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_delete_label(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_label(session, owner=user)

    deleted = await client.delete(f"/labels/{existing.id}", headers=user_headers)
    again = await client.get(f"/labels/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_labels_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/labels")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_labels_are_private_to_their_owner(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_label(session, owner=user)
    stranger = auth_headers(await create_user(session))

    listed = await client.get("/labels", headers=stranger)
    fetched = await client.get(f"/labels/{mine.id}", headers=stranger)
    changed = await client.patch(f"/labels/{mine.id}", json={}, headers=stranger)
    as_admin = await client.get(f"/labels/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
