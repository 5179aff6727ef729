"""Offset and cursor (keyset) pages, in the envelopes every target of this API shares."""

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

from blog.core.errors import QueryValidationError

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
    """Keyset pages in id order: `cursor` (next_cursor of the previous page) and `limit`."""

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
