"""Shipment: HTTP routes."""

from inventory.core.pagination import CursorPagination
from inventory.core.viewsets import EntityViewSet
from inventory.shipments.filters import ShipmentFilter
from inventory.shipments.models import Shipment
from inventory.shipments.serializers import ShipmentSerializer


class ShipmentViewSet(EntityViewSet[Shipment]):
    """Shipments: paged, filtered."""

    queryset = Shipment.objects.all()
    serializer_class = ShipmentSerializer
    filterset_class = ShipmentFilter
    pagination_class = CursorPagination
    lookup_url_kwarg = "shipment_id"
