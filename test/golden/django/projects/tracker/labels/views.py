"""Label: HTTP routes."""

from django.db.models import QuerySet
from rest_framework.permissions import IsAuthenticated
from rest_framework.serializers import BaseSerializer

from tracker.core.pagination import OffsetPagination
from tracker.core.viewsets import EntityViewSet
from tracker.labels.filters import LabelFilter
from tracker.labels.models import Label
from tracker.labels.serializers import LabelSerializer
from tracker.users.permissions import visible_to


class LabelViewSet(EntityViewSet[Label]):
    """Labels: paged, filtered.

    Each user sees and changes their own; administrators see all.
    """

    queryset = Label.objects.all()
    serializer_class = LabelSerializer
    filterset_class = LabelFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "label_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet[Label]:
        """Users see their own labels; administrators see all."""
        return visible_to(super().get_queryset(), self.request.user)

    def perform_create(self, serializer: BaseSerializer[Label]) -> None:
        """Create a label owned by the caller; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer, owner=self.request.user)
