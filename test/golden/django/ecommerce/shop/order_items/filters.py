"""OrderItem: list filters."""

import django_filters

from shop.core.filters import RowIdFilter
from shop.order_items.models import OrderItem


class OrderItemFilter(django_filters.FilterSet):
    """Query parameters of the order item list: filters."""

    product_id = RowIdFilter()
    order_id = RowIdFilter()
    owner_id = RowIdFilter()

    class Meta:
        model = OrderItem
        fields = ()
