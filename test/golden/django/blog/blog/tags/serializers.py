"""Tag: serializers (validation in, JSON out)."""

from rest_framework import serializers

from blog.core.fields import StrictCharField
from blog.core.serializers import StrictModelSerializer
from blog.tags.models import Tag


class TagBriefSerializer(serializers.ModelSerializer[Tag]):
    """A tag without its collections."""

    class Meta:
        model = Tag
        fields = ("id", "name")
        read_only_fields = fields


class TagSerializer(StrictModelSerializer[Tag]):
    """A tag as the API reads and writes it."""

    name = StrictCharField(max_length=40, trim_whitespace=True, lower=True)

    class Meta:
        model = Tag
        fields = ("id", "name", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
