"""Settings from environment variables and .env."""

from functools import lru_cache
from typing import Literal, Self

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of the application: environment variables override .env (see .env.example)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", use_attribute_docstrings=True
    )

    app_name: str = "tracker"
    """Name shown in the OpenAPI document and logs."""

    environment: Literal["development", "test", "production"] = "development"
    """development, test or production (production refuses unsafe defaults)."""

    database_url: str = "sqlite+aiosqlite:///./tracker.db"
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

    jwt_secret: SecretStr = SecretStr("development-only-secret-change-me")
    """Key that signs tokens: 32+ random characters (production refuses the default)."""

    access_token_minutes: int = 15
    """Lifetime of access tokens."""

    refresh_token_days: int = 7
    """Lifetime of refresh tokens."""

    login_max_failures: int = 5
    """Failed logins per client and email before logins are refused for a while."""

    login_lockout_seconds: int = 300
    """Window in which failed logins are counted, and how long the lockout lasts."""

    @model_validator(mode="after")
    def _refuse_unsafe_production_settings(self) -> Self:
        if self.environment != "production":
            return self
        problems: list[str] = []
        if (
            self.jwt_secret.get_secret_value() == "development-only-secret-change-me"
            or len(self.jwt_secret.get_secret_value()) < 32
        ):
            problems.append(
                "JWT_SECRET must be set to a random value of 32+ characters in production"
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self


@lru_cache
def get_settings() -> Settings:
    """The settings, read once per process."""
    return Settings()
