"""Authentication: register, login, refresh, /me and every way a token can be wrong."""

from datetime import timedelta

from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from shop.users.models import DEFAULT_ROLE, User
from tests.factories import PASSWORD, UserFactory, auth_headers

NEW_USER = {"email": "Ada@Example.com", "password": "a-long-password", "full_name": "Ada"}


def login(client: APIClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Tokens from the login form."""
    response = client.post(
        "/auth/login", {"username": email, "password": password}, format="multipart"
    )
    assert response.status_code == 200, response.content
    tokens: dict[str, str] = response.json()
    return tokens


def test_register_login_and_me(client: APIClient) -> None:
    registered = client.post("/auth/register", NEW_USER)
    tokens = login(client, "ada@example.com", NEW_USER["password"])
    me = client.get("/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})

    assert registered.status_code == 201
    assert b"password" not in registered.content
    assert tokens["token_type"] == "bearer"
    assert me.json() == {
        "id": registered.json()["id"],
        "email": "ada@example.com",
        "full_name": "Ada",
        "role": DEFAULT_ROLE.value,
        "is_active": True,
    }


def test_login_takes_the_urlencoded_form(client: APIClient, user: User) -> None:
    form = client.post(
        "/auth/login",
        f"username={user.email}&password={PASSWORD}",
        content_type="application/x-www-form-urlencoded",
    )
    as_json = client.post("/auth/login", {"username": user.email, "password": PASSWORD})

    assert form.status_code == 200
    assert as_json.status_code == 422


def test_register_twice_is_409(client: APIClient) -> None:
    client.post("/auth/register", NEW_USER)

    response = client.post("/auth/register", {**NEW_USER, "email": "ADA@example.com"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_register_rejects_a_short_password_and_unknown_fields(client: APIClient) -> None:
    short = client.post("/auth/register", {**NEW_USER, "password": "short"})
    extra = client.post("/auth/register", {**NEW_USER, "role": "admin"})

    assert short.status_code == 422
    assert short.json()["error"]["details"][0]["loc"] == ["body", "password"]
    assert extra.status_code == 422


def test_login_with_a_wrong_password_is_401(client: APIClient, user: User) -> None:
    wrong = client.post(
        "/auth/login", {"username": user.email, "password": "wrong"}, format="multipart"
    )
    unknown = client.post(
        "/auth/login", {"username": "nobody@example.com", "password": "x"}, format="multipart"
    )

    assert wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"] == "Bearer"
    assert unknown.status_code == 401


def test_inactive_users_cannot_log_in(client: APIClient) -> None:
    inactive = UserFactory.create(is_active=False)

    response = client.post(
        "/auth/login", {"username": inactive.email, "password": PASSWORD}, format="multipart"
    )
    with_token = client.get("/auth/me", headers=auth_headers(inactive))
    refreshed = client.post(
        "/auth/refresh", {"refresh_token": str(RefreshToken.for_user(inactive))}
    )

    assert response.status_code == 401
    assert with_token.status_code == 401
    assert refreshed.status_code == 401


def test_refresh_issues_new_tokens(client: APIClient, user: User) -> None:
    tokens = login(client, user.email)

    refreshed = client.post("/auth/refresh", {"refresh_token": tokens["refresh_token"]})
    with_access_token = client.post("/auth/refresh", {"refresh_token": tokens["access_token"]})

    assert refreshed.status_code == 200
    assert refreshed.json()["access_token"] != tokens["access_token"]
    assert with_access_token.status_code == 401


def test_refresh_tokens_are_not_access_tokens(client: APIClient, user: User) -> None:
    refresh_token = RefreshToken.for_user(user)

    response = client.get("/auth/me", headers={"Authorization": f"Bearer {refresh_token}"})

    assert response.status_code == 401


def test_bad_tokens_are_401(client: APIClient, user: User) -> None:
    expired = AccessToken.for_user(user)
    expired.set_exp(lifetime=-timedelta(minutes=1))
    forged = str(AccessToken.for_user(user))[:-4] + "AAAA"

    for token in [str(expired), forged, "garbage"]:
        response = client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
    anonymous = client.get("/auth/me")
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"] == "Bearer"
