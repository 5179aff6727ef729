"""Serializer fields with the validation rules of the FastAPI target's schemas."""

from typing import Any, ClassVar

from rest_framework import serializers

MAX_ROW_ID = 2_147_483_647


class StrictCharField(serializers.CharField):
    """A string that must be sent as a JSON string (no number turned into text)."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "invalid": "Input should be a valid string."
    }

    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401 - CharField's options
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data: object) -> str:
        """Refuse numbers and other non-strings."""
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)
