"""CartItem: HTTP routes."""

from django.db.models import QuerySet
from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from shop.cart_items.filters import CartItemFilter
from shop.cart_items.models import CartItem
from shop.cart_items.serializers import CartItemSerializer
from shop.core.pagination import OffsetPagination
from shop.core.viewsets import EntityViewSet
from shop.users.permissions import visible_to


class CartItemViewSet(EntityViewSet[CartItem]):
    """Cart items: paged, filtered.

    Each user sees and changes their own; administrators see all.
    """

    queryset = CartItem.objects.all()
    serializer_class = CartItemSerializer
    filterset_class = CartItemFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "cart_item_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet[CartItem]:
        """Users see their own cart_items; administrators see all."""
        return visible_to(super().get_queryset(), self.request.user)

    def perform_create(self, serializer: BaseSerializer[CartItem]) -> None:
        """Create a cart item owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
