"""Project API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_project, create_user, project_payload
from tracker.users.models import User


def test_create_project_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = project_payload()

    response = client.post("/projects", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("name", "archived")} == {
        key: payload[key] for key in ("name", "archived")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/projects/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_name_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = project_payload()
    del payload["name"]

    response = client.post("/projects", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "name"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_name_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Name longer than 120 characters is rejected."""
    payload = project_payload(name="x" * 121)

    response = client.post("/projects", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


def test_get_missing_project_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/projects/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_projects_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_project(session, owner=user)

    response = client.get("/projects", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_projects_filters(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_project(session, owner=user, archived=True)
    create_project(session, owner=user, archived=False)

    response = client.get("/projects", query_string={"archived": True}, headers=user_headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_projects_sorts_by_name(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    create_project(session, owner=user, name="charlie")
    create_project(session, owner=user, name="alpha")
    create_project(session, owner=user, name="bravo")

    ascending = (
        client.get("/projects", query_string={"sort": "name"}, headers=user_headers)
    ).get_json()
    descending = (
        client.get("/projects", query_string={"sort": "-name"}, headers=user_headers)
    ).get_json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_projects_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_project(session, owner=user)
    with query_counter() as one_row:
        client.get("/projects", headers=user_headers)
    for _ in range(3):
        create_project(session, owner=user)
    with query_counter() as four_rows:
        client.get("/projects", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_project_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_project(session, owner=user)
    before = (client.get(f"/projects/{existing.id}", headers=user_headers)).get_json()

    response = client.patch(
        f"/projects/{existing.id}", json={"name": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.get_json()["name"] == "bravo"
    assert response.get_json()["archived"] == before["archived"]


def test_update_name_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_project(session, owner=user)

    response = client.patch(f"/projects/{existing.id}", json={"name": None}, headers=user_headers)

    assert response.status_code == 422


def test_delete_project(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_project(session, owner=user)

    deleted = client.delete(f"/projects/{existing.id}", headers=user_headers)
    again = client.get(f"/projects/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_projects_require_authentication(client: FlaskClient) -> None:
    response = client.get("/projects")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_only_the_owner_may_change_a_project(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_project(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    fetched = client.get(f"/projects/{mine.id}", headers=stranger)
    changed = client.patch(f"/projects/{mine.id}", json={}, headers=stranger)
    deleted = client.delete(f"/projects/{mine.id}", headers=stranger)
    as_admin = client.patch(f"/projects/{mine.id}", json={}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
