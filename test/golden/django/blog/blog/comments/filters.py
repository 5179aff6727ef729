"""Comment: list filters."""

import django_filters

from blog.comments.models import Comment
from blog.core.filters import RowIdFilter


class CommentFilter(django_filters.FilterSet):
    """Query parameters of the comment list: filters."""

    post_id = RowIdFilter()
    owner_id = RowIdFilter()

    class Meta:
        model = Comment
        fields = ()
