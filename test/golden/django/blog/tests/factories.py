"""Test data: factory_boy factories of saved rows, and valid request bodies."""

import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from factory.declarations import LazyFunction, SelfAttribute, SubFactory
from factory.django import DjangoModelFactory, Password
from rest_framework_simplejwt.tokens import AccessToken

from blog.comments.models import Comment
from blog.posts.models import Post, PostStatus
from blog.tags.models import Tag
from blog.users.models import DEFAULT_ROLE, User

# One sequence for factories and payloads, so their unique values never collide.
_sequence = itertools.count(1)

PASSWORD = "correct-horse-battery-staple"


def numbered(make: Callable[[int], object]) -> LazyFunction:
    """A factory value made from the next sequence number."""
    return LazyFunction(lambda: make(next(_sequence)))


class UserFactory(DjangoModelFactory[User]):
    """A saved user whose password is PASSWORD."""

    class Meta:
        model = User

    email = numbered(lambda n: f"user{n}@example.com")
    password = Password(PASSWORD)
    role = DEFAULT_ROLE


def auth_headers(user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user."""
    return {"Authorization": f"Bearer {AccessToken.for_user(user)}"}


class TagFactory(DjangoModelFactory[Tag]):
    """A tag, saved; required references are made unless given."""

    class Meta:
        model = Tag

    name = numbered(lambda n: f"name-{n}")


def tag_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a tag."""
    n = next(_sequence)
    payload: dict[str, Any] = {"name": f"name-{n}"}
    payload.update(overrides)
    return payload


class PostFactory(DjangoModelFactory[Post]):
    """A post, saved; the owner and required references are made unless given."""

    class Meta:
        model = Post

    title = "alpha"
    slug = numbered(lambda n: f"hello-world-{n}")
    body = "alpha"
    status = PostStatus.DRAFT
    published_at = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    owner = SubFactory(UserFactory)


def post_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a post."""
    n = next(_sequence)
    payload: dict[str, Any] = {
        "title": "alpha",
        "slug": f"hello-world-{n}",
        "body": "alpha",
        "status": "draft",
        "published_at": "2024-01-01T12:00:00+00:00",
    }
    payload.update(overrides)
    return payload


class CommentFactory(DjangoModelFactory[Comment]):
    """A comment, saved; the owner and required references are made unless given."""

    class Meta:
        model = Comment

    body = "alpha"
    post = SubFactory(PostFactory, owner=SelfAttribute("..owner"))
    owner = SubFactory(UserFactory)


def comment_payload(*, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a comment (referenced rows are saved first)."""
    payload: dict[str, Any] = {"body": "alpha"}
    if "post_id" not in overrides:
        payload["post_id"] = PostFactory.create(owner=owner).id
    payload.update(overrides)
    return payload
