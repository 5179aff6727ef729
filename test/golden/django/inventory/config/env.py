"""Typed reads of environment variables, and DATABASE_URL as an entry of Django's DATABASES."""

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
