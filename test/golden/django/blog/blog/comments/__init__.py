"""Comment: model, serializers, filters, routes and admin."""
