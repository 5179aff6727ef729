"""Offset and cursor (keyset) pages returned by list endpoints."""

import base64
import binascii
import json
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from tracker.errors import ErrorDetail, ValidationFailedError

MAX_PAGE_SIZE = 100

T = TypeVar("T")


class OffsetPage(BaseModel, Generic[T]):
    """A page of items with the total count, for numbered navigation."""

    items: list[T]
    total: int
    offset: int
    limit: int


class CursorPage(BaseModel, Generic[T]):
    """A page of items and the opaque cursor of the next page (None on the last page)."""

    items: list[T]
    next_cursor: str | None


class OffsetParams(BaseModel):
    """Query parameters of offset pagination."""

    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=50, ge=1, le=MAX_PAGE_SIZE)


class CursorParams(BaseModel):
    """Query parameters of cursor pagination."""

    cursor: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=50, ge=1, le=MAX_PAGE_SIZE)


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


def _invalid_cursor() -> ValidationFailedError:
    return ValidationFailedError(
        "The cursor is not valid.",
        details=[
            ErrorDetail(loc=["query", "cursor"], message="Use next_cursor from a previous page.")
        ],
    )
