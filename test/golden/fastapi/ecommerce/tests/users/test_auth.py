"""Authentication: register, login, refresh, /me and every way a token can be wrong."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from shop import security
from shop.config import get_settings
from shop.security import ALGORITHM, create_token
from shop.users.models import DEFAULT_ROLE, User
from tests.factories import PASSWORD, auth_headers, create_user

NEW_USER = {"email": "Ada@Example.com", "password": "a-long-password", "full_name": "Ada"}


async def login(client: AsyncClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Tokens from the login form."""
    response = await client.post("/auth/login", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


async def test_register_login_and_me(client: AsyncClient) -> None:
    registered = await client.post("/auth/register", json=NEW_USER)
    tokens = await login(client, "ada@example.com", NEW_USER["password"])
    me = await client.get("/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})

    assert registered.status_code == 201
    assert "password" not in registered.text
    assert me.json() == {
        "id": registered.json()["id"],
        "email": "ada@example.com",
        "full_name": "Ada",
        "role": DEFAULT_ROLE.value,
        "is_active": True,
    }


async def test_register_twice_is_409(client: AsyncClient) -> None:
    await client.post("/auth/register", json=NEW_USER)

    response = await client.post("/auth/register", json={**NEW_USER, "email": "ADA@example.com"})

    assert response.status_code == 409


async def test_register_rejects_a_short_password(client: AsyncClient) -> None:
    response = await client.post("/auth/register", json={**NEW_USER, "password": "short"})

    assert response.status_code == 422


async def test_login_with_a_wrong_password_is_401(client: AsyncClient, user: User) -> None:
    response = await client.post("/auth/login", data={"username": user.email, "password": "wrong"})
    unknown = await client.post(
        "/auth/login", data={"username": "nobody@example.com", "password": "x"}
    )
    nul = await client.post("/auth/login", data={"username": "a\x00@example.com", "password": "x"})

    assert response.status_code == 401
    assert unknown.status_code == 401
    assert nul.status_code == 401


async def test_inactive_users_cannot_log_in(client: AsyncClient, session: AsyncSession) -> None:
    inactive = await create_user(session, is_active=False)

    response = await client.post(
        "/auth/login", data={"username": inactive.email, "password": PASSWORD}
    )
    with_token = await client.get("/auth/me", headers=auth_headers(inactive))

    assert response.status_code == 401
    assert with_token.status_code == 401


async def test_refresh_issues_new_tokens(client: AsyncClient, user: User) -> None:
    tokens = await login(client, user.email)

    refreshed = await client.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    with_access_token = await client.post(
        "/auth/refresh", json={"refresh_token": tokens["access_token"]}
    )

    assert refreshed.status_code == 200
    assert refreshed.json()["access_token"] != tokens["access_token"]
    assert with_access_token.status_code == 401


async def test_refresh_tokens_are_not_access_tokens(client: AsyncClient, user: User) -> None:
    refresh_token = create_token(user.id, "refresh")

    response = await client.get("/auth/me", headers={"Authorization": f"Bearer {refresh_token}"})

    assert response.status_code == 401


async def test_bad_tokens_are_401(client: AsyncClient, user: User) -> None:
    secret = get_settings().jwt_secret.get_secret_value()
    expired = jwt.encode(
        {"sub": str(user.id), "type": "access", "exp": datetime.now(UTC) - timedelta(minutes=1)},
        secret,
        algorithm=ALGORITHM,
    )
    unsigned = jwt.encode(
        {"sub": str(user.id), "type": "access"}, "another-key-of-32-characters-long!"
    )
    no_subject = jwt.encode(
        {"sub": "not-a-number", "type": "access", "exp": datetime.now(UTC) + timedelta(minutes=1)},
        secret,
        algorithm=ALGORITHM,
    )
    unknown_user = create_token(2_000_000_000, "access")

    for token in [expired, unsigned, no_subject, unknown_user, "garbage"]:
        response = await client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
    anonymous = await client.get("/auth/me")
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"] == "Bearer"


async def test_a_token_checked_before_is_refused_once_it_expires(
    client: AsyncClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = {"Authorization": f"Bearer {create_token(user.id, 'access')}"}
    lifetime = get_settings().access_token_minutes * 60
    at_expiry = datetime.now(UTC).timestamp() + lifetime + 1

    valid = await client.get("/auth/me", headers=headers)
    monkeypatch.setattr(security, "time", lambda: at_expiry)
    expired = await client.get("/auth/me", headers=headers)

    assert valid.status_code == 200
    assert expired.status_code == 401
