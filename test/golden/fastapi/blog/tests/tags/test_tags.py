"""Tag API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import create_tag, tag_payload


async def test_create_tag_then_get_it(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = tag_payload()

    response = await client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("name",)} == {key: payload[key] for key in ("name",)}
    fetched = await client.get(f"/tags/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_name_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = tag_payload()
    del payload["name"]

    response = await client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "name"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_name_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """Name longer than 40 characters is rejected."""
    payload = tag_payload(name="x" * 41)

    response = await client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


async def test_create_with_a_nul_character_in_name_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = tag_payload()
    payload["name"] = "\x00" + payload["name"][1:]

    response = await client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


async def test_create_duplicate_name_is_409(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_tag(session)
    payload = tag_payload(name=existing.name)

    response = await client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_tag_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    response = await client.get("/tags/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_tags_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        await create_tag(session)

    response = await client.get("/tags", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/tags", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_tags_sorts_by_name(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    await create_tag(session, name="charlie")
    await create_tag(session, name="alpha")
    await create_tag(session, name="bravo")

    ascending = (await client.get("/tags", params={"sort": "name"}, headers=user_headers)).json()
    descending = (await client.get("/tags", params={"sort": "-name"}, headers=user_headers)).json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_tags_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_tag(session)
    with query_counter() as one_row:
        await client.get("/tags", headers=user_headers)
    for _ in range(3):
        await create_tag(session)
    with query_counter() as four_rows:
        await client.get("/tags", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_tag_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_tag(session)

    response = await client.patch(
        f"/tags/{existing.id}", json={"name": "bravo"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["name"] == "bravo"


async def test_update_name_to_null_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_tag(session)

    response = await client.patch(
        f"/tags/{existing.id}", json={"name": None}, headers=admin_headers
    )

    assert response.status_code == 422


async def test_delete_tag(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_tag(session)

    deleted = await client.delete(f"/tags/{existing.id}", headers=admin_headers)
    again = await client.get(f"/tags/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_tags_require_authentication(client: AsyncClient) -> None:
    response = await client.post("/tags", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_tags_write_requires_admin(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    payload = tag_payload()

    response = await client.post("/tags", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
