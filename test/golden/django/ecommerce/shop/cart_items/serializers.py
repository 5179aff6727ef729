"""CartItem: serializers (validation in, JSON out)."""

from rest_framework import serializers

from shop.cart_items.models import CartItem
from shop.carts.models import Cart
from shop.core.fields import RowIdField
from shop.core.serializers import StrictModelSerializer
from shop.products.models import Product


class CartItemBriefSerializer(serializers.ModelSerializer[CartItem]):
    """A cart item without its collections."""

    product_id = serializers.IntegerField(read_only=True)
    cart_id = serializers.IntegerField(read_only=True)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = CartItem
        fields = ("id", "quantity", "product_id", "cart_id", "owner_id")
        read_only_fields = fields


class CartItemSerializer(StrictModelSerializer[CartItem]):
    """A cart item as the API reads and writes it."""

    quantity = serializers.IntegerField(min_value=1, max_value=100, required=False)
    product_id = RowIdField(source="product", queryset=Product.objects.all())
    cart_id = RowIdField(source="cart", queryset=Cart.objects.all(), owned=True)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = CartItem
        fields = ("id", "quantity", "product_id", "cart_id", "owner_id", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
