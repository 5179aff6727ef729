"""Liveness and readiness probes."""

from typing import Any, ClassVar

from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.core.errors import AppError
from tracker.core.schema import ErrorResponseSerializer


class HealthSerializer(serializers.Serializer[Any]):
    """Probe result."""

    status = serializers.ChoiceField(choices=["ok"])


class DatabaseUnavailableError(AppError):
    """The database did not answer the readiness probe."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "database_unavailable"
    default_detail = "The database is not reachable."


def ping_database() -> None:
    """Run a trivial query; raises DatabaseError when the database does not answer."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


class LiveView(APIView):
    """The process is up."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    error_statuses: ClassVar[tuple[str, ...]] = ()

    @extend_schema(operation_id="health_live", responses={200: HealthSerializer})
    def get(self, _request: Request) -> Response:
        """The process is up."""
        return Response({"status": "ok"})


class ReadyView(APIView):
    """The process can serve requests: the database answers."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    error_statuses: ClassVar[tuple[str, ...]] = ()

    @extend_schema(
        operation_id="health_ready",
        responses={200: HealthSerializer, 503: ErrorResponseSerializer},
    )
    def get(self, _request: Request) -> Response:
        """The database answers a trivial query."""
        try:
            ping_database()
        except DatabaseError as exc:
            raise DatabaseUnavailableError from exc
        return Response({"status": "ok"})
