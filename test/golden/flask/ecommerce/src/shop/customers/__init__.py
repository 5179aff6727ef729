"""Customer: model, schemas, service and routes."""
