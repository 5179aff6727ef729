/**
 * The `core` app every Django project has: the error shape, pagination envelopes, strict query filtering,
 * the base viewset, the OpenAPI error responses, health probes, the audit signals and the admin action.
 * Only the pieces the project's entities use are written, so no core code goes untested.
 */
import { entityByName, type ResolvedProject } from "../../../../blueprint/resolve.js";
import type { ProjectModel } from "../../../project-model.js";
import { entityContext } from "../../fastapi/entity/context.js";
import { errorsModule, schemaModule } from "./errors.js";
import { fieldsModule, filtersModule, serializersModule } from "./fields.js";
import {
  adminModule,
  appsModule,
  auditModule,
  healthModule,
  middlewareModule,
  modelsModule,
} from "./modules.js";
import { paginationModule } from "./pagination.js";
import { viewsetsModule } from "./viewsets.js";

/** Which optional core pieces the entities need. */
export interface CoreUsage {
  readonly offset: boolean;
  readonly cursor: boolean;
  readonly datetime: boolean;
  readonly json: boolean;
  /** Many-to-one or many-to-many links: the RowIdField. */
  readonly references: boolean;
  /** Links to rows private to their owner: RowIdField(owned=True). */
  readonly privateReferences: boolean;
  /** lower/upper normalization of a string. */
  readonly caseFolding: boolean;
  readonly intFilters: boolean;
  /** Filters by a referenced row's id (links, owners). */
  readonly idFilters: boolean;
  readonly sort: boolean;
}

export function coreUsage(project: ResolvedProject): CoreUsage {
  const entities = project.entities;
  const fields = entities.flatMap((e) => e.fields);
  const contexts = entities.map((e) => entityContext(project, e));
  const links = entities.flatMap((e) => [...e.manyToOne, ...e.manyToMany]);
  return {
    offset: entities.some((e) => e.pagination === "offset"),
    cursor: entities.some((e) => e.pagination === "cursor"),
    datetime: fields.some((f) => f.type === "datetime"),
    json: fields.some((f) => f.type === "json"),
    references: links.length > 0,
    privateReferences: links.some((l) => entityByName(project, l.target).read === "owner"),
    caseFolding: fields.some((f) => f.normalize?.some((n) => n === "lower" || n === "upper")),
    intFilters: contexts.some((c) => c.filters.some((f) => f.field?.type === "int")),
    idFilters: contexts.some((c) => c.filters.some((f) => !f.field)),
    sort: contexts.some((c) => c.sortable.length > 0 && c.entity.pagination === "offset"),
  };
}

export function contributeCore(model: ProjectModel, project: ResolvedProject): void {
  const { pkg } = model;
  const usage = coreUsage(project);
  const dir = `${pkg}/core`;
  model.tree.add(`${pkg}/__init__.py`, `"""${model.name}: the Django apps of the API, one per domain."""\n`);
  model.tree.add(`${dir}/__init__.py`, `"""Shared building blocks of every app."""\n`);
  model.tree.add(`${dir}/apps.py`, appsModule(pkg));
  model.tree.add(`${dir}/errors.py`, errorsModule());
  model.tree.add(`${dir}/pagination.py`, paginationModule(pkg, usage));
  model.tree.add(`${dir}/filters.py`, filtersModule(pkg, usage));
  model.tree.add(`${dir}/fields.py`, fieldsModule(usage));
  model.tree.add(`${dir}/serializers.py`, serializersModule());
  model.tree.add(`${dir}/viewsets.py`, viewsetsModule(pkg));
  model.tree.add(`${dir}/schema.py`, schemaModule(project.auth));
  model.tree.add(`${dir}/health.py`, healthModule(pkg));
  model.tree.add(`${dir}/audit.py`, auditModule());
  model.tree.add(`${dir}/admin.py`, adminModule());
  model.tree.add(`${dir}/middleware.py`, middlewareModule());
  model.tree.add(`${dir}/models.py`, modelsModule());
}
