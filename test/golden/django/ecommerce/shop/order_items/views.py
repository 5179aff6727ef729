"""OrderItem: HTTP routes."""

from django.db.models import QuerySet
from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from shop.core.pagination import OffsetPagination
from shop.core.viewsets import EntityViewSet
from shop.order_items.filters import OrderItemFilter
from shop.order_items.models import OrderItem
from shop.order_items.serializers import OrderItemSerializer
from shop.users.permissions import visible_to


class OrderItemViewSet(EntityViewSet[OrderItem]):
    """Order items: paged, filtered.

    Each user sees and changes their own; administrators see all.
    """

    queryset = OrderItem.objects.all()
    serializer_class = OrderItemSerializer
    filterset_class = OrderItemFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "order_item_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet[OrderItem]:
        """Users see their own order_items; administrators see all."""
        return visible_to(super().get_queryset(), self.request.user)

    def perform_create(self, serializer: BaseSerializer[OrderItem]) -> None:
        """Create an order item owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
