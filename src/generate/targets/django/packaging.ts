/** Packaging of a Django project: pyproject (uv, ruff, mypy, pytest, coverage, verify profile), Docker, CI, README. */

import type { ProjectModel } from "../../project-model.js";
import { verifyProfileToml } from "../../verify-profile.js";
import { LINE_LENGTH, RUFF_SELECT, RUFF_TEST_IGNORES } from "../fastapi/packaging.js";

/** Django 5.2 LTS: Django 6 needs Python 3.12, and blueprints default to 3.11. */
export const DJANGO_DEPENDENCIES: [string, string][] = [
  ["django", ">=5.2,<5.3"],
  ["djangorestframework", ">=3.18,<4"],
  ["django-filter", ">=26.2"],
  ["drf-spectacular", ">=0.30,<1"],
  ["django-cors-headers", ">=4.9,<5"],
  ["django-stubs-ext", ">=6.1"],
  ["whitenoise", ">=6.12,<7"],
  ["psycopg[binary]", ">=3.3,<4"],
  ["uvicorn[standard]", ">=0.54,<1"],
  ["uvicorn-worker", ">=0.4"],
  ["gunicorn", ">=27"],
];

export const DJANGO_DEV_DEPENDENCIES: [string, string][] = [
  ["pytest", ">=9.2"],
  ["pytest-django", ">=4.14"],
  ["pytest-cov", ">=7.1"],
  ["factory-boy", ">=3.3"],
  ["mypy", ">=2.4"],
  ["django-stubs", ">=6.1"],
  ["djangorestframework-stubs", ">=3.18"],
  ["ruff", ">=0.17"],
];

const list = (deps: Map<string, string>): string =>
  [...deps.entries()].map(([name, spec]) => `    "${name}${spec}",`).join("\n");

export function pyprojectToml(
  model: ProjectModel,
  description: string,
  python: string,
  auth: boolean,
): string {
  const pkg = model.pkg;
  const profile = verifyProfileToml({
    framework: "django",
    serve: ["python", "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1", "--port", "{port}"],
    migrate: ["python", "manage.py", "migrate", "--no-input"],
    checkMigrations: ["python", "manage.py", "makemigrations", "--check", "--dry-run"],
    createAdmin: auth ? ["python", "manage.py", "create_admin", "{email}"] : undefined,
    drivers: { sqlite: "sqlite", postgresql: "postgresql" },
  });
  return `[project]
name = "${model.name}"
version = "0.1.0"
description = "${description.replace(/"/g, '\\"')}"
readme = "README.md"
requires-python = ">=${python}"
dependencies = [
${list(model.dependencies)}
]

[dependency-groups]
dev = [
${list(model.devDependencies)}
]

# A Django project, run from its directory (manage.py, config/): nothing to build or install.
[tool.uv]
package = false

[tool.ruff]
line-length = ${LINE_LENGTH}
target-version = "py${python.replace(".", "")}"

[tool.ruff.lint]
select = [${RUFF_SELECT.map((r) => `"${r}"`).join(", ")}]

[tool.ruff.lint.per-file-ignores]
"tests/**" = [${RUFF_TEST_IGNORES.map((r) => `"${r}"`).join(", ")}]

[tool.ruff.lint.isort]
known-first-party = ["${pkg}", "config", "tests"]

[tool.mypy]
strict = true
python_version = "${python}"
plugins = ["mypy_django_plugin.main", "mypy_drf_plugin.main"]
files = ["${pkg}", "config", "tests", "manage.py"]

[tool.django-stubs]
django_settings_module = "config.settings.test"

# django-filter ships no type hints: its classes are Any to mypy.
[[tool.mypy.overrides]]
module = ["django_filters", "django_filters.*"]
ignore_missing_imports = true

[[tool.mypy.overrides]]
module = ["${pkg}.core.filters", "${pkg}.*.filters"]
disallow_subclassing_any = false

# factory_boy's declarations (SubFactory, LazyFunction, ...) and drf-spectacular's extension base
# class have no type hints.
[[tool.mypy.overrides]]
module = ["tests.factories", "${pkg}.users.schema"]
disallow_untyped_calls = false

[tool.pytest.ini_options]
DJANGO_SETTINGS_MODULE = "config.settings.test"
testpaths = ["tests"]
addopts = "--strict-markers --strict-config"
filterwarnings = ["error"]

[tool.coverage.run]
source_pkgs = ["${pkg}"]
branch = true
omit = ["*/migrations/*"]

[tool.coverage.report]
fail_under = 90
show_missing = true
skip_covered = true
exclude_also = ["if TYPE_CHECKING:", 'if __name__ == "__main__":']

${profile}
`;
}

export function envExample(name: string, auth: boolean): string {
  const jwt = auth
    ? `
# Key that signs tokens: 32+ random characters (production refuses the default).
JWT_SECRET=change-me-to-a-long-random-string-of-32-or-more-characters

# Lifetime of access tokens, in minutes, and of refresh tokens, in days.
ACCESS_TOKEN_MINUTES=15
REFRESH_TOKEN_DAYS=7

# Failed logins per client and email before logins are refused, and for how long (seconds).
LOGIN_MAX_FAILURES=5
LOGIN_LOCKOUT_SECONDS=300
`
    : "";
  return `# Environment variables the settings read (config/settings/). Every one is optional in development.
# Load them with \`uv run --env-file .env ...\` or your process manager.

# config.settings.local (default), config.settings.production or config.settings.test.
DJANGO_SETTINGS_MODULE=config.settings.local

# 50+ random characters in production (production refuses the development default).
DJANGO_SECRET_KEY=change-me-to-a-long-random-string-of-50-or-more-characters-for-production

# Host names this server answers to, comma-separated.
DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1

# sqlite:///path (embedded) or postgresql://user:password@host:5432/name.
DATABASE_URL=sqlite:///./${name}.db

# Origins allowed by CORS, as a JSON list; empty allows none.
CORS_ORIGINS=["http://localhost:3000"]

# Lowest level written to the log.
LOG_LEVEL=INFO
${jwt}`;
}

export function dockerfile(python: string): string {
  return `# syntax=docker/dockerfile:1
# Build stage: resolve and install dependencies with uv into /app/.venv, collect static files.
FROM python:${python}-slim AS build
COPY --from=ghcr.io/astral-sh/uv:0.13 /uv /bin/uv
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
WORKDIR /app
COPY pyproject.toml README.md ./
RUN uv sync --no-dev
COPY . .
# Static files with the production storage (hashed, compressed names). The throwaway keys only satisfy the
# production settings' checks; they live in this build step, not in the image.
RUN DJANGO_SETTINGS_MODULE=config.settings.production \\
    DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \\
    JWT_SECRET="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')" \\
    .venv/bin/python manage.py collectstatic --no-input

# Runtime stage: the virtual environment and the code, run as an unprivileged user.
FROM python:${python}-slim
RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY --from=build --chown=app:app /app /app
ENV PATH="/app/.venv/bin:$PATH" PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/live')"]
CMD ["sh", "-c", "python manage.py migrate --no-input && exec gunicorn config.asgi:application --worker-class uvicorn_worker.UvicornWorker --workers 2 --bind 0.0.0.0:8000"]
`;
}

export const DOCKERIGNORE = `.venv
.git
.env
*.db
.coverage
.mypy_cache
.pytest_cache
.ruff_cache
staticfiles
tests
`;

export const GITIGNORE = `__pycache__/
*.py[cod]
.venv/
.env
*.db
.coverage
htmlcov/
staticfiles/
.mypy_cache/
.pytest_cache/
.ruff_cache/
.python-specialist/
`;

export function composeYaml(name: string, auth: boolean): string {
  const jwt = auth
    ? `\n      JWT_SECRET: \${JWT_SECRET:?set JWT_SECRET to a random string of 32+ characters}`
    : "";
  return `services:
  app:
    build: .
    ports:
      - "8000:8000"
    environment:
      DATABASE_URL: postgresql://${name}:${name}@db:5432/${name}
      DJANGO_SECRET_KEY: \${DJANGO_SECRET_KEY:?set DJANGO_SECRET_KEY to a random string of 50+ characters}${jwt}
      # Behind no TLS-terminating proxy locally; set to true (the default) in real deployments.
      DJANGO_SECURE_SSL_REDIRECT: "false"
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
          POSTGRES_DB: ${name}
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
        run: uv run python manage.py migrate --no-input && uv run python manage.py makemigrations --check --dry-run
        env:
          DATABASE_URL: sqlite:///./ci.db
      - name: Tests on SQLite
        run: uv run pytest --cov
      - name: Tests on PostgreSQL
        run: uv run pytest --cov
        env:
          DATABASE_URL: postgresql://${name}:${name}@localhost:5432/${name}
`;
}

export function readme(model: ProjectModel, description: string, apps: readonly string[]): string {
  const sections = model.readme.map((s) => `\n## ${s.title}\n\n${s.body}\n`).join("");
  return `# ${model.name}

\`\`\`
uv run python manage.py migrate && uv run python -m uvicorn config.asgi:application --reload   # run: http://127.0.0.1:8000/docs
uv run pytest                                                                               # test
\`\`\`
${description ? `\n${description}\n` : ""}
Generated by python-specialist: Django 5.2 LTS, Django REST framework, django-filter, drf-spectacular, simplejwt; pytest-django and factory_boy; uv, ruff and mypy --strict (django-stubs).

## Layout

- \`config/\`: settings per environment (\`base\`, \`local\`, \`production\`, \`test\`) read from environment variables (see \`.env.example\`), URLs, ASGI and WSGI.
- One Django app per domain (${apps.map((a) => `\`${a}\``).join(", ")}) under \`${model.pkg}/\`, each with \`models.py\`, \`serializers.py\`, \`filters.py\`, \`views.py\` (a DRF viewset), \`admin.py\` and its migrations.
- \`${model.pkg}/users/\`: the custom user model (email login, roles), from the first migration.
- \`${model.pkg}/core/\`: the JSON error shape, offset and cursor pagination, strict query filters, the base viewset, health probes (\`/health/live\`, \`/health/ready\`), the audit log signals and the admin's CSV export.
- The OpenAPI document is served at \`/openapi.json\` (Swagger UI at \`/docs\`), the admin site at \`/admin/\`.

## Tests

\`uv run pytest\` runs on SQLite. To run the same suite on PostgreSQL, point \`DATABASE_URL\` at a server where the user may create databases (pytest-django creates and drops \`test_<name>\`):

\`\`\`
DATABASE_URL=postgresql://user:password@localhost:5432/${model.name} uv run pytest
\`\`\`

Checks: \`uv run ruff check . && uv run ruff format --check . && uv run mypy && uv run python manage.py makemigrations --check --dry-run\`.
${sections}
## Deployment

\`docker compose up --build\` runs the app with PostgreSQL (set \`DJANGO_SECRET_KEY\` first). The image is multi-stage, runs as a non-root user with the production settings (\`manage.py check --deploy\` clean), applies migrations on start and serves with gunicorn and uvicorn workers.
`;
}
