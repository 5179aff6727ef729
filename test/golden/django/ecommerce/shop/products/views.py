"""Product: HTTP routes."""

from rest_framework.permissions import AllowAny

from shop.core.pagination import CursorPagination
from shop.core.viewsets import EntityViewSet
from shop.products.filters import ProductFilter
from shop.products.models import Product
from shop.products.serializers import ProductSerializer
from shop.users.permissions import IsAdminRole


class ProductViewSet(EntityViewSet[Product]):
    """Products: paged, filtered.

    Anyone reads them; administrators change them.
    """

    queryset = Product.objects.prefetch_related("tags")
    serializer_class = ProductSerializer
    filterset_class = ProductFilter
    pagination_class = CursorPagination
    lookup_url_kwarg = "product_id"
    read_permissions = (AllowAny,)
    write_permissions = (IsAdminRole,)
