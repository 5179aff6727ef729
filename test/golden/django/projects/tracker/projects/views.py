"""Project: HTTP routes."""

from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from tracker.core.pagination import OffsetPagination
from tracker.core.viewsets import EntityViewSet
from tracker.projects.filters import ProjectFilter
from tracker.projects.models import Project
from tracker.projects.serializers import ProjectSerializer
from tracker.users.permissions import IsOwnerOrAdmin


class ProjectViewSet(EntityViewSet[Project]):
    """Projects: paged, filtered and sorted.

    Signed-in users read them; the owner or an administrator changes them.
    """

    queryset = Project.objects.all()
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "project_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated, IsOwnerOrAdmin)

    def perform_create(self, serializer: BaseSerializer[Project]) -> None:
        """Create a project owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
