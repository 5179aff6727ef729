"""Django project configuration: settings, URLs, ASGI and WSGI."""

import django_stubs_ext

# Lets Django's admin classes be subscripted (ModelAdmin[Post]) as their type stubs are.
django_stubs_ext.monkeypatch()
