"""Watcher: model, serializers, filters, routes and admin."""
