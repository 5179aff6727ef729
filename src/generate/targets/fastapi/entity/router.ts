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
  const readGuard = guard(ctx, "read", imports);
  const writeGuard = guard(ctx, "write", imports);
  const read = ctx.readUser ? { param: ", user: CurrentCaller", arg: ", user=user" } : { param: "", arg: "" };
  const write = ctx.writeUser ? { param: ", user: CurrentUser", arg: ", user=user" } : { param: "", arg: "" };
  if (ctx.readUser) imports.add(`${pkg}.users.dependencies:CurrentCaller`);
  if (ctx.writeUser) imports.add(`${pkg}.users.dependencies:CurrentUser`);
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


@router.post("", status_code=status.HTTP_201_CREATED${writeGuard})
async def create_${ctx.var}(data: ${names.create}, session: SessionDep${write.param}) -> ${names.read}:
    """Create ${ctx.aHuman}."""
    return await service.create_${ctx.var}(session, data=data${write.arg})


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
 * The route-level dependency enforcing who may call it. Where the route takes the current user (private
 * reads, owned writes) that parameter already requires authentication and the service checks ownership.
 */
function guard(ctx: EntityContext, action: "read" | "write", imports: Imports): string {
  if (!ctx.auth || (action === "read" ? ctx.readUser : ctx.entity.owned)) return "";
  const policy = action === "read" ? ctx.entity.read : ctx.entity.write;
  if (policy === "public") return "";
  imports.add("fastapi:Depends");
  // Read routes check the caller on their connection; write routes in their session's transaction.
  const [admin, authenticated] =
    action === "read" ? ["require_admin_caller", "get_caller"] : ["require_admin", "get_current_user"];
  const dependency = policy === "admin" ? admin : authenticated;
  imports.add(`${ctx.pkg}.users.dependencies:${dependency}`);
  return `, dependencies=[Depends(${dependency})]`;
}
