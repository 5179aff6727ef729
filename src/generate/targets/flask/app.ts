/** `app.py`: the application factory, assembled from the whole project model. */
import type { ProjectModel } from "../../project-model.js";
import { Imports, pyModule } from "../../python/imports.js";
import { pyText } from "../../python/literal.js";

export function appModule(model: ProjectModel, description: string, auth: boolean): string {
  const { pkg } = model;
  const imports = new Imports().add(
    "flask:Flask",
    "flask_cors:CORS",
    "flask_migrate:Migrate",
    `${pkg}.api:install_trailing_slash_redirects`,
    `${pkg}.config:Settings`,
    `${pkg}.config:get_settings`,
    `${pkg}.db:db`,
    `${pkg}.db:engine_options`,
    `${pkg}.db:engine_url`,
    `${pkg}.errors:register_error_handlers`,
    `${pkg}.logging:configure_logging`,
    `${pkg}.openapi:install_openapi`,
    `${pkg}.request_id:install_request_ids`,
  );
  for (const router of model.routers) imports.add(`${router.module}:blueprint as ${router.alias}`);
  if (auth) imports.add(`${pkg}.users.auth:init_auth`, `${pkg}.users.cli:create_admin`);
  const blueprints = model.routers.map((r) => r.alias).join(", ");
  const authLines = auth ? "\n    init_auth(app, settings)\n    app.cli.add_command(create_admin)" : "";
  const body = `# Alembic through Flask-Migrate: \`flask --app ${pkg}.app db upgrade\` (or check, migrate).
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
    register_error_handlers(app)${authLines}
    for blueprint in (${blueprints}${model.routers.length === 1 ? "," : ""}):
        app.register_blueprint(blueprint)
    install_openapi(
        app,
        title=settings.app_name,
        description=${pyText(description, 8)},
        version="0.1.0",
    )
    return app`;
  return pyModule("Application factory: configuration, extensions, blueprints.", imports, body, [pkg]);
}
