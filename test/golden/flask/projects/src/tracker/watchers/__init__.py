"""Watcher: model, schemas, service and routes."""
