"""Application factory: middleware, error handlers and routers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from tracker.config import Settings, get_settings
from tracker.db import engine
from tracker.errors import register_error_handlers
from tracker.health import router as health_router
from tracker.labels.router import router as labels_router
from tracker.logging import configure_logging
from tracker.middleware import RequestIdMiddleware
from tracker.projects.router import router as projects_router
from tracker.tasks.router import router as tasks_router
from tracker.users.router import router as users_router
from tracker.users.throttle import LoginThrottle
from tracker.watchers.router import router as watchers_router


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
        description="Projects everyone can see, each user's own tasks with subtasks and labels.",
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
        projects_router,
        labels_router,
        tasks_router,
        watchers_router,
    ):
        app.include_router(router)
    return app


app = create_app()
