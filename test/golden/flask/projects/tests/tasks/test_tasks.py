"""Task API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_label, create_task, create_user, task_payload
from tracker.tasks.models import Task
from tracker.users.models import User


def test_create_task_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = task_payload(session, owner=user)

    response = client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("title", "done", "priority", "due", "project_id")} == {
        key: payload[key] for key in ("title", "done", "priority", "due", "project_id")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/tasks/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_title_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = task_payload(session, owner=user)
    del payload["title"]

    response = client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_title_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Title longer than 200 characters is rejected."""
    payload = task_payload(session, owner=user, title="x" * 201)

    response = client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


def test_create_with_unknown_project_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = task_payload(session, owner=user, project_id=2_000_000_000)

    response = client.post("/tasks", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "project_id"]


def test_get_missing_task_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/tasks/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_tasks_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_task(session, owner=user)

    response = client.get("/tasks", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_tasks_filters(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_task(session, owner=user, title="alpha", done=True)
    create_task(session, owner=user, title="charlie", done=False)

    response = client.get(
        "/tasks", query_string={"title": "alpha", "done": True}, headers=user_headers
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_tasks_sorts_by_priority(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    create_task(session, owner=user, priority=4)
    create_task(session, owner=user, priority=2)
    create_task(session, owner=user, priority=3)

    ascending = (
        client.get("/tasks", query_string={"sort": "priority"}, headers=user_headers)
    ).get_json()
    descending = (
        client.get("/tasks", query_string={"sort": "-priority"}, headers=user_headers)
    ).get_json()

    values = [item["priority"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["priority"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_tasks_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_task(session, owner=user)
    with query_counter() as one_row:
        client.get("/tasks", headers=user_headers)
    for _ in range(3):
        create_task(session, owner=user)
    with query_counter() as four_rows:
        client.get("/tasks", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_task_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_task(session, owner=user)
    before = (client.get(f"/tasks/{existing.id}", headers=user_headers)).get_json()

    response = client.patch(f"/tasks/{existing.id}", json={"title": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.text
    assert response.get_json()["title"] == "bravo"
    assert response.get_json()["done"] == before["done"]


def test_update_title_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_task(session, owner=user)

    response = client.patch(f"/tasks/{existing.id}", json={"title": None}, headers=user_headers)

    assert response.status_code == 422


def test_update_task_replaces_labels(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_task(session, owner=user)
    first = create_label(session, owner=user)
    second = create_label(session, owner=user)

    linked = client.patch(
        f"/tasks/{existing.id}", json={"label_ids": [second.id, first.id]}, headers=user_headers
    )
    unknown = client.patch(
        f"/tasks/{existing.id}", json={"label_ids": [2_000_000_000]}, headers=user_headers
    )

    assert linked.status_code == 200, linked.text
    assert [item["id"] for item in linked.get_json()["labels"]] == [first.id, second.id]
    assert unknown.status_code == 422


def test_task_cannot_be_its_own_parent(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_task(session, owner=user)

    response = client.patch(
        f"/tasks/{existing.id}", json={"parent_id": existing.id}, headers=user_headers
    )

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


def test_delete_task(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_task(session, owner=user)

    deleted = client.delete(f"/tasks/{existing.id}", headers=user_headers)
    again = client.get(f"/tasks/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_task_keeps_its_subtasks(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_task(session, owner=user)
    child = create_task(session, owner=user, parent_id=existing.id)

    deleted = client.delete(f"/tasks/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    row = session.execute(select(Task.parent_id).where(Task.id == child.id)).one()
    assert row.parent_id is None


def test_tasks_require_authentication(client: FlaskClient) -> None:
    response = client.get("/tasks")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_tasks_are_private_to_their_owner(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_task(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    listed = client.get("/tasks", headers=stranger)
    fetched = client.get(f"/tasks/{mine.id}", headers=stranger)
    changed = client.patch(f"/tasks/{mine.id}", json={}, headers=stranger)
    as_admin = client.get(f"/tasks/{mine.id}", headers=admin_headers)

    assert listed.get_json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
