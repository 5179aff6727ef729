"""Product: model, serializers, filters, routes and admin."""
