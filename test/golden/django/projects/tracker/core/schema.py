"""The OpenAPI document (drf-spectacular): every operation documents the error shape too."""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import Direction, extend_schema_field
from rest_framework import serializers

# Statuses every API operation may answer with an error body.
ERROR_STATUSES = ("401", "403", "404", "409", "422")
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
