"""Item: HTTP routes."""

from inventory.core.pagination import OffsetPagination
from inventory.core.viewsets import EntityViewSet
from inventory.items.filters import ItemFilter
from inventory.items.models import Item
from inventory.items.serializers import ItemSerializer


class ItemViewSet(EntityViewSet[Item]):
    """Items: paged, filtered and sorted."""

    queryset = Item.objects.all()
    serializer_class = ItemSerializer
    filterset_class = ItemFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "item_id"
