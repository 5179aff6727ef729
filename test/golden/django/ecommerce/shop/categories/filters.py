"""Category: list filters."""

import django_filters

from shop.categories.models import Category
from shop.core.filters import RowIdFilter, SortFilter


class CategoryFilter(django_filters.FilterSet):
    """Query parameters of the category list: filters and sorting."""

    parent_id = RowIdFilter()
    sort = SortFilter(fields=("name",))

    class Meta:
        model = Category
        fields = ()
