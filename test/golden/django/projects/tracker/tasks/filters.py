"""Task: list filters."""

import django_filters

from tracker.core.filters import RowIdFilter, SortFilter
from tracker.tasks.models import Task


class TaskFilter(django_filters.FilterSet):
    """Query parameters of the task list: filters and sorting."""

    title = django_filters.CharFilter(max_length=200)
    done = django_filters.BooleanFilter()
    project_id = RowIdFilter()
    parent_id = RowIdFilter()
    owner_id = RowIdFilter()
    sort = SortFilter(fields=("priority", "due"))

    class Meta:
        model = Task
        fields = ()
