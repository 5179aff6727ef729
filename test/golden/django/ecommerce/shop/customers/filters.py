"""Customer: list filters."""

import django_filters

from shop.core.filters import RowIdFilter
from shop.customers.models import Customer


class CustomerFilter(django_filters.FilterSet):
    """Query parameters of the customer list: filters."""

    marketing_opt_in = django_filters.BooleanFilter()
    owner_id = RowIdFilter()

    class Meta:
        model = Customer
        fields = ()
