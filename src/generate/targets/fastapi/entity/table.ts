/** The table definitions of one entity (its own table and its association tables) for the migration. */
import { entityByName } from "../../../../blueprint/resolve.js";
import type { TableDef } from "../../../project-model.js";
import { migrationColumnType } from "../../../python/fields.js";
import type { EntityContext } from "./context.js";
import { columnOf, compositeIndexName } from "./models.js";

type Column = TableDef["columns"][number];

const ID: Column = { name: "id", type: "sa.Integer()", nullable: false };
export const TIMESTAMPS: Column[] = [
  { name: "created_at", type: "sa.DateTime(timezone=True)", nullable: false, serverDefaultNow: true },
  { name: "updated_at", type: "sa.DateTime(timezone=True)", nullable: false, serverDefaultNow: true },
];

export function entityTable(ctx: EntityContext): TableDef {
  const { entity } = ctx;
  const table = entity.plural;
  const columns: Column[] = [ID];
  const indexes: TableDef["indexes"][number][] = [];
  const uniques: string[][] = [];
  const foreignKeys: TableDef["foreignKeys"][number][] = [];
  for (const field of entity.fields) {
    columns.push({
      name: field.name,
      type: migrationColumnType(entity.name, field),
      nullable: !field.required,
    });
    if (field.index)
      indexes.push({ name: `ix_${table}_${field.name}`, columns: [field.name], unique: field.unique });
    else if (field.unique) uniques.push([field.name]);
  }
  const references = [
    ...entity.manyToOne.map((link) => ({
      column: link.column,
      table: entityByName(ctx.project, link.target).plural,
      onDelete: link.onDelete,
      nullable: !link.required,
    })),
    ...(entity.owned ? [{ column: "owner_id", table: "users", onDelete: "CASCADE", nullable: false }] : []),
  ];
  for (const ref of references) {
    columns.push({ name: ref.column, type: "sa.Integer()", nullable: ref.nullable });
    foreignKeys.push({ column: ref.column, table: ref.table, onDelete: ref.onDelete });
    indexes.push({ name: `ix_${table}_${ref.column}`, columns: [ref.column], unique: false });
  }
  columns.push(...TIMESTAMPS);
  for (const group of entity.uniqueTogether) uniques.push(group.map((c) => columnOf(ctx, c)));
  for (const group of entity.indexes) {
    const cols = group.map((c) => columnOf(ctx, c));
    indexes.push({ name: compositeIndexName(table, cols), columns: cols, unique: false });
  }
  return { name: table, columns, primaryKey: ["id"], foreignKeys, uniques, indexes };
}

export function associationTables(ctx: EntityContext): TableDef[] {
  return ctx.entity.manyToMany.map((link) => ({
    name: link.table,
    columns: [
      { name: link.localColumn, type: "sa.Integer()", nullable: false },
      { name: link.remoteColumn, type: "sa.Integer()", nullable: false },
    ],
    primaryKey: [link.localColumn, link.remoteColumn],
    foreignKeys: [
      { column: link.localColumn, table: ctx.entity.plural, onDelete: "CASCADE" },
      {
        column: link.remoteColumn,
        table: entityByName(ctx.project, link.target).plural,
        onDelete: "CASCADE",
      },
    ],
    uniques: [],
    indexes: [],
  }));
}
