"""Shipment: model, serializers, filters, routes and admin."""
