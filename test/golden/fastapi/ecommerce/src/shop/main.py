"""Application factory: middleware, error handlers and routers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from shop.cart_items.router import router as cart_items_router
from shop.carts.router import router as carts_router
from shop.categories.router import router as categories_router
from shop.config import Settings, get_settings
from shop.customers.router import router as customers_router
from shop.db import engine
from shop.errors import register_error_handlers
from shop.health import router as health_router
from shop.logging import configure_logging
from shop.middleware import RequestIdMiddleware
from shop.order_items.router import router as order_items_router
from shop.orders.router import router as orders_router
from shop.products.router import router as products_router
from shop.tags.router import router as tags_router
from shop.users.router import router as users_router
from shop.users.throttle import LoginThrottle


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    """Release the database connections on shutdown."""
    yield
    await engine.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application: logging, middleware, error handlers, routers."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, json_logs=settings.log_json)
    app = FastAPI(
        title=settings.app_name,
        description="E-commerce API with a product catalog, carts and orders.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.add_middleware(RequestIdMiddleware)
    register_error_handlers(app)
    app.state.login_throttle = LoginThrottle(
        max_failures=settings.login_max_failures, window_seconds=settings.login_lockout_seconds
    )
    for router in (
        health_router,
        users_router,
        categories_router,
        tags_router,
        products_router,
        customers_router,
        carts_router,
        cart_items_router,
        orders_router,
        order_items_router,
    ):
        app.include_router(router)
    return app


app = create_app()
