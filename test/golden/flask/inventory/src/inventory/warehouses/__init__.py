"""Warehouse: model, schemas, service and routes."""
