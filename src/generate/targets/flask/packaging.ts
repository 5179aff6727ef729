/**
 * Project files around the code of a Flask project: pyproject (with the verification profile), Flask-Migrate's
 * migrations folder, Docker (gunicorn), compose, CI and README. Lint rules are the FastAPI target's.
 */

import type { ProjectModel } from "../../project-model.js";
import { verifyProfileToml } from "../../verify-profile.js";
import { LINE_LENGTH, RUFF_SELECT, RUFF_TEST_IGNORES } from "../fastapi/packaging.js";

export const FLASK_DEV_DEPENDENCIES: [string, string][] = [
  ["pytest", ">=9.2"],
  ["pytest-cov", ">=7.1"],
  ["mypy", ">=2.4"],
  ["ruff", ">=0.17"],
  ["types-flask-cors", ">=6.0"],
  ["openapi-spec-validator", ">=0.9"],
];

const toml = (items: readonly string[]): string => `[${items.map((i) => `"${i}"`).join(", ")}]`;

/** `[tool.python-specialist]`: how `verify` installs, migrates, serves and fuzzes the project. */
function verifyProfile(pkg: string, auth: boolean): string {
  const flask = ["flask", "--app", `${pkg}.app`];
  return verifyProfileToml({
    framework: "flask",
    serve: ["python", "-m", "gunicorn", "--bind", "127.0.0.1:{port}", `${pkg}.app:create_app()`],
    migrate: [...flask, "db", "upgrade"],
    checkMigrations: [...flask, "db", "check"],
    createAdmin: auth ? [...flask, "create-admin", "{email}"] : undefined,
    drivers: { sqlite: "sqlite", postgresql: "postgresql+psycopg" },
  });
}

export function flaskPyprojectToml(
  model: ProjectModel,
  description: string,
  python: string,
  auth: boolean,
): string {
  const deps = [...model.dependencies].map(([name, spec]) => `    "${name}${spec}",`).join("\n");
  const dev = [...model.devDependencies].map(([name, spec]) => `    "${name}${spec}",`).join("\n");
  const py = python.replace(".", "");
  return `[project]
name = "${model.name.replace(/_/g, "-")}"
version = "0.1.0"
description = "${description.replace(/"/g, '\\"')}"
readme = "README.md"
requires-python = ">=${python}"
dependencies = [
${deps}
]

[dependency-groups]
dev = [
${dev}
]

[build-system]
requires = ["uv_build>=0.13,<0.14"]
build-backend = "uv_build"

[tool.uv.build-backend]
module-name = "${model.pkg}"

${verifyProfile(model.pkg, auth)}

[tool.ruff]
line-length = ${LINE_LENGTH}
target-version = "py${py}"

[tool.ruff.lint]
select = ${toml(RUFF_SELECT)}

[tool.ruff.lint.per-file-ignores]
"tests/**" = ${toml(RUFF_TEST_IGNORES)}

[tool.ruff.lint.isort]
known-first-party = ["${model.pkg}", "tests"]

[tool.mypy]
strict = true
python_version = "${python}"
plugins = ["pydantic.mypy"]
files = ["src", "tests", "migrations"]
explicit_package_bases = true
mypy_path = "src"

# Flask-Migrate ships no type information; the app only calls Migrate().init_app.
[[tool.mypy.overrides]]
module = ["flask_migrate"]
ignore_missing_imports = true

[tool.pydantic-mypy]
init_forbid_extra = true
init_typed = true
warn_required_dynamic_aliases = true

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "--strict-markers --strict-config"
filterwarnings = ["error"]

[tool.coverage.run]
source_pkgs = ["${model.pkg}"]
branch = true

[tool.coverage.report]
fail_under = 90
show_missing = true
skip_covered = true
exclude_also = ["if TYPE_CHECKING:", 'if __name__ == "__main__":']
`;
}

export function flaskAlembicIni(): string {
  return `# Alembic, run through Flask-Migrate (\`flask db …\`): the database URL comes from the app's settings.
[alembic]
file_template = %%(rev)s_%%(slug)s

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console
qualname =

[logger_sqlalchemy]
level = WARNING
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
`;
}

export function flaskMigrationsEnv(pkg: string): string {
  return `"""Alembic environment, run by Flask-Migrate inside the app: its engine, every model's metadata."""

from logging.config import fileConfig

from alembic import context

from ${pkg}.db import db
from ${pkg}.models import metadata as target_metadata

if context.config.config_file_name is not None:
    fileConfig(context.config.config_file_name)


def run_migrations_offline() -> None:
    """Emit SQL without a database connection (flask db upgrade --sql)."""
    context.configure(
        url=db.engine.url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a connection of the app's database."""
    with db.engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;
}

export function flaskDockerfile(pkg: string, python: string): string {
  return `# syntax=docker/dockerfile:1
# Build stage: resolve and install dependencies with uv into /app/.venv.
FROM python:${python}-slim AS build
COPY --from=ghcr.io/astral-sh/uv:0.13 /uv /bin/uv
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN uv sync --no-dev --no-editable

# Runtime stage: only the virtual environment and the migrations, run as an unprivileged user.
FROM python:${python}-slim
RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY --from=build --chown=app:app /app/.venv /app/.venv
COPY --chown=app:app migrations ./migrations
ENV PATH="/app/.venv/bin:$PATH" PYTHONUNBUFFERED=1 ENVIRONMENT=production
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/live')"]
CMD ["sh", "-c", "flask --app ${pkg}.app db upgrade && exec gunicorn --bind 0.0.0.0:8000 --workers 4 --forwarded-allow-ips '*' '${pkg}.app:create_app()'"]
`;
}

export function flaskComposeYaml(name: string, auth: boolean): string {
  const secret = auth
    ? "\n      JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET to a random string of 32+ characters}"
    : "";
  return `services:
  app:
    build: .
    ports:
      - "8000:8000"
    environment:
      DATABASE_URL: postgresql+psycopg://${name}:${name}@db:5432/${name}${secret}
    depends_on:
      db:
        condition: service_healthy

  db:
    image: postgres:17
    environment:
      POSTGRES_USER: ${name}
      POSTGRES_PASSWORD: ${name}
      POSTGRES_DB: ${name}
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U ${name}"]
      interval: 5s
      timeout: 3s
      retries: 10

volumes:
  db-data:
`;
}

export function flaskCiWorkflow(name: string, pkg: string): string {
  return `name: ci

on:
  push:
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:17
        env:
          POSTGRES_USER: ${name}
          POSTGRES_PASSWORD: ${name}
          POSTGRES_DB: ${name}_test
        ports:
          - 5432:5432
        options: >-
          --health-cmd "pg_isready -U ${name}" --health-interval 5s --health-timeout 3s --health-retries 10
    steps:
      - uses: actions/checkout@v4
      - uses: astral-sh/setup-uv@v6
      - run: uv sync
      - run: uv run ruff check .
      - run: uv run ruff format --check .
      - run: uv run mypy
      - name: Migrations apply and match the models
        run: uv run flask --app ${pkg}.app db upgrade && uv run flask --app ${pkg}.app db check
        env:
          DATABASE_URL: sqlite:///./ci.db
      - name: Tests on SQLite
        run: uv run pytest --cov
      - name: Tests on PostgreSQL
        run: uv run pytest --cov
        env:
          DATABASE_URL: postgresql+psycopg://${name}:${name}@localhost:5432/${name}_test
`;
}

export function flaskReadme(model: ProjectModel, description: string, entities: readonly string[]): string {
  const { pkg } = model;
  const sections = model.readme.map((s) => `## ${s.title}\n\n${s.body}\n`).join("\n");
  return `# ${model.name}

\`\`\`
uv run flask --app ${pkg}.app db upgrade && uv run flask --app ${pkg}.app run --debug   # run: http://127.0.0.1:5000/openapi.json
uv run pytest                                                                        # test
\`\`\`

${description || "A Flask service."}

Generated by python-specialist: Flask 3 (app factory, one blueprint per domain), Flask-SQLAlchemy with typed SQLAlchemy 2 models, Flask-Migrate, Pydantic v2 validation, structlog; uv, ruff and mypy --strict.

## Layout

- \`src/${pkg}/app.py\` builds the app (\`create_app\`); \`config.py\` reads settings from the environment and \`.env\` (see \`.env.example\`).
- One package per domain (${entities.map((e) => `\`${e}\``).join(", ")}), each with \`models.py\`, \`schemas.py\` (Pydantic), \`service.py\` (business logic, keyword-only functions) and \`routes.py\` (its blueprint).
- \`db.py\` (Flask-SQLAlchemy, naming convention), \`api.py\` (request parsing, JSON responses, documented routes), \`openapi.py\` (\`/openapi.json\`, from the same Pydantic models), \`errors.py\` (one JSON error shape), \`request_id.py\`, \`logging.py\` (structlog JSON), \`pagination.py\`, \`health.py\` (\`/health/live\`, \`/health/ready\`).
- \`migrations/\`: Alembic through Flask-Migrate. After changing models: \`uv run flask --app ${pkg}.app db migrate -m "what changed"\`.

Pydantic validates requests and serializes responses: the same models describe the OpenAPI document, so the document cannot drift from what the API accepts and returns.

## Tests

\`uv run pytest\` runs on a temporary SQLite database per test, with Flask's test client. To run the same suite on PostgreSQL, point \`DATABASE_URL\` at a database used only for tests (the suite creates and drops its tables):

\`\`\`
DATABASE_URL=postgresql+psycopg://user:password@localhost:5432/${pkg}_test uv run pytest
\`\`\`

Checks: \`uv run ruff check . && uv run ruff format --check . && uv run mypy && uv run flask --app ${pkg}.app db check\`.

${sections}
## Deployment

\`docker compose up --build\` runs the app with PostgreSQL${model.settings.some((x) => x.name === "jwt_secret") ? " (set `JWT_SECRET` first)" : ""}. The image is multi-stage, runs as a non-root user, applies migrations on start and serves with gunicorn (sync workers).
`;
}
