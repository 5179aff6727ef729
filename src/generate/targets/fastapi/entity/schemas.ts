/** `<domain>/schemas.py`: Pydantic v2 Create / Update / Brief / Read / Query schemas of one entity. */

import type { ResolvedEntity } from "../../../../blueprint/resolve.js";
import type { Field } from "../../../../blueprint/schema.js";
import {
  enumClassName,
  isStringLike,
  pythonType,
  schemaAnnotation,
  stringLength,
} from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import { capitalize } from "../../../python/naming.js";
import { type EntityContext, fieldAlias, schemaNames } from "./context.js";
import { defaultExpr } from "./models.js";

const OPS: Record<string, string> = {
  ">": "greater than",
  ">=": "greater than or equal to",
  "<": "less than",
  "<=": "less than or equal to",
  "!=": "different from",
};

export function schemasModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const imports = new Imports().add("pydantic:BaseModel", "pydantic:ConfigDict", `${pkg}.schemas:ReadSchema`);
  imports.add(`${pkg}.schemas:PartialUpdate`);
  const blocks: string[] = [];

  const aliases: string[] = [];
  const createType = new Map<string, string>();
  for (const field of entity.fields) {
    const annotation = schemaAnnotation(pkg, entity.name, field);
    imports.add(...annotation.imports);
    if (field.type === "enum") imports.add(`${ctx.module}.models:${enumClassName(entity.name, field)}`);
    if (annotation.type.startsWith("Annotated[")) {
      aliases.push(`${fieldAlias(entity, field)} = ${annotation.type}`);
      createType.set(field.name, fieldAlias(entity, field));
    } else {
      createType.set(field.name, annotation.type);
    }
  }
  if (aliases.length) blocks.push(aliases.join("\n"));
  if (entity.checks.length) blocks.push(rulesFunction(ctx, imports));

  blocks.push(briefClass(ctx, imports));
  blocks.push(readClass(ctx, imports));
  blocks.push(createClass(ctx, createType, imports));
  blocks.push(updateClass(ctx, createType, imports));
  blocks.push(queryClass(ctx, imports));
  return pyModule(`${entity.name}: request and response schemas.`, imports, blocks.join("\n\n\n"), [pkg]);
}

/** Name of the function listing broken cross-field rules, shared by the Create schema and the service. */
export function rulesFunctionName(ctx: EntityContext): string {
  return `${ctx.var}_rule_errors`;
}

function checkFields(ctx: EntityContext): Field[] {
  const names = new Set(ctx.entity.checks.flatMap((c) => [c.field, c.other]));
  return ctx.entity.fields.filter((f) => names.has(f.name));
}

function rulesFunction(ctx: EntityContext, imports: Imports): string {
  const params = checkFields(ctx).map((f) => `${f.name}: ${pythonType(ctx.entity.name, f)} | None`);
  const body = ctx.entity.checks.map((check) => {
    const message = check.message ?? `${check.field} must be ${OPS[check.op]} ${check.other}`;
    return `    if ${check.field} is not None and ${check.other} is not None and not ${check.field} ${check.op} ${check.other}:
        errors.append(${pyStr(message)})`;
  });
  for (const field of checkFields(ctx)) {
    if (field.type === "decimal") imports.add("decimal:Decimal");
    if (field.type === "date") imports.add("datetime:date");
    if (field.type === "datetime") imports.add("datetime:datetime");
  }
  return `def ${rulesFunctionName(ctx)}(*, ${params.join(", ")}) -> list[str]:
    """Cross-field rules of ${ctx.aHuman}: one message per broken rule."""
    errors: list[str] = []
${body.join("\n")}
    return errors`;
}

/** The columns a Brief schema shows, in order: what a collection query selects of its rows. */
export function briefColumns(entity: ResolvedEntity): { name: string; type: string; field?: Field }[] {
  return [
    { name: "id", type: "int" },
    ...entity.fields.map((field) => {
      const type = pythonType(entity.name, field);
      return { name: field.name, type: field.required ? type : `${type} | None`, field };
    }),
    ...entity.manyToOne.map((link) => ({ name: link.column, type: link.required ? "int" : "int | None" })),
    ...(entity.owned ? [{ name: "owner_id", type: "int" }] : []),
  ];
}

function briefClass(ctx: EntityContext, imports: Imports): string {
  const columns = briefColumns(ctx.entity);
  for (const { field } of columns) if (field) addTypeImports(field, imports);
  return classBlock(
    schemaNames(ctx.entity).brief,
    "ReadSchema",
    `${capitalize(ctx.aHuman)} without its collections.`,
    columns.map((c) => `${c.name}: ${c.type}`),
  );
}

function readClass(ctx: EntityContext, imports: Imports): string {
  const lines: string[] = [];
  for (const collection of ctx.collections) {
    const brief = schemaNames(collection.target).brief;
    if (collection.target.name !== ctx.entity.name)
      imports.add(`${ctx.pkg}.${collection.target.plural}.schemas:${brief}`);
    lines.push(`${collection.name}: list[${brief}]`);
  }
  imports.add("datetime:datetime");
  lines.push("created_at: datetime", "updated_at: datetime");
  const names = schemaNames(ctx.entity);
  return classBlock(names.read, names.brief, `${capitalize(ctx.aHuman)} as the API returns it.`, lines);
}

function createClass(ctx: EntityContext, types: Map<string, string>, imports: Imports): string {
  const { entity } = ctx;
  const lines = ['model_config = ConfigDict(extra="forbid")', ""];
  for (const field of entity.fields) {
    const type = types.get(field.name) ?? "str";
    if (field.default !== undefined)
      lines.push(`${field.name}: ${type} = ${defaultExpr(entity.name, field)}`);
    else if (!field.required) lines.push(`${field.name}: ${type} | None = None`);
    else lines.push(`${field.name}: ${type}`);
  }
  if (entity.manyToOne.length || entity.manyToMany.length) imports.add(`${ctx.pkg}.schemas:RowId`);
  for (const link of entity.manyToOne) {
    lines.push(link.required ? `${link.column}: RowId` : `${link.column}: RowId | None = None`);
  }
  for (const link of entity.manyToMany) {
    imports.add("pydantic:Field");
    lines.push(`${idsName(link.name)}: list[RowId] = Field(default_factory=list, max_length=100)`);
  }
  if (entity.checks.length) {
    imports.add("pydantic:model_validator", "typing:Self");
    const args = checkFields(ctx).map((f) => `${f.name}=self.${f.name}`);
    lines.push(
      "",
      '@model_validator(mode="after")',
      "def _check_rules(self) -> Self:",
      `    errors = ${rulesFunctionName(ctx)}(${args.join(", ")})`,
      "    if errors:",
      '        raise ValueError("; ".join(errors))',
      "    return self",
    );
  }
  return classBlock(schemaNames(entity).create, "BaseModel", `Fields to create ${ctx.aHuman}.`, lines);
}

function updateClass(ctx: EntityContext, types: Map<string, string>, imports: Imports): string {
  const { entity } = ctx;
  const required = [
    ...entity.fields.filter((f) => f.required).map((f) => f.name),
    ...entity.manyToOne.filter((r) => r.required).map((r) => r.column),
  ];
  const lines = [
    `non_nullable: ClassVar[frozenset[str]] = frozenset({${required.map(pyStr).join(", ")}})`,
    "",
  ];
  // A required column may be left out but not nulled: its `None` is only "absent", so the OpenAPI
  // document does not offer null (SkipJsonSchema) and clients and fuzzers see what the API accepts.
  const absent = (name: string) => (required.includes(name) ? "SkipJsonSchema[None]" : "None");
  for (const field of entity.fields)
    lines.push(`${field.name}: ${types.get(field.name) ?? "str"} | ${absent(field.name)} = None`);
  for (const link of entity.manyToOne) lines.push(`${link.column}: RowId | ${absent(link.column)} = None`);
  for (const link of entity.manyToMany) {
    imports.add("pydantic:Field");
    lines.push(`${idsName(link.name)}: list[RowId] | None = Field(default=None, max_length=100)`);
  }
  if (required.length === 0) lines.splice(0, 2);
  else imports.add("typing:ClassVar", "pydantic.json_schema:SkipJsonSchema");
  return classBlock(
    schemaNames(entity).update,
    "PartialUpdate",
    `Fields to change on ${ctx.aHuman}; absent fields stay as they are.`,
    lines,
  );
}

function queryClass(ctx: EntityContext, imports: Imports): string {
  const { entity } = ctx;
  const names = schemaNames(entity);
  const base = entity.pagination === "cursor" ? "CursorParams" : "OffsetParams";
  imports.add(`${ctx.pkg}.pagination:${base}`);
  const lines = ['model_config = ConfigDict(extra="forbid")', ""];
  for (const filter of ctx.filters) {
    if (!filter.field) {
      imports.add(`${ctx.pkg}.schemas:RowId`);
      lines.push(`${filter.param}: RowId | None = None`);
      continue;
    }
    const field = filter.field;
    addTypeImports(field, imports);
    if (field.type === "enum") imports.add(`${ctx.module}.models:${enumClassName(entity.name, field)}`);
    lines.push(`${filter.param}: ${queryType(ctx, field, imports)} = None`);
  }
  let sortAlias = "";
  if (ctx.sortable.length && entity.pagination === "offset") {
    imports.add("typing:Literal");
    const values = ctx.sortable.flatMap((f) => [pyStr(f.name), pyStr(`-${f.name}`)]);
    sortAlias = `${names.sort} = Literal[${values.join(", ")}]\n\n\n`;
    lines.push(`sort: ${names.sort} | None = None`);
  }
  return `${sortAlias}${classBlock(names.query, base, `Paging, filters and sorting of the ${ctx.human} list.`, lines)}`;
}

function queryType(ctx: EntityContext, field: Field, imports: Imports): string {
  const type = pythonType(ctx.entity.name, field);
  const length = stringLength(field);
  if (["int", "decimal"].includes(field.type)) imports.add("pydantic:Field", "typing:Annotated");
  if (isStringLike(field)) {
    imports.add(`${ctx.pkg}.schemas:SafeStr`);
    if (length === undefined) return "SafeStr | None";
    imports.add("pydantic:StringConstraints", "typing:Annotated");
    return `Annotated[SafeStr, StringConstraints(max_length=${length})] | None`;
  }
  if (field.type === "datetime") {
    imports.add("pydantic:AwareDatetime");
    return "AwareDatetime | None";
  }
  if (field.type === "int") return "Annotated[int, Field(ge=-2_147_483_648, le=2_147_483_647)] | None";
  if (field.type === "decimal") return "Annotated[Decimal, Field(max_digits=12, decimal_places=2)] | None";
  return `${type} | None`;
}

function addTypeImports(field: Field, imports: Imports): void {
  if (field.type === "decimal") imports.add("decimal:Decimal");
  if (field.type === "date") imports.add("datetime:date");
  if (field.type === "datetime") imports.add("datetime:datetime");
  if (field.type === "json") imports.add("typing:Any");
}

/** `tags` → `tag_ids`: the request field carrying the ids of a many-to-many link. */
export function idsName(relation: string): string {
  const singular = relation.endsWith("ies")
    ? `${relation.slice(0, -3)}y`
    : relation.endsWith("s")
      ? relation.slice(0, -1)
      : relation;
  return `${singular}_ids`;
}

function classBlock(name: string, base: string, doc: string, lines: readonly string[]): string {
  const body = lines.map((l) => (l ? `    ${l}` : "")).join("\n");
  return `class ${name}(${base}):\n    """${doc}"""\n\n${body}`;
}
