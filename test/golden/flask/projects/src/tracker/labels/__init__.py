"""Label: model, schemas, service and routes."""
