"""Cart: model, serializers, filters, routes and admin."""
