"""OrderItem: model, serializers, filters, routes and admin."""
