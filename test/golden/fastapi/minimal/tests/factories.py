"""Test data: saved rows and valid request bodies."""

import itertools
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notes.notes.models import Note
from notes.security import create_token, hash_password
from notes.users.models import DEFAULT_ROLE, Role, User

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


async def create_note(session: AsyncSession, **overrides: object) -> Note:
    """A note, saved; required references are created unless given."""
    values: dict[str, Any] = {"title": "alpha"}
    values.update(overrides)
    note = Note(**values)
    session.add(note)
    await session.commit()
    return note


def note_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a note."""
    payload: dict[str, Any] = {"title": "alpha"}
    payload.update(overrides)
    return payload
