"""Test data: factory_boy factories of saved rows, and valid request bodies."""

import itertools
from collections.abc import Callable
from typing import Any

from factory.declarations import LazyFunction
from factory.django import DjangoModelFactory, Password
from rest_framework_simplejwt.tokens import AccessToken

from notes.notes.models import Note
from notes.users.models import DEFAULT_ROLE, User

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


class NoteFactory(DjangoModelFactory[Note]):
    """A note, saved; required references are made unless given."""

    class Meta:
        model = Note

    title = "alpha"


def note_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a note."""
    payload: dict[str, Any] = {"title": "alpha"}
    payload.update(overrides)
    return payload
