"""Project: model, serializers, filters, routes and admin."""
