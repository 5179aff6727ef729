"""Warehouse: HTTP routes."""

from inventory.core.pagination import OffsetPagination
from inventory.core.viewsets import EntityViewSet
from inventory.warehouses.filters import WarehouseFilter
from inventory.warehouses.models import Warehouse
from inventory.warehouses.serializers import WarehouseSerializer


class WarehouseViewSet(EntityViewSet[Warehouse]):
    """Warehouses: paged, filtered and sorted."""

    queryset = Warehouse.objects.all()
    serializer_class = WarehouseSerializer
    filterset_class = WarehouseFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "warehouse_id"
