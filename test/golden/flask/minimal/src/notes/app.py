"""Application factory: configuration, extensions, blueprints."""

from flask import Flask
from flask_cors import CORS
from flask_migrate import Migrate

from notes.api import install_trailing_slash_redirects
from notes.config import Settings, get_settings
from notes.db import db, engine_options, engine_url
from notes.errors import register_error_handlers
from notes.health import blueprint as health_blueprint
from notes.logging import configure_logging
from notes.notes.routes import blueprint as notes_blueprint
from notes.openapi import install_openapi
from notes.request_id import install_request_ids
from notes.users.auth import init_auth
from notes.users.cli import create_admin
from notes.users.routes import blueprint as users_blueprint

# Alembic through Flask-Migrate: `flask --app notes.app db upgrade` (or check, migrate).
migrate = Migrate()


def create_app(settings: Settings | None = None) -> Flask:
    """Build the application: configuration, extensions, error handlers, blueprints, OpenAPI."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, json_logs=settings.log_json)
    app = Flask(__name__)
    app.config.update(
        SQLALCHEMY_DATABASE_URI=engine_url(settings.database_url),
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
        ),
    )
    db.init_app(app)
    migrate.init_app(app, db)
    if settings.cors_origins:
        CORS(app, origins=settings.cors_origins, supports_credentials=True)
    install_request_ids(app)
    install_trailing_slash_redirects(app)
    register_error_handlers(app)
    init_auth(app, settings)
    app.cli.add_command(create_admin)
    for blueprint in (health_blueprint, users_blueprint, notes_blueprint):
        app.register_blueprint(blueprint)
    install_openapi(
        app,
        title=settings.app_name,
        description="notes API",
        version="0.1.0",
    )
    return app
