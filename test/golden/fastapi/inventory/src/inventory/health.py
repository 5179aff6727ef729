"""Liveness and readiness probes."""

from typing import Literal

from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from inventory.db import SessionDep
from inventory.errors import AppError
from inventory.routing import PrefixRouter

router = PrefixRouter(prefix="/health", tags=["health"])


class HealthStatus(BaseModel):
    """Probe result."""

    status: Literal["ok"]


class DatabaseUnavailableError(AppError):
    """The database did not answer the readiness probe."""

    status_code = 503
    code = "database_unavailable"


@router.get("/live")
async def live() -> HealthStatus:
    """The process is up."""
    return HealthStatus(status="ok")


@router.get("/ready", responses={503: {"description": "Database unavailable"}})
async def ready(session: SessionDep) -> HealthStatus:
    """The process can serve requests: the database answers."""
    try:
        await session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        msg = "The database is not reachable."
        raise DatabaseUnavailableError(msg) from exc
    return HealthStatus(status="ok")
