"""CartItem: model, serializers, filters, routes and admin."""
