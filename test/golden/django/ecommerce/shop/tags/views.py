"""Tag: HTTP routes."""

from rest_framework.permissions import AllowAny

from shop.core.pagination import OffsetPagination
from shop.core.viewsets import EntityViewSet
from shop.tags.filters import TagFilter
from shop.tags.models import Tag
from shop.tags.serializers import TagSerializer
from shop.users.permissions import IsAdminRole


class TagViewSet(EntityViewSet[Tag]):
    """Tags: paged.

    Anyone reads them; administrators change them.
    """

    queryset = Tag.objects.all()
    serializer_class = TagSerializer
    filterset_class = TagFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "tag_id"
    read_permissions = (AllowAny,)
    write_permissions = (IsAdminRole,)
