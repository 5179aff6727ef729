"""Shipment: model, schemas, service and routes."""
