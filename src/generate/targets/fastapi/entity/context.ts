/** Derived facts about one entity that its model, schemas, service, router and tests all need. */
import { entityByName, type ResolvedEntity, type ResolvedProject } from "../../../../blueprint/resolve.js";
import type { Field } from "../../../../blueprint/schema.js";
import { pascalCase, withArticle, words } from "../../../python/naming.js";

export interface EntityContext {
  readonly project: ResolvedProject;
  readonly entity: ResolvedEntity;
  readonly pkg: string;
  /** Python module path of the domain package, e.g. `shop.products`. */
  readonly module: string;
  /** `products` — URL prefix, table and package. */
  readonly plural: string;
  /** `product` — variable names. */
  readonly var: string;
  /** `product_id` — path parameter. */
  readonly idParam: string;
  readonly human: string;
  /** `an order item`: the human name with its article. */
  readonly aHuman: string;
  readonly auth: boolean;
  /** List and get take the current user: rows are private to their owner. */
  readonly readUser: boolean;
  /** Create, update and delete take the current user: ownership, or private references to check. */
  readonly writeUser: boolean;
  /** Only the owner (or an administrator) may change a row others can read. */
  readonly ownerWrites: boolean;
  /**
   * A create inserts one row (no many-to-many links to add): one statement run on the driver, on the
   * request's connection (\`statements.Insert\`). With links, it runs in an ORM session.
   */
  readonly insertsOneRow: boolean;
  /** Collections included in XRead, loaded eagerly on every read path. */
  readonly collections: readonly Collection[];
  readonly filters: readonly Filter[];
  readonly sortable: readonly Field[];
}

export interface Collection {
  readonly name: string;
  readonly target: ResolvedEntity;
  readonly kind: "one-to-many" | "many-to-many";
}

export interface Filter {
  /** Query parameter name. */
  readonly param: string;
  /** Column attribute compared. */
  readonly column: string;
  readonly op: "==" | ">=" | "<=";
  /** The field it comes from, or undefined for a foreign-key filter. */
  readonly field?: Field;
}

export function entityContext(project: ResolvedProject, entity: ResolvedEntity): EntityContext {
  const pkg = project.name;
  const collections: Collection[] = [
    ...entity.oneToMany.map((r) => ({
      name: r.name,
      target: entityByName(project, r.target),
      kind: "one-to-many" as const,
    })),
    ...entity.manyToMany.map((r) => ({
      name: r.name,
      target: entityByName(project, r.target),
      kind: "many-to-many" as const,
    })),
  ];
  const privateReference = [...entity.manyToOne, ...entity.manyToMany].some(
    (r) => entityByName(project, r.target).read === "owner",
  );
  const readUser = entity.owned && entity.read === "owner";
  return {
    project,
    entity,
    pkg,
    module: `${pkg}.${entity.plural}`,
    plural: entity.plural,
    var: entity.snake,
    idParam: `${entity.snake}_id`,
    human: words(entity.snake),
    aHuman: withArticle(words(entity.snake)),
    auth: project.auth,
    readUser,
    writeUser: entity.owned || privateReference,
    ownerWrites: entity.owned && !readUser,
    insertsOneRow: insertsOneRow(entity),
    collections,
    filters: filtersOf(entity),
    sortable: entity.fields.filter((f) => f.sort),
  };
}

/** Whether creating a row of the entity inserts that row only (see \`EntityContext.insertsOneRow\`). */
export function insertsOneRow(entity: ResolvedEntity): boolean {
  return entity.manyToMany.length === 0;
}

function filtersOf(entity: ResolvedEntity): Filter[] {
  const filters: Filter[] = [];
  for (const field of entity.fields.filter((f) => f.filter)) {
    if (["int", "float", "decimal", "date", "datetime"].includes(field.type)) {
      filters.push({ param: `min_${field.name}`, column: field.name, op: ">=", field });
      filters.push({ param: `max_${field.name}`, column: field.name, op: "<=", field });
    } else {
      filters.push({ param: field.name, column: field.name, op: "==", field });
    }
  }
  for (const link of entity.manyToOne) filters.push({ param: link.column, column: link.column, op: "==" });
  if (entity.owned) filters.push({ param: "owner_id", column: "owner_id", op: "==" });
  return filters;
}

/** Names used for the schema classes of an entity. */
export function schemaNames(entity: ResolvedEntity) {
  return {
    create: `${entity.name}Create`,
    update: `${entity.name}Update`,
    brief: `${entity.name}Brief`,
    read: `${entity.name}Read`,
    query: `${entity.name}Query`,
    sort: `${entity.name}Sort`,
  };
}

/** Name of the `Annotated` alias carrying a field's constraints, e.g. `ProductTitle`. */
export function fieldAlias(entity: ResolvedEntity, field: Field): string {
  return `${entity.name}${pascalCase(field.name)}`;
}

/** Entities this one's module must import models from (targets of links), excluding itself. */
export function linkedEntities(ctx: EntityContext): ResolvedEntity[] {
  const names = new Set<string>([
    ...ctx.entity.manyToOne.map((r) => r.target),
    ...ctx.collections.map((c) => c.target.name),
  ]);
  names.delete(ctx.entity.name);
  return [...names].sort().map((n) => entityByName(ctx.project, n));
}
