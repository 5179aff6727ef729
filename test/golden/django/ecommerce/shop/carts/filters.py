"""Cart: list filters."""

import django_filters

from shop.carts.models import Cart
from shop.core.filters import RowIdFilter


class CartFilter(django_filters.FilterSet):
    """Query parameters of the cart list: filters."""

    owner_id = RowIdFilter()

    class Meta:
        model = Cart
        fields = ()
