/** `<domain>/router.py`: the HTTP routes of one entity, thin over its service. */
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import type { EntityContext } from "./context.js";
import { schemaNames } from "./context.js";

export function routerModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const names = schemaNames(entity);
  const page = entity.pagination === "cursor" ? "CursorPage" : "OffsetPage";
  const imports = new Imports().add(
    "typing:Annotated",
    "fastapi:Path",
    "fastapi:Query",
    "fastapi:status",
    `${pkg}.db:ConnectionDep`,
    `${pkg}.db:SessionDep`,
    `${pkg}.errors:ERROR_RESPONSES`,
    `${pkg}.pagination:${page}`,
    `${pkg}.routing:PrefixRouter`,
    `${ctx.module}:service`,
    `${ctx.module}.schemas:${names.create}`,
    `${ctx.module}.schemas:${names.query}`,
    `${ctx.module}.schemas:${names.read}`,
    `${ctx.module}.schemas:${names.update}`,
  );
  const readGuard = guard(ctx, "read", true, imports);
  const writeGuard = guard(ctx, "write", false, imports);
  const createGuard = guard(ctx, "write", ctx.insertsOneRow, imports);
  const read = userParam(ctx, ctx.readUser, true, imports);
  const write = userParam(ctx, ctx.writeUser, false, imports);
  const create = userParam(ctx, ctx.writeUser, ctx.insertsOneRow, imports);
  // A create inserting one row runs on a connection, like a read; one with links in a session.
  const [createOn, createArg] = ctx.insertsOneRow
    ? ["connection: ConnectionDep", "connection"]
    : ["session: SessionDep", "session"];
  const Id = `${entity.name}Id`;
  const p = ctx.idParam;

  const body = `router = PrefixRouter(prefix="/${ctx.plural}", tags=[${pyStr(ctx.plural)}], responses=ERROR_RESPONSES)

${Id} = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get(""${readGuard})
async def list_${ctx.plural}(
    connection: ConnectionDep, query: Annotated[${names.query}, Query()]${read.param}
) -> ${page}[${names.read}]:
    """List ${ctx.plural}: paged${ctx.filters.length ? ", filtered" : ""}${ctx.sortable.length && entity.pagination === "offset" ? " and sorted" : ""}."""
    return await service.list_${ctx.plural}(connection, query=query${read.arg})


@router.post("", status_code=status.HTTP_201_CREATED${createGuard})
async def create_${ctx.var}(data: ${names.create}, ${createOn}${create.param}) -> ${names.read}:
    """Create ${ctx.aHuman}."""
    return await service.create_${ctx.var}(${createArg}, data=data${create.arg})


@router.get("/{${p}}"${readGuard})
async def get_${ctx.var}(${p}: ${Id}, connection: ConnectionDep${read.param}) -> ${names.read}:
    """Get one ${ctx.human}."""
    return await service.read_${ctx.var}(connection, ${p}=${p}${read.arg})


@router.patch("/{${p}}"${writeGuard})
async def update_${ctx.var}(
    ${p}: ${Id}, data: ${names.update}, session: SessionDep${write.param}
) -> ${names.read}:
    """Change some fields of ${ctx.aHuman}."""
    return await service.update_${ctx.var}(session, ${p}=${p}, data=data${write.arg})


@router.delete("/{${p}}", status_code=status.HTTP_204_NO_CONTENT${writeGuard})
async def delete_${ctx.var}(${p}: ${Id}, session: SessionDep${write.param}) -> None:
    """Delete ${ctx.aHuman}."""
    await service.delete_${ctx.var}(session, ${p}=${p}${write.arg})`;
  return pyModule(`${entity.name}: HTTP routes.`, imports, body, [pkg]);
}

/**
 * The current user parameter of a route that needs it: checked on the request's connection where the
 * route runs on one, in the session's transaction otherwise.
 */
function userParam(
  ctx: EntityContext,
  needed: boolean,
  onConnection: boolean,
  imports: Imports,
): { param: string; arg: string } {
  if (!needed) return { param: "", arg: "" };
  const type = onConnection ? "CurrentCaller" : "CurrentUser";
  imports.add(`${ctx.pkg}.users.dependencies:${type}`);
  return { param: `, user: ${type}`, arg: ", user=user" };
}

/**
 * The route-level dependency enforcing who may call it. Where the route takes the current user (private
 * reads, owned writes) that parameter already requires authentication and the service checks ownership.
 * Routes on a connection check the caller on it; routes in a session, in its transaction.
 */
function guard(
  ctx: EntityContext,
  action: "read" | "write",
  onConnection: boolean,
  imports: Imports,
): string {
  if (!ctx.auth || (action === "read" ? ctx.readUser : ctx.entity.owned)) return "";
  const policy = action === "read" ? ctx.entity.read : ctx.entity.write;
  if (policy === "public") return "";
  imports.add("fastapi:Depends");
  const [admin, authenticated] = onConnection
    ? ["require_admin_caller", "get_caller"]
    : ["require_admin", "get_current_user"];
  const dependency = policy === "admin" ? admin : authenticated;
  imports.add(`${ctx.pkg}.users.dependencies:${dependency}`);
  return `, dependencies=[Depends(${dependency})]`;
}
