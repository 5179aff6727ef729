"""Order: serializers (validation in, JSON out)."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from rest_framework import serializers

from shop.core.fields import AwareDateTimeField, RowIdField, StrictCharField
from shop.core.serializers import StrictModelSerializer
from shop.customers.models import Customer
from shop.order_items.serializers import OrderItemBriefSerializer
from shop.orders.models import Order, OrderStatus


def order_rule_errors(*, placed_at: datetime | None, shipped_at: datetime | None) -> list[str]:
    """Cross-field rules of an order: one message per broken rule."""
    errors: list[str] = []
    if shipped_at is not None and placed_at is not None and not shipped_at >= placed_at:
        errors.append("an order cannot ship before it is placed")
    return errors


class OrderBriefSerializer(serializers.ModelSerializer[Order]):
    """An order without its collections."""

    customer_id = serializers.IntegerField(read_only=True)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Order
        fields = (
            "id",
            "status",
            "total",
            "placed_at",
            "shipped_at",
            "shipping_address",
            "customer_id",
            "owner_id",
        )
        read_only_fields = fields


class OrderSerializer(StrictModelSerializer[Order]):
    """An order as the API reads and writes it."""

    status = serializers.ChoiceField(choices=OrderStatus.choices, required=False)
    total = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0"))
    placed_at = AwareDateTimeField()
    shipped_at = AwareDateTimeField(required=False, allow_null=True)
    shipping_address = StrictCharField(allow_blank=True)
    customer_id = RowIdField(source="customer", queryset=Customer.objects.all(), owned=True)
    owner_id = serializers.IntegerField(read_only=True)
    items = OrderItemBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = (
            "id",
            "status",
            "total",
            "placed_at",
            "shipped_at",
            "shipping_address",
            "customer_id",
            "owner_id",
            "items",
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
            {name: getattr(self.instance, name) for name in ("placed_at", "shipped_at")}
            if self.instance
            else {}
        )
        values = {**saved, **attrs}
        errors = order_rule_errors(
            placed_at=values.get("placed_at"), shipped_at=values.get("shipped_at")
        )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
