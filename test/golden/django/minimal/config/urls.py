"""URL configuration: the API routes (no trailing slashes), health probes, OpenAPI and the admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from notes.core.health import LiveView, ReadyView
from notes.notes.views import NoteViewSet

router = SimpleRouter(trailing_slash=False)
router.register("notes", NoteViewSet, basename="note")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("auth/", include("notes.users.urls")),
    path("health/live", LiveView.as_view(), name="health-live"),
    path("health/ready", ReadyView.as_view(), name="health-ready"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="docs"),
    *router.urls,
]

handler404 = "notes.core.errors.not_found"
handler500 = "notes.core.errors.server_error"
