"""Order: model, serializers, filters, routes and admin."""
