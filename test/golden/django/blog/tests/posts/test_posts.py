"""Post API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from blog.comments.models import Comment
from blog.posts.models import PostStatus
from blog.users.models import User
from tests.factories import (
    CommentFactory,
    PostFactory,
    TagFactory,
    UserFactory,
    auth_headers,
    post_payload,
)


def test_create_post_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = post_payload()

    response = client.post("/posts", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("title", "slug", "body", "status")} == {
        key: payload[key] for key in ("title", "slug", "body", "status")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/posts/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_title_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = post_payload()
    del payload["title"]

    response = client.post("/posts", payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_title_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Title longer than 200 characters is rejected."""
    payload = post_payload(title="x" * 201)

    response = client.post("/posts", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


def test_create_duplicate_slug_is_409(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = PostFactory.create(owner=user)
    payload = post_payload(slug=existing.slug)

    response = client.post("/posts", payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_post_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/posts/2000000000", headers=user_headers)
    invalid = client.get("/posts/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "post_id"]


def test_list_posts_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        PostFactory.create(owner=user)

    response = client.get("/posts", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/posts", {"limit": 101}, headers=user_headers)
    unknown = client.get("/posts", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_posts_filters(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = PostFactory.create(owner=user, title="alpha", status=PostStatus.DRAFT)
    PostFactory.create(owner=user, title="charlie", status=PostStatus.PUBLISHED)

    response = client.get("/posts", {"title": "alpha", "status": "draft"}, headers=user_headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_posts_sorts_by_title(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    PostFactory.create(owner=user, title="charlie")
    PostFactory.create(owner=user, title="alpha")
    PostFactory.create(owner=user, title="bravo")

    ascending = client.get("/posts", {"sort": "title"}, headers=user_headers).json()
    descending = client.get("/posts", {"sort": "-title"}, headers=user_headers).json()

    values = [item["title"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["title"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_posts_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    PostFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/posts", headers=user_headers)
    for _ in range(3):
        PostFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/posts", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_post_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = PostFactory.create(owner=user)
    before = client.get(f"/posts/{existing.id}", headers=user_headers).json()

    response = client.patch(f"/posts/{existing.id}", {"title": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "bravo"
    assert response.json()["slug"] == before["slug"]


def test_update_title_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = PostFactory.create(owner=user)

    response = client.patch(f"/posts/{existing.id}", {"title": None}, headers=user_headers)
    unknown = client.patch(f"/posts/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_update_post_replaces_tags(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = PostFactory.create(owner=user)
    first = TagFactory.create()
    second = TagFactory.create()

    linked = client.patch(
        f"/posts/{existing.id}", {"tag_ids": [second.id, first.id]}, headers=user_headers
    )
    unknown = client.patch(
        f"/posts/{existing.id}", {"tag_ids": [2_000_000_000]}, headers=user_headers
    )

    assert linked.status_code == 200, linked.content
    assert [item["id"] for item in linked.json()["tags"]] == [first.id, second.id]
    assert unknown.status_code == 422


def test_delete_post(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = PostFactory.create(owner=user)

    deleted = client.delete(f"/posts/{existing.id}", headers=user_headers)
    again = client.get(f"/posts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_post_deletes_its_comments(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = PostFactory.create(owner=user)
    child = CommentFactory.create(owner=user, post=existing)

    deleted = client.delete(f"/posts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert not Comment.objects.filter(pk=child.pk).exists()


def test_posts_require_authentication(client: APIClient) -> None:
    response = client.post("/posts", {})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_only_the_owner_may_change_a_post(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = PostFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    fetched = client.get(f"/posts/{mine.id}", headers=stranger)
    changed = client.patch(f"/posts/{mine.id}", {}, headers=stranger)
    deleted = client.delete(f"/posts/{mine.id}", headers=stranger)
    as_admin = client.patch(f"/posts/{mine.id}", {}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
