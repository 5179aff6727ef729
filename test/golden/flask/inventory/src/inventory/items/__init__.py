"""Item: model, schemas, service and routes."""
