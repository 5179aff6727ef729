"""Post: list filters."""

import django_filters

from blog.core.filters import RowIdFilter, SortFilter
from blog.posts.models import Post, PostStatus


class PostFilter(django_filters.FilterSet):
    """Query parameters of the post list: filters and sorting."""

    title = django_filters.CharFilter(max_length=200)
    status = django_filters.ChoiceFilter(choices=PostStatus.choices)
    owner_id = RowIdFilter()
    sort = SortFilter(fields=("title", "published_at"))

    class Meta:
        model = Post
        fields = ()
