"""Application factory: middleware, error handlers and routers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from inventory.config import Settings, get_settings
from inventory.db import engine
from inventory.errors import register_error_handlers
from inventory.health import router as health_router
from inventory.items.router import router as items_router
from inventory.logging import configure_logging
from inventory.middleware import RequestIdMiddleware
from inventory.shipments.router import router as shipments_router
from inventory.warehouses.router import router as warehouses_router


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
        description="Warehouses, stock items and shipments for an internal inventory service.",
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
    for router in (health_router, warehouses_router, items_router, shipments_router):
        app.include_router(router)
    return app


app = create_app()
