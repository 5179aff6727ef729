"""Liveness and readiness probes."""

from typing import Literal

from flask import Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from shop.api import ApiBlueprint, json_response
from shop.db import db
from shop.errors import AppError

blueprint = ApiBlueprint("health", __name__, url_prefix="/health")


class HealthStatus(BaseModel):
    """Probe result."""

    status: Literal["ok"]


class DatabaseUnavailableError(AppError):
    """The database did not answer the readiness probe."""

    status_code = 503
    code = "database_unavailable"


@blueprint.operation("GET", "/live", response=HealthStatus)
def live() -> Response:
    """The process is up."""
    return json_response(HealthStatus(status="ok"))


@blueprint.operation("GET", "/ready", response=HealthStatus, errors=frozenset({503}))
def ready() -> Response:
    """The process can serve requests: the database answers."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        msg = "The database is not reachable."
        raise DatabaseUnavailableError(msg) from exc
    return json_response(HealthStatus(status="ok"))
