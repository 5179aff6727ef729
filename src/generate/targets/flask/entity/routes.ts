/** `<domain>/routes.py`: the blueprint of one entity, thin over its service. */

import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import type { EntityContext } from "../../fastapi/entity/context.js";
import { schemaNames } from "../../fastapi/entity/context.js";

export function routesModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const names = schemaNames(entity);
  const page = entity.pagination === "cursor" ? "CursorPage" : "OffsetPage";
  const imports = new Imports().add(
    "flask:Response",
    `${pkg}.api:ApiBlueprint`,
    `${pkg}.api:json_response`,
    `${pkg}.api:no_content`,
    `${pkg}.api:parse_body`,
    `${pkg}.api:parse_query`,
    `${pkg}.api:path_id`,
    `${pkg}.pagination:${page}`,
    `${ctx.module}:service`,
    `${ctx.module}.schemas:${names.create}`,
    `${ctx.module}.schemas:${names.query}`,
    `${ctx.module}.schemas:${names.read}`,
    `${ctx.module}.schemas:${names.update}`,
  );
  const readGuard = guard(ctx, "read", imports);
  const writeGuard = guard(ctx, "write", imports);
  const read = ctx.readUser ? ", user=current_user()" : "";
  const write = ctx.writeUser ? ", user=current_user()" : "";
  if (ctx.readUser || ctx.writeUser) imports.add(`${pkg}.users.auth:current_user`);
  const p = ctx.idParam;
  const id = `${p}=path_id(${pyStr(p)}, ${p})`;
  const described = `${ctx.filters.length ? ", filtered" : ""}${ctx.sortable.length && entity.pagination === "offset" ? " and sorted" : ""}`;

  const body = `blueprint = ApiBlueprint(
    ${pyStr(ctx.plural)}, __name__, url_prefix="/${ctx.plural}", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=${names.query}, response=${page}[${names.read}]${readGuard})
def list_${ctx.plural}() -> Response:
    """List ${ctx.plural}: paged${described}."""
    return json_response(service.list_${ctx.plural}(query=parse_query(${names.query})${read}))


@blueprint.operation("POST", "", status=201, body=${names.create}, response=${names.read}${writeGuard})
def create_${ctx.var}() -> Response:
    """Create ${ctx.aHuman}."""
    ${ctx.var} = service.create_${ctx.var}(data=parse_body(${names.create})${write})
    return json_response(${names.read}.model_validate(${ctx.var}), 201)


@blueprint.operation("GET", "/{${p}}", response=${names.read}${readGuard})
def get_${ctx.var}(${p}: str) -> Response:
    """Get one ${ctx.human}."""
    ${ctx.var} = service.get_${ctx.var}(${id}${read})
    return json_response(${names.read}.model_validate(${ctx.var}))


@blueprint.operation("PATCH", "/{${p}}", body=${names.update}, response=${names.read}${writeGuard})
def update_${ctx.var}(${p}: str) -> Response:
    """Change some fields of ${ctx.aHuman}."""
    ${ctx.var} = service.update_${ctx.var}(${id}, data=parse_body(${names.update})${write})
    return json_response(${names.read}.model_validate(${ctx.var}))


@blueprint.operation("DELETE", "/{${p}}", status=204${writeGuard})
def delete_${ctx.var}(${p}: str) -> Response:
    """Delete ${ctx.aHuman}."""
    service.delete_${ctx.var}(${id}${write})
    return no_content()`;
  return pyModule(`${entity.name}: HTTP routes.`, imports, body, [pkg]);
}

/**
 * The guard of a route: who may call it, as in the FastAPI target. Owned rows and private reads need the
 * current user (ownership is checked by the service); otherwise the entity's read / write policy decides.
 */
function guard(ctx: EntityContext, action: "read" | "write", imports: Imports): string {
  if (!ctx.auth) return "";
  const userOnly = action === "read" ? ctx.readUser : ctx.entity.owned;
  const policy = action === "read" ? ctx.entity.read : ctx.entity.write;
  if (!userOnly && policy === "public") return "";
  if (!userOnly && policy === "admin") {
    imports.add(`${ctx.pkg}.users.auth:admin_required`);
    return ", guard=admin_required";
  }
  imports.add(`${ctx.pkg}.users.auth:login_required`);
  return ", guard=login_required";
}
