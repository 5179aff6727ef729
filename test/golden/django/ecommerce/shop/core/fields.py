"""Serializer fields with the validation rules of the FastAPI target's schemas."""

from datetime import datetime
from typing import Any, ClassVar

from django.db.models import Model, QuerySet
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

    default_error_messages: ClassVar[dict[str, Any]] = {"naive": "Input should have timezone info."}

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

    def __init__(self, *, owned: bool = False, **kwargs: Any) -> None:  # noqa: ANN401 - DRF's options
        super().__init__(**kwargs)
        self.owned = owned

    def get_queryset(self) -> QuerySet[Any] | None:
        """Rows the caller may refer to: of private rows, only their own (administrators: all)."""
        queryset = super().get_queryset()
        user = self.context["request"].user
        if self.owned and queryset is not None and not getattr(user, "is_admin", False):
            return queryset.filter(owner_id=user.pk)
        return queryset

    def to_internal_value(self, data: object) -> Model:
        """Check the type and range before asking the database."""
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= data <= MAX_ROW_ID:
            self.fail("out_of_range")
        row: Model = super().to_internal_value(data)
        return row
