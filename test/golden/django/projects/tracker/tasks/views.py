"""Task: HTTP routes."""

from django.db.models import QuerySet
from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from tracker.core.pagination import OffsetPagination
from tracker.core.viewsets import EntityViewSet
from tracker.tasks.filters import TaskFilter
from tracker.tasks.models import Task
from tracker.tasks.serializers import TaskSerializer
from tracker.users.permissions import visible_to


class TaskViewSet(EntityViewSet[Task]):
    """Tasks: paged, filtered and sorted.

    Each user sees and changes their own; administrators see all.
    """

    queryset = Task.objects.prefetch_related("subtasks", "labels")
    serializer_class = TaskSerializer
    filterset_class = TaskFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "task_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet[Task]:
        """Users see their own tasks; administrators see all."""
        return visible_to(super().get_queryset(), self.request.user)

    def perform_create(self, serializer: BaseSerializer[Task]) -> None:
        """Create a task owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
