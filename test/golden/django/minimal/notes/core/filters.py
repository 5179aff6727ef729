"""django-filter, strict like the FastAPI target: unknown or invalid query parameters are a 422."""

from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request
from rest_framework.views import APIView

from notes.core.errors import QueryValidationError


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
