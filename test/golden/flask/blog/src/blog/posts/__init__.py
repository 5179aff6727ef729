"""Post: model, schemas, service and routes."""
