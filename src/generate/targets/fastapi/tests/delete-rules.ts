/**
 * The test that deleting a parent does to its children what the foreign key's ON DELETE says (cascade,
 * set null or refuse), whatever the session happened to load. Written for the FastAPI and Flask suites;
 * `aw` is `"await "` for the async one and empty for the other.
 */
import { entityByName, type ResolvedEntity, type ResolvedProject } from "../../../../blueprint/resolve.js";
import type { Imports } from "../../../python/imports.js";
import { needsOwner } from "./factories.js";

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

export function deleteRuleTest(t: DeleteRuleContext, aw: "await " | ""): string | undefined {
  const link = t.entity.oneToMany[0];
  if (!link) return undefined;
  const child = entityByName(t.project, link.target);
  const back = child.manyToOne.find((m) => m.name === link.back);
  if (!back) return undefined;
  const childOwned = needsOwner(t.project, child);
  const extraUser = childOwned && !t.ownerFixture ? ", user: User" : "";
  if (extraUser) t.imports.add(`${t.pkg}.users.models:User`);
  t.imports.add(
    "sqlalchemy:select",
    `tests.factories:create_${t.var}`,
    `tests.factories:create_${child.snake}`,
    `${t.pkg}.${child.plural}.models:${child.name}`,
  );
  const owner = t.ownerFixture ? `, owner=${t.ownerFixture}` : "";
  const childOwner = childOwned ? ", owner=user" : "";
  const query = `session.execute(select(${child.name}.${back.column}).where(${child.name}.id == child.id))`;
  const row = `row = ${aw ? `(await ${query})` : query}.one()`;
  const [name, expectations] =
    back.onDelete === "RESTRICT"
      ? [`is_409_while_it_has_${link.name}`, `409\n    ${row}\n    assert row.${back.column} == existing.id`]
      : back.onDelete === "SET NULL"
        ? [`keeps_its_${link.name}`, `204\n    ${row}\n    assert row.${back.column} is None`]
        : [
            `deletes_its_${link.name}`,
            `204\n    assert ${aw}session.scalar(select(${child.name}.id).where(${child.name}.id == child.id)) is None`,
          ];
  return `${aw ? "async " : ""}def test_deleting_${t.var}_${name}(${t.writer}${extraUser}) -> None:
    existing = ${aw}create_${t.var}(session${owner})
    child = ${aw}create_${child.snake}(session${childOwner}, ${back.column}=existing.id)

    deleted = ${aw}client.delete(f"/${t.plural}/{existing.id}"${t.writerHeaders})

    assert deleted.status_code == ${expectations}`;
}
