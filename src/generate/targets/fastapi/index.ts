/** The FastAPI target: assembles core, features and entities into the project model, then into files. */
import type { ResolvedProject } from "../../../blueprint/resolve.js";
import { contributeAuth } from "../../features/auth/index.js";
import { ProjectModel } from "../../project-model.js";
import { initialMigration } from "../../python/migration.js";
import type { Target } from "../target.js";
import { configModule, mainModule, modelsRegistry } from "./app.js";
import { contributeCore } from "./core.js";
import { entityContext, insertsOneRow } from "./entity/context.js";
import { modelsModule } from "./entity/models.js";
import { routerModule } from "./entity/router.js";
import { schemasModule } from "./entity/schemas.js";
import { serviceModule } from "./entity/service.js";
import { associationTables, entityTable } from "./entity/table.js";
import { jsonRowsModule, jsonRowsTestsModule } from "./json-rows.js";
import {
  alembicIni,
  ciWorkflow,
  composeYaml,
  DEV_DEPENDENCIES,
  DOCKERIGNORE,
  dockerfile,
  envExample,
  GITIGNORE,
  migrationsEnv,
  pyprojectToml,
  readme,
  SCRIPT_MAKO,
} from "./packaging.js";
import { statementsModule, statementsTestsModule } from "./statements.js";
import { appTestsModule, conftestModule } from "./tests/app-tests.js";
import { crudTestsModule } from "./tests/crud-tests.js";
import { entityTestsModule } from "./tests/entity-tests.js";
import { factoriesModule } from "./tests/factories.js";

export const fastapiTarget: Target = {
  framework: "fastapi",
  rationale: "async-first API with Pydantic validation and an OpenAPI document for free",
  stack: {
    layout: (name) => `src/${name}/, migrations/ and tests/`,
    validation: {
      choice: "Pydantic v2 schemas per entity: Create, Update (partial), Brief, Read, Query",
      reason: "input, partial update and output have different required fields",
    },
    data: (database) => [
      {
        choice: `async SQLAlchemy 2 with ${database === "postgresql" ? "PostgreSQL via asyncpg" : "SQLite via aiosqlite (embedded, no server)"}; PostgreSQL also supported by setting DATABASE_URL`,
        reason: "typed Mapped[] models, one code path for both databases",
      },
      {
        choice: "explicit naming convention, initial Alembic migration written from the models",
        reason: "reproducible constraint names; `alembic check` proves models and migrations agree",
      },
      {
        choice: "relationships are lazy='raise'; read paths select columns straight into the read schemas",
        reason:
          "no ORM objects to build on reads, and an accidental lazy load fails loudly instead of an N+1",
      },
    ],
    services: {
      choice: "service layer of keyword-only async functions per domain",
      reason: "routes stay thin; logic is testable without HTTP",
    },
    concurrency: {
      choice:
        "async all the way: async SQLAlchemy sessions for writes, async connections for reads, async drivers, httpx AsyncClient in tests",
      reason: "I/O never blocks the event loop",
    },
    middleware: {
      choice:
        "request-ID middleware (pure ASGI), CORS from settings, Annotated dependencies (SessionDep, ConnectionDep, CurrentUser, CurrentCaller)",
      reason: "correlation ids in every log line; explicit, reusable dependencies",
    },
    tests: "pytest + pytest-asyncio + httpx AsyncClient",
    performance: {
      choice:
        "small connection pools that requests wait for in arrival order, never opening overflow connections; reads as rows of JSON built by the database, compiled once per set of conditions and run on the driver without a transaction, as are one-row inserts (statements.py); routers that skip requests outside their prefix; declared return types",
      reason:
        "fewer round trips, no identity map and no SQLAlchemy execution layer per read, and Pydantic validates and serializes in its core (measured by bench/)",
    },
    migrationCheck: "alembic check",
    server: {
      choice: "uvicorn with uvloop and httptools in production",
      reason: "the fastest standard ASGI setup",
    },
  },
  build: buildFastapiProject,
};

function buildFastapiProject(project: ResolvedProject): ProjectModel {
  const { blueprint } = project;
  const model = new ProjectModel(project.name, project.name);
  for (const [name, spec] of DEV_DEPENDENCIES) model.addDependency(name, spec, true);
  contributeCore(model, {
    collections: project.entities.some((entity) => entity.manyToMany.length > 0),
    references: project.entities.some((entity) => entity.manyToOne.length > 0),
    inserts: project.entities.some(insertsOneRow),
  });
  contributeAuth(model, project);
  contributeEntities(model, project);
  assemble(model, project);
  if (blueprint.deploy.docker) {
    model.tree.add("Dockerfile", dockerfile(model.pkg, blueprint.python));
    model.tree.add(".dockerignore", DOCKERIGNORE);
    model.tree.add("compose.yaml", composeYaml(model.name, project.auth));
  }
  if (blueprint.deploy.ci) model.tree.add(".github/workflows/ci.yml", ciWorkflow(model.name));
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
    model.tree.add(`${dir}/service.py`, serviceModule(ctx));
    model.tree.add(`${dir}/router.py`, routerModule(ctx));
    model.tree.add(`tests/${entity.plural}/__init__.py`, "");
    model.tree.add(`tests/${entity.plural}/test_${entity.plural}.py`, entityTestsModule(ctx));
    model.routers.push({ module: `${ctx.module}.router`, alias: `${entity.plural}_router` });
    model.modelModules.push(`${ctx.module}.models`);
    model.tables.push(entityTable(ctx));
    association.push(...associationTables(ctx));
  }
  // Association tables reference both sides, so they come after every entity table.
  model.tables.push(...association);
  // Every read of an entity selects its row as JSON and runs on the driver (as does the caller lookup).
  model.tree.add(`${src}/json_rows.py`, jsonRowsModule(model.pkg));
  model.tree.add("tests/test_json_rows.py", jsonRowsTestsModule(model.pkg));
  model.tree.add(`${src}/statements.py`, statementsModule());
  model.tree.add("tests/test_statements.py", statementsTestsModule(model.pkg));
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
  model.tree.add(`${src}/main.py`, mainModule(model, description));
  model.tree.add(`${src}/models.py`, modelsRegistry(model, modelNames));
  model.tree.add("migrations/env.py", migrationsEnv(model.pkg));
  model.tree.add("migrations/script.py.mako", SCRIPT_MAKO);
  model.tree.add("migrations/versions/0001_initial.py", initialMigration(model.tables));
  model.tree.add("alembic.ini", alembicIni());
  model.tree.add("tests/__init__.py", "");
  model.tree.add("tests/conftest.py", conftestModule(project));
  model.tree.add("tests/factories.py", factoriesModule(project));
  model.tree.add("tests/test_app.py", appTestsModule(project));
  const crudTests = crudTestsModule(project, "async");
  if (crudTests) model.tree.add("tests/test_crud.py", crudTests);
  model.tree.add("pyproject.toml", pyprojectToml(model, description, blueprint.python));
  model.tree.add(".env.example", envExample(model));
  model.tree.add(".gitignore", GITIGNORE);
  model.tree.add(
    "README.md",
    readme(
      model,
      blueprint.description,
      project.entities.map((e) => e.plural),
    ),
  );
}
