"""Product: model, schemas, service and routes."""
