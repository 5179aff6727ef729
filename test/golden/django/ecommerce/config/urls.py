"""URL configuration: the API routes (no trailing slashes), health probes, OpenAPI and the admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from shop.cart_items.views import CartItemViewSet
from shop.carts.views import CartViewSet
from shop.categories.views import CategoryViewSet
from shop.core.health import LiveView, ReadyView
from shop.customers.views import CustomerViewSet
from shop.order_items.views import OrderItemViewSet
from shop.orders.views import OrderViewSet
from shop.products.views import ProductViewSet
from shop.tags.views import TagViewSet

router = SimpleRouter(trailing_slash=False)
router.register("categories", CategoryViewSet, basename="category")
router.register("tags", TagViewSet, basename="tag")
router.register("products", ProductViewSet, basename="product")
router.register("customers", CustomerViewSet, basename="customer")
router.register("carts", CartViewSet, basename="cart")
router.register("cart_items", CartItemViewSet, basename="cart_item")
router.register("orders", OrderViewSet, basename="order")
router.register("order_items", OrderItemViewSet, basename="order_item")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("auth/", include("shop.users.urls")),
    path("health/live", LiveView.as_view(), name="health-live"),
    path("health/ready", ReadyView.as_view(), name="health-ready"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="docs"),
    *router.urls,
]

handler404 = "shop.core.errors.not_found"
handler500 = "shop.core.errors.server_error"
