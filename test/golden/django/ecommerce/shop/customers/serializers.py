"""Customer: serializers (validation in, JSON out)."""

from rest_framework import serializers

from shop.core.fields import StrictCharField
from shop.core.serializers import StrictModelSerializer
from shop.customers.models import Customer


class CustomerBriefSerializer(serializers.ModelSerializer[Customer]):
    """A customer without its collections."""

    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Customer
        fields = ("id", "full_name", "email", "phone", "marketing_opt_in", "owner_id")
        read_only_fields = fields


class CustomerSerializer(StrictModelSerializer[Customer]):
    """A customer as the API reads and writes it."""

    full_name = StrictCharField(max_length=120)
    email = serializers.EmailField(max_length=320)
    phone = StrictCharField(max_length=30, allow_blank=True, required=False, allow_null=True)
    marketing_opt_in = serializers.BooleanField(required=False)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Customer
        fields = (
            "id",
            "full_name",
            "email",
            "phone",
            "marketing_opt_in",
            "owner_id",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
