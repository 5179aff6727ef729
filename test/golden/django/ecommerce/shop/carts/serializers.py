"""Cart: serializers (validation in, JSON out)."""

from rest_framework import serializers

from shop.cart_items.serializers import CartItemBriefSerializer
from shop.carts.models import Cart
from shop.core.fields import StrictCharField
from shop.core.serializers import StrictModelSerializer


class CartBriefSerializer(serializers.ModelSerializer[Cart]):
    """A cart without its collections."""

    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Cart
        fields = ("id", "note", "owner_id")
        read_only_fields = fields


class CartSerializer(StrictModelSerializer[Cart]):
    """A cart as the API reads and writes it."""

    note = StrictCharField(max_length=200, allow_blank=True, required=False, allow_null=True)
    owner_id = serializers.IntegerField(read_only=True)
    items = CartItemBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Cart
        fields = ("id", "note", "owner_id", "items", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
