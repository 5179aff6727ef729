"""Note: model, schemas, service and routes."""
