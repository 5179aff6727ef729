"""Cart: model, schemas, service and routes."""
