/**
 * Resolves a validated Blueprint into the model every generator reads: names derived once, relations
 * linked in both directions, tables ordered so foreign keys always point backwards.
 */
import { pluralize, snakeCase } from "../generate/python/naming.js";
import type { Blueprint, Check, Entity, Field } from "./schema.js";

export interface ManyToOne {
  readonly name: string;
  readonly column: string;
  readonly target: string;
  readonly required: boolean;
  readonly onDelete: "CASCADE" | "RESTRICT" | "SET NULL";
  /** The one-to-many on the target that mirrors this link, if declared. */
  readonly inverse?: string;
  readonly index: boolean;
}

export interface OneToMany {
  readonly name: string;
  readonly target: string;
  readonly back: string;
}

export interface ManyToMany {
  readonly name: string;
  readonly target: string;
  readonly table: string;
  readonly localColumn: string;
  readonly remoteColumn: string;
}

export interface ResolvedEntity {
  readonly name: string;
  readonly snake: string;
  readonly plural: string;
  readonly description: string;
  readonly owned: boolean;
  readonly fields: readonly Field[];
  readonly manyToOne: readonly ManyToOne[];
  readonly oneToMany: readonly OneToMany[];
  readonly manyToMany: readonly ManyToMany[];
  readonly uniqueTogether: readonly (readonly string[])[];
  readonly indexes: readonly (readonly string[])[];
  readonly checks: readonly Check[];
  readonly pagination: "offset" | "cursor";
  readonly read: "public" | "authenticated" | "owner";
  readonly write: "admin" | "authenticated";
}

export interface ResolvedProject {
  readonly blueprint: Blueprint;
  readonly name: string;
  readonly auth: boolean;
  readonly roles: readonly string[];
  /** Entities in dependency order: every many-to-one target comes before its source. */
  readonly entities: readonly ResolvedEntity[];
}

export function resolveProject(bp: Blueprint): ResolvedProject {
  const inverseOf = new Map<string, string>();
  const entities = bp.entities.map((entity) => resolveEntity(entity, bp, inverseOf));
  const linked = entities.map((entity) => ({
    ...entity,
    manyToOne: entity.manyToOne.map((link) => {
      const inverse = inverseOf.get(`${entity.name}.${link.name}`);
      return inverse ? { ...link, inverse } : link;
    }),
  }));
  return {
    blueprint: bp,
    name: bp.name,
    auth: bp.auth.kind === "jwt",
    roles: bp.auth.roles,
    entities: dependencyOrder(linked),
  };
}

function resolveEntity(entity: Entity, bp: Blueprint, inverseOf: Map<string, string>): ResolvedEntity {
  const snake = snakeCase(entity.name);
  const manyToOne: ManyToOne[] = [];
  const oneToMany: OneToMany[] = [];
  const manyToMany: ManyToMany[] = [];
  for (const relation of entity.relations) {
    const targetSnake = snakeCase(relation.to);
    if (relation.kind === "many-to-one") {
      manyToOne.push({
        name: relation.name,
        column: `${relation.name}_id`,
        target: relation.to,
        required: relation.required,
        onDelete: onDeleteOf(relation.on_delete, relation.required),
        index: true,
      });
    } else if (relation.kind === "one-to-many") {
      const back = relation.back ?? snake;
      oneToMany.push({ name: relation.name, target: relation.to, back });
      inverseOf.set(`${relation.to}.${back}`, relation.name);
    } else {
      manyToMany.push({
        name: relation.name,
        target: relation.to,
        table: `${snake}_${relation.name}`,
        localColumn: `${snake}_id`,
        remoteColumn: `${targetSnake}_id`,
      });
    }
  }
  addImpliedManyToOne(entity, bp, manyToOne);
  return {
    name: entity.name,
    snake,
    plural: entity.plural ?? pluralize(snake),
    description: entity.description ?? "",
    owned: entity.owned_by === "user",
    fields: entity.fields,
    manyToOne,
    oneToMany,
    manyToMany,
    uniqueTogether: entity.unique_together,
    indexes: entity.indexes,
    checks: entity.checks,
    pagination: entity.pagination,
    read: entity.read ?? (entity.owned_by === "user" ? "owner" : "authenticated"),
    write: entity.write,
  };
}

/** A one-to-many declared on a parent needs the child's foreign key even when the child does not declare it. */
function addImpliedManyToOne(entity: Entity, bp: Blueprint, manyToOne: ManyToOne[]): void {
  for (const parent of bp.entities) {
    for (const relation of parent.relations) {
      if (relation.kind !== "one-to-many" || relation.to !== entity.name) continue;
      const back = relation.back ?? snakeCase(parent.name);
      if (entity.relations.some((r) => r.name === back)) continue;
      if (manyToOne.some((r) => r.name === back)) continue;
      manyToOne.push({
        name: back,
        column: `${back}_id`,
        target: parent.name,
        required: true,
        onDelete: "CASCADE",
        index: true,
      });
    }
  }
}

function onDeleteOf(option: string | undefined, required: boolean): ManyToOne["onDelete"] {
  if (option === "restrict") return "RESTRICT";
  if (option === "set-null") return "SET NULL";
  if (option === "cascade") return "CASCADE";
  return required ? "CASCADE" : "SET NULL";
}

/**
 * Stable topological order (declaration order among equals). Self references and many-to-many links do not
 * count: association tables are created after every entity table.
 */
function dependencyOrder(entities: ResolvedEntity[]): ResolvedEntity[] {
  const done = new Set<string>();
  const ordered: ResolvedEntity[] = [];
  const visiting = new Set<string>();
  const byName = new Map(entities.map((e) => [e.name, e]));
  const visit = (entity: ResolvedEntity): void => {
    if (done.has(entity.name)) return;
    if (visiting.has(entity.name)) {
      throw new Error(
        `entities ${[...visiting].join(" → ")} reference each other in a cycle of required links`,
      );
    }
    visiting.add(entity.name);
    for (const link of entity.manyToOne) {
      const target = byName.get(link.target);
      if (target && target.name !== entity.name) visit(target);
    }
    visiting.delete(entity.name);
    done.add(entity.name);
    ordered.push(entity);
  };
  for (const entity of entities) visit(entity);
  return ordered;
}

export function entityByName(project: ResolvedProject, name: string): ResolvedEntity {
  const entity = project.entities.find((e) => e.name === name);
  if (!entity) throw new Error(`internal: unknown entity ${name}`);
  return entity;
}

/** The child's many-to-one that a one-to-many mirrors (declared, or implied by resolveEntity). */
export function backLinkOf(project: ResolvedProject, link: OneToMany): ManyToOne {
  const back = entityByName(project, link.target).manyToOne.find((m) => m.name === link.back);
  if (!back) throw new Error(`internal: ${link.target} has no link ${link.back}`);
  return back;
}
