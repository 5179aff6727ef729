"""Project API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_project, create_user, project_payload
from tracker.users.models import User


async def test_create_project_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = project_payload()

    response = await client.post("/projects", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("name", "archived")} == {
        key: payload[key] for key in ("name", "archived")
    }
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/projects/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_name_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = project_payload()
    del payload["name"]

    response = await client.post("/projects", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "name"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_name_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Name longer than 120 characters is rejected."""
    payload = project_payload(name="x" * 121)

    response = await client.post("/projects", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


async def test_create_with_a_nul_character_in_name_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = project_payload()
    payload["name"] = "\x00" + payload["name"][1:]

    response = await client.post("/projects", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


async def test_get_missing_project_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/projects/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_projects_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_project(session, owner=user)

    response = await client.get("/projects", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/projects", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_projects_filters(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_project(session, owner=user, archived=True)
    await create_project(session, owner=user, archived=False)

    response = await client.get("/projects", params={"archived": True}, headers=user_headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_projects_sorts_by_name(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    await create_project(session, owner=user, name="charlie")
    await create_project(session, owner=user, name="alpha")
    await create_project(session, owner=user, name="bravo")

    ascending = (
        await client.get("/projects", params={"sort": "name"}, headers=user_headers)
    ).json()
    descending = (
        await client.get("/projects", params={"sort": "-name"}, headers=user_headers)
    ).json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_projects_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_project(session, owner=user)
    with query_counter() as one_row:
        await client.get("/projects", headers=user_headers)
    for _ in range(3):
        await create_project(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/projects", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_project_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_project(session, owner=user)
    before = (await client.get(f"/projects/{existing.id}", headers=user_headers)).json()

    response = await client.patch(
        f"/projects/{existing.id}", json={"name": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["name"] == "bravo"
    assert response.json()["archived"] == before["archived"]


async def test_update_name_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_project(session, owner=user)

    response = await client.patch(
        f"/projects/{existing.id}", json={"name": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_delete_project(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_project(session, owner=user)

    deleted = await client.delete(f"/projects/{existing.id}", headers=user_headers)
    again = await client.get(f"/projects/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_projects_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/projects")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_only_the_owner_may_change_a_project(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_project(session, owner=user)
    stranger = auth_headers(await create_user(session))

    fetched = await client.get(f"/projects/{mine.id}", headers=stranger)
    changed = await client.patch(f"/projects/{mine.id}", json={}, headers=stranger)
    deleted = await client.delete(f"/projects/{mine.id}", headers=stranger)
    as_admin = await client.patch(f"/projects/{mine.id}", json={}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
