"""Project API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import ProjectFactory, UserFactory, auth_headers, project_payload
from tracker.users.models import User


def test_create_project_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = project_payload()

    response = client.post("/projects", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("name", "archived")} == {
        key: payload[key] for key in ("name", "archived")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/projects/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_name_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = project_payload()
    del payload["name"]

    response = client.post("/projects", payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "name"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_name_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Name longer than 120 characters is rejected."""
    payload = project_payload(name="x" * 121)

    response = client.post("/projects", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


def test_get_missing_project_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/projects/2000000000", headers=user_headers)
    invalid = client.get("/projects/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "project_id"]


def test_list_projects_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        ProjectFactory.create(owner=user)

    response = client.get("/projects", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/projects", {"limit": 101}, headers=user_headers)
    unknown = client.get("/projects", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_projects_filters(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = ProjectFactory.create(owner=user, archived=True)
    ProjectFactory.create(owner=user, archived=False)

    response = client.get("/projects", {"archived": "true"}, headers=user_headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_projects_sorts_by_name(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    ProjectFactory.create(owner=user, name="charlie")
    ProjectFactory.create(owner=user, name="alpha")
    ProjectFactory.create(owner=user, name="bravo")

    ascending = client.get("/projects", {"sort": "name"}, headers=user_headers).json()
    descending = client.get("/projects", {"sort": "-name"}, headers=user_headers).json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_projects_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    ProjectFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/projects", headers=user_headers)
    for _ in range(3):
        ProjectFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/projects", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_project_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = ProjectFactory.create(owner=user)
    before = client.get(f"/projects/{existing.id}", headers=user_headers).json()

    response = client.patch(f"/projects/{existing.id}", {"name": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.content
    assert response.json()["name"] == "bravo"
    assert response.json()["archived"] == before["archived"]


def test_update_name_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = ProjectFactory.create(owner=user)

    response = client.patch(f"/projects/{existing.id}", {"name": None}, headers=user_headers)
    unknown = client.patch(f"/projects/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_project(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = ProjectFactory.create(owner=user)

    deleted = client.delete(f"/projects/{existing.id}", headers=user_headers)
    again = client.get(f"/projects/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_projects_require_authentication(client: APIClient) -> None:
    response = client.get("/projects")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_only_the_owner_may_change_a_project(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = ProjectFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    fetched = client.get(f"/projects/{mine.id}", headers=stranger)
    changed = client.patch(f"/projects/{mine.id}", {}, headers=stranger)
    deleted = client.delete(f"/projects/{mine.id}", headers=stranger)
    as_admin = client.patch(f"/projects/{mine.id}", {}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
