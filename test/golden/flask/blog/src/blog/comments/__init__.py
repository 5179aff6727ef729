"""Comment: model, schemas, service and routes."""
