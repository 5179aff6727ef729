"""Task API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import LabelFactory, TaskFactory, UserFactory, auth_headers, task_payload
from tracker.tasks.models import Task
from tracker.users.models import User


def test_create_task_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = task_payload(owner=user)

    response = client.post("/tasks", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("title", "done", "priority", "due", "project_id")} == {
        key: payload[key] for key in ("title", "done", "priority", "due", "project_id")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/tasks/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_title_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = task_payload(owner=user)
    del payload["title"]

    response = client.post("/tasks", payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_title_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Title longer than 200 characters is rejected."""
    payload = task_payload(owner=user, title="x" * 201)

    response = client.post("/tasks", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


def test_create_with_unknown_project_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = task_payload(owner=user, project_id=2_000_000_000)

    response = client.post("/tasks", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "project_id"]


def test_get_missing_task_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/tasks/2000000000", headers=user_headers)
    invalid = client.get("/tasks/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "task_id"]


def test_list_tasks_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        TaskFactory.create(owner=user)

    response = client.get("/tasks", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/tasks", {"limit": 101}, headers=user_headers)
    unknown = client.get("/tasks", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_tasks_filters(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = TaskFactory.create(owner=user, title="alpha", done=True)
    TaskFactory.create(owner=user, title="charlie", done=False)

    response = client.get("/tasks", {"title": "alpha", "done": "true"}, headers=user_headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_tasks_sorts_by_priority(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    TaskFactory.create(owner=user, priority=4)
    TaskFactory.create(owner=user, priority=2)
    TaskFactory.create(owner=user, priority=3)

    ascending = client.get("/tasks", {"sort": "priority"}, headers=user_headers).json()
    descending = client.get("/tasks", {"sort": "-priority"}, headers=user_headers).json()

    values = [item["priority"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["priority"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_tasks_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    TaskFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/tasks", headers=user_headers)
    for _ in range(3):
        TaskFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/tasks", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_task_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = TaskFactory.create(owner=user)
    before = client.get(f"/tasks/{existing.id}", headers=user_headers).json()

    response = client.patch(f"/tasks/{existing.id}", {"title": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "bravo"
    assert response.json()["done"] == before["done"]


def test_update_title_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = TaskFactory.create(owner=user)

    response = client.patch(f"/tasks/{existing.id}", {"title": None}, headers=user_headers)
    unknown = client.patch(f"/tasks/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_update_task_replaces_labels(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = TaskFactory.create(owner=user)
    first = LabelFactory.create(owner=user)
    second = LabelFactory.create(owner=user)

    linked = client.patch(
        f"/tasks/{existing.id}", {"label_ids": [second.id, first.id]}, headers=user_headers
    )
    unknown = client.patch(
        f"/tasks/{existing.id}", {"label_ids": [2_000_000_000]}, headers=user_headers
    )

    assert linked.status_code == 200, linked.content
    assert [item["id"] for item in linked.json()["labels"]] == [first.id, second.id]
    assert unknown.status_code == 422


def test_task_cannot_be_its_own_parent(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = TaskFactory.create(owner=user)

    response = client.patch(
        f"/tasks/{existing.id}", {"parent_id": existing.id}, headers=user_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


def test_delete_task(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = TaskFactory.create(owner=user)

    deleted = client.delete(f"/tasks/{existing.id}", headers=user_headers)
    again = client.get(f"/tasks/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_task_keeps_its_subtasks(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = TaskFactory.create(owner=user)
    child = TaskFactory.create(owner=user, parent=existing)

    deleted = client.delete(f"/tasks/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert Task.objects.filter(pk=child.pk).values_list("parent_id", flat=True).get() is None


def test_tasks_require_authentication(client: APIClient) -> None:
    response = client.get("/tasks")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_tasks_are_private_to_their_owner(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = TaskFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    listed = client.get("/tasks", headers=stranger)
    fetched = client.get(f"/tasks/{mine.id}", headers=stranger)
    changed = client.patch(f"/tasks/{mine.id}", {}, headers=stranger)
    as_admin = client.get(f"/tasks/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
