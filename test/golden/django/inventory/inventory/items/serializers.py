"""Item: serializers (validation in, JSON out)."""

from typing import Any

from rest_framework import serializers

from inventory.core.fields import RowIdField, StrictCharField
from inventory.core.serializers import StrictModelSerializer
from inventory.items.models import Item
from inventory.warehouses.models import Warehouse


def item_rule_errors(*, min_level: int | None, max_level: int | None) -> list[str]:
    """Cross-field rules of an item: one message per broken rule."""
    errors: list[str] = []
    if max_level is not None and min_level is not None and not max_level >= min_level:
        errors.append("max_level must be greater than or equal to min_level")
    return errors


class ItemBriefSerializer(serializers.ModelSerializer[Item]):
    """An item without its collections."""

    warehouse_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Item
        fields = ("id", "barcode", "name", "min_level", "max_level", "best_before", "warehouse_id")
        read_only_fields = fields


class ItemSerializer(StrictModelSerializer[Item]):
    """An item as the API reads and writes it."""

    barcode = StrictCharField(max_length=20)
    name = StrictCharField(max_length=120)
    min_level = serializers.IntegerField(min_value=0, max_value=2_147_483_647)
    max_level = serializers.IntegerField(min_value=0, max_value=2_147_483_647)
    best_before = serializers.DateField(required=False, allow_null=True)
    warehouse_id = RowIdField(source="warehouse", queryset=Warehouse.objects.all())

    class Meta:
        model = Item
        fields = (
            "id",
            "barcode",
            "name",
            "min_level",
            "max_level",
            "best_before",
            "warehouse_id",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Rules that involve several fields, checked on the row as it will be saved."""
        # A partial update may change one side of a rule: check it against the saved row.
        saved = (
            {name: getattr(self.instance, name) for name in ("min_level", "max_level")}
            if self.instance
            else {}
        )
        values = {**saved, **attrs}
        errors = item_rule_errors(
            min_level=values.get("min_level"), max_level=values.get("max_level")
        )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
