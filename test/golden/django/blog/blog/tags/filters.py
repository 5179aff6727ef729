"""Tag: list filters."""

import django_filters

from blog.core.filters import SortFilter
from blog.tags.models import Tag


class TagFilter(django_filters.FilterSet):
    """Query parameters of the tag list: filters and sorting."""

    sort = SortFilter(fields=("name",))

    class Meta:
        model = Tag
        fields = ()
