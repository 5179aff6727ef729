"""CartItem: list filters."""

import django_filters

from shop.cart_items.models import CartItem
from shop.core.filters import RowIdFilter


class CartItemFilter(django_filters.FilterSet):
    """Query parameters of the cart item list: filters."""

    product_id = RowIdFilter()
    cart_id = RowIdFilter()
    owner_id = RowIdFilter()

    class Meta:
        model = CartItem
        fields = ()
