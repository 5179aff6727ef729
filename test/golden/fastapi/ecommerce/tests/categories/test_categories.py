"""Category API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import category_payload, create_category


async def test_create_category_then_get_it(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = category_payload()

    response = await client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("name", "description")} == {
        key: payload[key] for key in ("name", "description")
    }
    fetched = await client.get(f"/categories/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_name_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = category_payload()
    del payload["name"]

    response = await client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "name"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_name_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """Name longer than 80 characters is rejected."""
    payload = category_payload(name="x" * 81)

    response = await client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


async def test_create_with_a_nul_character_in_name_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = category_payload()
    payload["name"] = "\x00" + payload["name"][1:]

    response = await client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


async def test_create_with_unknown_parent_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    payload = category_payload(parent_id=2_000_000_000)

    response = await client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


async def test_create_duplicate_name_is_409(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_category(session)
    payload = category_payload(name=existing.name)

    response = await client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_category_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    response = await client.get("/categories/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_categories_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        await create_category(session)

    response = await client.get(
        "/categories", params={"offset": 1, "limit": 2}, headers=user_headers
    )
    beyond = await client.get("/categories", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_categories_sorts_by_name(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    await create_category(session, name="charlie")
    await create_category(session, name="alpha")
    await create_category(session, name="bravo")

    ascending = (
        await client.get("/categories", params={"sort": "name"}, headers=user_headers)
    ).json()
    descending = (
        await client.get("/categories", params={"sort": "-name"}, headers=user_headers)
    ).json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_categories_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_category(session)
    with query_counter() as one_row:
        await client.get("/categories", headers=user_headers)
    for _ in range(3):
        await create_category(session)
    with query_counter() as four_rows:
        await client.get("/categories", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_category_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_category(session)
    before = (await client.get(f"/categories/{existing.id}", headers=admin_headers)).json()

    response = await client.patch(
        f"/categories/{existing.id}", json={"description": "bravo"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["description"] == "bravo"
    assert response.json()["name"] == before["name"]


async def test_update_name_to_null_is_422(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_category(session)

    response = await client.patch(
        f"/categories/{existing.id}", json={"name": None}, headers=admin_headers
    )

    assert response.status_code == 422


async def test_category_cannot_be_its_own_parent(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_category(session)

    response = await client.patch(
        f"/categories/{existing.id}", json={"parent_id": existing.id}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


async def test_delete_category(
    client: AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
) -> None:
    existing = await create_category(session)

    deleted = await client.delete(f"/categories/{existing.id}", headers=admin_headers)
    again = await client.get(f"/categories/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_categories_require_authentication(client: AsyncClient) -> None:
    response = await client.post("/categories", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_categories_write_requires_admin(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str]
) -> None:
    payload = category_payload()

    response = await client.post("/categories", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
