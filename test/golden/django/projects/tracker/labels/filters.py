"""Label: list filters."""

import django_filters

from tracker.core.filters import RowIdFilter
from tracker.labels.models import Label


class LabelFilter(django_filters.FilterSet):
    """Query parameters of the label list: filters."""

    owner_id = RowIdFilter()

    class Meta:
        model = Label
        fields = ()
