"""Customer: HTTP routes."""

from django.db.models import QuerySet
from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from shop.core.pagination import OffsetPagination
from shop.core.viewsets import EntityViewSet
from shop.customers.filters import CustomerFilter
from shop.customers.models import Customer
from shop.customers.serializers import CustomerSerializer
from shop.users.permissions import visible_to


class CustomerViewSet(EntityViewSet[Customer]):
    """Customers: paged, filtered.

    Each user sees and changes their own; administrators see all.
    """

    queryset = Customer.objects.all()
    serializer_class = CustomerSerializer
    filterset_class = CustomerFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "customer_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet[Customer]:
        """Users see their own customers; administrators see all."""
        return visible_to(super().get_queryset(), self.request.user)

    def perform_create(self, serializer: BaseSerializer[Customer]) -> None:
        """Create a customer owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
