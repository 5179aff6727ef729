/**
 * The Flask target: an app factory with one blueprint per domain, Flask-SQLAlchemy over the same typed
 * SQLAlchemy 2 models as the FastAPI target, Flask-Migrate with the same initial migration, Pydantic v2
 * schemas (the FastAPI target's) for validation, serialization and the OpenAPI document, and the same
 * HTTP behaviour: paths, bodies, error shape, paging, ownership and roles.
 */
import type { ResolvedProject } from "../../../blueprint/resolve.js";
import { contributeFlaskAuth } from "../../features/auth/flask/index.js";
import { ProjectModel } from "../../project-model.js";
import { initialMigration } from "../../python/migration.js";
import { configModule, modelsRegistry } from "../fastapi/app.js";
import { entityContext } from "../fastapi/entity/context.js";
import { modelsModule } from "../fastapi/entity/models.js";
import { schemasModule } from "../fastapi/entity/schemas.js";
import { associationTables, entityTable } from "../fastapi/entity/table.js";
import { DOCKERIGNORE, envExample, GITIGNORE, SCRIPT_MAKO } from "../fastapi/packaging.js";
import { crudTestsModule } from "../fastapi/tests/crud-tests.js";
import type { Target } from "../target.js";
import { appModule } from "./app.js";
import { contributeFlaskCore } from "./core.js";
import { routesModule } from "./entity/routes.js";
import { flaskServiceModule } from "./entity/service.js";
import {
  FLASK_DEV_DEPENDENCIES,
  flaskAlembicIni,
  flaskCiWorkflow,
  flaskComposeYaml,
  flaskDockerfile,
  flaskMigrationsEnv,
  flaskPyprojectToml,
  flaskReadme,
} from "./packaging.js";
import { flaskAppTestsModule, flaskConftestModule } from "./tests/app-tests.js";
import { flaskEntityTestsModule } from "./tests/entity-tests.js";
import { flaskFactoriesModule } from "./tests/factories.js";

export const flaskTarget: Target = {
  framework: "flask",
  rationale: "a small synchronous WSGI app: explicit blueprints, Flask's extensions, gunicorn workers",
  stack: {
    layout: (name) => `src/${name}/ (an app factory), migrations/ and tests/`,
    validation: {
      choice: "Pydantic v2 schemas per entity (Create, Update, Brief, Read, Query), the FastAPI target's own",
      reason: "the same rules on every target, and the same models write the OpenAPI document",
    },
    data: (database) => [
      {
        choice: `Flask-SQLAlchemy 3.1 over typed SQLAlchemy 2 models with ${database === "postgresql" ? "PostgreSQL via psycopg 3" : "SQLite (embedded, no server)"}; PostgreSQL also supported by setting DATABASE_URL`,
        reason: "typed Mapped[] models, one code path for both databases",
      },
      {
        choice: "Flask-Migrate: an initial migration written from the models, explicit naming convention",
        reason: "reproducible constraint names; `flask db check` proves models and migrations agree",
      },
      {
        choice: "relationships are lazy='raise'; read paths eager-load with selectinload",
        reason: "an accidental lazy load fails loudly instead of becoming an N+1 query",
      },
    ],
    services: {
      choice: "service functions per domain over the request's db.session",
      reason: "routes stay thin; logic is testable without HTTP",
    },
    concurrency: {
      choice: "synchronous request handling, concurrency from gunicorn worker processes",
      reason: "Flask and Flask-SQLAlchemy are WSGI and synchronous: no event loop to block",
    },
    middleware: {
      choice: "request ids, CORS (flask-cors) from settings, access rules declared on each route",
      reason: "correlation ids in every log line; who may call a route is visible where it is declared",
    },
    tests: "pytest with Flask's test client",
    performance: {
      choice: "small connection pools; eager loading on every read path",
      reason: "the query count of a list does not grow with its page size (tested)",
    },
    migrationCheck: "flask db check",
    server: {
      choice: "gunicorn with sync workers in production",
      reason: "the standard WSGI server: a process per core, no event loop needed",
    },
  },
  build: buildFlaskProject,
};

function buildFlaskProject(project: ResolvedProject): ProjectModel {
  const { blueprint } = project;
  const model = new ProjectModel(project.name, project.name);
  for (const [name, spec] of FLASK_DEV_DEPENDENCIES) model.addDependency(name, spec, true);
  contributeFlaskCore(model);
  contributeFlaskAuth(model, project);
  contributeEntities(model, project);
  assemble(model, project);
  if (blueprint.deploy.docker) {
    model.tree.add("Dockerfile", flaskDockerfile(model.pkg, blueprint.python));
    model.tree.add(".dockerignore", DOCKERIGNORE);
    model.tree.add("compose.yaml", flaskComposeYaml(model.name, project.auth));
  }
  if (blueprint.deploy.ci) {
    model.tree.add(".github/workflows/ci.yml", flaskCiWorkflow(model.name, model.pkg));
  }
  return model;
}

function contributeEntities(model: ProjectModel, project: ResolvedProject): void {
  const src = `src/${model.pkg}`;
  const association = [];
  for (const entity of project.entities) {
    const ctx = entityContext(project, entity);
    const dir = `${src}/${entity.plural}`;
    model.tree.add(`${dir}/__init__.py`, `"""${entity.name}: model, schemas, service and routes."""\n`);
    model.tree.add(`${dir}/models.py`, modelsModule(ctx));
    model.tree.add(`${dir}/schemas.py`, schemasModule(ctx));
    model.tree.add(`${dir}/service.py`, flaskServiceModule(ctx));
    model.tree.add(`${dir}/routes.py`, routesModule(ctx));
    model.tree.add(`tests/${entity.plural}/__init__.py`, "");
    model.tree.add(`tests/${entity.plural}/test_${entity.plural}.py`, flaskEntityTestsModule(ctx));
    model.routers.push({ module: `${ctx.module}.routes`, alias: `${entity.plural}_blueprint` });
    model.modelModules.push(`${ctx.module}.models`);
    model.tables.push(entityTable(ctx));
    association.push(...associationTables(ctx));
  }
  // Association tables reference both sides, so they come after every entity table.
  model.tables.push(...association);
}

function assemble(model: ProjectModel, project: ResolvedProject): void {
  const { blueprint } = project;
  const src = `src/${model.pkg}`;
  const description = blueprint.description || `${model.name} API`;
  const modelNames = new Map<string, string[]>();
  if (project.auth) modelNames.set(`${model.pkg}.users.models`, ["User"]);
  for (const entity of project.entities)
    modelNames.set(`${model.pkg}.${entity.plural}.models`, [entity.name]);
  model.tree.add(`${src}/config.py`, configModule(model));
  model.tree.add(`${src}/app.py`, appModule(model, description, project.auth));
  model.tree.add(`${src}/models.py`, modelsRegistry(model, modelNames));
  model.tree.add("migrations/alembic.ini", flaskAlembicIni());
  model.tree.add("migrations/env.py", flaskMigrationsEnv(model.pkg));
  model.tree.add("migrations/script.py.mako", SCRIPT_MAKO);
  model.tree.add("migrations/versions/0001_initial.py", initialMigration(model.tables));
  model.tree.add("tests/__init__.py", "");
  model.tree.add("tests/conftest.py", flaskConftestModule(project));
  model.tree.add("tests/factories.py", flaskFactoriesModule(project));
  model.tree.add("tests/test_app.py", flaskAppTestsModule(project));
  const crudTests = crudTestsModule(project, "sync");
  if (crudTests) model.tree.add("tests/test_crud.py", crudTests);
  model.tree.add("pyproject.toml", flaskPyprojectToml(model, description, blueprint.python, project.auth));
  model.tree.add(".env.example", envExample(model));
  model.tree.add(".gitignore", GITIGNORE);
  const entities = project.entities.map((e) => e.plural);
  model.tree.add("README.md", flaskReadme(model, blueprint.description, entities));
}
