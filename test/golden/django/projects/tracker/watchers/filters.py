"""Watcher: list filters."""

import django_filters

from tracker.core.filters import RowIdFilter
from tracker.watchers.models import Watcher


class WatcherFilter(django_filters.FilterSet):
    """Query parameters of the watcher list: filters."""

    project_id = RowIdFilter()

    class Meta:
        model = Watcher
        fields = ()
