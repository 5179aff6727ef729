"""Category: model, serializers, filters, routes and admin."""
