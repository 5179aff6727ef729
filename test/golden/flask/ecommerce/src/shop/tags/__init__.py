"""Tag: model, schemas, service and routes."""
