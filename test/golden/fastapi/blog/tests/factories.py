"""Test data: saved rows and valid request bodies."""

import itertools
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from blog.comments.models import Comment
from blog.posts.models import Post, PostStatus
from blog.security import create_token, hash_password
from blog.tags.models import Tag
from blog.users.models import DEFAULT_ROLE, Role, User

_sequence = itertools.count(1)


PASSWORD = "correct-horse-battery-staple"
# Hashing is deliberately slow: hash the shared test password once.
_PASSWORD_HASH = hash_password(PASSWORD)


async def create_user(
    session: AsyncSession, *, role: Role = DEFAULT_ROLE, is_active: bool = True
) -> User:
    """A saved user whose password is PASSWORD."""
    user = User(
        email=f"user{next(_sequence)}@example.com",
        password_hash=_PASSWORD_HASH,
        role=role,
        is_active=is_active,
    )
    session.add(user)
    await session.commit()
    return user


def auth_headers(user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user."""
    return {"Authorization": f"Bearer {create_token(user.id, 'access')}"}


async def create_tag(session: AsyncSession, **overrides: object) -> Tag:
    """A tag, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {"name": f"name-{n}"}
    values.update(overrides)
    tag = Tag(**values)
    session.add(tag)
    await session.commit()
    return tag


def tag_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a tag."""
    n = next(_sequence)
    payload: dict[str, Any] = {"name": f"name-{n}"}
    payload.update(overrides)
    return payload


async def create_post(session: AsyncSession, owner: User, **overrides: object) -> Post:
    """A post, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {
        "title": "alpha",
        "slug": f"hello-world-{n}",
        "body": "alpha",
        "status": PostStatus.DRAFT,
        "published_at": datetime(2024, 1, 1, 12, 0, tzinfo=UTC),
        "owner_id": owner.id,
    }
    values.update(overrides)
    post = Post(**values)
    session.add(post)
    await session.commit()
    return post


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


async def create_comment(session: AsyncSession, owner: User, **overrides: object) -> Comment:
    """A comment, saved; required references are created unless given."""
    values: dict[str, Any] = {"body": "alpha", "owner_id": owner.id}
    if "post_id" not in overrides:
        values["post_id"] = (await create_post(session, owner=owner)).id
    values.update(overrides)
    comment = Comment(**values)
    session.add(comment)
    await session.commit()
    return comment


async def comment_payload(
    session: AsyncSession, *, owner: User, **overrides: object
) -> dict[str, Any]:
    """A valid JSON body to create a comment (referenced rows are saved first)."""
    payload: dict[str, Any] = {"body": "alpha"}
    if "post_id" not in overrides:
        payload["post_id"] = (await create_post(session, owner=owner)).id
    payload.update(overrides)
    return payload
