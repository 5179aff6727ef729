/**
 * The `core` app every Django project has: the error shape, pagination envelopes, strict query filtering,
 * the base viewset, the OpenAPI error responses, health probes, the audit signals and the admin action.
 */
import type { ProjectModel } from "../../project-model.js";

export function contributeCore(model: ProjectModel, auth: boolean): void {
  const { pkg } = model;
  const dir = `${pkg}/core`;
  model.tree.add(`${pkg}/__init__.py`, `"""${model.name}: the Django apps of the API, one per domain."""\n`);
  model.tree.add(`${dir}/__init__.py`, `"""Shared building blocks of every app."""\n`);
  model.tree.add(`${dir}/apps.py`, appsModule(pkg));
  model.tree.add(`${dir}/errors.py`, errorsModule());
  model.tree.add(`${dir}/pagination.py`, paginationModule(pkg));
  model.tree.add(`${dir}/filters.py`, filtersModule(pkg));
  model.tree.add(`${dir}/fields.py`, fieldsModule());
  model.tree.add(`${dir}/serializers.py`, serializersModule());
  model.tree.add(`${dir}/viewsets.py`, viewsetsModule(pkg));
  model.tree.add(`${dir}/schema.py`, schemaModule(auth));
  model.tree.add(`${dir}/health.py`, healthModule(pkg));
  model.tree.add(`${dir}/audit.py`, auditModule());
  model.tree.add(`${dir}/admin.py`, adminModule());
  model.tree.add(`${dir}/middleware.py`, middlewareModule());
  model.tree.add(`${dir}/models.py`, modelsModule());
}

function appsModule(pkg: string): string {
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

function modelsModule(): string {
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

function errorsModule(): string {
  return `"""One JSON shape for every error: {"error": {"code", "message", "details": [{"loc", "message"}]}}.

Statuses and codes are those of the FastAPI target: 401, 403, 404, 409, 422, 429, 500.
"""

import logging
import math
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)

Location = list[str | int]


class AppError(exceptions.APIException):
    """Base of the errors the application raises on purpose: answered with their default_code."""


class ConflictError(AppError):
    """The request conflicts with the current state, e.g. a duplicate unique value."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "The request conflicts with existing data."


class QueryValidationError(exceptions.ValidationError):
    """Invalid query parameters: the details are located under "query"."""

    location = "query"


class PathValidationError(exceptions.ValidationError):
    """An invalid path parameter: the details are located under "path"."""

    location = "path"


# Status and code of each kind of DRF exception, the same as the FastAPI target answers.
_KINDS: tuple[tuple[type[exceptions.APIException], int, str], ...] = (
    (exceptions.ValidationError, 422, "validation_error"),
    (exceptions.ParseError, 422, "validation_error"),
    (exceptions.UnsupportedMediaType, 422, "validation_error"),
    (exceptions.NotAuthenticated, 401, "not_authenticated"),
    (exceptions.AuthenticationFailed, 401, "not_authenticated"),
    (exceptions.PermissionDenied, 403, "permission_denied"),
    (exceptions.NotFound, 404, "not_found"),
    (exceptions.Throttled, 429, "too_many_attempts"),
)


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The body of an error response."""
    return {"error": {"code": code, "message": message, "details": details or []}}


def error_details(detail: object, loc: Location) -> list[dict[str, Any]]:
    """DRF's nested error detail as a flat list of located messages."""
    if isinstance(detail, Mapping):
        return [
            item
            for key, value in detail.items()
            for item in error_details(
                value, loc if key == api_settings.NON_FIELD_ERRORS_KEY else [*loc, key]
            )
        ]
    if isinstance(detail, list):
        return [
            item
            for index, value in enumerate(detail)
            for item in error_details(
                value, [*loc, index] if isinstance(value, Mapping | list) else loc
            )
        ]
    return [{"loc": loc, "message": str(detail)}]


def _kind(exc: exceptions.APIException) -> tuple[int, str]:
    if isinstance(exc, AppError):
        return exc.status_code, str(exc.default_code)
    for kind, status_code, code in _KINDS:
        if isinstance(exc, kind):
            return status_code, code
    return exc.status_code, f"http_{exc.status_code}"


def _message(exc: exceptions.APIException) -> str:
    if isinstance(exc.detail, Mapping):
        return str(exc.detail.get("detail", exc.default_detail))
    return str(exc.detail)


def exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response:
    """DRF's exception handler: every error in the one JSON shape; unexpected ones logged, 500."""
    set_rollback()
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        logger.error("unhandled_error in %s", context.get("view"), exc_info=exc)
        return Response(error_body("internal_error", "An unexpected error occurred."), status=500)
    status_code, code = _kind(exc)
    if isinstance(exc, exceptions.ValidationError):
        location: str = getattr(exc, "location", "body")
        details = error_details(exc.detail, [location])
        return Response(error_body(code, "The request is not valid.", details), status=status_code)
    headers = {"WWW-Authenticate": "Bearer"} if status_code == status.HTTP_401_UNAUTHORIZED else {}
    wait = getattr(exc, "wait", None)
    if wait is not None:
        headers["Retry-After"] = str(max(math.ceil(wait), 1))
    return Response(error_body(code, _message(exc)), status=status_code, headers=headers)


def not_found(request: HttpRequest, exception: Exception) -> JsonResponse:
    """Django's 404 handler: no route matched."""
    return JsonResponse(error_body("not_found", "Not Found"), status=404)


def server_error(_request: HttpRequest) -> JsonResponse:
    """Django's 500 handler, for errors outside the API views."""
    return JsonResponse(error_body("internal_error", "An unexpected error occurred."), status=500)
`;
}

function paginationModule(pkg: string): string {
  return `"""Offset and cursor (keyset) pages, in the envelopes every target of this API shares."""

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any, ClassVar

from django.db.models import QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ${pkg}.core.errors import QueryValidationError

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_OFFSET = 1_000_000
MAX_CURSOR_LENGTH = 200


def query_int(request: Request, name: str, *, default: int, minimum: int, maximum: int) -> int:
    """An integer query parameter within bounds; 422 otherwise."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryValidationError({name: ["Input should be a valid integer."]}) from None
    if not minimum <= value <= maximum:
        raise QueryValidationError({name: [f"Input should be from {minimum} to {maximum}."]})
    return value


def _limit(request: Request) -> int:
    return query_int(request, "limit", default=DEFAULT_PAGE_SIZE, minimum=1, maximum=MAX_PAGE_SIZE)


def _parameter(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


_LIMIT = _parameter(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
    "Rows per page.",
)


def _rows(queryset: QuerySet[Any, Any] | Sequence[Any]) -> QuerySet[Any, Any]:
    if not isinstance(queryset, QuerySet):
        msg = "pagination needs a queryset"
        raise TypeError(msg)
    return queryset


class OffsetPagination(BasePagination):
    """A page of items with the total count: \`offset\` and \`limit\` query parameters."""

    query_params: ClassVar[frozenset[str]] = frozenset({"offset", "limit"})

    def paginate_queryset(
        self,
        queryset: QuerySet[Any, Any] | Sequence[Any],
        request: Request,
        view: APIView | None = None,
    ) -> list[Any]:
        """The rows of the requested page; counts the matching rows too."""
        rows = _rows(queryset)
        self.offset = query_int(request, "offset", default=0, minimum=0, maximum=MAX_OFFSET)
        self.limit = _limit(request)
        self.total = rows.count()
        return list(rows[self.offset : self.offset + self.limit])

    def get_paginated_response(self, data: object) -> Response:
        """The page envelope."""
        return Response(
            {"items": data, "total": self.total, "offset": self.offset, "limit": self.limit}
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        """OpenAPI schema of the envelope."""
        integer = {"type": "integer"}
        return {
            "type": "object",
            "required": ["items", "total", "offset", "limit"],
            "properties": {"items": schema, "total": integer, "offset": integer, "limit": integer},
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        """OpenAPI query parameters."""
        offset = {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}
        return [_parameter("offset", offset, "Rows to skip."), _LIMIT]


def encode_cursor(last_id: int) -> str:
    """Opaque cursor pointing after the row with this id."""
    return base64.urlsafe_b64encode(json.dumps({"after": last_id}).encode()).decode()


def decode_cursor(cursor: str) -> int:
    """Id the next page starts after; a malformed cursor is a 422."""
    try:
        after = json.loads(base64.urlsafe_b64decode(cursor.encode()))["after"]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise _invalid_cursor() from exc
    if not isinstance(after, int) or isinstance(after, bool):
        raise _invalid_cursor()
    return after


def _invalid_cursor() -> QueryValidationError:
    return QueryValidationError({"cursor": ["Use next_cursor from a previous page."]})


class CursorPagination(BasePagination):
    """Keyset pages in id order: \`cursor\` (next_cursor of the previous page) and \`limit\`."""

    query_params: ClassVar[frozenset[str]] = frozenset({"cursor", "limit"})

    def paginate_queryset(
        self,
        queryset: QuerySet[Any, Any] | Sequence[Any],
        request: Request,
        view: APIView | None = None,
    ) -> list[Any]:
        """The rows after the cursor, one more fetched to know whether a next page exists."""
        rows = _rows(queryset)
        limit = _limit(request)
        cursor = request.query_params.get("cursor")
        if cursor is not None:
            if len(cursor) > MAX_CURSOR_LENGTH:
                raise _invalid_cursor()
            rows = rows.filter(pk__gt=decode_cursor(cursor))
        fetched = list(rows.order_by("pk")[: limit + 1])
        page = fetched[:limit]
        self.next_cursor = encode_cursor(page[-1].pk) if len(fetched) > limit else None
        return page

    def get_paginated_response(self, data: object) -> Response:
        """The page envelope."""
        return Response({"items": data, "next_cursor": self.next_cursor})

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        """OpenAPI schema of the envelope."""
        return {
            "type": "object",
            "required": ["items", "next_cursor"],
            "properties": {"items": schema, "next_cursor": {"type": "string", "nullable": True}},
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        """OpenAPI query parameters."""
        cursor = {"type": "string", "maxLength": MAX_CURSOR_LENGTH}
        return [_parameter("cursor", cursor, "next_cursor of the previous page."), _LIMIT]
`;
}

function filtersModule(pkg: string): string {
  return `"""django-filter, strict like the FastAPI target: unknown or invalid query parameters are a 422."""

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request
from rest_framework.views import APIView

from ${pkg}.core.errors import QueryValidationError

MAX_ROW_ID = 2_147_483_647
INT32_MIN = -2_147_483_648
INT32_MAX = 2_147_483_647


class IntegerFilter(django_filters.NumberFilter):
    """An integer (not decimal) number filter."""

    field_class = forms.IntegerField


class RowIdFilter(IntegerFilter):
    """Rows referring to this id."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(min_value=1, max_value=MAX_ROW_ID, **kwargs)


class SortFilter(django_filters.ChoiceFilter):
    """\`sort=<field>\` ascending, \`sort=-<field>\` descending; the id breaks ties."""

    def __init__(self, *, fields: tuple[str, ...], **kwargs: object) -> None:
        choices = [(value, value) for name in fields for value in (name, f"-{name}")]
        super().__init__(choices=choices, **kwargs)

    def filter(self, qs: QuerySet[Any], value: str) -> QuerySet[Any]:
        """Order by the chosen field, then by id."""
        return qs.order_by(value, "pk") if value else qs


class StrictFilterBackend(DjangoFilterBackend):
    """Filters from the view's FilterSet; undeclared parameters are refused like invalid ones."""

    def filter_queryset(
        self, request: Request, queryset: QuerySet[Any], view: APIView
    ) -> QuerySet[Any]:
        """Apply the filters; 422 naming each unknown or invalid parameter."""
        filterset = self.get_filterset(request, queryset, view)
        allowed = set(filterset.filters) if filterset is not None else set()
        allowed |= getattr(getattr(view, "pagination_class", None), "query_params", frozenset())
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise QueryValidationError({name: ["Unknown query parameter."] for name in unknown})
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise QueryValidationError(
                {name: [str(text) for text in texts] for name, texts in filterset.errors.items()}
            )
        result: QuerySet[Any] = filterset.qs
        return result
`;
}

function fieldsModule(): string {
  return `"""Serializer fields with the validation rules of the FastAPI target's schemas."""

from datetime import datetime
from typing import Any, ClassVar

from django.db.models import Model
from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

MAX_ROW_ID = 2_147_483_647


class StrictCharField(serializers.CharField):
    """A string that must be sent as a JSON string, with optional lower/upper-casing."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "invalid": "Input should be a valid string."
    }

    def __init__(self, *, lower: bool = False, upper: bool = False, **kwargs: Any) -> None:  # noqa: ANN401 - CharField's options
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)
        self.lower = lower
        self.upper = upper

    def to_internal_value(self, data: object) -> str:
        """Refuse numbers and other non-strings, then apply the clean-ups."""
        if not isinstance(data, str):
            self.fail("invalid")
        value = super().to_internal_value(data)
        if self.lower:
            return value.lower()
        return value.upper() if self.upper else value


class AwareDateTimeField(serializers.DateTimeField):
    """A datetime that must carry its UTC offset."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "naive": "Input should have timezone info."
    }

    def to_internal_value(self, value: datetime | str) -> datetime:
        """Refuse naive datetimes instead of guessing their time zone."""
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is not None and parsed.tzinfo is None:
            self.fail("naive")
        return super().to_internal_value(value)


@extend_schema_field({"type": "object", "additionalProperties": {}})
class JsonObjectField(serializers.JSONField):
    """A JSON object (not a list or a scalar)."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "not_an_object": "Input should be a valid dictionary."
    }

    def to_internal_value(self, data: object) -> dict[str, object]:
        """Accept objects only."""
        if not isinstance(data, dict):
            self.fail("not_an_object")
        super().to_internal_value(data)
        return data


class RowIdField(serializers.PrimaryKeyRelatedField[Any]):
    """The id of a row the request refers to: an integer from 1 to 2**31 - 1 that must exist."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "does_not_exist": "refers to a row that does not exist: {pk_value}.",
        "incorrect_type": "Input should be a valid integer.",
        "out_of_range": f"Input should be from 1 to {MAX_ROW_ID}.",
    }

    def to_internal_value(self, data: object) -> Model:
        """Check the type and range before asking the database."""
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= data <= MAX_ROW_ID:
            self.fail("out_of_range")
        row: Model = super().to_internal_value(data)
        return row
`;
}

function serializersModule(): string {
  return `"""The base of every entity serializer: unknown fields are refused, as the FastAPI target does."""

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db.models import Model
from rest_framework import serializers

ModelT = TypeVar("ModelT", bound=Model)


class StrictModelSerializer(serializers.ModelSerializer[ModelT]):
    """A model serializer whose input may only carry its writable fields."""

    def to_internal_value(self, data: object) -> dict[str, Any]:
        """Refuse fields the API does not accept (read-only ones included)."""
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(set(data) - writable)
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        value: dict[str, Any] = super().to_internal_value(data)
        return value
`;
}

function viewsetsModule(pkg: string): string {
  return `"""The base of every entity viewset: permissions by action, ids checked, conflicts as 409."""

from typing import ClassVar, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Model, ProtectedError, RestrictedError
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.serializers import BaseSerializer

from ${pkg}.core.errors import ConflictError, PathValidationError
from ${pkg}.core.fields import MAX_ROW_ID

ModelT = TypeVar("ModelT", bound=Model)

READ_ACTIONS = frozenset({"list", "retrieve"})


def parse_row_id(raw: str, *, name: str) -> int:
    """A path id: an integer from 1 to 2**31 - 1; 422 otherwise."""
    try:
        row_id = int(raw)
    except ValueError:
        row_id = 0
    if not 1 <= row_id <= MAX_ROW_ID:
        raise PathValidationError({name: [f"Input should be an integer from 1 to {MAX_ROW_ID}."]})
    return row_id


class EntityViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[ModelT],
):
    """List, create, get, change (PATCH) and delete one kind of row."""

    http_method_names = ("get", "post", "patch", "delete")
    read_permissions: ClassVar[tuple[type[BasePermission], ...]] = ()
    write_permissions: ClassVar[tuple[type[BasePermission], ...]] = ()

    def perform_authentication(self, request: Request) -> None:
        """Authenticate lazily, when a permission asks: public reads ignore a stale token."""

    def get_permissions(self) -> list[BasePermission]:
        """Read permissions for list and get, write permissions for the rest."""
        chosen = self.read_permissions if self.action in READ_ACTIONS else self.write_permissions
        return [permission() for permission in chosen]

    def get_object(self) -> ModelT:
        """The row of the path id among those the caller may see; 404 otherwise."""
        name = self.lookup_url_kwarg or "pk"
        row_id = parse_row_id(self.kwargs[name], name=name)
        queryset = self.get_queryset()
        row = queryset.filter(pk=row_id).first()
        if row is None:
            msg = f"{queryset.model.__name__} {row_id} not found."
            raise NotFound(msg)
        self.check_object_permissions(self.request, row)
        return row

    def perform_create(self, serializer: BaseSerializer[ModelT]) -> None:
        """Save the new row; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer)

    def perform_update(self, serializer: BaseSerializer[ModelT]) -> None:
        """Save the changes; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer)

    def save_or_conflict(self, serializer: BaseSerializer[ModelT], **extra: object) -> None:
        """Save in one transaction; a constraint violation becomes a 409."""
        try:
            with transaction.atomic():
                serializer.save(**extra)
        except IntegrityError as exc:
            name = self.get_queryset().model._meta.verbose_name
            msg = f"The {name} conflicts with an existing one."
            raise ConflictError(msg) from exc

    def perform_destroy(self, instance: ModelT) -> None:
        """Delete the row; 409 while other rows still depend on it."""
        try:
            with transaction.atomic():
                instance.delete()
        except (IntegrityError, ProtectedError, RestrictedError) as exc:
            name = type(instance).__name__
            msg = f"{name} {instance.pk} is still referenced and cannot be deleted."
            raise ConflictError(msg) from exc
`;
}

function schemaModule(auth: boolean): string {
  const statuses = auth ? '"401", "403", "404", "409", "422"' : '"404", "409", "422"';
  return `"""The OpenAPI document (drf-spectacular): every operation documents the error shape too."""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import Direction, extend_schema_field
from rest_framework import serializers

# Statuses every API operation may answer with an error body.
ERROR_STATUSES = (${statuses})
_DESCRIPTIONS = {
    "401": "Not authenticated",
    "403": "Not allowed",
    "404": "Not found",
    "409": "Conflict",
    "422": "Invalid request",
    "429": "Too many failed logins",
    "503": "Database unavailable",
}


@extend_schema_field(
    {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}
)
class LocationField(serializers.ListField):
    """Where a problem is: "body", "query" or "path", then field names and list indexes."""


class ErrorDetailSerializer(serializers.Serializer[Any]):
    """One problem with the request, located by its path."""

    loc = LocationField()
    message = serializers.CharField()


class ErrorBodySerializer(serializers.Serializer[Any]):
    """Machine-readable code, human message and optional details."""

    code = serializers.CharField()
    message = serializers.CharField()
    details = ErrorDetailSerializer(many=True)


class ErrorResponseSerializer(serializers.Serializer[Any]):
    """The body of every error response."""

    error = ErrorBodySerializer()


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's schema, with the error responses of each operation."""

    def _get_response_bodies(self, direction: Direction = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        schema = self.resolve_serializer(ErrorResponseSerializer, direction).ref
        for code in getattr(self.view, "error_statuses", ERROR_STATUSES):
            responses.setdefault(
                code,
                {
                    "description": _DESCRIPTIONS[code],
                    "content": {"application/json": {"schema": schema}},
                },
            )
        return responses
`;
}

function healthModule(pkg: string): string {
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

function auditModule(): string {
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

function adminModule(): string {
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

function middlewareModule(): string {
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
