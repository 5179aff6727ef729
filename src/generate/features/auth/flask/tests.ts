/** The generated tests of the Flask auth feature: sign-up, login, refresh, token checks and the admin command. */
import { Imports, pyModule } from "../../../python/imports.js";

export function flaskAuthTests(pkg: string): [string, string][] {
  return [
    ["tests/users/__init__.py", ""],
    ["tests/users/test_auth.py", authTestModule(pkg)],
    ["tests/users/test_cli.py", cliTestModule(pkg)],
    ["tests/users/test_throttle.py", throttleTestModule(pkg)],
  ];
}

function authTestModule(pkg: string): string {
  const imports = new Imports().add(
    "datetime:UTC",
    "datetime:datetime",
    "datetime:timedelta",
    "jwt",
    "flask:Flask",
    "flask.testing:FlaskClient",
    "flask_jwt_extended:create_access_token",
    "flask_jwt_extended:create_refresh_token",
    "sqlalchemy.orm:Session",
    `${pkg}.security:ALGORITHM`,
    `${pkg}.users.models:DEFAULT_ROLE`,
    `${pkg}.users.models:User`,
    "tests.factories:PASSWORD",
    "tests.factories:auth_headers",
    "tests.factories:create_user",
  );
  return pyModule(
    "Authentication: register, login, refresh, /me and every way a token can be wrong.",
    imports,
    `NEW_USER = {"email": "Ada@Example.com", "password": "a-long-password", "full_name": "Ada"}


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
    unsigned = jwt.encode({"sub": str(user.id), "type": "access"}, "another-key-of-32-characters-long!")
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
    assert anonymous.headers["WWW-Authenticate"] == "Bearer"`,
    [pkg, "tests"],
  );
}

function cliTestModule(pkg: string): string {
  const imports = new Imports().add(
    "flask:Flask",
    "sqlalchemy:select",
    "sqlalchemy.orm:Session",
    `${pkg}.users.models:ADMIN_ROLE`,
    `${pkg}.users.models:User`,
    "tests.factories:create_user",
  );
  return pyModule(
    "The create-admin command.",
    imports,
    `def test_create_admin_creates_then_promotes(app: Flask, session: Session) -> None:
    existing = create_user(session)
    runner = app.test_cli_runner()

    created = runner.invoke(args=["create-admin", "root@example.com"], input="a-long-password\\n")
    promoted = runner.invoke(args=["create-admin", existing.email], input="ignored-password\\n")

    assert created.exit_code == 0, created.output
    assert "root@example.com is an administrator" in created.output
    assert promoted.exit_code == 0, promoted.output
    admins = session.scalars(select(User.email).where(User.role == ADMIN_ROLE))
    assert set(admins) == {"root@example.com", existing.email}


def test_create_admin_rejects_an_invalid_email(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["create-admin", "not-an-email"], input="a-long-password\\n")

    assert result.exit_code == 2`,
    [pkg, "tests"],
  );
}

function throttleTestModule(pkg: string): string {
  const imports = new Imports().add(
    "pytest",
    "flask.testing:FlaskClient",
    `${pkg}.users.models:User`,
    `${pkg}.users.throttle:LoginThrottle`,
    `${pkg}.users.throttle:TooManyAttemptsError`,
    "tests.factories:PASSWORD",
  );
  return pyModule(
    "Login throttling: repeated failures lock a client and email out for a while.",
    imports,
    `def test_repeated_failed_logins_are_refused(client: FlaskClient, user: User) -> None:
    wrong = {"username": user.email, "password": "wrong-password"}
    failures = [client.post("/auth/login", data=wrong).status_code for _ in range(5)]

    locked = client.post("/auth/login", data={"username": user.email, "password": PASSWORD})
    other = client.post("/auth/login", data={"username": "someone@example.com", "password": "x"})

    assert failures == [401] * 5
    assert locked.status_code == 429
    assert locked.get_json()["error"]["code"] == "too_many_attempts"
    assert int(locked.headers["Retry-After"]) > 0
    assert other.status_code == 401


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_lockout_ends_after_the_window_and_success_resets() -> None:
    clock = FakeClock()
    throttle = LoginThrottle(max_failures=2, window_seconds=60, clock=clock)
    for _ in range(2):
        throttle.failed("key")

    with pytest.raises(TooManyAttemptsError):
        throttle.check("key")
    clock.now += 61
    throttle.check("key")
    throttle.failed("key")
    throttle.succeeded("key")
    throttle.failed("key")
    throttle.check("key")`,
    [pkg, "tests"],
  );
}
