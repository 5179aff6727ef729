"""django-filter, strict like the FastAPI target: unknown or invalid query parameters are a 422."""

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request
from rest_framework.views import APIView

from blog.core.errors import QueryValidationError

MAX_ROW_ID = 2_147_483_647


class IntegerFilter(django_filters.NumberFilter):
    """An integer (not decimal) number filter."""

    field_class = forms.IntegerField


class RowIdFilter(IntegerFilter):
    """Rows referring to this id."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(min_value=1, max_value=MAX_ROW_ID, **kwargs)


class SortFilter(django_filters.ChoiceFilter):
    """`sort=<field>` ascending, `sort=-<field>` descending; the id breaks ties."""

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
