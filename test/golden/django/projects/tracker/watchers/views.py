"""Watcher: HTTP routes."""

from rest_framework.permissions import IsAuthenticated

from tracker.core.pagination import OffsetPagination
from tracker.core.viewsets import EntityViewSet
from tracker.watchers.filters import WatcherFilter
from tracker.watchers.models import Watcher
from tracker.watchers.serializers import WatcherSerializer


class WatcherViewSet(EntityViewSet[Watcher]):
    """Watchers: paged, filtered.

    Signed-in users read them; signed-in users change them.
    """

    queryset = Watcher.objects.all()
    serializer_class = WatcherSerializer
    filterset_class = WatcherFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "watcher_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAuthenticated,)
