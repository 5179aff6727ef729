"""Test data: factory_boy factories of saved rows, and valid request bodies."""

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

from factory.declarations import LazyFunction, SelfAttribute, SubFactory
from factory.django import DjangoModelFactory, Password
from rest_framework_simplejwt.tokens import AccessToken

from tracker.labels.models import Label
from tracker.projects.models import Project
from tracker.tasks.models import Task
from tracker.users.models import DEFAULT_ROLE, User
from tracker.watchers.models import Watcher

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


class ProjectFactory(DjangoModelFactory[Project]):
    """A project, saved; the owner and required references are made unless given."""

    class Meta:
        model = Project

    name = "alpha"
    archived = True
    owner = SubFactory(UserFactory)


def project_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a project."""
    payload: dict[str, Any] = {"name": "alpha", "archived": True}
    payload.update(overrides)
    return payload


class LabelFactory(DjangoModelFactory[Label]):
    """A label, saved; the owner and required references are made unless given."""

    class Meta:
        model = Label

    owner_name_key = numbered(lambda n: f"owner_name_key-{n}")
    color = numbered(lambda n: f"#ff{n % 10000:04d}")
    owner = SubFactory(UserFactory)


def label_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a label."""
    n = next(_sequence)
    payload: dict[str, Any] = {
        "owner_name_key": f"owner_name_key-{n}",
        "color": f"#ff{n % 10000:04d}",
    }
    payload.update(overrides)
    return payload


class TaskFactory(DjangoModelFactory[Task]):
    """A task, saved; the owner and required references are made unless given."""

    class Meta:
        model = Task

    title = "alpha"
    done = True
    priority = 2
    due = date(2024, 1, 1)
    project = SubFactory(ProjectFactory, owner=SelfAttribute("..owner"))
    owner = SubFactory(UserFactory)


def task_payload(*, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a task (referenced rows are saved first)."""
    payload: dict[str, Any] = {"title": "alpha", "done": True, "priority": 2, "due": "2024-01-01"}
    if "project_id" not in overrides:
        payload["project_id"] = ProjectFactory.create(owner=owner).id
    payload.update(overrides)
    return payload


class WatcherFactory(DjangoModelFactory[Watcher]):
    """A watcher, saved; the owner and required references are made unless given."""

    class Meta:
        model = Watcher

    class Params:
        # Owner of the rows this one refers to.
        owner = SubFactory(UserFactory)

    project = SubFactory(ProjectFactory, owner=SelfAttribute("..owner"))


def watcher_payload(*, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a watcher (referenced rows are saved first)."""
    payload: dict[str, Any] = {}
    if "project_id" not in overrides:
        payload["project_id"] = ProjectFactory.create(owner=owner).id
    payload.update(overrides)
    return payload
