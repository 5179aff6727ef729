"""Project: list filters."""

import django_filters

from tracker.core.filters import RowIdFilter, SortFilter
from tracker.projects.models import Project


class ProjectFilter(django_filters.FilterSet):
    """Query parameters of the project list: filters and sorting."""

    archived = django_filters.BooleanFilter()
    owner_id = RowIdFilter()
    sort = SortFilter(fields=("name",))

    class Meta:
        model = Project
        fields = ()
