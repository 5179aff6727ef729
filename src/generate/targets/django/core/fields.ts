/** `core/fields.py`, `core/serializers.py` and `core/filters.py`: validation the FastAPI target has. */
import type { CoreUsage } from "./index.js";

export function fieldsModule(usage: CoreUsage): string {
  const imports = [
    usage.datetime ? "from datetime import datetime\n" : "",
    "from typing import Any, ClassVar\n\n",
    usage.references
      ? `from django.db.models import Model${usage.privateReferences ? ", QuerySet" : ""}\n`
      : "",
    usage.datetime ? "from django.utils.dateparse import parse_datetime\n" : "",
    usage.json ? "from drf_spectacular.utils import extend_schema_field\n" : "",
    "from rest_framework import serializers\n",
  ].join("");
  const classes = [
    usage.caseFolding ? CASE_FOLDING_CHAR_FIELD : CHAR_FIELD,
    usage.datetime ? DATETIME_FIELD : "",
    usage.json ? JSON_FIELD : "",
    usage.references ? rowIdField(usage.privateReferences) : "",
  ].filter(Boolean);
  return `"""Serializer fields with the validation rules of the FastAPI target's schemas."""

${imports}
MAX_ROW_ID = 2_147_483_647


${classes.join("\n\n")}`;
}

const STRING_ERRORS = `    default_error_messages: ClassVar[dict[str, Any]] = {
        "invalid": "Input should be a valid string."
    }`;

const CHAR_FIELD = `class StrictCharField(serializers.CharField):
    """A string that must be sent as a JSON string (no number turned into text)."""

${STRING_ERRORS}

    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401 - CharField's options
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data: object) -> str:
        """Refuse numbers and other non-strings."""
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)
`;

const CASE_FOLDING_CHAR_FIELD = `class StrictCharField(serializers.CharField):
    """A string that must be sent as a JSON string, with optional lower/upper-casing."""

${STRING_ERRORS}

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
`;

const DATETIME_FIELD = `class AwareDateTimeField(serializers.DateTimeField):
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
`;

const JSON_FIELD = `@extend_schema_field({"type": "object", "additionalProperties": {}})
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
`;

function rowIdField(owned: boolean): string {
  const ownedParts = owned
    ? `
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
`
    : "";
  return `class RowIdField(serializers.PrimaryKeyRelatedField[Any]):
    """The id of a row the request refers to: an integer from 1 to 2**31 - 1 that must exist."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "does_not_exist": "refers to a row that does not exist: {pk_value}.",
        "incorrect_type": "Input should be a valid integer.",
        "out_of_range": f"Input should be from 1 to {MAX_ROW_ID}.",
    }
${ownedParts}
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

export function serializersModule(): string {
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

export function filtersModule(pkg: string, usage: CoreUsage): string {
  const integers = usage.intFilters || usage.idFilters;
  const constants = [
    ...(usage.idFilters ? ["MAX_ROW_ID = 2_147_483_647"] : []),
    ...(usage.intFilters ? ["INT32_MIN = -2_147_483_648", "INT32_MAX = 2_147_483_647"] : []),
  ];
  const classes = [
    integers ? INTEGER_FILTER : "",
    usage.idFilters ? ROW_ID_FILTER : "",
    usage.sort ? SORT_FILTER : "",
  ];
  return `"""django-filter, strict like the FastAPI target: unknown or invalid query parameters are a 422."""

from typing import Any

${usage.sort || integers ? "import django_filters\n" : ""}${integers ? "from django import forms\n" : ""}from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request
from rest_framework.views import APIView

from ${pkg}.core.errors import QueryValidationError
${constants.length ? `\n${constants.join("\n")}\n` : ""}

${[...classes.filter(Boolean), BACKEND].join("\n\n")}`;
}

const INTEGER_FILTER = `class IntegerFilter(django_filters.NumberFilter):
    """An integer (not decimal) number filter."""

    field_class = forms.IntegerField
`;

const ROW_ID_FILTER = `class RowIdFilter(IntegerFilter):
    """Rows referring to this id."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(min_value=1, max_value=MAX_ROW_ID, **kwargs)
`;

const SORT_FILTER = `class SortFilter(django_filters.ChoiceFilter):
    """\`sort=<field>\` ascending, \`sort=-<field>\` descending; the id breaks ties."""

    def __init__(self, *, fields: tuple[str, ...], **kwargs: object) -> None:
        choices = [(value, value) for name in fields for value in (name, f"-{name}")]
        super().__init__(choices=choices, **kwargs)

    def filter(self, qs: QuerySet[Any], value: str) -> QuerySet[Any]:
        """Order by the chosen field, then by id."""
        return qs.order_by(value, "pk") if value else qs
`;

const BACKEND = `class StrictFilterBackend(DjangoFilterBackend):
    """Filters from the view's FilterSet; undeclared parameters are refused like invalid ones."""

    def filter_queryset(
        self, request: Request, queryset: QuerySet[Any], view: APIView
    ) -> QuerySet[Any]:
        """Apply the filters; 422 naming each unknown or invalid parameter."""
        filterset = self.get_filterset(request, queryset, view)
        allowed = set(filterset.filters)
        allowed |= getattr(getattr(view, "pagination_class", None), "query_params", frozenset())
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise QueryValidationError({name: ["Unknown query parameter."] for name in unknown})
        if not filterset.is_valid():
            raise QueryValidationError(
                {name: [str(text) for text in texts] for name, texts in filterset.errors.items()}
            )
        result: QuerySet[Any] = filterset.qs
        return result
`;
