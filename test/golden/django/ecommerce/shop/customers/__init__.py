"""Customer: model, serializers, filters, routes and admin."""
