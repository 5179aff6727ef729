/**
 * The Django project package `config/`: settings split by environment (base, local, production, test) that
 * read environment variables, the URL configuration, ASGI/WSGI entry points, and `manage.py`.
 */
import type { ResolvedProject } from "../../../blueprint/resolve.js";
import type { ProjectModel } from "../../project-model.js";
import { Imports } from "../../python/imports.js";
import { pyStr, pyText } from "../../python/literal.js";
import type { DjangoApp } from "./apps.js";

/** Development-only secrets: production settings refuse them. */
export const DEV_SECRET_KEY = "development-only-secret-key-change-me";
export const DEV_JWT_SECRET = "development-only-secret-change-me";

export function contributeSettings(
  model: ProjectModel,
  project: ResolvedProject,
  apps: readonly DjangoApp[],
): void {
  const description = project.blueprint.description || `${model.name} API`;
  model.tree.add("manage.py", MANAGE_PY);
  model.tree.add("config/__init__.py", CONFIG_INIT);
  model.tree.add("config/env.py", ENV_MODULE);
  model.tree.add(
    "config/settings/__init__.py",
    `"""Settings per environment; base holds what they share."""\n`,
  );
  model.tree.add("config/settings/base.py", baseSettings(model, project, apps, description));
  model.tree.add("config/settings/local.py", LOCAL_SETTINGS);
  model.tree.add("config/settings/production.py", productionSettings(project.auth));
  model.tree.add("config/settings/test.py", TEST_SETTINGS);
  model.tree.add("config/urls.py", urlsModule(model.pkg, project, apps));
  model.tree.add("config/asgi.py", ASGI_MODULE);
  model.tree.add("config/wsgi.py", WSGI_MODULE);
}

const CONFIG_INIT = `"""Django project configuration: settings, URLs, ASGI and WSGI."""

import django_stubs_ext

# Lets Django's admin classes be subscripted (ModelAdmin[Post]) as their type stubs are.
django_stubs_ext.monkeypatch()
`;

const MANAGE_PY = `"""Django's command line for this project: migrate, create_admin, makemigrations, ..."""

import os
import sys


def main() -> None:
    """Run a management command; local settings unless DJANGO_SETTINGS_MODULE says otherwise."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
`;

const ENV_MODULE = `"""Typed reads of environment variables, and DATABASE_URL as an entry of Django's DATABASES."""

import json
import os
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str) -> str:
    """A string variable."""
    return os.environ.get(name, default)


def env_int(name: str, default: int) -> int:
    """An integer variable; anything else is a configuration error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        msg = f"{name} must be an integer, not {raw!r}"
        raise ImproperlyConfigured(msg) from exc


def env_bool(name: str, *, default: bool) -> bool:
    """A boolean variable: 1, true, yes or on (any case) are true."""
    raw = os.environ.get(name)
    return default if raw is None else raw.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    """A list variable: a JSON array (["a", "b"]) or comma-separated text."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.lstrip().startswith("["):
        items = json.loads(raw)
        if not isinstance(items, list):
            msg = f"{name} must be a JSON array or comma-separated text"
            raise ImproperlyConfigured(msg)
        return [str(item) for item in items]
    return [item.strip() for item in raw.split(",") if item.strip()]


def require_secret(name: str, value: str, *, development: str, min_length: int) -> None:
    """Refuse a development default or a short secret (production settings call this)."""
    if value == development or len(value) < min_length:
        msg = f"{name} must be set to a random value of {min_length}+ characters in production"
        raise ImproperlyConfigured(msg)


def database_from_url(url: str) -> dict[str, Any]:
    """sqlite:///path or postgresql://user:password@host:port/name (a +driver suffix is ignored)."""
    parts = urlsplit(url)
    scheme = parts.scheme.split("+", 1)[0]
    if scheme == "sqlite":
        path = url.split(":///", 1)[1] if ":///" in url else ""
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(path) or ":memory:"}
    if scheme in {"postgresql", "postgres"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    msg = f"DATABASE_URL must start with sqlite:// or postgresql://, not {scheme}://"
    raise ImproperlyConfigured(msg)
`;

function baseSettings(
  model: ProjectModel,
  project: ResolvedProject,
  apps: readonly DjangoApp[],
  description: string,
): string {
  const { pkg } = model;
  const auth = project.auth;
  const ownApps = apps.map((app) => `    ${pyStr(app.config)},`).join("\n");
  const authentication = auth ? `("${pkg}.users.authentication.BearerAuthentication",)` : "()";
  const permission = auth ? "IsAuthenticated" : "AllowAny";
  const jwt = auth
    ? `
DEVELOPMENT_JWT_SECRET = ${pyStr(DEV_JWT_SECRET)}  # noqa: S105 - refused by production
JWT_SECRET = env_str("JWT_SECRET", DEVELOPMENT_JWT_SECRET)
SIMPLE_JWT = {
    # One algorithm, fixed here: tokens can never choose how they are checked.
    "ALGORITHM": "HS256",
    "SIGNING_KEY": JWT_SECRET,
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("ACCESS_TOKEN_MINUTES", ${project.blueprint.auth.access_token_minutes})),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("REFRESH_TOKEN_DAYS", ${project.blueprint.auth.refresh_token_days})),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "UPDATE_LAST_LOGIN": False,
}
# Failed logins per client and email before logins are refused for LOGIN_LOCKOUT_SECONDS.
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 300)
`
    : "";
  return `"""Settings every environment shares; what differs between machines comes from the environment."""
${auth ? "\nfrom datetime import timedelta" : ""}
from pathlib import Path

from config.env import database_from_url, ${auth ? "env_int, " : ""}env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEVELOPMENT_SECRET_KEY = ${pyStr(DEV_SECRET_KEY)}  # noqa: S105 - refused by production
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
${ownApps}
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "${pkg}.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# sqlite:///path (embedded, the default) or postgresql://user:password@host:5432/name.
DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / '${model.name}.db'}"))
}
# 32-bit ids, as every target of this API uses.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_USER_MODEL = "users.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Origins allowed by CORS (a JSON array or comma-separated); empty allows none.
CORS_ALLOWED_ORIGINS = env_list("CORS_ORIGINS", [])
CORS_ALLOW_CREDENTIALS = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ${authentication},
    "DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.${permission}",),
    "DEFAULT_FILTER_BACKENDS": ("${pkg}.core.filters.StrictFilterBackend",),
    "DEFAULT_RENDERER_CLASSES": ("rest_framework.renderers.JSONRenderer",),
    "DEFAULT_PARSER_CLASSES": ("rest_framework.parsers.JSONParser",),
    "DEFAULT_SCHEMA_CLASS": "${pkg}.core.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "${pkg}.core.errors.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": ${pyStr(model.name)},
    "DESCRIPTION": ${pyText(description, 4)},
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    # Separate request and response components: read-only fields are never asked for.
    "COMPONENT_SPLIT_REQUEST": True,
}
${jwt}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
`;
}

const LOCAL_SETTINGS = `"""Local development and \`verify\`: development secrets allowed, static files served as they are."""

from config.env import env_bool
from config.settings.base import *  # noqa: F403

# Off by default, so errors keep the API's JSON shape; DJANGO_DEBUG=true shows Django's debug pages.
DEBUG = env_bool("DJANGO_DEBUG", default=False)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
`;

function productionSettings(auth: boolean): string {
  const jwtNames = auth
    ? "DEVELOPMENT_JWT_SECRET, DEVELOPMENT_SECRET_KEY, JWT_SECRET, "
    : "DEVELOPMENT_SECRET_KEY, ";
  const jwtCheck = auth
    ? `\nrequire_secret("JWT_SECRET", JWT_SECRET, development=DEVELOPMENT_JWT_SECRET, min_length=32)`
    : "";
  return `"""Production: secrets only from the environment (development ones refused), HTTPS, safe cookies."""

from config.env import env_bool, env_int, require_secret
from config.settings.base import *  # noqa: F403
from config.settings.base import ${jwtNames}SECRET_KEY

DEBUG = False

require_secret("DJANGO_SECRET_KEY", SECRET_KEY, development=DEVELOPMENT_SECRET_KEY, min_length=50)${jwtCheck}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Probes come over plain HTTP from inside the container network.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
`;
}

const TEST_SETTINGS = `"""Tests: fast password hashing (tests do not need argon2's cost) and no collected static files."""

from config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_AUTOREFRESH = True
`;

function urlsModule(pkg: string, project: ResolvedProject, apps: readonly DjangoApp[]): string {
  const entityApps = apps.filter((a) => a.viewset);
  const imports = new Imports().add(
    "django.contrib:admin",
    "django.urls:path",
    "drf_spectacular.views:SpectacularJSONAPIView",
    "drf_spectacular.views:SpectacularSwaggerView",
    "rest_framework.routers:SimpleRouter",
    `${pkg}.core.health:LiveView`,
    `${pkg}.core.health:ReadyView`,
    ...entityApps.map((a) => `${a.module}.views:${a.viewset}`),
  );
  if (project.auth) imports.add("django.urls:include");
  const registrations = entityApps
    .map((a) => `router.register(${pyStr(a.route)}, ${a.viewset}, basename=${pyStr(a.basename)})`)
    .join("\n");
  const authRoute = project.auth ? `\n    path("auth/", include("${pkg}.users.urls")),` : "";
  return `"""URL configuration: the API routes (no trailing slashes), health probes, OpenAPI and the admin."""

${imports.render([pkg])}

router = SimpleRouter(trailing_slash=False)
${registrations}

urlpatterns = [
    path("admin/", admin.site.urls),${authRoute}
    path("health/live", LiveView.as_view(), name="health-live"),
    path("health/ready", ReadyView.as_view(), name="health-ready"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="docs"),
    *router.urls,
]

handler404 = "${pkg}.core.errors.not_found"
handler500 = "${pkg}.core.errors.server_error"
`;
}

const ASGI_MODULE = `"""ASGI entry point: \`uvicorn config.asgi:application\` (gunicorn + uvicorn workers in Docker)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

application = get_asgi_application()
`;

const WSGI_MODULE = `"""WSGI entry point, for servers without ASGI."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

application = get_wsgi_application()
`;
