/** `<domain>/service.py`: keyword-only async functions holding the business logic of one entity. */
import { backLinkOf, entityByName, type ResolvedEntity } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import type { EntityContext } from "./context.js";
import { schemaNames } from "./context.js";
import { briefColumns, idsName, rulesFunctionName } from "./schemas.js";

export function serviceModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const names = schemaNames(entity);
  const E = entity.name;
  const imports = new Imports().add(
    "sqlalchemy:select",
    "sqlalchemy.ext.asyncio:AsyncConnection",
    "sqlalchemy.ext.asyncio:AsyncSession",
    `${pkg}.crud:commit_or_conflict`,
    `${pkg}.errors:NotFoundError`,
    `${ctx.module}.models:${E}`,
    `${ctx.module}.schemas:${names.create}`,
    `${ctx.module}.schemas:${names.query}`,
    `${ctx.module}.schemas:${names.read}`,
    `${ctx.module}.schemas:${names.update}`,
  );
  if (ctx.readUser || ctx.writeUser) imports.add(`${pkg}.users.caller:Caller`);
  const read = userArgs(ctx.readUser);
  const write = userArgs(ctx.writeUser);

  const blocks = [`_CONFLICT = ${pyStr(`The ${ctx.human} conflicts with an existing one.`)}`];
  if (hasConditions(ctx)) blocks.push(conditionsBlock(ctx, imports));
  if (ctx.readUser) blocks.push(visibleBlock(ctx, imports));
  const sorted = ctx.sortable.length > 0 && entity.pagination === "offset";
  if (sorted) blocks.push(orderByBlock(ctx, imports));
  blocks.push(...readStatements(ctx, imports));
  blocks.push(pageBlock(ctx, sorted, imports));
  blocks.push(
    entity.pagination === "cursor"
      ? cursorListBlock(ctx, read.param, imports)
      : offsetListBlock(ctx, read.param, sorted, imports),
  );
  blocks.push(readBlock(ctx, read.param));
  blocks.push(getBlock(ctx, read.param, imports));
  blocks.push(createBlock(ctx, write.param, imports));
  blocks.push(updateBlock(ctx, write.param, imports));
  blocks.push(deleteBlock(ctx, write.param));
  const references = referencesBlock(ctx, imports);
  if (references) blocks.push(references);
  if (ctx.ownerWrites) blocks.push(requireOwnerBlock(ctx, imports));
  if (entity.checks.length) blocks.push(rulesBlock(ctx, imports));
  const onConnection = ctx.insertsOneRow ? "reads and creates" : "reads";
  return pyModule(
    `${E}: business logic; ${onConnection} run on a connection, changes in a session.`,
    imports,
    blocks.join("\n\n\n"),
    [pkg],
  );
}

function userArgs(needed: boolean): { param: string; arg: string } {
  return needed ? { param: ", user: Caller", arg: ", user=user" } : { param: "", arg: "" };
}

/** Whether `_check_references` needs the user: some referenced entity is private to its owner. */
function referencesNeedUser(ctx: EntityContext): boolean {
  return ctx.entity.manyToOne.some((link) => entityByName(ctx.project, link.target).read === "owner");
}

function requireOwnerBlock(ctx: EntityContext, imports: Imports): string {
  imports.add(`${ctx.pkg}.errors:PermissionDeniedError`);
  return `def _require_owner(${ctx.var}: ${ctx.entity.name}, user: Caller) -> None:
    """Everyone may read ${ctx.plural}; only the owner or an administrator may change them."""
    if not user.is_admin and ${ctx.var}.owner_id != user.id:
        msg = f"Only the owner may change ${ctx.entity.name} {${ctx.var}.id}."
        raise PermissionDeniedError(msg)`;
}

/**
 * The select of a row to change, its collections eager-loaded (they are \`lazy="raise"\`, and replacing a
 * many-to-many collection needs the old one). Built inside functions: touching relationships at import
 * time would configure the mappers before every model is imported.
 */
function selectRows(ctx: EntityContext, imports: Imports): string {
  if (ctx.collections.length === 0) return `select(${ctx.entity.name})`;
  imports.add("sqlalchemy.orm:selectinload");
  const options = ctx.collections.map((c) => `selectinload(${ctx.entity.name}.${c.name})`);
  return `select(${ctx.entity.name}).options(${options.join(", ")})`;
}

/** The module constant of a collection's JSON column, e.g. `_TAGS_JSON`. */
function jsonColumn(collection: { readonly name: string }): string {
  return `_${collection.name.toUpperCase()}_JSON`;
}

/**
 * What reads select, built and compiled once at import (\`reads.Read\`): building a statement per request
 * costs more than running it.
 *
 * - One JSON column per collection (\`json_rows.py\`): what its Brief schema shows of the rows belonging to
 *   the selected row, correlated to it. A collection of the entity itself reads an alias of its table,
 *   which correlation cannot confuse with the outer row.
 * - \`_READ_JSON\`: the row and its collections as one JSON text, which Pydantic validates in its core
 *   (\`_READS\`): no ORM object, no result processing per column, no JSON parsed in Python.
 * - \`_READ_ONE\`: the row with an id, the id a bound parameter.
 */
function readStatements(ctx: EntityContext, imports: Imports): string[] {
  const E = ctx.entity.name;
  imports.add(
    "pydantic:TypeAdapter",
    "sqlalchemy:bindparam",
    `${ctx.pkg}.json_rows:json_array`,
    `${ctx.pkg}.json_rows:json_row`,
    `${ctx.pkg}.statements:Read`,
  );
  const blocks = ctx.collections.map((collection) => {
    imports.add(`${ctx.pkg}.json_rows:json_rows`);
    const T = collection.target.name;
    let source = T;
    let alias = "";
    if (T === E) {
      const table = `_${collection.name.toUpperCase()}_ROWS`;
      source = `${table}.c`;
      alias = `${table} = ${E}.__table__.alias(${pyStr(collection.name)})\n`;
    } else {
      imports.add(`${ctx.pkg}.${collection.target.plural}.models:${T}`);
    }
    const columns = briefColumns(collection.target).map((c) => `${source}.${c.name}`);
    let rows: string;
    if (collection.kind === "one-to-many") {
      const link = ctx.entity.oneToMany.find((l) => l.name === collection.name);
      const fk = link ? backLinkOf(ctx.project, link).column : `${ctx.var}_id`;
      rows = `select(${columns.join(", ")}).where(${source}.${fk} == ${E}.id)`;
    } else {
      const link = ctx.entity.manyToMany.find((l) => l.name === collection.name);
      const table = link?.table ?? "";
      imports.add(`${ctx.module}.models:${table}`);
      rows = `select(${columns.join(", ")}).join(${table}, ${source}.id == ${table}.c.${link?.remoteColumn}).where(${table}.c.${link?.localColumn} == ${E}.id)`;
    }
    return `${alias}${jsonColumn(collection)} = json_rows(${rows}.order_by(${source}.id).correlate(${E})).label(${pyStr(collection.name)})`;
  });
  const columns = [`${E}.__table__`, ...ctx.collections.map(jsonColumn)];
  const own = ctx.readUser
    ? `\n_READ_OWN = Read(\n    select(_READ_JSON).where(${E}.id == bindparam(${pyStr(ctx.idParam)}), _CONDITIONS["_caller"])\n)`
    : "";
  blocks.push(`# What the API shows of ${ctx.aHuman}, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(${columns.join(", ")})
_READ_ONE = Read(select(_READ_JSON).where(${E}.id == bindparam(${pyStr(ctx.idParam)})))${own}
_READS = TypeAdapter(list[${schemaNames(ctx.entity).read}])`);
  return blocks;
}

/** Whether a list has conditions: filters, rows private to their owner, or a cursor to start after. */
function hasConditions(ctx: EntityContext): boolean {
  return ctx.filters.length > 0 || ctx.readUser || ctx.entity.pagination === "cursor";
}

/**
 * The list's conditions, each on a bound parameter named after its value, and the function picking the
 * values a request has: a page's statement applies those it has values for (`_page`). Names that are not
 * query parameters start with an underscore, which no query field can.
 */
function conditionsBlock(ctx: EntityContext, imports: Imports): string {
  const E = ctx.entity.name;
  imports.add("typing:Any", "sqlalchemy:ColumnElement");
  const entries = ctx.filters.map(
    (f) => `${pyStr(f.param)}: ${E}.${f.column} ${f.op} bindparam(${pyStr(f.param)})`,
  );
  const lines = ctx.filters.flatMap((f) => [
    `    if query.${f.param} is not None:`,
    `        values[${pyStr(f.param)}] = query.${f.param}`,
  ]);
  const what = ctx.filters.length ? ["filters sent"] : [];
  if (ctx.readUser) {
    entries.push(`"_caller": ${E}.owner_id == bindparam("_caller")`);
    lines.push("    if not user.is_admin:", '        values["_caller"] = user.id');
    what.push("own rows unless admin");
  }
  if (ctx.entity.pagination === "cursor") {
    imports.add(`${ctx.pkg}.pagination:decode_cursor`);
    entries.push(`"_after": ${E}.id > bindparam("_after")`);
    lines.push("    if query.cursor is not None:", '        values["_after"] = decode_cursor(query.cursor)');
    what.push("cursor");
  }
  const param = ctx.readUser ? ", user: Caller" : "";
  return `_CONDITIONS: dict[str, ColumnElement[bool]] = {
${entries.map((e) => `    ${e},`).join("\n")}
}


def _values(query: ${schemaNames(ctx.entity).query}${param}) -> dict[str, Any]:
    """Values of the conditions that apply: ${what.join(", ")}."""
    values: dict[str, Any] = {}
${lines.join("\n")}
    return values`;
}

/** What a user may see of rows private to their owner, for the write path's ORM select. */
function visibleBlock(ctx: EntityContext, imports: Imports): string {
  imports.add("sqlalchemy:ColumnElement");
  return `def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
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

/**
 * The statement of a page: one per set of conditions (and sort) a request sends, built and compiled on
 * first use. The LRU bound keeps what clients can make the cache hold small.
 */
function pageBlock(ctx: EntityContext, sorted: boolean, imports: Imports): string {
  const E = ctx.entity.name;
  imports.add(`${ctx.pkg}.statements:Read`);
  const offset = ctx.entity.pagination === "offset";
  const statement = [
    `select(${offset ? "_READ_JSON, func.count().over()" : "_READ_JSON"})`,
    ...(hasConditions(ctx) ? [".where(*[_CONDITIONS[name] for name in sorted(names)])"] : []),
    `.order_by(${sorted ? "*_order_by(sort)" : `${E}.id.asc()`})`,
    ...(offset ? ['.offset(bindparam("offset"))'] : []),
    '.limit(bindparam("limit"))',
  ];
  const params = [
    ...(hasConditions(ctx) ? ["names: frozenset[str]"] : []),
    ...(sorted ? [`sort: ${schemaNames(ctx.entity).sort} | None`] : []),
  ];
  if (!params.length) return `_PAGE = Read(${statement.join("\n    ")})`;
  imports.add("functools:lru_cache");
  const what = [hasConditions(ctx) ? "conditions" : "", sorted ? "sort" : ""].filter(Boolean).join(" and ");
  return `@lru_cache(maxsize=128)
def _page(${params.join(", ")}) -> Read:
    """The statement of a page with these ${what}, compiled on first use."""
    return Read(${statement.join("\n        ")})`;
}

/** The read of a page's rows: its statement, the condition values, then the paging values. */
function pageCall(ctx: EntityContext, sorted: boolean, method: string, paging: string): string {
  const args = [...(hasConditions(ctx) ? ["frozenset(values)"] : []), ...(sorted ? ["query.sort"] : [])];
  const page = args.length ? `_page(${args.join(", ")})` : "_PAGE";
  return `await ${page}.${method}(connection, ${hasConditions(ctx) ? "**values, " : ""}${paging})`;
}

function valuesLine(ctx: EntityContext): string[] {
  return hasConditions(ctx) ? [`    values = _values(query${ctx.readUser ? ", user" : ""})`] : [];
}

function offsetListBlock(ctx: EntityContext, userParam: string, sorted: boolean, imports: Imports): string {
  const E = ctx.entity.name;
  const names = schemaNames(ctx.entity);
  imports.add("sqlalchemy:func", `${ctx.pkg}.pagination:OffsetPage`);
  // Run on the driver like every other read, so a read connection never begins a transaction.
  const count = hasConditions(ctx)
    ? [
        `        count = select(func.count()).select_from(${E}).where(*[_CONDITIONS[n] for n in values])`,
        "        total = (await Read(count).rows(connection, **values))[0][0]",
      ]
    : [`        total = (await Read(select(func.count()).select_from(${E})).rows(connection))[0][0]`];
  const rows = pageCall(ctx, sorted, "rows", "offset=query.offset, limit=query.limit");
  return `async def list_${ctx.plural}(connection: AsyncConnection, *, query: ${names.query}${userParam}) -> OffsetPage[${names.read}]:
    """One page of ${ctx.plural} matching the filters, with the total count, in one statement."""
${[...valuesLine(ctx), `    rows = ${rows}`].join("\n")}
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
${count.join("\n")}
    return OffsetPage[${names.read}](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )`;
}

function cursorListBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const names = schemaNames(ctx.entity);
  imports.add(`${ctx.pkg}.pagination:CursorPage`, `${ctx.pkg}.pagination:encode_cursor`);
  const texts = pageCall(ctx, false, "texts", "limit=query.limit + 1");
  return `async def list_${ctx.plural}(connection: AsyncConnection, *, query: ${names.query}${userParam}) -> CursorPage[${names.read}]:
    """One page of ${ctx.plural} after the cursor, in id order (keyset: no OFFSET scan)."""
${[...valuesLine(ctx), `    texts = ${texts}`].join("\n")}
    rows = _READS.validate_json(json_array(texts))
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[${names.read}](items=page, next_cursor=next_cursor)`;
}

/** The GET path: the read schema from the row's JSON, as the list builds it (no ORM object to load). */
function readBlock(ctx: EntityContext, userParam: string): string {
  const id = `${ctx.idParam}=${ctx.idParam}`;
  const call = ctx.readUser
    ? `(_READ_ONE if user.is_admin else _READ_OWN).text(connection, ${id}, _caller=user.id)`
    : `_READ_ONE.text(connection, ${id})`;
  const read = schemaNames(ctx.entity).read;
  return `async def read_${ctx.var}(connection: AsyncConnection, *, ${ctx.idParam}: int${userParam}) -> ${read}:
    """The ${ctx.human} with this id as the API shows it; 404 if absent."""
    row = await ${call}
    if row is None:
        msg = f"${ctx.entity.name} {${ctx.idParam}} not found."
        raise NotFoundError(msg)
    return ${read}.model_validate_json(row)`;
}

function getBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const E = ctx.entity.name;
  const visible = ctx.readUser ? ", *_visible_to(user)" : "";
  return `async def get_${ctx.var}(session: AsyncSession, *, ${ctx.idParam}: int${userParam}) -> ${E}:
    """The ${ctx.human} with this id, its collections loaded, to change; 404 if absent."""
    ${ctx.var} = await session.scalar(
        ${selectRows(ctx, imports)}
        .where(${E}.id == ${ctx.idParam}${visible})
    )
    if ${ctx.var} is None:
        msg = f"${E} {${ctx.idParam}} not found."
        raise NotFoundError(msg)
    return ${ctx.var}`;
}

function createBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const { entity } = ctx;
  const names = schemaNames(entity);
  const doc = `    """Create ${ctx.aHuman}; 409 if it duplicates a unique value."""`;
  if (ctx.insertsOneRow) return insertBlock(ctx, userParam, doc, imports);
  const exclude = entity.manyToMany.map((l) => pyStr(idsName(l.name)));
  const owner = entity.owned ? ", owner_id=user.id" : "";
  const lines = [];
  lines.push(...checkReferences(ctx, "await session.connection()"));
  lines.push(`    ${ctx.var} = ${entity.name}(**data.model_dump(exclude={${exclude.join(", ")}})${owner})`);
  for (const link of entity.manyToMany) {
    const target = entityByName(ctx.project, link.target);
    imports.add(`${ctx.pkg}.crud:require_rows`, `${ctx.pkg}.${target.plural}.models:${target.name}`);
    lines.push(
      `    ${ctx.var}.${link.name} = await require_rows(session, ${target.name}, data.${idsName(link.name)}, field=${pyStr(idsName(link.name))}${privateOwner(target)})`,
    );
  }
  return `async def create_${ctx.var}(session: AsyncSession, *, data: ${names.create}${userParam}) -> ${names.read}:
${doc}
${lines.join("\n")}
    session.add(${ctx.var})
    await commit_or_conflict(session, _CONFLICT)
    return await ${readBack(ctx, `${ctx.var}.id`)}`;
}

/** A create that inserts one row: on the request's connection, the INSERT run on the driver. */
function insertBlock(ctx: EntityContext, userParam: string, doc: string, imports: Imports): string {
  const E = ctx.entity.name;
  const names = schemaNames(ctx.entity);
  imports.add("sqlalchemy:insert", `${ctx.pkg}.statements:Insert`, `${ctx.pkg}.crud:insert_or_conflict`);
  const lines = [];
  lines.push(...checkReferences(ctx, "connection"));
  let values = "data.model_dump()";
  if (ctx.entity.owned) {
    lines.push('    values = data.model_dump() | {"owner_id": user.id}');
    values = "values";
  }
  const id = ctx.idParam;
  lines.push(
    `    ${id} = await insert_or_conflict(connection, _INSERT, _CONFLICT, ${values})`,
    `    return await read_${ctx.var}(connection, ${id}=${id}${userArgs(ctx.readUser).arg})`,
  );
  return `# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(${E}).returning(${E}.id))


async def create_${ctx.var}(connection: AsyncConnection, *, data: ${names.create}${userParam}) -> ${names.read}:
${doc}
${lines.join("\n")}`;
}

/** After a commit, the changed row as the API shows it: the read path, on the session's connection. */
function readBack(ctx: EntityContext, id: string): string {
  return `read_${ctx.var}(await session.connection(), ${ctx.idParam}=${id}${userArgs(ctx.readUser).arg})`;
}

/** The \`owner_id=\` argument limiting referenced rows of a private entity to those the user may see. */
function privateOwner(target: ResolvedEntity): string {
  return target.read === "owner" ? ", owner_id=user.visible_owner" : "";
}

/** The call of \`_check_references\` on a connection (an expression), if the entity refers to others. */
function checkReferences(ctx: EntityContext, connection: string): string[] {
  if (!hasReferences(ctx)) return [];
  const user = referencesNeedUser(ctx) ? ", user=user" : "";
  return [`    await _check_references(${connection}, data=data${user})`];
}

/** Load a row for a change: visible to the user, and owned by them when others may only read it. */
function loadForWrite(ctx: EntityContext): string[] {
  const lines = [
    `    ${ctx.var} = await get_${ctx.var}(session, ${ctx.idParam}=${ctx.idParam}${userArgs(ctx.readUser).arg})`,
  ];
  if (ctx.ownerWrites) lines.push(`    _require_owner(${ctx.var}, user)`);
  return lines;
}

function updateBlock(ctx: EntityContext, userParam: string, imports: Imports): string {
  const { entity } = ctx;
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
  lines.push(...checkReferences(ctx, "await session.connection()"));
  // Linked rows are loaded before any column changes: a query after them would autoflush the row, and
  // a duplicate unique value would fail there (a 500) instead of in commit_or_conflict (a 409).
  for (const link of entity.manyToMany) {
    const target = entityByName(ctx.project, link.target);
    imports.add(`${ctx.pkg}.crud:require_rows`);
    const ids = idsName(link.name);
    lines.push(
      `    if data.${ids} is not None:`,
      `        ${ctx.var}.${link.name} = await require_rows(session, ${target.name}, data.${ids}, field=${pyStr(ids)}${privateOwner(target)})`,
    );
  }
  lines.push(
    `    for name, value in data.model_dump(exclude_unset=True${excludeArg}).items():`,
    `        setattr(${ctx.var}, name, value)`,
  );
  if (entity.checks.length) lines.push(`    _check_rules(${ctx.var})`);
  return `async def update_${ctx.var}(
    session: AsyncSession, *, ${ctx.idParam}: int, data: ${names.update}${userParam}
) -> ${names.read}:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
${lines.join("\n")}
    await commit_or_conflict(session, _CONFLICT)
    return await ${readBack(ctx, ctx.idParam)}`;
}

function deleteBlock(ctx: EntityContext, userParam: string): string {
  const E = ctx.entity.name;
  return `async def delete_${ctx.var}(session: AsyncSession, *, ${ctx.idParam}: int${userParam}) -> None:
    """Delete ${ctx.aHuman}; 409 if other rows still depend on it."""
${loadForWrite(ctx).join("\n")}
    await session.delete(${ctx.var})
    await commit_or_conflict(session, f"${E} {${ctx.idParam}} is still referenced and cannot be deleted.")`;
}

function hasReferences(ctx: EntityContext): boolean {
  return ctx.entity.manyToOne.length > 0;
}

function referencesBlock(ctx: EntityContext, imports: Imports): string | undefined {
  if (!hasReferences(ctx)) return undefined;
  const names = schemaNames(ctx.entity);
  imports.add(`${ctx.pkg}.crud:require_row`);
  const lines: string[] = [];
  for (const link of ctx.entity.manyToOne) {
    const target = entityByName(ctx.project, link.target);
    if (target.name !== ctx.entity.name) imports.add(`${ctx.pkg}.${target.plural}.models:${target.name}`);
    lines.push(
      `    if data.${link.column} is not None:`,
      `        await require_row(connection, ${target.name}, data.${link.column}, field=${pyStr(link.column)}${privateOwner(target)})`,
    );
  }
  return `async def _check_references(
    connection: AsyncConnection, *, data: ${names.create} | ${names.update}${referencesNeedUser(ctx) ? ", user: Caller" : ""}
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
