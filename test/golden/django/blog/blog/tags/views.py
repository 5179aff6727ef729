"""Tag: HTTP routes."""

from rest_framework.permissions import AllowAny

from blog.core.pagination import OffsetPagination
from blog.core.viewsets import EntityViewSet
from blog.tags.filters import TagFilter
from blog.tags.models import Tag
from blog.tags.serializers import TagSerializer
from blog.users.permissions import IsAdminRole


class TagViewSet(EntityViewSet[Tag]):
    """Tags: paged and sorted.

    Anyone reads them; administrators change them.
    """

    queryset = Tag.objects.all()
    serializer_class = TagSerializer
    filterset_class = TagFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "tag_id"
    read_permissions = (AllowAny,)
    write_permissions = (IsAdminRole,)
