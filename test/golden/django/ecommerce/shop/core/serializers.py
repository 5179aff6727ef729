"""The base of every entity serializer: unknown fields are refused, as the FastAPI target does."""

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
