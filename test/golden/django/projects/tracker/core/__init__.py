"""Shared building blocks of every app."""
