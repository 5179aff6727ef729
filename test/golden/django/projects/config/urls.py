"""URL configuration: the API routes (no trailing slashes), health probes, OpenAPI and the admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from tracker.core.health import LiveView, ReadyView
from tracker.labels.views import LabelViewSet
from tracker.projects.views import ProjectViewSet
from tracker.tasks.views import TaskViewSet
from tracker.watchers.views import WatcherViewSet

router = SimpleRouter(trailing_slash=False)
router.register("projects", ProjectViewSet, basename="project")
router.register("labels", LabelViewSet, basename="label")
router.register("tasks", TaskViewSet, basename="task")
router.register("watchers", WatcherViewSet, basename="watcher")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("auth/", include("tracker.users.urls")),
    path("health/live", LiveView.as_view(), name="health-live"),
    path("health/ready", ReadyView.as_view(), name="health-ready"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="docs"),
    *router.urls,
]

handler404 = "tracker.core.errors.not_found"
handler500 = "tracker.core.errors.server_error"
