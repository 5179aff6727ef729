"""Product: list filters."""

import django_filters

from shop.core.filters import RowIdFilter
from shop.products.models import Product, ProductStatus


class ProductFilter(django_filters.FilterSet):
    """Query parameters of the product list: filters."""

    title = django_filters.CharFilter(max_length=200)
    min_price = django_filters.NumberFilter(
        field_name="price", lookup_expr="gte", max_digits=12, decimal_places=2
    )
    max_price = django_filters.NumberFilter(
        field_name="price", lookup_expr="lte", max_digits=12, decimal_places=2
    )
    status = django_filters.ChoiceFilter(choices=ProductStatus.choices)
    category_id = RowIdFilter()

    class Meta:
        model = Product
        fields = ()
