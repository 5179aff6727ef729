/** `tests/conftest.py` and `tests/test_app.py` of a Flask project: fixtures, and tests of the application core. */
import type { ResolvedProject } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";

export function flaskConftestModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add(
    "os",
    "collections.abc:Iterator",
    "contextlib:contextmanager",
    "dataclasses:dataclass",
    "pathlib:Path",
    "pytest",
    "flask:Flask",
    "flask.testing:FlaskClient",
    "sqlalchemy:Engine",
    "sqlalchemy:event",
    "sqlalchemy.engine.interfaces:DBAPIConnection",
    "sqlalchemy.orm:Session",
    "sqlalchemy.pool:ConnectionPoolEntry",
    `${pkg}.app:create_app`,
    `${pkg}.config:Settings`,
    `${pkg}.db:db`,
    `${pkg}.models:metadata`,
  );
  if (project.auth) {
    imports.add(`${pkg}.users.models:ADMIN_ROLE`, `${pkg}.users.models:User`);
    imports.add("tests.factories:auth_headers", "tests.factories:create_user");
  }
  const authFixtures = project.auth
    ? `

@pytest.fixture
def user(session: Session) -> User:
    """A user with the default role."""
    return create_user(session)


@pytest.fixture
def admin(session: Session) -> User:
    """An administrator."""
    return create_user(session, role=ADMIN_ROLE)


@pytest.fixture
def user_headers(app: Flask, user: User) -> dict[str, str]:
    """Authorization header of \`user\`."""
    return auth_headers(app, user)


@pytest.fixture
def admin_headers(app: Flask, admin: User) -> dict[str, str]:
    """Authorization header of \`admin\`."""
    return auth_headers(app, admin)`
    : "";
  return pyModule(
    "Fixtures: an app on an isolated database per test, its test client, users and their tokens.",
    imports,
    `@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app on a fresh schema per test: DATABASE_URL (e.g. PostgreSQL), else a temporary SQLite.

    The suite creates and drops every table there: point it at a database used only for tests.
    """
    url = os.environ.get("DATABASE_URL")
    app = create_app(
        Settings(database_url=url or f"sqlite:///{tmp_path / 'test.db'}", environment="test")
    )
    app.config["TESTING"] = True
    with app.app_context():
        if not url:
            event.listen(db.engine, "connect", _skip_durability)
        metadata.drop_all(db.engine)
        metadata.create_all(db.engine)
    yield app
    with app.app_context():
        metadata.drop_all(db.engine)
        db.engine.dispose()


def _skip_durability(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    """A throwaway SQLite file needs no fsync: schema setup per test gets several times faster."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA journal_mode=MEMORY")
    cursor.close()


@pytest.fixture
def engine(app: Flask) -> Engine:
    """The engine of the app's database."""
    with app.app_context():
        return db.engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for arranging test data, apart from the app's own."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's test client: requests run in process, on the test database."""
    return app.test_client()


@dataclass
class QueryCount:
    """Number of SQL statements seen."""

    count: int = 0


class QueryCounter:
    """Counts the SQL statements an engine runs inside \`with counter() as counted:\`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def __call__(self) -> Iterator[QueryCount]:
        counted = QueryCount()

        def count(*_args: object) -> None:
            counted.count += 1

        event.listen(self._engine, "before_cursor_execute", count)
        try:
            yield counted
        finally:
            event.remove(self._engine, "before_cursor_execute", count)


@pytest.fixture
def query_counter(engine: Engine) -> QueryCounter:
    """Counts SQL statements, to prove list endpoints have no N+1 queries."""
    return QueryCounter(engine)${authFixtures}`,
    [pkg, "tests"],
  );
}

export function flaskAppTestsModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add(
    "base64",
    "pathlib:Path",
    "pytest",
    "flask:Flask",
    "flask:Response",
    "flask.testing:FlaskClient",
    "openapi_spec_validator:validate",
    "pydantic:BaseModel",
    `${pkg}.api:json_response`,
    `${pkg}.api:parse_body`,
    `${pkg}.api:parse_query`,
    `${pkg}.api:path_id`,
    `${pkg}.pagination:OffsetParams`,
    "sqlalchemy.exc:OperationalError",
    `${pkg}.app:create_app`,
    `${pkg}.config:Settings`,
    `${pkg}.db:db`,
    `${pkg}.db:engine_url`,
    `${pkg}.errors:ValidationFailedError`,
    `${pkg}.logging:configure_logging`,
    `${pkg}.pagination:decode_cursor`,
    `${pkg}.pagination:encode_cursor`,
  );
  if (project.auth) imports.add("pydantic:SecretStr", "pydantic:ValidationError");
  const productionTest = project.auth
    ? `


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="JWT_SECRET"):
        Settings(environment="production")
    assert Settings(environment="production", jwt_secret=SecretStr("x" * 32)).environment == "production"`
    : "";
  return pyModule(
    "The application core: health probes, error shape, request ids, CORS, OpenAPI, paging cursors.",
    imports,
    `def test_liveness(client: FlaskClient) -> None:
    response = client.get("/health/live")

    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readiness_checks_the_database(client: FlaskClient) -> None:
    response = client.get("/health/ready")

    assert response.status_code == 200


def test_readiness_is_503_when_the_database_is_down(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError())

    with app.app_context():
        monkeypatch.setattr(db.session, "execute", unreachable)
        response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "database_unavailable"


def test_unknown_route_has_the_error_shape(client: FlaskClient) -> None:
    response = client.get("/no-such-route")
    wrong_method = client.put("/health/live")

    assert response.status_code == 404
    assert response.get_json() == {"error": {"code": "not_found", "message": "Not Found", "details": []}}
    assert wrong_method.status_code == 405
    assert wrong_method.get_json()["error"]["code"] == "http_405"


def test_a_trailing_slash_redirects_to_the_route(client: FlaskClient) -> None:
    redirected = client.get("/health/live/", query_string={"x": "1"})
    unknown = client.get("/no-such-route/")

    assert redirected.status_code == 307
    assert redirected.headers["Location"] == "/health/live?x=1"
    assert unknown.status_code == 404


def test_unexpected_errors_are_500_without_internals(app: Flask) -> None:
    def boom() -> str:
        msg = "secret internals"
        raise RuntimeError(msg)

    app.add_url_rule("/boom", view_func=boom)
    response = app.test_client().get("/boom")

    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"
    assert "secret" not in response.text


class Payload(BaseModel):
    """A body for the parsing tests."""

    name: str


def test_bodies_are_parsed_as_fastapi_parses_them(app: Flask) -> None:
    def echo() -> Response:
        return json_response(parse_body(Payload))

    app.add_url_rule("/echo", view_func=echo, methods=["POST"])
    client = app.test_client()

    echoed = client.post("/echo", json={"name": "x"})
    empty = client.post("/echo")
    not_json = client.post("/echo", data="{bad", content_type="application/json")
    not_text = client.post("/echo", data=b"\\xff", content_type="application/json")
    not_object = client.post("/echo", json=[1])

    assert echoed.get_json() == {"name": "x"}
    assert [r.status_code for r in (empty, not_json, not_text, not_object)] == [422, 422, 400, 422]
    assert empty.get_json()["error"]["details"] == [{"loc": ["body"], "message": "Field required"}]
    assert not_json.get_json()["error"]["details"] == [
        {"loc": ["body", 1], "message": "JSON decode error"}
    ]


def test_query_and_path_errors_are_located(app: Flask) -> None:
    def page(row_id: str) -> Response:
        path_id("row_id", row_id)
        return json_response(parse_query(OffsetParams))

    app.add_url_rule("/pages/<row_id>", view_func=page)
    client = app.test_client()

    valid = client.get("/pages/1", query_string={"limit": "5"})
    bad_query = client.get("/pages/1", query_string={"limit": "0"})
    bad_path = client.get("/pages/0")

    assert valid.get_json() == {"offset": 0, "limit": 5}
    assert bad_query.get_json()["error"]["details"][0]["loc"] == ["query", "limit"]
    assert bad_path.get_json()["error"]["details"][0]["loc"] == ["path", "row_id"]


def test_request_id_is_echoed_or_created(client: FlaskClient) -> None:
    given = client.get("/health/live", headers={"X-Request-ID": "abc-123"})
    forged = client.get("/health/live", headers={"X-Request-ID": "bad id with spaces"})

    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(forged.headers["X-Request-ID"]) == 32


def test_cors_allows_configured_origins(app: Flask) -> None:
    allowed_app = create_app(
        Settings(database_url=app.config["SQLALCHEMY_DATABASE_URI"], cors_origins=["https://app.example.com"])
    )
    client = allowed_app.test_client()
    headers = {"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"}
    allowed = client.options("/health/live", headers=headers)
    denied = client.options("/health/live", headers={**headers, "Origin": "https://evil.example.com"})

    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert "Access-Control-Allow-Origin" not in denied.headers


def test_openapi_document_is_valid(client: FlaskClient) -> None:
    response = client.get("/openapi.json")

    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert "/health/ready" in document["paths"]


def test_async_driver_urls_get_the_sync_driver() -> None:
    assert engine_url("sqlite+aiosqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert engine_url("postgresql+asyncpg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert engine_url("sqlite:///relative.db") == f"sqlite:///{Path('relative.db').resolve()}"


def test_cursor_round_trip_and_rejects_garbage() -> None:
    assert decode_cursor(encode_cursor(42)) == 42
    for garbage in ["%%%", base64.urlsafe_b64encode(b'{"after": "x"}').decode()]:
        with pytest.raises(ValidationFailedError):
            decode_cursor(garbage)


def test_console_logging_can_be_configured() -> None:
    configure_logging("DEBUG", json_logs=False)
    configure_logging("INFO", json_logs=True)${productionTest}`,
    [pkg, "tests"],
  );
}
