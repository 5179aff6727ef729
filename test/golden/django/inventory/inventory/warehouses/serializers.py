"""Warehouse: serializers (validation in, JSON out)."""

from django.core.validators import RegexValidator
from rest_framework import serializers

from inventory.core.fields import StrictCharField
from inventory.core.serializers import StrictModelSerializer
from inventory.warehouses.models import Warehouse


class WarehouseBriefSerializer(serializers.ModelSerializer[Warehouse]):
    """A warehouse without its collections."""

    class Meta:
        model = Warehouse
        fields = ("id", "code", "city", "website", "capacity", "active")
        read_only_fields = fields


class WarehouseSerializer(StrictModelSerializer[Warehouse]):
    """A warehouse as the API reads and writes it."""

    code = StrictCharField(max_length=12, validators=[RegexValidator(r"^[A-Z]{3}[0-9]{2}$")])
    city = StrictCharField(max_length=80)
    website = StrictCharField(
        max_length=2048,
        allow_blank=True,
        validators=[RegexValidator(r"^https?://\S+$")],
        required=False,
        allow_null=True,
    )
    capacity = serializers.FloatField(min_value=0)
    active = serializers.BooleanField(required=False)

    class Meta:
        model = Warehouse
        fields = ("id", "code", "city", "website", "capacity", "active", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
