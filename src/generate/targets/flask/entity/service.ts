/**
 * `<domain>/service.py`: keyword-only functions holding the business logic of one entity, on the request's
 * Flask-SQLAlchemy session. The same queries and checks as the FastAPI target's async service.
 */
import { entityByName, type ResolvedEntity } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import type { EntityContext } from "../../fastapi/entity/context.js";
import { schemaNames } from "../../fastapi/entity/context.js";
import { idsName, rulesFunctionName } from "../../fastapi/entity/schemas.js";

export function flaskServiceModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const names = schemaNames(entity);
  const E = entity.name;
  const imports = new Imports().add(
    "sqlalchemy:ColumnElement",
    "sqlalchemy:select",
    `${pkg}.crud:commit_or_conflict`,
    `${pkg}.db:db`,
    `${pkg}.errors:NotFoundError`,
    `${ctx.module}.models:${E}`,
    `${ctx.module}.schemas:${names.create}`,
    `${ctx.module}.schemas:${names.query}`,
    `${ctx.module}.schemas:${names.read}`,
    `${ctx.module}.schemas:${names.update}`,
  );
  if (ctx.readUser || ctx.writeUser) imports.add(`${pkg}.users.models:User`);
  const read = userArgs(ctx.readUser);
  const write = userArgs(ctx.writeUser);

  const blocks = [
    `_CONFLICT = ${pyStr(`The ${ctx.human} conflicts with an existing one.`)}`,
    conditionsBlock(ctx),
  ];
  if (ctx.readUser) blocks.push(visibleBlock(ctx));
  const sorted = ctx.sortable.length > 0 && entity.pagination === "offset";
  if (sorted) blocks.push(orderByBlock(ctx, imports));
  blocks.push(
    entity.pagination === "cursor"
      ? cursorListBlock(ctx, read.param, imports)
      : offsetListBlock(ctx, read.param, sorted, imports),
  );
  blocks.push(getBlock(ctx, read.param, imports));
  blocks.push(createBlock(ctx, write.param, imports));
  blocks.push(updateBlock(ctx, write.param, imports));
  blocks.push(deleteBlock(ctx, write.param));
  const references = referencesBlock(ctx, imports);
  if (references) blocks.push(references);
  if (ctx.ownerWrites) blocks.push(requireOwnerBlock(ctx, imports));
  if (entity.checks.length) blocks.push(rulesBlock(ctx, imports));
  return pyModule(
    `${E}: business logic, as keyword-only functions on the request's session.`,
    imports,
    blocks.join("\n\n\n"),
    [pkg],
  );
}

function userArgs(needed: boolean): { param: string; arg: string } {
  return needed ? { param: ", user: User", arg: ", user=user" } : { param: "", arg: "" };
}

/** Whether `_check_references` needs the user: some referenced entity is private to its owner. */
function referencesNeedUser(ctx: EntityContext): boolean {
  return ctx.entity.manyToOne.some((link) => entityByName(ctx.project, link.target).read === "owner");
}

function requireOwnerBlock(ctx: EntityContext, imports: Imports): string {
  imports.add(`${ctx.pkg}.errors:PermissionDeniedError`);
  return `def _require_owner(${ctx.var}: ${ctx.entity.name}, user: User) -> None:
    """Everyone may read ${ctx.plural}; only the owner or an administrator may change them."""
    if not user.is_admin and ${ctx.var}.owner_id != user.id:
        msg = f"Only the owner may change ${ctx.entity.name} {${ctx.var}.id}."
        raise PermissionDeniedError(msg)`;
}

/**
 * The select of rows with everything the read schema shows eager-loaded, so a page costs the same number of
 * queries at any size. Built inside functions: touching relationships at import time would configure the
 * mappers before every model is imported.
 */
function selectRows(ctx: EntityContext, imports: Imports): string {
  if (ctx.collections.length === 0) return `select(${ctx.entity.name})`;
  imports.add("sqlalchemy.orm:selectinload");
  const options = ctx.collections.map((c) => `selectinload(${ctx.entity.name}.${c.name})`);
  return `select(${ctx.entity.name}).options(${options.join(", ")})`;
}

function conditionsBlock(ctx: EntityContext): string {
  const { entity } = ctx;
  const lines: string[] = [];
  for (const filter of ctx.filters) {
    lines.push(`    if query.${filter.param} is not None:`);
    lines.push(
      `        conditions.append(${entity.name}.${filter.column} ${filter.op} query.${filter.param})`,
    );
  }
  const start = ctx.readUser ? "[*_visible_to(user)]" : "[]";
  const param = ctx.readUser ? ", user: User" : "";
  return `def _conditions(query: ${schemaNames(entity).query}${param}) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = ${start}
${lines.join("\n")}
    return conditions`;
}

function visibleBlock(ctx: EntityContext): string {
  return `def _visible_to(user: User) -> list[ColumnElement[bool]]:
    """Users see their own ${ctx.plural}; administrators see all."""
    return [] if user.is_admin else [${ctx.entity.name}.owner_id == user.id]`;
}

function orderByBlock(ctx: EntityContext, imports: Imports): string {
  const E = ctx.entity.name;
  imports.add("typing:Any", "sqlalchemy:UnaryExpression", "sqlalchemy.orm:InstrumentedAttribute");
  imports.add(`${ctx.module}.schemas:${schemaNames(ctx.entity).sort}`);
  const entries = ctx.sortable.map((f) => `${pyStr(f.name)}: ${E}.${f.name}`);
  return `_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {${entries.join(", ")}}


def _order_by(sort: ${schemaNames(ctx.entity).sort} | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (\`-\` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [${E}.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), ${E}.id.asc()]`;
}

function conditionsCall(ctx: EntityContext): string {
  return ctx.readUser ? "_conditions(query, user)" : "_conditions(query)";
}

function offsetListBlock(ctx: EntityContext, userParam: string, sorted: boolean, imports: Imports): string {
  const E = ctx.entity.name;
  const names = schemaNames(ctx.entity);
  imports.add("sqlalchemy:func", `${ctx.pkg}.pagination:OffsetPage`);
  const order = sorted ? "*_order_by(query.sort)" : `${E}.id.asc()`;
  return `def list_${ctx.plural}(*, query: ${names.query}${userParam}) -> OffsetPage[${names.read}]:
    """One page of ${ctx.plural} matching the filters, with the total count."""
    conditions = ${conditionsCall(ctx)}
    total = db.session.scalar(select(func.count()).select_from(${E}).where(*conditions))
    rows = db.session.scalars(
        ${selectRows(ctx, imports)}
        .where(*conditions)
        .order_by(${order})
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[${names.read}](
        items=[${names.read}.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )`;
}

function cursorListBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const E = ctx.entity.name;
  const names = schemaNames(ctx.entity);
  imports.add(
    `${ctx.pkg}.pagination:CursorPage`,
    `${ctx.pkg}.pagination:decode_cursor`,
    `${ctx.pkg}.pagination:encode_cursor`,
  );
  return `def list_${ctx.plural}(*, query: ${names.query}${userParam}) -> CursorPage[${names.read}]:
    """One page of ${ctx.plural} after the cursor, in id order (keyset: no OFFSET scan)."""
    conditions = ${conditionsCall(ctx)}
    if query.cursor is not None:
        conditions.append(${E}.id > decode_cursor(query.cursor))
    rows = list(
        db.session.scalars(
            ${selectRows(ctx, imports)}.where(*conditions).order_by(${E}.id.asc()).limit(query.limit + 1)
        )
    )
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[${names.read}](
        items=[${names.read}.model_validate(row) for row in page], next_cursor=next_cursor
    )`;
}

function getBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const E = ctx.entity.name;
  const visible = ctx.readUser ? ", *_visible_to(user)" : "";
  return `def get_${ctx.var}(*, ${ctx.idParam}: int${userParam}) -> ${E}:
    """The ${ctx.human} with this id, with everything its read schema shows; 404 if absent."""
    ${ctx.var} = db.session.scalar(
        ${selectRows(ctx, imports)}
        .where(${E}.id == ${ctx.idParam}${visible})
        .execution_options(populate_existing=True)
    )
    if ${ctx.var} is None:
        msg = f"${E} {${ctx.idParam}} not found."
        raise NotFoundError(msg)
    return ${ctx.var}`;
}

function createBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const { entity } = ctx;
  const E = entity.name;
  const names = schemaNames(entity);
  const exclude = entity.manyToMany.map((l) => pyStr(idsName(l.name)));
  const dump = exclude.length ? `data.model_dump(exclude={${exclude.join(", ")}})` : "data.model_dump()";
  const owner = entity.owned ? ", owner_id=user.id" : "";
  const lines = [];
  if (hasReferences(ctx)) lines.push(`    _check_references(data=data${refsArg(ctx)})`);
  lines.push(`    ${ctx.var} = ${E}(**${dump}${owner})`);
  for (const link of entity.manyToMany) {
    const target = entityByName(ctx.project, link.target);
    imports.add(`${ctx.pkg}.crud:require_rows`, `${ctx.pkg}.${target.plural}.models:${target.name}`);
    lines.push(
      `    ${ctx.var}.${link.name} = require_rows(${target.name}, data.${idsName(link.name)}, field=${pyStr(idsName(link.name))}${privateWhere(target)})`,
    );
  }
  return `def create_${ctx.var}(*, data: ${names.create}${userParam}) -> ${E}:
    """Create ${ctx.aHuman}; 409 if it duplicates a unique value."""
${lines.join("\n")}
    db.session.add(${ctx.var})
    commit_or_conflict(_CONFLICT)
    return get_${ctx.var}(${ctx.idParam}=${ctx.var}.id${userArgs(ctx.readUser).arg})`;
}

/** The `where=` argument limiting referenced rows of a private entity to the user's own. */
function privateWhere(target: ResolvedEntity): string {
  return target.read === "owner"
    ? `, where=[] if user.is_admin else [${target.name}.owner_id == user.id]`
    : "";
}

function refsArg(ctx: EntityContext): string {
  return referencesNeedUser(ctx) ? ", user=user" : "";
}

/** Load a row for a change: visible to the user, and owned by them when others may only read it. */
function loadForWrite(ctx: EntityContext): string[] {
  const lines = [
    `    ${ctx.var} = get_${ctx.var}(${ctx.idParam}=${ctx.idParam}${userArgs(ctx.readUser).arg})`,
  ];
  if (ctx.ownerWrites) lines.push(`    _require_owner(${ctx.var}, user)`);
  return lines;
}

function updateBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const { entity } = ctx;
  const E = entity.name;
  const names = schemaNames(entity);
  const exclude = entity.manyToMany.map((l) => pyStr(idsName(l.name)));
  const excludeArg = exclude.length ? `, exclude={${exclude.join(", ")}}` : "";
  const lines = loadForWrite(ctx);
  for (const link of ctx.entity.manyToOne.filter((l) => l.target === ctx.entity.name)) {
    // A row that is its own parent can never be deleted (nor makes sense): refuse the loop.
    imports.add(`${ctx.pkg}.errors:ErrorDetail`, `${ctx.pkg}.errors:ValidationFailedError`);
    lines.push(
      `    if data.${link.column} == ${ctx.idParam}:`,
      `        msg = "${link.column} cannot refer to the ${ctx.human} itself."`,
      `        raise ValidationFailedError(msg, details=[ErrorDetail(loc=["body", "${link.column}"], message=msg)])`,
    );
  }
  if (hasReferences(ctx)) lines.push(`    _check_references(data=data${refsArg(ctx)})`);
  // Linked rows are loaded before any column changes: a query after them would autoflush the row, and
  // a duplicate unique value would fail there (a 500) instead of in commit_or_conflict (a 409).
  for (const link of entity.manyToMany) {
    const target = entityByName(ctx.project, link.target);
    imports.add(`${ctx.pkg}.crud:require_rows`);
    const ids = idsName(link.name);
    lines.push(
      `    if data.${ids} is not None:`,
      `        ${ctx.var}.${link.name} = require_rows(${target.name}, data.${ids}, field=${pyStr(ids)}${privateWhere(target)})`,
    );
  }
  lines.push(
    `    for name, value in data.model_dump(exclude_unset=True${excludeArg}).items():`,
    `        setattr(${ctx.var}, name, value)`,
  );
  if (entity.checks.length) lines.push(`    _check_rules(${ctx.var})`);
  return `def update_${ctx.var}(
    *, ${ctx.idParam}: int, data: ${names.update}${userParam}
) -> ${E}:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
${lines.join("\n")}
    commit_or_conflict(_CONFLICT)
    return get_${ctx.var}(${ctx.idParam}=${ctx.idParam}${userArgs(ctx.readUser).arg})`;
}

function deleteBlock(ctx: EntityContext, userParam: string): string {
  const E = ctx.entity.name;
  return `def delete_${ctx.var}(*, ${ctx.idParam}: int${userParam}) -> None:
    """Delete ${ctx.aHuman}; 409 if other rows still depend on it."""
${loadForWrite(ctx).join("\n")}
    db.session.delete(${ctx.var})
    commit_or_conflict(f"${E} {${ctx.idParam}} is still referenced and cannot be deleted.")`;
}

function hasReferences(ctx: EntityContext): boolean {
  return ctx.entity.manyToOne.length > 0;
}

function referencesBlock(ctx: EntityContext, imports: Imports): string | undefined {
  if (!hasReferences(ctx)) return undefined;
  const names = schemaNames(ctx.entity);
  imports.add(`${ctx.pkg}.crud:require_rows`);
  const lines: string[] = [];
  for (const link of ctx.entity.manyToOne) {
    const target = entityByName(ctx.project, link.target);
    if (target.name !== ctx.entity.name) imports.add(`${ctx.pkg}.${target.plural}.models:${target.name}`);
    const where = privateWhere(target);
    lines.push(
      `    if data.${link.column} is not None:`,
      `        require_rows(${target.name}, [data.${link.column}], field=${pyStr(link.column)}${where})`,
    );
  }
  return `def _check_references(
    *, data: ${names.create} | ${names.update}${referencesNeedUser(ctx) ? ", user: User" : ""}
) -> None:
    """Referenced rows must exist${referencesNeedUser(ctx) ? " and, when private, belong to the user" : ""}: 422 otherwise."""
${lines.join("\n")}`;
}

function rulesBlock(ctx: EntityContext, imports: Imports): string {
  imports.add(`${ctx.module}.schemas:${rulesFunctionName(ctx)}`, `${ctx.pkg}.errors:ValidationFailedError`);
  const names = new Set(ctx.entity.checks.flatMap((c) => [c.field, c.other]));
  const args = ctx.entity.fields
    .filter((f) => names.has(f.name))
    .map((f) => `${f.name}=${ctx.var}.${f.name}`);
  return `def _check_rules(${ctx.var}: ${ctx.entity.name}) -> None:
    """Cross-field rules hold on the updated row (a partial update may change one side)."""
    errors = ${rulesFunctionName(ctx)}(${args.join(", ")})
    if errors:
        raise ValidationFailedError("; ".join(errors))`;
}
