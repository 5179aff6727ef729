/** The small modules of the core app: apps, models, health, audit, admin action, middleware. */

export function appsModule(pkg: string): string {
  return `"""The core app: registers the site-wide admin action."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks; no models of its own."""

    name = "${pkg}.core"
    label = "core"

    def ready(self) -> None:
        """Offer the CSV export on every changelist of the admin."""
        from django.contrib import admin

        from ${pkg}.core.admin import export_as_csv

        admin.site.add_action(export_as_csv, "export_as_csv")
`;
}

export function modelsModule(): string {
  return `"""The abstract base of every model: creation and last-update times."""

from django.db import models


class TimestampedModel(models.Model):
    """Creation and last-update times, set by Django on save (shown read-only in the admin)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
`;
}

export function healthModule(pkg: string): string {
  return `"""Liveness and readiness probes."""

from typing import Any, ClassVar

from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ${pkg}.core.errors import AppError
from ${pkg}.core.schema import ErrorResponseSerializer


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
`;
}

export function auditModule(): string {
  return `"""Audit trail: every create, update and delete of a tracked model is logged with its id."""

import logging

from django.db.models import Model
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger("audit")


def _saved(sender: type[Model], instance: Model, created: bool, **_kwargs: object) -> None:
    logger.info("%s %s %s", "created" if created else "updated", sender._meta.label, instance.pk)


def _deleted(sender: type[Model], instance: Model, **_kwargs: object) -> None:
    logger.info("deleted %s %s", sender._meta.label, instance.pk)


def track(model: type[Model]) -> None:
    """Log every change of this model (connected once per model, from its app's ready())."""
    label = model._meta.label
    post_save.connect(_saved, sender=model, dispatch_uid=f"audit-save-{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"audit-delete-{label}")
`;
}

export function adminModule(): string {
  return `"""Admin actions offered on every changelist."""

import csv
from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse


@admin.action(description="Export selected rows as CSV")
def export_as_csv(
    modeladmin: admin.ModelAdmin[Any], _request: HttpRequest, queryset: QuerySet[Model]
) -> HttpResponse:
    """The selected rows, one CSV line each, with every concrete column."""
    meta = modeladmin.model._meta
    columns = [field.attname for field in meta.concrete_fields]
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{meta.model_name}.csv"'
    writer = csv.writer(response)
    writer.writerow(columns)
    for row in queryset.order_by("pk"):
        writer.writerow([getattr(row, column) for column in columns])
    return response
`;
}

export function middlewareModule(): string {
  return `"""Request-ID middleware: one id per request, echoed in the X-Request-ID header."""

import re
from collections.abc import Callable
from uuid import uuid4

from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
# Accept a caller's id only if it is short and plain, so it cannot forge log lines.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Keeps the caller's request id (or makes one) and returns it with the response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid4().hex
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response
`;
}
