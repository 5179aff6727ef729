"""Category: HTTP routes."""

from rest_framework.permissions import AllowAny

from shop.categories.filters import CategoryFilter
from shop.categories.models import Category
from shop.categories.serializers import CategorySerializer
from shop.core.pagination import OffsetPagination
from shop.core.viewsets import EntityViewSet
from shop.users.permissions import IsAdminRole


class CategoryViewSet(EntityViewSet[Category]):
    """Categories: paged, filtered and sorted.

    Anyone reads them; administrators change them.
    """

    queryset = Category.objects.all()
    serializer_class = CategorySerializer
    filterset_class = CategoryFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "category_id"
    read_permissions = (AllowAny,)
    write_permissions = (IsAdminRole,)
