"""Test data: saved rows and valid request bodies."""

import itertools
from datetime import date
from typing import Any

from flask import Flask
from flask_jwt_extended import create_access_token
from sqlalchemy.orm import Session

from tracker.labels.models import Label
from tracker.projects.models import Project
from tracker.security import hash_password
from tracker.tasks.models import Task
from tracker.users.models import DEFAULT_ROLE, Role, User
from tracker.watchers.models import Watcher

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


def create_project(session: Session, owner: User, **overrides: object) -> Project:
    """A project, saved; required references are created unless given."""
    values: dict[str, Any] = {"name": "alpha", "archived": True, "owner_id": owner.id}
    values.update(overrides)
    project = Project(**values)
    session.add(project)
    session.commit()
    return project


def project_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a project."""
    payload: dict[str, Any] = {"name": "alpha", "archived": True}
    payload.update(overrides)
    return payload


def create_label(session: Session, owner: User, **overrides: object) -> Label:
    """A label, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {
        "owner_name_key": f"owner_name_key-{n}",
        "color": f"#ff{n % 10000:04d}",
        "owner_id": owner.id,
    }
    values.update(overrides)
    label = Label(**values)
    session.add(label)
    session.commit()
    return label


def label_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a label."""
    n = next(_sequence)
    payload: dict[str, Any] = {
        "owner_name_key": f"owner_name_key-{n}",
        "color": f"#ff{n % 10000:04d}",
    }
    payload.update(overrides)
    return payload


def create_task(session: Session, owner: User, **overrides: object) -> Task:
    """A task, saved; required references are created unless given."""
    values: dict[str, Any] = {
        "title": "alpha",
        "done": True,
        "priority": 2,
        "due": date(2024, 1, 1),
        "owner_id": owner.id,
    }
    if "project_id" not in overrides:
        values["project_id"] = create_project(session, owner=owner).id
    values.update(overrides)
    task = Task(**values)
    session.add(task)
    session.commit()
    return task


def task_payload(session: Session, *, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a task (referenced rows are saved first)."""
    payload: dict[str, Any] = {"title": "alpha", "done": True, "priority": 2, "due": "2024-01-01"}
    if "project_id" not in overrides:
        payload["project_id"] = create_project(session, owner=owner).id
    payload.update(overrides)
    return payload


def create_watcher(session: Session, owner: User, **overrides: object) -> Watcher:
    """A watcher, saved; required references are created unless given."""
    values: dict[str, Any] = {}
    if "project_id" not in overrides:
        values["project_id"] = create_project(session, owner=owner).id
    values.update(overrides)
    watcher = Watcher(**values)
    session.add(watcher)
    session.commit()
    return watcher


def watcher_payload(session: Session, *, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a watcher (referenced rows are saved first)."""
    payload: dict[str, Any] = {}
    if "project_id" not in overrides:
        payload["project_id"] = create_project(session, owner=owner).id
    payload.update(overrides)
    return payload
