"""Task API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_label, create_task, create_user, task_payload
from tracker.tasks.models import Task
from tracker.tasks.schemas import TaskBrief
from tracker.users.models import User


async def test_create_task_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await task_payload(session, owner=user)

    response = await client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("title", "done", "priority", "due", "project_id")} == {
        key: payload[key] for key in ("title", "done", "priority", "due", "project_id")
    }
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/tasks/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_title_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await task_payload(session, owner=user)
    del payload["title"]

    response = await client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_title_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Title longer than 200 characters is rejected."""
    payload = await task_payload(session, owner=user, title="x" * 201)

    response = await client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


async def test_create_with_a_nul_character_in_title_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = await task_payload(session, owner=user)
    payload["title"] = "\x00" + payload["title"][1:]

    response = await client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


async def test_create_with_unknown_project_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = await task_payload(session, owner=user, project_id=2_000_000_000)

    response = await client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "project_id"]


async def test_get_missing_task_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/tasks/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_tasks_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_task(session, owner=user)

    response = await client.get("/tasks", params={"offset": 1, "limit": 2}, headers=user_headers)
    beyond = await client.get("/tasks", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_tasks_filters(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_task(session, owner=user, title="alpha", done=True)
    await create_task(session, owner=user, title="charlie", done=False)

    response = await client.get(
        "/tasks", params={"title": "alpha", "done": True}, headers=user_headers
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_tasks_sorts_by_priority(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    await create_task(session, owner=user, priority=4)
    await create_task(session, owner=user, priority=2)
    await create_task(session, owner=user, priority=3)

    ascending = (
        await client.get("/tasks", params={"sort": "priority"}, headers=user_headers)
    ).json()
    descending = (
        await client.get("/tasks", params={"sort": "-priority"}, headers=user_headers)
    ).json()

    values = [item["priority"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["priority"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_tasks_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_task(session, owner=user)
    with query_counter() as one_row:
        await client.get("/tasks", headers=user_headers)
    for _ in range(3):
        await create_task(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/tasks", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_task_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_task(session, owner=user)
    before = (await client.get(f"/tasks/{existing.id}", headers=user_headers)).json()

    response = await client.patch(
        f"/tasks/{existing.id}", json={"title": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["title"] == "bravo"
    assert response.json()["done"] == before["done"]


async def test_update_title_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_task(session, owner=user)

    response = await client.patch(
        f"/tasks/{existing.id}", json={"title": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_get_task_shows_its_subtasks_as_stored(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    parent = await create_task(session, owner=user)
    child = await create_task(session, owner=user, parent_id=parent.id)
    await session.refresh(child)

    response = await client.get(f"/tasks/{parent.id}", headers=user_headers)

    assert response.status_code == 200
    assert response.json()["subtasks"] == [TaskBrief.model_validate(child).model_dump(mode="json")]


async def test_update_task_replaces_labels(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_task(session, owner=user)
    first = await create_label(session, owner=user)
    second = await create_label(session, owner=user)

    linked = await client.patch(
        f"/tasks/{existing.id}", json={"label_ids": [second.id, first.id]}, headers=user_headers
    )
    unknown = await client.patch(
        f"/tasks/{existing.id}", json={"label_ids": [2_000_000_000]}, headers=user_headers
    )

    assert linked.status_code == 200, linked.text
    assert [item["id"] for item in linked.json()["labels"]] == [first.id, second.id]
    assert unknown.status_code == 422


async def test_task_cannot_be_its_own_parent(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_task(session, owner=user)

    response = await client.patch(
        f"/tasks/{existing.id}", json={"parent_id": existing.id}, headers=user_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


async def test_delete_task(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_task(session, owner=user)

    deleted = await client.delete(f"/tasks/{existing.id}", headers=user_headers)
    again = await client.get(f"/tasks/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_deleting_task_keeps_its_subtasks(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_task(session, owner=user)
    child = await create_task(session, owner=user, parent_id=existing.id)

    deleted = await client.delete(f"/tasks/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    row = (await session.execute(select(Task.parent_id).where(Task.id == child.id))).one()
    assert row.parent_id is None


async def test_tasks_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/tasks")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_tasks_are_private_to_their_owner(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_task(session, owner=user)
    stranger = auth_headers(await create_user(session))

    listed = await client.get("/tasks", headers=stranger)
    fetched = await client.get(f"/tasks/{mine.id}", headers=stranger)
    changed = await client.patch(f"/tasks/{mine.id}", json={}, headers=stranger)
    as_admin = await client.get(f"/tasks/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
