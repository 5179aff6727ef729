"""Tag: list filters."""

import django_filters

from shop.tags.models import Tag


class TagFilter(django_filters.FilterSet):
    """Query parameters of the tag list: filters."""

    class Meta:
        model = Tag
        fields = ()
