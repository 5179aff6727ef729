"""Order: list filters."""

import django_filters

from shop.core.filters import RowIdFilter, SortFilter
from shop.orders.models import Order, OrderStatus


class OrderFilter(django_filters.FilterSet):
    """Query parameters of the order list: filters and sorting."""

    status = django_filters.ChoiceFilter(choices=OrderStatus.choices)
    min_placed_at = django_filters.IsoDateTimeFilter(field_name="placed_at", lookup_expr="gte")
    max_placed_at = django_filters.IsoDateTimeFilter(field_name="placed_at", lookup_expr="lte")
    customer_id = RowIdFilter()
    owner_id = RowIdFilter()
    sort = SortFilter(fields=("status", "total", "placed_at"))

    class Meta:
        model = Order
        fields = ()
