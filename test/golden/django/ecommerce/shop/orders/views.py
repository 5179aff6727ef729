"""Order: HTTP routes."""

from django.db.models import QuerySet
from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from shop.core.pagination import OffsetPagination
from shop.core.viewsets import EntityViewSet
from shop.orders.filters import OrderFilter
from shop.orders.models import Order
from shop.orders.serializers import OrderSerializer
from shop.users.permissions import visible_to


class OrderViewSet(EntityViewSet[Order]):
    """Orders: paged, filtered and sorted.

    Each user sees and changes their own; administrators see all.
    """

    queryset = Order.objects.prefetch_related("items")
    serializer_class = OrderSerializer
    filterset_class = OrderFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "order_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet[Order]:
        """Users see their own orders; administrators see all."""
        return visible_to(super().get_queryset(), self.request.user)

    def perform_create(self, serializer: BaseSerializer[Order]) -> None:
        """Create an order owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
