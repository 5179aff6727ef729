"""CartItem: model, schemas, service and routes."""
