"""Test data: saved rows and valid request bodies."""

import itertools
from datetime import UTC, datetime
from typing import Any

from flask import Flask
from flask_jwt_extended import create_access_token
from sqlalchemy.orm import Session

from blog.comments.models import Comment
from blog.posts.models import Post, PostStatus
from blog.security import hash_password
from blog.tags.models import Tag
from blog.users.models import DEFAULT_ROLE, Role, User

_sequence = itertools.count(1)


PASSWORD = "correct-horse-battery-staple"
# Hashing is deliberately slow: hash the shared test password once.
_PASSWORD_HASH = hash_password(PASSWORD)


def create_user(session: Session, *, role: Role = DEFAULT_ROLE, is_active: bool = True) -> User:
    """A saved user whose password is PASSWORD."""
    user = User(
        email=f"user{next(_sequence)}@example.com",
        password_hash=_PASSWORD_HASH,
        role=role,
        is_active=is_active,
    )
    session.add(user)
    session.commit()
    return user


def auth_headers(app: Flask, user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user, signed with the app's key."""
    with app.app_context():
        token = create_access_token(identity=str(user.id))
    return {"Authorization": f"Bearer {token}"}


def create_tag(session: Session, **overrides: object) -> Tag:
    """A tag, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {"name": f"name-{n}"}
    values.update(overrides)
    tag = Tag(**values)
    session.add(tag)
    session.commit()
    return tag


def tag_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a tag."""
    n = next(_sequence)
    payload: dict[str, Any] = {"name": f"name-{n}"}
    payload.update(overrides)
    return payload


def create_post(session: Session, owner: User, **overrides: object) -> Post:
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
    session.commit()
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


def create_comment(session: Session, owner: User, **overrides: object) -> Comment:
    """A comment, saved; required references are created unless given."""
    values: dict[str, Any] = {"body": "alpha", "owner_id": owner.id}
    if "post_id" not in overrides:
        values["post_id"] = create_post(session, owner=owner).id
    values.update(overrides)
    comment = Comment(**values)
    session.add(comment)
    session.commit()
    return comment


def comment_payload(session: Session, *, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a comment (referenced rows are saved first)."""
    payload: dict[str, Any] = {"body": "alpha"}
    if "post_id" not in overrides:
        payload["post_id"] = create_post(session, owner=owner).id
    payload.update(overrides)
    return payload
