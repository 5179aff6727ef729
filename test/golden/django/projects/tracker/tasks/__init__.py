"""Task: model, serializers, filters, routes and admin."""
