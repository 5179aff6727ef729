"""Project: model, schemas, service and routes."""
