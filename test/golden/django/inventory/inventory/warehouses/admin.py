"""Warehouse: admin pages."""

from django.contrib import admin
from django.db import models

from inventory.warehouses.models import Warehouse


@admin.register(Warehouse)
class WarehouseAdmin(admin.ModelAdmin[Warehouse]):
    """Warehouses in the admin: list with search and filters."""

    list_display = ("id", "code", "city", "website", "capacity", "active", "created_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # noqa: RUF012 - read by Django
    list_filter = ("active",)
    search_fields = ("code", "city")
    readonly_fields = ("created_at", "updated_at")
