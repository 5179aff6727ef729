"""Offset and cursor (keyset) pages, in the envelopes every target of this API shares."""

from collections.abc import Sequence
from typing import Any, ClassVar

from django.db.models import QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.core.errors import QueryValidationError

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_OFFSET = 1_000_000


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
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


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
    """A page of items with the total count: `offset` and `limit` query parameters."""

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
