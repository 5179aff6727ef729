"""URL configuration: the API routes (no trailing slashes), health probes, OpenAPI and the admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from blog.comments.views import CommentViewSet
from blog.core.health import LiveView, ReadyView
from blog.posts.views import PostViewSet
from blog.tags.views import TagViewSet

router = SimpleRouter(trailing_slash=False)
router.register("tags", TagViewSet, basename="tag")
router.register("posts", PostViewSet, basename="post")
router.register("comments", CommentViewSet, basename="comment")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("auth/", include("blog.users.urls")),
    path("health/live", LiveView.as_view(), name="health-live"),
    path("health/ready", ReadyView.as_view(), name="health-ready"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="docs"),
    *router.urls,
]

handler404 = "blog.core.errors.not_found"
handler500 = "blog.core.errors.server_error"
