"""Label: model, serializers, filters, routes and admin."""
