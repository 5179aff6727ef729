"""Test data: saved rows and valid request bodies."""

import itertools
from typing import Any

from flask import Flask
from flask_jwt_extended import create_access_token
from sqlalchemy.orm import Session

from notes.notes.models import Note
from notes.security import hash_password
from notes.users.models import DEFAULT_ROLE, Role, User

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


def create_note(session: Session, **overrides: object) -> Note:
    """A note, saved; required references are created unless given."""
    values: dict[str, Any] = {"title": "alpha"}
    values.update(overrides)
    note = Note(**values)
    session.add(note)
    session.commit()
    return note


def note_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a note."""
    payload: dict[str, Any] = {"title": "alpha"}
    payload.update(overrides)
    return payload
