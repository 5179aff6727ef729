"""Cart: HTTP routes."""

from django.db.models import QuerySet
from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from shop.carts.filters import CartFilter
from shop.carts.models import Cart
from shop.carts.serializers import CartSerializer
from shop.core.pagination import OffsetPagination
from shop.core.viewsets import EntityViewSet
from shop.users.permissions import visible_to


class CartViewSet(EntityViewSet[Cart]):
    """Carts: paged, filtered.

    Each user sees and changes their own; administrators see all.
    """

    queryset = Cart.objects.prefetch_related("items")
    serializer_class = CartSerializer
    filterset_class = CartFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "cart_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet[Cart]:
        """Users see their own carts; administrators see all."""
        return visible_to(super().get_queryset(), self.request.user)

    def perform_create(self, serializer: BaseSerializer[Cart]) -> None:
        """Create a cart owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
