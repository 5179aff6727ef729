"""Post: HTTP routes."""

from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.serializers import BaseSerializer

from blog.core.pagination import OffsetPagination
from blog.core.viewsets import EntityViewSet
from blog.posts.filters import PostFilter
from blog.posts.models import Post
from blog.posts.serializers import PostSerializer
from blog.users.permissions import IsOwnerOrAdmin


class PostViewSet(EntityViewSet[Post]):
    """Posts: paged, filtered and sorted.

    Anyone reads them; the owner or an administrator changes them.
    """

    queryset = Post.objects.prefetch_related("comments", "tags")
    serializer_class = PostSerializer
    filterset_class = PostFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "post_id"
    read_permissions = (AllowAny,)
    write_permissions = (IsAuthenticated, IsOwnerOrAdmin)

    def perform_create(self, serializer: BaseSerializer[Post]) -> None:
        """Create a post owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
