/**
 * `tests/factories.py`: one `create_<entity>` (a saved row) and one `<entity>_payload` (a valid JSON body)
 * per entity. Required references are created on the way, owned rows get an owner.
 */

import {
  backLinkOf,
  entityByName,
  type ManyToOne,
  type OneToMany,
  type ResolvedEntity,
  type ResolvedProject,
} from "../../../../blueprint/resolve.js";
import type { Field } from "../../../../blueprint/schema.js";
import { enumClassName } from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import { capitalize, withArticle, words } from "../../../python/naming.js";
import { factorySample, type Sample } from "../../../python/samples.js";

/** Whether building a row of this entity needs a user: it is owned, or a required reference chain is. */
export function needsOwner(
  project: ResolvedProject,
  entity: ResolvedEntity,
  seen = new Set<string>(),
): boolean {
  if (entity.owned) return true;
  seen.add(entity.name);
  return entity.manyToOne.some(
    (link) =>
      link.required &&
      !seen.has(link.target) &&
      needsOwner(project, entityByName(project, link.target), seen),
  );
}

/** An entity's first one-to-many, as the tests about its children see it. */
export interface FirstChild {
  readonly link: OneToMany;
  readonly child: ResolvedEntity;
  /** The child's link to the parent. */
  readonly back: ManyToOne;
  /** Rows of the child need an owner (`owner=user`). */
  readonly childOwned: boolean;
}

export function firstChildOf(project: ResolvedProject, entity: ResolvedEntity): FirstChild | undefined {
  const link = entity.oneToMany[0];
  if (!link) return undefined;
  const child = entityByName(project, link.target);
  return { link, child, back: backLinkOf(project, link), childOwned: needsOwner(project, child) };
}

/**
 * `, user: User` when a test must give a child an owner but its parameters have no `user` fixture yet
 * (the import is added), else empty.
 */
export function childOwnerParam(
  t: { readonly pkg: string; readonly imports: Imports; readonly ownerFixture: string },
  childOwned: boolean,
): string {
  if (!childOwned || t.ownerFixture) return "";
  t.imports.add(`${t.pkg}.users.models:User`);
  return ", user: User";
}

export function isUniqueField(entity: ResolvedEntity, name: string): boolean {
  const field = entity.fields.find((f) => f.name === name);
  return Boolean(field?.unique) || entity.uniqueTogether.some((group) => group.includes(name));
}

/** A field whose value a PATCH can change without breaking rules or uniqueness. */
export function updatableField(entity: ResolvedEntity): Field | undefined {
  const inRules = new Set(entity.checks.flatMap((c) => [c.field, c.other]));
  // Sample variants ignore patterns: a patterned field keeps its example, so it is never the one changed.
  const changeable = entity.fields.filter(
    (f) => !inRules.has(f.name) && f.type !== "json" && f.pattern === undefined,
  );
  return changeable.find((f) => !isUniqueField(entity, f.name)) ?? changeable[0];
}

/** The sample of every field for a factory or payload; `json` picks the API form. */
export function sampleValues(
  entity: ResolvedEntity,
  json: boolean,
): { values: string[]; imports: string[]; usesN: boolean } {
  const values: string[] = [];
  const imports: string[] = [];
  const variants = ruleVariants(entity);
  let usesN = false;
  for (const field of entity.fields) {
    const unique = isUniqueField(entity, field.name);
    const sample: Sample = factorySample(entity.name, field, unique, variants.get(field.name));
    values.push(`${pyStr(field.name)}: ${json ? sample.json : sample.py}`);
    if (!json) imports.push(...sample.imports);
    usesN ||= Boolean(sample.numbered);
  }
  return { values, imports, usesN };
}

/** Sample variants (0 low, 2 high) that satisfy the entity's cross-field rules. */
function ruleVariants(entity: ResolvedEntity): Map<string, 0 | 2> {
  const variants = new Map<string, 0 | 2>();
  for (const check of entity.checks) {
    const fieldHigh = [">", ">=", "!="].includes(check.op);
    variants.set(check.field, fieldHigh ? 2 : 0);
    variants.set(check.other, fieldHigh ? 0 : 2);
  }
  return variants;
}

export function factoriesModule(project: ResolvedProject): string {
  const pkg = project.name;
  const imports = new Imports().add("itertools", "typing:Any", "sqlalchemy.ext.asyncio:AsyncSession");
  const blocks: string[] = ["_sequence = itertools.count(1)"];
  if (project.auth) {
    imports.add(
      `${pkg}.security:create_token`,
      `${pkg}.security:hash_password`,
      `${pkg}.users.models:DEFAULT_ROLE`,
      `${pkg}.users.models:Role`,
      `${pkg}.users.models:User`,
    );
    blocks.push(`PASSWORD = "correct-horse-battery-staple"
# Hashing is deliberately slow: hash the shared test password once.
_PASSWORD_HASH = hash_password(PASSWORD)


async def create_user(session: AsyncSession, *, role: Role = DEFAULT_ROLE, is_active: bool = True) -> User:
    """A saved user whose password is PASSWORD."""
    user = User(
        email=f"user{next(_sequence)}@example.com",
        password_hash=_PASSWORD_HASH,
        role=role,
        is_active=is_active,
    )
    session.add(user)
    await session.commit()
    return user


def auth_headers(user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user."""
    return {"Authorization": f"Bearer {create_token(user.id, 'access')}"}`);
  }
  for (const entity of project.entities) {
    imports.add(`${pkg}.${entity.plural}.models:${entity.name}`);
    blocks.push(createFactory(project, entity, imports));
    blocks.push(payloadFactory(project, entity));
  }
  return pyModule("Test data: saved rows and valid request bodies.", imports, blocks.join("\n\n\n"), [
    pkg,
    "tests",
  ]);
}

function ownerParam(project: ResolvedProject, entity: ResolvedEntity): { param: string; arg: string } {
  return needsOwner(project, entity)
    ? { param: ", owner: User", arg: ", owner=owner" }
    : { param: "", arg: "" };
}

function referenceLines(project: ResolvedProject, entity: ResolvedEntity, target: string): string[] {
  const lines: string[] = [];
  for (const link of entity.manyToOne.filter((l) => l.required && l.target !== entity.name)) {
    const linked = entityByName(project, link.target);
    const { arg } = ownerParam(project, linked);
    lines.push(
      `    if ${pyStr(link.column)} not in overrides:`,
      `        ${target}[${pyStr(link.column)}] = (await create_${linked.snake}(session${arg})).id`,
    );
  }
  return lines;
}

function createFactory(project: ResolvedProject, entity: ResolvedEntity, imports: Imports): string {
  const { param } = ownerParam(project, entity);
  const samples = sampleValues(entity, false);
  imports.add(...samples.imports);
  for (const field of entity.fields.filter((f) => f.type === "enum")) {
    imports.add(`${project.name}.${entity.plural}.models:${enumClassName(entity.name, field)}`);
  }
  const values = [...samples.values];
  if (entity.owned) values.push('"owner_id": owner.id');
  const lines = [
    ...(samples.usesN ? ["    n = next(_sequence)"] : []),
    `    values: dict[str, Any] = {${values.join(", ")}}`,
    ...referenceLines(project, entity, "values"),
    "    values.update(overrides)",
    `    ${entity.snake} = ${entity.name}(**values)`,
    `    session.add(${entity.snake})`,
    "    await session.commit()",
    `    return ${entity.snake}`,
  ];
  return `async def create_${entity.snake}(session: AsyncSession${param}, **overrides: object) -> ${entity.name}:
    """${capitalize(withArticle(words(entity.snake)))}, saved; required references are created unless given."""
${lines.join("\n")}`;
}

function payloadFactory(project: ResolvedProject, entity: ResolvedEntity): string {
  const samples = sampleValues(entity, true);
  const refs = referenceLines(project, entity, "payload");
  const shape = payloadShape(project, entity);
  const signature = shape.async
    ? `async def ${entity.snake}_payload(session: AsyncSession${shape.owner ? ", *, owner: User" : ""}, **overrides: object)`
    : `def ${entity.snake}_payload(**overrides: object)`;
  const lines = [
    ...(samples.usesN ? ["    n = next(_sequence)"] : []),
    `    payload: dict[str, Any] = {${samples.values.join(", ")}}`,
    ...refs,
    "    payload.update(overrides)",
    "    return payload",
  ];
  return `${signature} -> dict[str, Any]:
    """A valid JSON body to create ${withArticle(words(entity.snake))}${refs.length ? " (referenced rows are saved first)" : ""}."""
${lines.join("\n")}`;
}

/** Whether the payload builder of an entity is async (it saves referenced rows) and needs an owner. */
export function payloadShape(
  project: ResolvedProject,
  entity: ResolvedEntity,
): { async: boolean; owner: boolean } {
  const required = entity.manyToOne.filter((l) => l.required && l.target !== entity.name);
  return {
    async: required.length > 0,
    owner: required.some((l) => needsOwner(project, entityByName(project, l.target))),
  };
}
