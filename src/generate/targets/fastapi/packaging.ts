/** Project files around the code: pyproject, env example, Alembic, Docker, compose, CI, README, ignores. */

import type { ProjectModel } from "../../project-model.js";
import { verifyProfileToml } from "../../verify-profile.js";

export const DEV_DEPENDENCIES: [string, string][] = [
  ["pytest", ">=9.2"],
  ["pytest-asyncio", ">=1.5"],
  ["pytest-cov", ">=7.1"],
  ["httpx", ">=0.28"],
  ["mypy", ">=2.4"],
  ["ruff", ">=0.17"],
];

/** Lint rules of generated projects; the format step checks generated code against the same set. */
export const RUFF_SELECT = [
  "E",
  "W",
  "F",
  "I",
  "N",
  "UP",
  "B",
  "ASYNC",
  "S",
  "ANN",
  "SIM",
  "RUF",
  "C4",
  "PT",
  "RET",
  "TID",
];
export const RUFF_TEST_IGNORES = ["S101", "S105", "S106"];
export const LINE_LENGTH = 100;

/** How `python-specialist verify` serves, migrates and administers the project. */
function verifyProfile(model: ProjectModel): string {
  return verifyProfileToml({
    framework: "fastapi",
    serve: ["python", "-m", "uvicorn", `${model.pkg}.main:app`, "--host", "127.0.0.1", "--port", "{port}"],
    migrate: ["alembic", "upgrade", "head"],
    checkMigrations: ["alembic", "check"],
    createAdmin: model.adminCommand,
    drivers: { sqlite: "sqlite+aiosqlite", postgresql: "postgresql+asyncpg" },
  });
}

export function pyprojectToml(model: ProjectModel, description: string, python: string): string {
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

${verifyProfile(model)}

[tool.ruff]
line-length = ${LINE_LENGTH}
target-version = "py${py}"

[tool.ruff.lint]
select = [${RUFF_SELECT.map((r) => `"${r}"`).join(", ")}]

[tool.ruff.lint.per-file-ignores]
"tests/**" = [${RUFF_TEST_IGNORES.map((r) => `"${r}"`).join(", ")}]

[tool.ruff.lint.isort]
known-first-party = ["${model.pkg}", "tests"]

[tool.mypy]
strict = true
python_version = "${python}"
plugins = ["pydantic.mypy"]
files = ["src", "tests", "migrations"]
explicit_package_bases = true
mypy_path = "src"

[tool.pydantic-mypy]
init_forbid_extra = true
init_typed = true
warn_required_dynamic_aliases = true

[tool.pytest.ini_options]
testpaths = ["tests"]
asyncio_mode = "auto"
asyncio_default_fixture_loop_scope = "function"
addopts = "--strict-markers --strict-config"
filterwarnings = ["error"]

[tool.coverage.run]
source_pkgs = ["${model.pkg}"]
branch = true
# SQLAlchemy's async layer runs code in greenlets: without this, lines after an await go unseen.
concurrency = ["thread", "greenlet"]

[tool.coverage.report]
fail_under = 90
show_missing = true
skip_covered = true
exclude_also = ["if TYPE_CHECKING:", 'if __name__ == "__main__":']
`;
}

export function envExample(model: ProjectModel): string {
  const lines = ["# Copy to .env and adjust. Every variable is optional in development.", ""];
  for (const setting of model.settings) {
    lines.push(`# ${setting.doc}`, `${setting.name.toUpperCase()}=${setting.example}`, "");
  }
  return lines.join("\n");
}

export function alembicIni(): string {
  return `# Alembic reads the database URL from the application settings (DATABASE_URL), not from here.
[alembic]
script_location = %(here)s/migrations
prepend_sys_path = src
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

export function migrationsEnv(pkg: string): string {
  return `"""Alembic environment: async engine, URL and metadata from the application."""

import asyncio
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from ${pkg}.config import get_settings
from ${pkg}.models import metadata as target_metadata

if context.config.config_file_name is not None:
    fileConfig(context.config.config_file_name)


def run_migrations_offline() -> None:
    """Emit SQL without a database connection (alembic upgrade --sql)."""
    context.configure(
        url=get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_migrations_online() -> None:
    """Run the migrations on a connection of the configured database."""
    engine = create_async_engine(get_settings().database_url, poolclass=NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())
`;
}

export const SCRIPT_MAKO = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
\${imports if imports else ""}
revision: str = \${repr(up_revision)}
down_revision: str | None = \${repr(down_revision)}
branch_labels: str | Sequence[str] | None = \${repr(branch_labels)}
depends_on: str | Sequence[str] | None = \${repr(depends_on)}


def upgrade() -> None:
    """Apply this revision."""
    \${upgrades if upgrades else "op.execute('SELECT 1')"}


def downgrade() -> None:
    """Revert this revision."""
    \${downgrades if downgrades else "op.execute('SELECT 1')"}
`;

export function dockerfile(pkg: string, python: string): string {
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
COPY --chown=app:app alembic.ini ./
COPY --chown=app:app migrations ./migrations
ENV PATH="/app/.venv/bin:$PATH" PYTHONUNBUFFERED=1 ENVIRONMENT=production
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/live')"]
CMD ["sh", "-c", "alembic upgrade head && exec uvicorn ${pkg}.main:app --host 0.0.0.0 --port 8000 --proxy-headers --loop uvloop --http httptools"]
`;
}

export function composeYaml(name: string, auth: boolean): string {
  const secret = auth
    ? "\n      JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET to a random string of 32+ characters}"
    : "";
  return `services:
  app:
    build: .
    ports:
      - "8000:8000"
    environment:
      DATABASE_URL: postgresql+asyncpg://${name}:${name}@db:5432/${name}${secret}
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

export function ciWorkflow(name: string): string {
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
        run: uv run alembic upgrade head && uv run alembic check
        env:
          DATABASE_URL: sqlite+aiosqlite:///./ci.db
      - name: Tests on SQLite
        run: uv run pytest --cov
      - name: Tests on PostgreSQL
        run: uv run pytest --cov
        env:
          DATABASE_URL: postgresql+asyncpg://${name}:${name}@localhost:5432/${name}_test
`;
}

export const GITIGNORE = `__pycache__/
*.py[cod]
.venv/
.env
*.db
.coverage
htmlcov/
.mypy_cache/
.pytest_cache/
.ruff_cache/
.python-specialist/
`;

export const DOCKERIGNORE = `.venv
.git
.env
*.db
.coverage
.mypy_cache
.pytest_cache
.ruff_cache
tests
`;

export function readme(model: ProjectModel, description: string, entities: readonly string[]): string {
  const sections = model.readme.map((s) => `## ${s.title}\n\n${s.body}\n`).join("\n");
  return `# ${model.name}

\`\`\`
uv run alembic upgrade head && uv run uvicorn ${model.pkg}.main:app --reload   # run: http://127.0.0.1:8000/docs
uv run pytest                                                                      # test
\`\`\`

${description || "A FastAPI service."}

Generated by python-specialist: FastAPI, async SQLAlchemy 2, Alembic, Pydantic v2, structlog; uv, ruff and mypy --strict.

## Layout

- \`src/${model.pkg}/main.py\` builds the app; \`config.py\` reads settings from the environment and \`.env\` (see \`.env.example\`).
- One package per domain (${entities.map((e) => `\`${e}\``).join(", ")}), each with \`models.py\`, \`schemas.py\`, \`service.py\` (business logic, keyword-only functions: reads select rows as JSON and run on the driver, as do creates of rows without many-to-many links; other changes use an ORM session) and \`router.py\` (HTTP).
- \`db.py\` (engine, write sessions, read connections, naming convention), \`statements.py\` and \`json_rows.py\` (reads and one-row inserts compiled once and run on the driver, rows as JSON built by the database), \`routing.py\` (routers that skip paths outside their prefix), \`errors.py\` (exception hierarchy, one JSON error shape), \`middleware.py\` (request ids), \`logging.py\` (structlog JSON), \`pagination.py\`, \`health.py\` (\`/health/live\`, \`/health/ready\`).
- \`migrations/\`: Alembic. After changing models: \`uv run alembic revision --autogenerate -m "what changed"\`.

## Tests

\`uv run pytest\` runs on a temporary SQLite database per test. To run the same suite on PostgreSQL, point \`DATABASE_URL\` at a database used only for tests (the suite creates and drops its tables):

\`\`\`
DATABASE_URL=postgresql+asyncpg://user:password@localhost:5432/${model.pkg}_test uv run pytest
\`\`\`

Checks: \`uv run ruff check . && uv run ruff format --check . && uv run mypy && uv run alembic check\`.

${sections}
## Deployment

\`docker compose up --build\` runs the app with PostgreSQL${model.settings.some((x) => x.name === "jwt_secret") ? " (set `JWT_SECRET` first)" : ""}. The image is multi-stage, runs as a non-root user, applies migrations on start and serves with uvicorn (uvloop, httptools).
`;
}
