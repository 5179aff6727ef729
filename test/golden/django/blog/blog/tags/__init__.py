"""Tag: model, serializers, filters, routes and admin."""
