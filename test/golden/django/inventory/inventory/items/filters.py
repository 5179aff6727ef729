"""Item: list filters."""

import django_filters

from inventory.core.filters import RowIdFilter, SortFilter
from inventory.items.models import Item


class ItemFilter(django_filters.FilterSet):
    """Query parameters of the item list: filters and sorting."""

    min_best_before = django_filters.DateFilter(field_name="best_before", lookup_expr="gte")
    max_best_before = django_filters.DateFilter(field_name="best_before", lookup_expr="lte")
    warehouse_id = RowIdFilter()
    sort = SortFilter(fields=("name",))

    class Meta:
        model = Item
        fields = ()
