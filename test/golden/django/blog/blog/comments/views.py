"""Comment: HTTP routes."""

from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.serializers import BaseSerializer

from blog.comments.filters import CommentFilter
from blog.comments.models import Comment
from blog.comments.serializers import CommentSerializer
from blog.core.pagination import CursorPagination
from blog.core.viewsets import EntityViewSet
from blog.users.permissions import IsOwnerOrAdmin


class CommentViewSet(EntityViewSet[Comment]):
    """Comments: paged, filtered.

    Anyone reads them; the owner or an administrator changes them.
    """

    queryset = Comment.objects.all()
    serializer_class = CommentSerializer
    filterset_class = CommentFilter
    pagination_class = CursorPagination
    lookup_url_kwarg = "comment_id"
    read_permissions = (AllowAny,)
    write_permissions = (IsAuthenticated, IsOwnerOrAdmin)

    def perform_create(self, serializer: BaseSerializer[Comment]) -> None:
        """Create a comment owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
