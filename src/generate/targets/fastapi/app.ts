/** Modules assembled from the whole project model: settings, the app factory and the model registry. */

import type { ProjectModel } from "../../project-model.js";
import { Imports, pyModule } from "../../python/imports.js";
import { pyStr, pyText } from "../../python/literal.js";

export function configModule(model: ProjectModel): string {
  const imports = new Imports().add(
    "functools:lru_cache",
    "pydantic_settings:BaseSettings",
    "pydantic_settings:SettingsConfigDict",
  );
  const lines: string[] = [];
  for (const setting of model.settings) {
    imports.add(...(setting.imports ?? []));
    lines.push(`    ${setting.name}: ${setting.type} = ${setting.default}`, `    """${setting.doc}"""`, "");
  }
  let validator = "";
  if (model.productionChecks.length) {
    imports.add("pydantic:model_validator", "typing:Self");
    const checks = model.productionChecks.map(
      (check) => `        if ${check.condition}:
            problems.append(${pyStr(check.message)})`,
    );
    validator = `
    @model_validator(mode="after")
    def _refuse_unsafe_production_settings(self) -> Self:
        if self.environment != "production":
            return self
        problems: list[str] = []
${checks.join("\n")}
        if problems:
            raise ValueError("; ".join(problems))
        return self
`;
  }
  const body = `class Settings(BaseSettings):
    """Every setting of the application: environment variables override .env (see .env.example)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", use_attribute_docstrings=True
    )

${lines.join("\n")}${validator}


@lru_cache
def get_settings() -> Settings:
    """The settings, read once per process."""
    return Settings()`;
  return pyModule("Settings from environment variables and .env.", imports, body, [model.pkg]);
}

export function mainModule(model: ProjectModel, description: string): string {
  const { pkg } = model;
  const imports = new Imports().add(
    "collections.abc:AsyncIterator",
    "contextlib:asynccontextmanager",
    "fastapi:FastAPI",
    "fastapi.middleware.cors:CORSMiddleware",
    `${pkg}.config:Settings`,
    `${pkg}.config:get_settings`,
    `${pkg}.db:engine`,
    `${pkg}.errors:register_error_handlers`,
    `${pkg}.logging:configure_logging`,
    `${pkg}.middleware:RequestIdMiddleware`,
  );
  for (const router of model.routers) imports.add(`${router.module}:router as ${router.alias}`);
  const state = model.appState.map((entry) => {
    imports.add(...entry.imports);
    return `\n    app.state.${entry.name} = ${entry.expr}`;
  });
  const routers = model.routers.map((r) => r.alias).join(", ");
  const body = `@asynccontextmanager
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
        description=${pyText(description, 8)},
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
    register_error_handlers(app)${state.join("")}
    for router in (${routers}${model.routers.length === 1 ? "," : ""}):
        app.include_router(router)
    return app


app = create_app()`;
  return pyModule("Application factory: middleware, error handlers and routers.", imports, body, [pkg]);
}

export function modelsRegistry(model: ProjectModel, names: Map<string, string[]>): string {
  const imports = new Imports();
  const all: string[] = [];
  for (const module of model.modelModules) {
    for (const name of names.get(module) ?? []) {
      imports.add(`${module}:${name}`);
      all.push(name);
    }
  }
  imports.add(`${model.pkg}.db:Base`);
  all.push("metadata");
  all.sort();
  return pyModule(
    "Every ORM model, imported in one place so Alembic and the mappers see them all.",
    imports,
    `__all__ = [${all.map(pyStr).join(", ")}]

# Complete only because every model module is imported above.
metadata = Base.metadata`,
    [model.pkg],
  );
}
