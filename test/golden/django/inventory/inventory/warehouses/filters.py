"""Warehouse: list filters."""

import django_filters

from inventory.core.filters import SortFilter
from inventory.warehouses.models import Warehouse


class WarehouseFilter(django_filters.FilterSet):
    """Query parameters of the warehouse list: filters and sorting."""

    city = django_filters.CharFilter(max_length=80)
    active = django_filters.BooleanFilter()
    sort = SortFilter(fields=("city", "capacity"))

    class Meta:
        model = Warehouse
        fields = ()
