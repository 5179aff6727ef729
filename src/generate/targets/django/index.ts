/** The Django + DRF target: a `config/` project, one app per domain, the same HTTP API as the FastAPI target. */
import type { ResolvedProject } from "../../../blueprint/resolve.js";
import { contributeDjangoUsers } from "../../features/auth/django/index.js";
import { ProjectModel } from "../../project-model.js";
import { entityContext } from "../fastapi/entity/context.js";
import type { Target } from "../target.js";
import { projectApps } from "./apps.js";
import { contributeCore } from "./core/index.js";
import { adminModule, appsModule } from "./entity/admin.js";
import { migrationModule, modelsModule } from "./entity/models.js";
import { serializersModule } from "./entity/serializers.js";
import { filtersModule, viewsModule } from "./entity/views.js";
import {
  ciWorkflow,
  composeYaml,
  DJANGO_DEPENDENCIES,
  DJANGO_DEV_DEPENDENCIES,
  DOCKERIGNORE,
  dockerfile,
  envExample,
  GITIGNORE,
  pyprojectToml,
  readme,
} from "./packaging.js";
import { contributeSettings } from "./settings.js";
import { appTestsModule, conftestModule } from "./tests/app-tests.js";
import { entityTestsModule } from "./tests/entity-tests.js";
import { factoriesModule } from "./tests/factories.js";

export const djangoTarget: Target = {
  framework: "django",
  rationale: "batteries included: ORM with migrations, an admin site, and DRF for the API",
  stack: {
    layout: (name) =>
      `config/ (settings per environment), manage.py, ${name}/ with one app per domain, and tests/`,
    validation: {
      choice:
        "DRF serializers per entity with the blueprint's rules (strict strings, ranges, patterns, cross-field rules)",
      reason: "validation where DRF expects it, with the same rules and error shape as the other targets",
    },
    data: (database) => [
      {
        choice: `Django ORM with ${database === "postgresql" ? "PostgreSQL via psycopg 3" : "SQLite (embedded, no server)"}; PostgreSQL also supported by setting DATABASE_URL`,
        reason: "one code path for both databases",
      },
      {
        choice: "an initial migration per app written from the models",
        reason: "`makemigrations --check` proves models and migrations agree",
      },
      {
        choice: "list views prefetch their collections",
        reason: "the query count of a list does not grow with its page size (tested)",
      },
    ],
    services: {
      choice: "DRF viewsets per domain, with permission classes for owner-or-admin and admin-only writes",
      reason: "DRF's conventions keep routing, permissions and pagination in one place",
    },
    concurrency: {
      choice: "synchronous views served over ASGI by uvicorn",
      reason: "the Django ORM is synchronous; worker processes give concurrency",
    },
    middleware: {
      choice: "request-ID middleware, CORS (django-cors-headers), whitenoise for static files",
      reason: "correlation ids in every log line; the admin's assets without a separate server",
    },
    tests: "pytest-django + factory_boy with DRF's APIClient",
    performance: {
      choice: "collections prefetched in one query each; select_related in the admin",
      reason: "no N+1 queries on API lists or admin change lists",
    },
    migrationCheck: "makemigrations --check",
    server: {
      choice: "ASGI with uvicorn; gunicorn with uvicorn workers in the Docker image",
      reason: "a process per core, async-capable, the admin's static files served by whitenoise",
    },
  },
  build: buildDjangoProject,
};

function buildDjangoProject(project: ResolvedProject): ProjectModel {
  const { blueprint } = project;
  const model = new ProjectModel(project.name, project.name);
  for (const [name, spec] of DJANGO_DEPENDENCIES) model.addDependency(name, spec);
  for (const [name, spec] of DJANGO_DEV_DEPENDENCIES) model.addDependency(name, spec, true);
  const apps = projectApps(project);
  contributeCore(model, project);
  contributeDjangoUsers(model, project);
  contributeEntities(model, project);
  contributeSettings(model, project, apps);
  const description = blueprint.description || `${model.name} API`;
  model.tree.add("tests/__init__.py", "");
  model.tree.add("tests/conftest.py", conftestModule(project));
  model.tree.add("tests/factories.py", factoriesModule(project));
  model.tree.add("tests/test_app.py", appTestsModule(project));
  model.tree.add("pyproject.toml", pyprojectToml(model, description, blueprint.python, project.auth));
  model.tree.add(".env.example", envExample(model.name, project.auth));
  model.tree.add(".gitignore", GITIGNORE);
  model.tree.add(
    "README.md",
    readme(
      model,
      blueprint.description,
      project.entities.map((e) => e.plural),
    ),
  );
  if (blueprint.deploy.docker) {
    model.tree.add("Dockerfile", dockerfile(blueprint.python));
    model.tree.add(".dockerignore", DOCKERIGNORE);
    model.tree.add("compose.yaml", composeYaml(model.name, project.auth));
  }
  if (blueprint.deploy.ci) model.tree.add(".github/workflows/ci.yml", ciWorkflow(model.name));
  return model;
}

function contributeEntities(model: ProjectModel, project: ResolvedProject): void {
  for (const entity of project.entities) {
    const ctx = entityContext(project, entity);
    const dir = `${model.pkg}/${entity.plural}`;
    model.tree.add(
      `${dir}/__init__.py`,
      `"""${entity.name}: model, serializers, filters, routes and admin."""\n`,
    );
    model.tree.add(`${dir}/apps.py`, appsModule(ctx));
    model.tree.add(`${dir}/models.py`, modelsModule(ctx));
    model.tree.add(`${dir}/serializers.py`, serializersModule(ctx));
    model.tree.add(`${dir}/filters.py`, filtersModule(ctx));
    model.tree.add(`${dir}/views.py`, viewsModule(ctx));
    model.tree.add(`${dir}/admin.py`, adminModule(ctx));
    model.tree.add(`${dir}/migrations/__init__.py`, "");
    model.tree.add(`${dir}/migrations/0001_initial.py`, migrationModule(ctx));
    model.tree.add(`tests/${entity.plural}/__init__.py`, "");
    model.tree.add(`tests/${entity.plural}/test_${entity.plural}.py`, entityTestsModule(ctx));
  }
}
