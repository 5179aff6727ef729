"""Warehouse: model, serializers, filters, routes and admin."""
