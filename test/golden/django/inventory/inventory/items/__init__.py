"""Item: model, serializers, filters, routes and admin."""
