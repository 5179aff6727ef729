"""Shipment: serializers (validation in, JSON out)."""

from datetime import date
from typing import Any

from rest_framework import serializers

from inventory.core.fields import RowIdField
from inventory.core.serializers import StrictModelSerializer
from inventory.items.models import Item
from inventory.shipments.models import Shipment


def shipment_rule_errors(*, ships_on: date | None, arrives_on: date | None) -> list[str]:
    """Cross-field rules of a shipment: one message per broken rule."""
    errors: list[str] = []
    if arrives_on is not None and ships_on is not None and not arrives_on > ships_on:
        errors.append("arrives_on must be greater than ships_on")
    return errors


class ShipmentBriefSerializer(serializers.ModelSerializer[Shipment]):
    """A shipment without its collections."""

    item_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Shipment
        fields = ("id", "quantity", "ships_on", "arrives_on", "item_id")
        read_only_fields = fields


class ShipmentSerializer(StrictModelSerializer[Shipment]):
    """A shipment as the API reads and writes it."""

    quantity = serializers.IntegerField(min_value=1, max_value=2_147_483_647)
    ships_on = serializers.DateField()
    arrives_on = serializers.DateField()
    item_id = RowIdField(source="item", queryset=Item.objects.all())

    class Meta:
        model = Shipment
        fields = ("id", "quantity", "ships_on", "arrives_on", "item_id", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Rules that involve several fields, checked on the row as it will be saved."""
        # A partial update may change one side of a rule: check it against the saved row.
        saved = (
            {name: getattr(self.instance, name) for name in ("ships_on", "arrives_on")}
            if self.instance
            else {}
        )
        values = {**saved, **attrs}
        errors = shipment_rule_errors(
            ships_on=values.get("ships_on"), arrives_on=values.get("arrives_on")
        )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
