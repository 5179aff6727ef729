/** The generated tests of the auth feature: sign-up, login, refresh, token checks and the admin command. */
import { Imports, pyModule } from "../../python/imports.js";

export function authTests(pkg: string): [string, string][] {
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
    "pytest",
    "httpx:AsyncClient",
    "sqlalchemy.ext.asyncio:AsyncSession",
    `${pkg}.config:get_settings`,
    `${pkg}:security`,
    `${pkg}.security:ALGORITHM`,
    `${pkg}.security:create_token`,
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
    unknown = await client.post("/auth/login", data={"username": "nobody@example.com", "password": "x"})
    nul = await client.post("/auth/login", data={"username": "a\\x00@example.com", "password": "x"})

    assert response.status_code == 401
    assert unknown.status_code == 401
    assert nul.status_code == 401


async def test_inactive_users_cannot_log_in(client: AsyncClient, session: AsyncSession) -> None:
    inactive = await create_user(session, is_active=False)

    response = await client.post("/auth/login", data={"username": inactive.email, "password": PASSWORD})
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
    unsigned = jwt.encode({"sub": str(user.id), "type": "access"}, "another-key-of-32-characters-long!")
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
    assert expired.status_code == 401`,
    [pkg, "tests"],
  );
}

function cliTestModule(pkg: string): string {
  const imports = new Imports().add(
    "getpass",
    "unittest.mock:AsyncMock",
    "pytest",
    "sqlalchemy.ext.asyncio:AsyncEngine",
    "sqlalchemy.ext.asyncio:AsyncSession",
    "sqlalchemy.ext.asyncio:async_sessionmaker",
    `${pkg}.users:cli`,
    `${pkg}.users.models:ADMIN_ROLE`,
    `${pkg}.users.models:User`,
    "tests.factories:create_user",
  );
  return pyModule(
    "The create-admin command.",
    imports,
    `async def test_create_admin_creates_then_promotes(engine: AsyncEngine, session: AsyncSession) -> None:
    factory = async_sessionmaker(engine, expire_on_commit=False)
    existing = await create_user(session)

    created = await cli.create_admin(factory, email="root@example.com", password="a-long-password")
    promoted = await cli.create_admin(factory, email=existing.email, password="ignored-password")

    assert created.role == ADMIN_ROLE
    assert (promoted.id, promoted.role) == (existing.id, ADMIN_ROLE)


def test_main_reads_the_password_from_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create_admin = AsyncMock(return_value=User(email="root@example.com", role=ADMIN_ROLE))
    monkeypatch.setattr(cli, "create_admin", create_admin)
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: "a-long-password")

    status = cli.main(["create-admin", "root@example.com"])

    assert status == 0
    assert create_admin.await_args is not None
    assert create_admin.await_args.kwargs == {"email": "root@example.com", "password": "a-long-password"}
    assert "root@example.com is an administrator" in capsys.readouterr().out


def test_main_rejects_an_invalid_email(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: "a-long-password")
    monkeypatch.setattr(cli, "SessionFactory", async_sessionmaker())

    assert cli.main(["create-admin", "not-an-email"]) == 2`,
    [pkg, "tests"],
  );
}

function throttleTestModule(pkg: string): string {
  const imports = new Imports().add(
    "httpx:AsyncClient",
    "pytest",
    `${pkg}.users.models:User`,
    `${pkg}.users.throttle:LoginThrottle`,
    `${pkg}.users.throttle:TooManyAttemptsError`,
    "tests.factories:PASSWORD",
  );
  return pyModule(
    "Login throttling: repeated failures lock a client and email out for a while.",
    imports,
    `async def test_repeated_failed_logins_are_refused(client: AsyncClient, user: User) -> None:
    wrong = {"username": user.email, "password": "wrong-password"}
    failures = [(await client.post("/auth/login", data=wrong)).status_code for _ in range(5)]

    locked = await client.post("/auth/login", data={"username": user.email, "password": PASSWORD})
    other = await client.post("/auth/login", data={"username": "someone@example.com", "password": "x"})

    assert failures == [401] * 5
    assert locked.status_code == 429
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
