"""OrderItem: model, schemas, service and routes."""
