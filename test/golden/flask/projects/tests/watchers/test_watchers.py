"""Watcher API: CRUD, validation, paging, filters and permissions."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import create_watcher, watcher_payload
from tracker.users.models import User


def test_create_watcher_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = watcher_payload(session, owner=user)

    response = client.post("/watchers", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("project_id",)} == {
        key: payload[key] for key in ("project_id",)
    }
    fetched = client.get(f"/watchers/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_with_unknown_project_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = watcher_payload(session, owner=user, project_id=2_000_000_000)

    response = client.post("/watchers", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "project_id"]


def test_get_missing_watcher_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/watchers/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_watchers_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_watcher(session, owner=user)

    response = client.get("/watchers", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_watchers_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_watcher(session, owner=user)
    with query_counter() as one_row:
        client.get("/watchers", headers=user_headers)
    for _ in range(3):
        create_watcher(session, owner=user)
    with query_counter() as four_rows:
        client.get("/watchers", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_delete_watcher(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_watcher(session, owner=user)

    deleted = client.delete(f"/watchers/{existing.id}", headers=user_headers)
    again = client.get(f"/watchers/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_watchers_require_authentication(client: FlaskClient) -> None:
    response = client.get("/watchers")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
