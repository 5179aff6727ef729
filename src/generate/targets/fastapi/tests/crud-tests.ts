/**
 * `tests/test_crud.py`: the commit helper every write goes through, against a real second connection.
 * Another request deleting a row between this one's load and commit must give a 404, not a 500 (found
 * by fuzzing with concurrent workers on PostgreSQL). Async for FastAPI, sync for Flask.
 */
import type { ResolvedEntity, ResolvedProject } from "../../../../blueprint/resolve.js";
import { enumClassName } from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { fixedSample } from "../../../python/samples.js";
import { needsOwner, updatableField } from "./factories.js";

const DOCSTRING = "Committing changes: a row another request deleted meanwhile is a 404, not a 500.";

export function crudTestsModule(project: ResolvedProject, flavor: "async" | "sync"): string | undefined {
  const entity = project.entities.find(hasChangeableField);
  const field = entity && updatableField(entity);
  if (!entity || !field) return undefined;
  const pkg = project.name;
  const owned = needsOwner(project, entity);
  const value = fixedSample(entity.name, field, 1);
  const imports = new Imports().add(
    "pytest",
    "sqlalchemy:delete",
    `tests.factories:create_${entity.snake}`,
    `${pkg}.crud:commit_or_conflict`,
    `${pkg}.errors:NotFoundError`,
    `${pkg}.${entity.plural}.models:${entity.name}`,
    ...value.imports,
  );
  if (owned) imports.add(`${pkg}.users.models:User`);
  if (field.type === "enum")
    imports.add(`${pkg}.${entity.plural}.models:${enumClassName(entity.name, field)}`);
  const scenario: Scenario = { entity, field: field.name, value: value.py, owned };
  const body = flavor === "async" ? asyncTest(scenario, imports) : syncTest(scenario, imports, pkg);
  return pyModule(DOCSTRING, imports, body, [pkg, "tests"]);
}

/** A field the test can set to a value other than the factory's, so that saving runs an UPDATE. */
function hasChangeableField(entity: ResolvedEntity): boolean {
  const field = updatableField(entity);
  return (
    field !== undefined && fixedSample(entity.name, field, 0).py !== fixedSample(entity.name, field, 1).py
  );
}

interface Scenario {
  readonly entity: ResolvedEntity;
  readonly field: string;
  readonly value: string;
  /** Rows need an owner: the test takes the `user` fixture. */
  readonly owned: boolean;
}

function asyncTest(s: Scenario, imports: Imports): string {
  imports.add(
    "sqlalchemy.ext.asyncio:AsyncEngine",
    "sqlalchemy.ext.asyncio:AsyncSession",
    "sqlalchemy.ext.asyncio:async_sessionmaker",
  );
  const E = s.entity.name;
  return `async def test_changing_a_row_deleted_meanwhile_is_404(
    engine: AsyncEngine, session: AsyncSession${s.owned ? ", user: User" : ""}
) -> None:
    existing = await create_${s.entity.snake}(session${s.owned ? ", owner=user" : ""})
    async with async_sessionmaker(engine)() as request:
        loaded = await request.get_one(${E}, existing.id)
        await session.execute(delete(${E}).where(${E}.id == existing.id))
        await session.commit()
        loaded.${s.field} = ${s.value}

        with pytest.raises(NotFoundError):
            await commit_or_conflict(request, "conflict")`;
}

function syncTest(s: Scenario, imports: Imports, pkg: string): string {
  imports.add("flask:Flask", "sqlalchemy.orm:Session", `${pkg}.db:db`);
  const E = s.entity.name;
  return `def test_changing_a_row_deleted_meanwhile_is_404(
    app: Flask, session: Session${s.owned ? ", user: User" : ""}
) -> None:
    existing = create_${s.entity.snake}(session${s.owned ? ", owner=user" : ""})
    with app.app_context():
        loaded = db.session.get_one(${E}, existing.id)
        session.execute(delete(${E}).where(${E}.id == existing.id))
        session.commit()
        loaded.${s.field} = ${s.value}

        with pytest.raises(NotFoundError):
            commit_or_conflict("conflict")`;
}
