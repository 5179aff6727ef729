"""Post: model, serializers, filters, routes and admin."""
