/** `<domain>/models.py`: the SQLAlchemy model of one entity, its enums and association tables. */

import { backLinkOf, entityByName, type OneToMany } from "../../../../blueprint/resolve.js";
import type { Field } from "../../../../blueprint/schema.js";
import { enumClassName, modelColumnType, pythonType } from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import { capitalize } from "../../../python/naming.js";
import type { EntityContext } from "./context.js";
import { linkedEntities } from "./context.js";

/**
 * What deleting the parent does to the children the session has loaded: the same as the database's
 * ON DELETE of their foreign key, so a delete never depends on what happened to be loaded.
 */
function deleteRule(ctx: EntityContext, link: OneToMany): string {
  // CASCADE: the ORM deletes loaded children (and orphans), the database the rest.
  if (backLinkOf(ctx.project, link).onDelete === "CASCADE")
    return 'cascade="all, delete-orphan", passive_deletes=True';
  // SET NULL and RESTRICT are the database's alone: the ORM must neither null nor delete loaded children.
  return 'passive_deletes="all"';
}

export function modelsModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const imports = new Imports().add(
    "sqlalchemy.orm:Mapped",
    "sqlalchemy.orm:mapped_column",
    `${pkg}.db:Base`,
  );
  imports.add(`${pkg}.db:TimestampMixin`);
  const blocks: string[] = [];
  const typeOnly: string[] = [];

  for (const field of entity.fields.filter((f) => f.type === "enum"))
    blocks.push(enumClass(entity.name, field));
  for (const link of entity.manyToMany) {
    const target = entityByName(ctx.project, link.target);
    imports.add("sqlalchemy:Column", "sqlalchemy:ForeignKey", "sqlalchemy:Table");
    blocks.push(`${link.table} = Table(
    ${pyStr(link.table)},
    Base.metadata,
    Column(${pyStr(link.localColumn)}, ForeignKey("${entity.plural}.id", ondelete="CASCADE"), primary_key=True),
    Column(${pyStr(link.remoteColumn)}, ForeignKey("${target.plural}.id", ondelete="CASCADE"), primary_key=True),
)`);
  }

  const lines: string[] = [];
  for (const field of entity.fields) lines.push(columnLine(ctx, field, imports));
  for (const link of entity.manyToOne) {
    const target = entityByName(ctx.project, link.target);
    imports.add("sqlalchemy:ForeignKey");
    const type = link.required ? "int" : "int | None";
    lines.push(
      `${link.column}: Mapped[${type}] = mapped_column(ForeignKey("${target.plural}.id", ondelete="${link.onDelete}"), index=True)`,
    );
  }
  if (entity.owned) {
    imports.add("sqlalchemy:ForeignKey");
    lines.push(
      `owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)`,
    );
  }

  const relationships: string[] = [];
  for (const link of entity.manyToOne) {
    const self = link.target === entity.name;
    if (!self) typeOnly.push(link.target);
    const type = link.required ? link.target : `${link.target} | None`;
    const args = [];
    if (self) args.push(`remote_side="${entity.name}.id"`);
    if (link.inverse) args.push(`back_populates=${pyStr(link.inverse)}`);
    args.push('lazy="raise"');
    relationships.push(`${link.name}: Mapped["${type}"] = relationship(${args.join(", ")})`);
  }
  for (const link of entity.oneToMany) {
    if (link.target !== entity.name) typeOnly.push(link.target);
    relationships.push(
      `${link.name}: Mapped[list["${link.target}"]] = relationship(back_populates=${pyStr(link.back)}, ${deleteRule(ctx, link)}, lazy="raise")`,
    );
  }
  for (const link of entity.manyToMany) {
    if (link.target !== entity.name) typeOnly.push(link.target);
    relationships.push(
      `${link.name}: Mapped[list["${link.target}"]] = relationship(secondary=${link.table}, order_by="${link.target}.id", lazy="raise")`,
    );
  }
  if (relationships.length > 0) imports.add("sqlalchemy.orm:relationship");

  const tableArgs = tableArgsOf(ctx, imports);
  const body = [
    `__tablename__ = ${pyStr(entity.plural)}`,
    ...(tableArgs ? [tableArgs] : []),
    "",
    ...lines,
    ...(relationships.length ? ["", ...relationships] : []),
  ]
    .map((l) => (l ? `    ${l}` : ""))
    .join("\n");
  blocks.push(`class ${entity.name}(TimestampMixin, Base):
    """${describe(ctx)}"""

${body}`);

  const typeCheckingTargets = [...new Set(typeOnly)];
  let typeChecking = "";
  if (typeCheckingTargets.length > 0) {
    imports.add("typing:TYPE_CHECKING");
    const lines = linkedEntities(ctx)
      .filter((e) => typeCheckingTargets.includes(e.name))
      .map((e) => `    from ${pkg}.${e.plural}.models import ${e.name}`);
    typeChecking = `if TYPE_CHECKING:\n${lines.join("\n")}\n\n\n`;
  }
  return pyModule(`${entity.name}: database model.`, imports, `${typeChecking}${blocks.join("\n\n\n")}`, [
    pkg,
  ]);
}

function describe(ctx: EntityContext): string {
  const text = ctx.entity.description.trim();
  if (text) return text.endsWith(".") ? text : `${text}.`;
  return `${capitalize(ctx.aHuman)}${ctx.entity.owned ? ", owned by the user who created it" : ""}.`;
}

function enumClass(entity: string, field: Field): string {
  const members = (field.choices ?? []).map((c) => `    ${c.toUpperCase()} = ${pyStr(c)}`);
  return `class ${enumClassName(entity, field)}(StrEnum):
    """Allowed values of ${entity}.${field.name}."""

${members.join("\n")}`;
}

function columnLine(ctx: EntityContext, field: Field, imports: Imports): string {
  const type = pythonType(ctx.entity.name, field);
  if (field.type === "enum") imports.add("enum:StrEnum", `${ctx.pkg}.db:str_enum`);
  if (field.type === "decimal") imports.add("decimal:Decimal");
  if (field.type === "date") imports.add("datetime:date");
  if (field.type === "datetime") imports.add("datetime:datetime", `${ctx.pkg}.db:UTCDateTime`);
  if (field.type === "json") imports.add("typing:Any");
  const column =
    field.type === "datetime"
      ? { expr: "UTCDateTime()", imports: [] }
      : modelColumnType(ctx.entity.name, field);
  imports.add(...column.imports.map((name) => `sqlalchemy:${name}`));
  const args = [column.expr];
  if (field.unique) args.push("unique=True");
  if (field.index) args.push("index=True");
  if (field.default !== undefined) args.push(`default=${defaultExpr(ctx.entity.name, field)}`);
  const annotation = field.required ? type : `${type} | None`;
  return `${field.name}: Mapped[${annotation}] = mapped_column(${args.join(", ")})`;
}

export function defaultExpr(entity: string, field: Field): string {
  const value = field.default;
  if (field.type === "enum") return `${enumClassName(entity, field)}.${String(value).toUpperCase()}`;
  if (field.type === "decimal") return `Decimal(${pyStr(String(value))})`;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  return pyStr(String(value));
}

function tableArgsOf(ctx: EntityContext, imports: Imports): string | undefined {
  const args: string[] = [];
  for (const group of ctx.entity.uniqueTogether) {
    imports.add("sqlalchemy:UniqueConstraint");
    args.push(`UniqueConstraint(${group.map((c) => pyStr(columnOf(ctx, c))).join(", ")})`);
  }
  for (const group of ctx.entity.indexes) {
    imports.add("sqlalchemy:Index");
    const columns = group.map((c) => columnOf(ctx, c));
    args.push(
      `Index(${pyStr(compositeIndexName(ctx.entity.plural, columns))}, ${columns.map(pyStr).join(", ")})`,
    );
  }
  if (args.length === 0) return undefined;
  return `__table_args__ = (${args.join(", ")},)`;
}

/** A field name, or a many-to-one relation name standing for its `_id` column. */
export function columnOf(ctx: EntityContext, name: string): string {
  return ctx.entity.manyToOne.some((r) => r.name === name) ? `${name}_id` : name;
}

export function compositeIndexName(table: string, columns: readonly string[]): string {
  return `ix_${table}_${columns.join("_")}`;
}
