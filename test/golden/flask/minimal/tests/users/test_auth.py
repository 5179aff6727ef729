"""Authentication: register, login, refresh, /me and every way a token can be wrong."""

from datetime import UTC, datetime, timedelta

import jwt
from flask import Flask
from flask.testing import FlaskClient
from flask_jwt_extended import create_access_token, create_refresh_token
from sqlalchemy.orm import Session

from notes.security import ALGORITHM
from notes.users.models import DEFAULT_ROLE, User
from tests.factories import PASSWORD, auth_headers, create_user

NEW_USER = {"email": "Ada@Example.com", "password": "a-long-password", "full_name": "Ada"}


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Tokens from the login form."""
    response = client.post("/auth/login", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.get_json()
    return tokens


def test_register_login_and_me(client: FlaskClient) -> None:
    registered = client.post("/auth/register", json=NEW_USER)
    tokens = login(client, "ada@example.com", NEW_USER["password"])
    me = client.get("/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})

    assert registered.status_code == 201
    assert "password" not in registered.text
    assert tokens["token_type"] == "bearer"
    assert me.get_json() == {
        "id": registered.get_json()["id"],
        "email": "ada@example.com",
        "full_name": "Ada",
        "role": DEFAULT_ROLE.value,
        "is_active": True,
    }


def test_register_twice_is_409(client: FlaskClient) -> None:
    client.post("/auth/register", json=NEW_USER)

    response = client.post("/auth/register", json={**NEW_USER, "email": "ADA@example.com"})

    assert response.status_code == 409


def test_register_rejects_a_short_password_and_bad_json(client: FlaskClient) -> None:
    short = client.post("/auth/register", json={**NEW_USER, "password": "short"})
    garbage = client.post("/auth/register", data="{not json", content_type="application/json")

    assert short.status_code == 422
    assert short.get_json()["error"]["details"][0]["loc"] == ["body", "password"]
    assert garbage.status_code == 422


def test_login_with_a_wrong_password_is_401(client: FlaskClient, user: User) -> None:
    response = client.post("/auth/login", data={"username": user.email, "password": "wrong"})
    unknown = client.post("/auth/login", data={"username": "nobody@example.com", "password": "x"})
    incomplete = client.post("/auth/login", data={"username": user.email})

    assert response.status_code == 401
    assert unknown.status_code == 401
    assert incomplete.status_code == 422


def test_inactive_users_cannot_log_in(app: Flask, client: FlaskClient, session: Session) -> None:
    inactive = create_user(session, is_active=False)

    response = client.post("/auth/login", data={"username": inactive.email, "password": PASSWORD})
    with_token = client.get("/auth/me", headers=auth_headers(app, inactive))

    assert response.status_code == 401
    assert with_token.status_code == 401


def test_refresh_issues_new_tokens(app: Flask, client: FlaskClient, user: User) -> None:
    tokens = login(client, user.email)
    with app.app_context():
        unknown_user = create_refresh_token(identity="2000000000")

    refreshed = client.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    with_access_token = client.post("/auth/refresh", json={"refresh_token": tokens["access_token"]})
    with_garbage = client.post("/auth/refresh", json={"refresh_token": "garbage"})
    for_nobody = client.post("/auth/refresh", json={"refresh_token": unknown_user})

    assert refreshed.status_code == 200
    assert refreshed.get_json()["access_token"] != tokens["access_token"]
    assert with_access_token.status_code == 401
    assert with_garbage.status_code == 401
    assert for_nobody.status_code == 401


def test_refresh_tokens_are_not_access_tokens(app: Flask, client: FlaskClient, user: User) -> None:
    with app.app_context():
        refresh_token = create_refresh_token(identity=str(user.id))

    response = client.get("/auth/me", headers={"Authorization": f"Bearer {refresh_token}"})

    assert response.status_code == 401


def test_bad_tokens_are_401(app: Flask, client: FlaskClient, user: User) -> None:
    secret = app.config["JWT_SECRET_KEY"]
    expired = jwt.encode(
        {"sub": str(user.id), "type": "access", "exp": datetime.now(UTC) - timedelta(minutes=1)},
        secret,
        algorithm=ALGORITHM,
    )
    unsigned = jwt.encode(
        {"sub": str(user.id), "type": "access"}, "another-key-of-32-characters-long!"
    )
    with app.app_context():
        no_subject = create_access_token(identity="not-a-number")
        unknown_user = create_access_token(identity="2000000000")
        too_large = create_access_token(identity="99999999999")

    for token in [expired, unsigned, no_subject, unknown_user, too_large, "garbage"]:
        response = client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
        assert response.get_json()["error"]["code"] == "not_authenticated"
    anonymous = client.get("/auth/me")
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"] == "Bearer"
