"""Shipment: admin pages."""

from django.contrib import admin

from inventory.shipments.models import Shipment


@admin.register(Shipment)
class ShipmentAdmin(admin.ModelAdmin[Shipment]):
    """Shipments in the admin: list."""

    list_display = ("id", "quantity", "ships_on", "arrives_on", "item", "created_at")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("item",)
    list_select_related = ("item",)
