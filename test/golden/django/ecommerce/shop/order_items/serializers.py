"""OrderItem: serializers (validation in, JSON out)."""

from decimal import Decimal

from rest_framework import serializers

from shop.core.fields import RowIdField
from shop.core.serializers import StrictModelSerializer
from shop.order_items.models import OrderItem
from shop.orders.models import Order
from shop.products.models import Product


class OrderItemBriefSerializer(serializers.ModelSerializer[OrderItem]):
    """An order item without its collections."""

    product_id = serializers.IntegerField(read_only=True)
    order_id = serializers.IntegerField(read_only=True)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = OrderItem
        fields = ("id", "quantity", "unit_price", "product_id", "order_id", "owner_id")
        read_only_fields = fields


class OrderItemSerializer(StrictModelSerializer[OrderItem]):
    """An order item as the API reads and writes it."""

    quantity = serializers.IntegerField(min_value=1, max_value=2_147_483_647)
    unit_price = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0"))
    product_id = RowIdField(source="product", queryset=Product.objects.all())
    order_id = RowIdField(source="order", queryset=Order.objects.all(), owned=True)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = OrderItem
        fields = (
            "id",
            "quantity",
            "unit_price",
            "product_id",
            "order_id",
            "owner_id",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
