"""Task: model, schemas, service and routes."""
