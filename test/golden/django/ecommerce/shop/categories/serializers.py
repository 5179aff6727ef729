"""Category: serializers (validation in, JSON out)."""

from typing import Any

from rest_framework import serializers

from shop.categories.models import Category
from shop.core.fields import RowIdField, StrictCharField
from shop.core.serializers import StrictModelSerializer


class CategoryBriefSerializer(serializers.ModelSerializer[Category]):
    """A category without its collections."""

    parent_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Category
        fields = ("id", "name", "description", "parent_id")
        read_only_fields = fields


class CategorySerializer(StrictModelSerializer[Category]):
    """A category as the API reads and writes it."""

    name = StrictCharField(max_length=80)
    description = StrictCharField(allow_blank=True, required=False, allow_null=True)
    parent_id = RowIdField(
        source="parent", queryset=Category.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Category
        fields = ("id", "name", "description", "parent_id", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Rules that involve several fields, checked on the row as it will be saved."""
        parent = attrs.get("parent")
        if self.instance is not None and parent is not None and parent.pk == self.instance.pk:
            msg = "parent_id cannot refer to the category itself."
            raise serializers.ValidationError({"parent_id": [msg]})
        return attrs
