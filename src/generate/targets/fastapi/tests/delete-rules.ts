/**
 * The test that deleting a parent does to its children what the foreign key's ON DELETE says (cascade,
 * set null or refuse), whatever the ORM happened to load. `deleteRuleOf` picks the case; the FastAPI and
 * Flask suites render it with `deleteRuleTest` (`aw` is `"await "` for the async one), Django's its own way.
 */
import type { ResolvedEntity, ResolvedProject } from "../../../../blueprint/resolve.js";
import type { Imports } from "../../../python/imports.js";
import { childOwnerParam, type FirstChild, firstChildOf } from "./factories.js";

/** The first one-to-many, whose `back` link's ON DELETE is tested. */
export interface DeleteRule extends FirstChild {
  /** Test name, e.g. `test_deleting_task_keeps_its_subtasks`. */
  readonly name: string;
  readonly status: 204 | 409;
}

/** The first one-to-many of the entity, as a delete-rule case; undefined when it has none. */
export function deleteRuleOf(project: ResolvedProject, entity: ResolvedEntity): DeleteRule | undefined {
  const first = firstChildOf(project, entity);
  if (!first) return undefined;
  const { link, back } = first;
  const outcome =
    back.onDelete === "RESTRICT"
      ? `is_409_while_it_has_${link.name}`
      : back.onDelete === "SET NULL"
        ? `keeps_its_${link.name}`
        : `deletes_its_${link.name}`;
  return {
    ...first,
    name: `test_deleting_${entity.snake}_${outcome}`,
    status: back.onDelete === "RESTRICT" ? 409 : 204,
  };
}

export interface DeleteRuleContext {
  readonly project: ResolvedProject;
  readonly entity: ResolvedEntity;
  readonly pkg: string;
  readonly var: string;
  readonly plural: string;
  readonly imports: Imports;
  readonly writer: string;
  readonly writerHeaders: string;
  /** The `user` fixture when rows of this entity need an owner, else empty. */
  readonly ownerFixture: string;
}

/** The SQLAlchemy version (FastAPI, Flask): the children are read back with a Core select. */
export function deleteRuleTest(t: DeleteRuleContext, aw: "await " | ""): string | undefined {
  const rule = deleteRuleOf(t.project, t.entity);
  if (!rule) return undefined;
  const { child, back } = rule;
  const extraUser = childOwnerParam(t, rule.childOwned);
  t.imports.add(
    "sqlalchemy:select",
    `tests.factories:create_${t.var}`,
    `tests.factories:create_${child.snake}`,
    `${t.pkg}.${child.plural}.models:${child.name}`,
  );
  const owner = t.ownerFixture ? `, owner=${t.ownerFixture}` : "";
  const childOwner = rule.childOwned ? ", owner=user" : "";
  const query = `session.execute(select(${child.name}.${back.column}).where(${child.name}.id == child.id))`;
  const row = `row = ${aw ? `(await ${query})` : query}.one()`;
  const expectations =
    back.onDelete === "RESTRICT"
      ? `${row}\n    assert row.${back.column} == existing.id`
      : back.onDelete === "SET NULL"
        ? `${row}\n    assert row.${back.column} is None`
        : `assert ${aw}session.scalar(select(${child.name}.id).where(${child.name}.id == child.id)) is None`;
  return `${aw ? "async " : ""}def ${rule.name}(${t.writer}${extraUser}) -> None:
    existing = ${aw}create_${t.var}(session${owner})
    child = ${aw}create_${child.snake}(session${childOwner}, ${back.column}=existing.id)

    deleted = ${aw}client.delete(f"/${t.plural}/{existing.id}"${t.writerHeaders})

    assert deleted.status_code == ${rule.status}
    ${expectations}`;
}
