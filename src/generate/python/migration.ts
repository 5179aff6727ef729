/**
 * The initial Alembic migration, written from the same table definitions the models come from, in the
 * form `alembic revision --autogenerate` would produce, so `alembic check` finds no drift.
 */
import type { TableDef } from "../project-model.js";
import { pyStr } from "./literal.js";

export const INITIAL_REVISION = "0001";

export function initialMigration(tables: readonly TableDef[]): string {
  const upgrade: string[] = [];
  for (const table of tables) {
    upgrade.push(createTable(table));
    for (const index of table.indexes) {
      const columns = index.columns.map(pyStr).join(", ");
      upgrade.push(
        `op.create_index(op.f(${pyStr(index.name)}), ${pyStr(table.name)}, [${columns}], unique=${index.unique ? "True" : "False"})`,
      );
    }
  }
  const downgrade: string[] = [];
  for (const table of [...tables].reverse()) {
    for (const index of [...table.indexes].reverse()) {
      downgrade.push(`op.drop_index(op.f(${pyStr(index.name)}), table_name=${pyStr(table.name)})`);
    }
    downgrade.push(`op.drop_table(${pyStr(table.name)})`);
  }
  const indent = (lines: string[]) => lines.map((l) => l.replace(/^/gm, "    ")).join("\n");
  return `"""Initial schema.

Revision ID: ${INITIAL_REVISION}
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = ${pyStr(INITIAL_REVISION)}
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create every table."""
${indent(upgrade)}


def downgrade() -> None:
    """Drop every table."""
${indent(downgrade)}
`;
}

function createTable(table: TableDef): string {
  const parts: string[] = [pyStr(table.name)];
  for (const column of table.columns) {
    const args = [pyStr(column.name), column.type];
    if (column.serverDefaultNow) args.push("server_default=sa.func.now()");
    args.push(`nullable=${column.nullable ? "True" : "False"}`);
    parts.push(`sa.Column(${args.join(", ")})`);
  }
  for (const fk of table.foreignKeys) {
    const name = `fk_${table.name}_${fk.column}_${fk.table}`;
    parts.push(
      `sa.ForeignKeyConstraint([${pyStr(fk.column)}], [${pyStr(`${fk.table}.id`)}], name=op.f(${pyStr(name)}), ondelete=${pyStr(fk.onDelete)})`,
    );
  }
  const pk = table.primaryKey.map(pyStr).join(", ");
  parts.push(`sa.PrimaryKeyConstraint(${pk}, name=op.f(${pyStr(`pk_${table.name}`)}))`);
  for (const unique of table.uniques) {
    const name = `uq_${table.name}_${unique.join("_")}`;
    parts.push(`sa.UniqueConstraint(${unique.map(pyStr).join(", ")}, name=op.f(${pyStr(name)}))`);
  }
  return `op.create_table(\n    ${parts.join(",\n    ")},\n)`;
}
