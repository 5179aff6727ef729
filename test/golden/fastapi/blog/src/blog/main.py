"""Application factory: middleware, error handlers and routers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from blog.comments.router import router as comments_router
from blog.config import Settings, get_settings
from blog.db import engine
from blog.errors import register_error_handlers
from blog.health import router as health_router
from blog.logging import configure_logging
from blog.middleware import RequestIdMiddleware
from blog.posts.router import router as posts_router
from blog.tags.router import router as tags_router
from blog.users.router import router as users_router
from blog.users.throttle import LoginThrottle


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
        description="A blog with posts, comments and tags.",
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
    for router in (health_router, users_router, tags_router, posts_router, comments_router):
        app.include_router(router)
    return app


app = create_app()
