"""Order: model, schemas, service and routes."""
