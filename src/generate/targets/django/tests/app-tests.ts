/**
 * `tests/conftest.py` and `tests/test_app.py`: fixtures, and the tests of the project as a whole — health,
 * error shape, request ids, CORS, cursors, the OpenAPI document, the admin site, the audit trail and the
 * production settings (`check --deploy` clean, development secrets refused).
 */
import type { ResolvedProject } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { fixedSample } from "../../../python/samples.js";
import { needsOwner, updatableField } from "../../fastapi/tests/factories.js";
import { appLabel } from "../apps.js";
import { serializerName } from "../entity/serializers.js";
import { factoryName } from "./factories.js";

export function conftestModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add("pytest", "django.core.cache:cache", "rest_framework.test:APIClient");
  const blocks = [
    `@pytest.fixture(autouse=True)
def _database(db: None) -> None:
    """Every test may use the database; pytest-django rolls each test's changes back."""


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Login throttling counts in the cache: every test starts from zero."""
    cache.clear()


@pytest.fixture
def client() -> APIClient:
    """DRF's test client: JSON bodies, requests through the whole middleware stack."""
    return APIClient()`,
  ];
  if (project.auth) {
    imports.add(
      `${pkg}.users.models:ADMIN_ROLE`,
      `${pkg}.users.models:User`,
      "tests.factories:UserFactory",
      "tests.factories:auth_headers",
    );
    blocks.push(`@pytest.fixture
def user() -> User:
    """A user with the default role."""
    return UserFactory.create()


@pytest.fixture
def admin() -> User:
    """An administrator."""
    return UserFactory.create(role=ADMIN_ROLE)


@pytest.fixture
def user_headers(user: User) -> dict[str, str]:
    """Authorization header of \`user\`."""
    return auth_headers(user)


@pytest.fixture
def admin_headers(admin: User) -> dict[str, str]:
    """Authorization header of \`admin\`."""
    return auth_headers(admin)`);
  } else if (project.entities.some((e) => needsOwner(project, e))) {
    imports.add(`${pkg}.users.models:User`, "tests.factories:UserFactory");
    blocks.push(`@pytest.fixture
def user() -> User:
    """A user owning the rows tests make."""
    return UserFactory.create()`);
  }
  return pyModule(
    "Fixtures: the database for every test, an API client, users and their tokens.",
    imports,
    blocks.join("\n\n\n"),
    [pkg, "tests"],
  );
}

export function appTestsModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add(
    "json",
    "logging",
    "os",
    "secrets",
    "subprocess",
    "sys",
    "pathlib:Path",
    "typing:Any",
    "pytest",
    "django.contrib.admin.models:LogEntry",
    "django.db:DatabaseError",
    "django.db:IntegrityError",
    "django.test:Client",
    "django.test:RequestFactory",
    "django.test:override_settings",
    "rest_framework.test:APIClient",
    `${pkg}.core.errors:server_error`,
  );
  const entity = project.entities[0];
  if (!entity) throw new Error("internal: a project has at least one entity");
  const first = { ...entity, module: `${pkg}.${entity.plural}` };
  const cursor = project.entities.some((e) => e.pagination === "cursor");
  if (cursor) {
    imports.add(
      "base64",
      "rest_framework.exceptions:ValidationError",
      `${pkg}.core.pagination:decode_cursor`,
      `${pkg}.core.pagination:encode_cursor`,
    );
  }
  const cursorTest = cursor
    ? `def test_cursor_round_trip_and_rejects_garbage() -> None:
    assert decode_cursor(encode_cursor(42)) == 42
    for garbage in ["%%%", base64.urlsafe_b64encode(b'{"after": "x"}').decode()]:
        with pytest.raises(ValidationError):
            decode_cursor(garbage)


`
    : "";
  const firstFactory = factoryName(first.name);
  const firstLabel = appLabel(project, first);
  imports.add(`tests.factories:${firstFactory}`);
  const firstArgs = needsOwner(project, first) ? "owner=UserFactory.create()" : "";
  if (firstArgs) imports.add("tests.factories:UserFactory");
  if (project.auth) imports.add("tests.factories:auth_headers", "tests.factories:UserFactory");
  const headers = project.auth ? ", headers=auth_headers(UserFactory.create(role=ADMIN_ROLE))" : "";
  if (project.auth) imports.add(`${pkg}.users.models:ADMIN_ROLE`);
  const models = project.entities.map((e) => `("${appLabel(project, e)}", "${e.name.toLowerCase()}")`);
  const secrets = project.auth ? ", JWT_SECRET=secrets.token_urlsafe(32)" : "";
  return pyModule(
    "The project as a whole: health, errors, request ids, CORS, OpenAPI, admin, audit, settings.",
    imports,
    `ROOT = Path(__file__).resolve().parent.parent
MODELS = [${models.join(", ")}]


def test_liveness(client: APIClient) -> None:
    response = client.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_checks_the_database(client: APIClient) -> None:
    response = client.get("/health/ready")

    assert response.status_code == 200


def test_readiness_is_503_when_the_database_is_down(
    client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        msg = "connection refused"
        raise DatabaseError(msg)

    monkeypatch.setattr("${pkg}.core.health.ping_database", refuse)
    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_unavailable"


def test_unknown_route_has_the_error_shape(client: APIClient) -> None:
    response = client.get("/no-such-route/")

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not Found", "details": []}}


def test_a_trailing_slash_redirects_to_the_route(client: APIClient) -> None:
    response = client.get("/${first.plural}/", {"limit": 1})

    assert response.status_code == 307
    assert response["Location"] == "/${first.plural}?limit=1"


def test_unexpected_errors_are_500_without_internals(
    client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        msg = "secret internals"
        raise RuntimeError(msg)

    monkeypatch.setattr("${pkg}.core.pagination.${first.pagination === "cursor" ? "Cursor" : "Offset"}Pagination.paginate_queryset", boom)
    ${firstFactory}.create(${firstArgs})
    response = client.get("/${first.plural}"${headers})

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert b"secret" not in response.content


def test_malformed_json_is_422(client: APIClient) -> None:
    response = client.generic("POST", "/${first.plural}", "{not json", content_type="application/json")

    assert response.status_code in {401, 422}


def test_errors_outside_the_api_views_have_the_error_shape() -> None:
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert json.loads(response.content)["error"]["code"] == "internal_error"


def test_constraint_violations_are_409(client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save or delete the database refuses (duplicate, still referenced) is a conflict."""
    row = ${firstFactory}.create(${firstArgs})

    def refuse(*_args: object, **_kwargs: object) -> None:
        msg = "constraint"
        raise IntegrityError(msg)

    monkeypatch.setattr("${first.module}.models.${first.name}.save", refuse)
    monkeypatch.setattr("${first.module}.models.${first.name}.delete", refuse)
    changed = client.patch(f"/${first.plural}/{row.pk}", {}${headers})
    deleted = client.delete(f"/${first.plural}/{row.pk}"${headers})

    assert changed.status_code == 409
    assert deleted.status_code == 409
    assert deleted.json()["error"]["code"] == "conflict"


def test_request_id_is_echoed_or_created(client: APIClient) -> None:
    given = client.get("/health/live", headers={"X-Request-ID": "abc-123"})
    forged = client.get("/health/live", headers={"X-Request-ID": "bad id with spaces"})

    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(forged.headers["X-Request-ID"]) == 32


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.com"])
def test_cors_allows_configured_origins(client: APIClient) -> None:
    headers = {"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"}
    allowed = client.options("/health/live", headers=headers)
    denied = client.options("/health/live", headers={**headers, "Origin": "https://evil.example.com"})

    assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "access-control-allow-origin" not in denied.headers


${cursorTest}${deletedMeanwhileTest(project, imports)}def test_openapi_document_is_served(client: APIClient) -> None:
    response = client.get("/openapi.json")

    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    assert document["openapi"].startswith("3.")
    assert "/${first.plural}/{${first.snake}_id}" in document["paths"]
    assert "422" in document["paths"]["/${first.plural}"]["post"]["responses"]


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_admin_pages_render_for_a_superuser(admin_client: Client, app: str, model: str) -> None:
    ${firstFactory}.create(${firstArgs})

    changelist = admin_client.get(f"/admin/{app}/{model}/")
    add = admin_client.get(f"/admin/{app}/{model}/add/")
    searched = admin_client.get(f"/admin/{app}/{model}/", {"q": "a"})

    assert changelist.status_code == 200
    assert add.status_code == 200
    assert searched.status_code == 200


def test_admin_change_page_and_csv_export(admin_client: Client) -> None:
    row = ${firstFactory}.create(${firstArgs})
    url = "/admin/${firstLabel}/${first.name.toLowerCase()}/"

    change = admin_client.get(f"{url}{row.pk}/change/")
    exported = admin_client.post(url, {"action": "export_as_csv", "_selected_action": [row.pk]})
    users = admin_client.get("/admin/users/user/")

    assert change.status_code == 200
    assert exported["Content-Type"] == "text/csv"
    assert exported.content.decode().splitlines()[0].startswith("id,")
    assert users.status_code == 200


def test_changes_are_written_to_the_audit_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="audit"):
        row = ${firstFactory}.create(${firstArgs})
        row.save()
        row_id = row.pk
        row.delete()

    messages = [record.getMessage() for record in caplog.records if record.name == "audit"]
    label = "${firstLabel}.${first.name}"
    assert f"created {label} {row_id}" in messages
    assert f"updated {label} {row_id}" in messages
    assert f"deleted {label} {row_id}" in messages
    assert not LogEntry.objects.exists()


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a fresh process with production settings."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    return subprocess.run(  # noqa: S603 - fixed argv, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deployment_checks() -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50)${secrets}
    )

    assert result.returncode == 0, result.stderr


def test_production_refuses_the_development_secret() -> None:
    result = _manage("check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr`,
    [pkg, "tests"],
  );
}

/**
 * A PATCH whose row another request deleted between loading and saving: Django's save would insert it
 * again; the viewset locks the row first and answers 404 (found by fuzzing with concurrent workers).
 */
function deletedMeanwhileTest(project: ResolvedProject, imports: Imports): string {
  const entity = project.entities.find((e) => updatableField(e) !== undefined);
  const field = entity && updatableField(entity);
  if (!entity || !field) return "";
  const pkg = project.name;
  const E = entity.name;
  const owner = needsOwner(project, entity) ? "owner=UserFactory.create()" : "";
  imports.add(
    "rest_framework.exceptions:NotFound",
    `tests.factories:${factoryName(E)}`,
    `${pkg}.core.viewsets:EntityViewSet`,
    `${pkg}.${entity.plural}.models:${E}`,
    `${pkg}.${entity.plural}.serializers:${serializerName(E)}`,
  );
  if (owner) imports.add("tests.factories:UserFactory");
  return `def test_saving_a_row_deleted_meanwhile_is_404() -> None:
    existing = ${factoryName(E)}.create(${owner})
    serializer = ${serializerName(E)}(existing, data={"${field.name}": ${fixedSample(E, field, 1).json}}, partial=True)
    assert serializer.is_valid(), serializer.errors
    ${E}.objects.filter(pk=existing.pk).delete()

    with pytest.raises(NotFound):
        EntityViewSet[${E}]().save_or_conflict(serializer)
    assert not ${E}.objects.filter(pk=existing.pk).exists()


`;
}
