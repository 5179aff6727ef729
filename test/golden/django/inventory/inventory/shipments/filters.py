"""Shipment: list filters."""

import django_filters

from inventory.core.filters import RowIdFilter
from inventory.shipments.models import Shipment


class ShipmentFilter(django_filters.FilterSet):
    """Query parameters of the shipment list: filters."""

    item_id = RowIdFilter()

    class Meta:
        model = Shipment
        fields = ()
