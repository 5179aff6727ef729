"""Application factory: configuration, extensions, blueprints."""

from flask import Flask
from flask_cors import CORS
from flask_migrate import Migrate

from inventory.api import install_trailing_slash_redirects
from inventory.config import Settings, get_settings
from inventory.db import db, engine_options, engine_url
from inventory.errors import register_error_handlers
from inventory.health import blueprint as health_blueprint
from inventory.items.routes import blueprint as items_blueprint
from inventory.logging import configure_logging
from inventory.openapi import install_openapi
from inventory.request_id import install_request_ids
from inventory.shipments.routes import blueprint as shipments_blueprint
from inventory.warehouses.routes import blueprint as warehouses_blueprint

# Alembic through Flask-Migrate: `flask --app inventory.app db upgrade` (or check, migrate).
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
    for blueprint in (health_blueprint, warehouses_blueprint, items_blueprint, shipments_blueprint):
        app.register_blueprint(blueprint)
    install_openapi(
        app,
        title=settings.app_name,
        description="Warehouses, stock items and shipments for an internal inventory service.",
        version="0.1.0",
    )
    return app
