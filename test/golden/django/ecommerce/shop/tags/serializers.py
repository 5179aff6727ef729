"""Tag: serializers (validation in, JSON out)."""

from rest_framework import serializers

from shop.core.fields import StrictCharField
from shop.core.serializers import StrictModelSerializer
from shop.tags.models import Tag


class TagBriefSerializer(serializers.ModelSerializer[Tag]):
    """A tag without its collections."""

    class Meta:
        model = Tag
        fields = ("id", "label")
        read_only_fields = fields


class TagSerializer(StrictModelSerializer[Tag]):
    """A tag as the API reads and writes it."""

    label = StrictCharField(max_length=40, trim_whitespace=True, lower=True)  # type: ignore[assignment]

    class Meta:
        model = Tag
        fields = ("id", "label", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
