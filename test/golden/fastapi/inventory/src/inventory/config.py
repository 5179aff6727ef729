"""Settings from environment variables and .env."""

from functools import lru_cache
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of the application: environment variables override .env (see .env.example)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", use_attribute_docstrings=True
    )

    app_name: str = "inventory"
    """Name shown in the OpenAPI document and logs."""

    environment: Literal["development", "test", "production"] = "development"
    """development, test or production (production refuses unsafe defaults)."""

    database_url: str = "sqlite+aiosqlite:///./inventory.db"
    """SQLAlchemy async URL, e.g. postgresql+asyncpg://user:password@host:5432/db."""

    db_pool_size: int = 5
    """Connections kept open per process; requests queue for them (server databases only)."""

    db_max_overflow: int = 5
    """Extra connections for work outside requests, e.g. CLI commands (server databases only)."""

    cors_origins: list[str] = []
    """Origins allowed by CORS, as a JSON list; empty allows none."""

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    """Lowest level written to the log."""

    log_json: bool = True
    """JSON log lines (true) or human-readable console output (false)."""


@lru_cache
def get_settings() -> Settings:
    """The settings, read once per process."""
    return Settings()
