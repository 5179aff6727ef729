"""Note: model, serializers, filters, routes and admin."""
