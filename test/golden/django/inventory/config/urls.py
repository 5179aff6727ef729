"""URL configuration: the API routes (no trailing slashes), health probes, OpenAPI and the admin."""

from django.contrib import admin
from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from inventory.core.health import LiveView, ReadyView
from inventory.items.views import ItemViewSet
from inventory.shipments.views import ShipmentViewSet
from inventory.warehouses.views import WarehouseViewSet

router = SimpleRouter(trailing_slash=False)
router.register("warehouses", WarehouseViewSet, basename="warehouse")
router.register("items", ItemViewSet, basename="item")
router.register("shipments", ShipmentViewSet, basename="shipment")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("health/live", LiveView.as_view(), name="health-live"),
    path("health/ready", ReadyView.as_view(), name="health-ready"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="docs"),
    *router.urls,
]

handler404 = "inventory.core.errors.not_found"
handler500 = "inventory.core.errors.server_error"
