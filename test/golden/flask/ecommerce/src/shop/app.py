"""Application factory: configuration, extensions, blueprints."""

from flask import Flask
from flask_cors import CORS
from flask_migrate import Migrate

from shop.api import install_trailing_slash_redirects
from shop.cart_items.routes import blueprint as cart_items_blueprint
from shop.carts.routes import blueprint as carts_blueprint
from shop.categories.routes import blueprint as categories_blueprint
from shop.config import Settings, get_settings
from shop.customers.routes import blueprint as customers_blueprint
from shop.db import db, engine_options, engine_url
from shop.errors import register_error_handlers
from shop.health import blueprint as health_blueprint
from shop.logging import configure_logging
from shop.openapi import install_openapi
from shop.order_items.routes import blueprint as order_items_blueprint
from shop.orders.routes import blueprint as orders_blueprint
from shop.products.routes import blueprint as products_blueprint
from shop.request_id import install_request_ids
from shop.tags.routes import blueprint as tags_blueprint
from shop.users.auth import init_auth
from shop.users.cli import create_admin
from shop.users.routes import blueprint as users_blueprint

# Alembic through Flask-Migrate: `flask --app shop.app db upgrade` (or check, migrate).
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
    for blueprint in (
        health_blueprint,
        users_blueprint,
        categories_blueprint,
        tags_blueprint,
        products_blueprint,
        customers_blueprint,
        carts_blueprint,
        cart_items_blueprint,
        orders_blueprint,
        order_items_blueprint,
    ):
        app.register_blueprint(blueprint)
    install_openapi(
        app,
        title=settings.app_name,
        description="E-commerce API with a product catalog, carts and orders.",
        version="0.1.0",
    )
    return app
