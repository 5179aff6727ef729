"""Category: model, schemas, service and routes."""
