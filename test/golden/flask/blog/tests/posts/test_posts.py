"""Post API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from blog.comments.models import Comment
from blog.posts.models import PostStatus
from blog.users.models import User
from tests.conftest import QueryCounter
from tests.factories import (
    auth_headers,
    create_comment,
    create_post,
    create_tag,
    create_user,
    post_payload,
)


def test_create_post_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = post_payload()

    response = client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("title", "slug", "body", "status")} == {
        key: payload[key] for key in ("title", "slug", "body", "status")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/posts/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_title_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = post_payload()
    del payload["title"]

    response = client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_title_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Title longer than 200 characters is rejected."""
    payload = post_payload(title="x" * 201)

    response = client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


def test_create_duplicate_slug_is_409(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_post(session, owner=user)
    payload = post_payload(slug=existing.slug)

    response = client.post("/posts", json=payload, headers=user_headers)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_get_missing_post_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/posts/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_posts_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_post(session, owner=user)

    response = client.get("/posts", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_posts_filters(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_post(session, owner=user, title="alpha", status=PostStatus.DRAFT)
    create_post(session, owner=user, title="charlie", status=PostStatus.PUBLISHED)

    response = client.get(
        "/posts", query_string={"title": "alpha", "status": "draft"}, headers=user_headers
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_posts_sorts_by_title(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    create_post(session, owner=user, title="charlie")
    create_post(session, owner=user, title="alpha")
    create_post(session, owner=user, title="bravo")

    ascending = (
        client.get("/posts", query_string={"sort": "title"}, headers=user_headers)
    ).get_json()
    descending = (
        client.get("/posts", query_string={"sort": "-title"}, headers=user_headers)
    ).get_json()

    values = [item["title"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["title"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_posts_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_post(session, owner=user)
    with query_counter() as one_row:
        client.get("/posts", headers=user_headers)
    for _ in range(3):
        create_post(session, owner=user)
    with query_counter() as four_rows:
        client.get("/posts", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_post_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_post(session, owner=user)
    before = (client.get(f"/posts/{existing.id}", headers=user_headers)).get_json()

    response = client.patch(f"/posts/{existing.id}", json={"title": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.text
    assert response.get_json()["title"] == "bravo"
    assert response.get_json()["slug"] == before["slug"]


def test_update_title_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_post(session, owner=user)

    response = client.patch(f"/posts/{existing.id}", json={"title": None}, headers=user_headers)

    assert response.status_code == 422


def test_update_post_replaces_tags(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_post(session, owner=user)
    first = create_tag(session)
    second = create_tag(session)

    linked = client.patch(
        f"/posts/{existing.id}", json={"tag_ids": [second.id, first.id]}, headers=user_headers
    )
    unknown = client.patch(
        f"/posts/{existing.id}", json={"tag_ids": [2_000_000_000]}, headers=user_headers
    )

    assert linked.status_code == 200, linked.text
    assert [item["id"] for item in linked.get_json()["tags"]] == [first.id, second.id]
    assert unknown.status_code == 422


def test_update_post_to_a_duplicate_slug_with_tags_is_409(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_post(session, owner=user)
    other = create_post(session, owner=user)
    linked = create_tag(session)

    response = client.patch(
        f"/posts/{existing.id}",
        json={"slug": other.slug, "tag_ids": [linked.id]},
        headers=user_headers,
    )

    assert response.status_code == 409


def test_delete_post(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_post(session, owner=user)

    deleted = client.delete(f"/posts/{existing.id}", headers=user_headers)
    again = client.get(f"/posts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_post_deletes_its_comments(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_post(session, owner=user)
    child = create_comment(session, owner=user, post_id=existing.id)

    deleted = client.delete(f"/posts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert session.scalar(select(Comment.id).where(Comment.id == child.id)) is None


def test_posts_require_authentication(client: FlaskClient) -> None:
    response = client.post("/posts", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_only_the_owner_may_change_a_post(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_post(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    fetched = client.get(f"/posts/{mine.id}", headers=stranger)
    changed = client.patch(f"/posts/{mine.id}", json={}, headers=stranger)
    deleted = client.delete(f"/posts/{mine.id}", headers=stranger)
    as_admin = client.patch(f"/posts/{mine.id}", json={}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
