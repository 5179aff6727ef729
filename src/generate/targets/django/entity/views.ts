/** `<app>/filters.py` (django-filter FilterSet) and `<app>/views.py` (the DRF viewset) of one entity. */
import type { Field } from "../../../../blueprint/schema.js";
import { stringLength } from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyTuple } from "../../../python/literal.js";
import type { EntityContext, Filter } from "../../fastapi/entity/context.js";
import { enumClass } from "../fields.js";
import { serializerName } from "./serializers.js";

export const filterName = (entity: string): string => `${entity}Filter`;

export function filtersModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const imports = new Imports().add("django_filters", `${ctx.module}.models:${entity.name}`);
  const lines: string[] = [];
  for (const filter of ctx.filters) lines.push(`${filter.param} = ${filterExpr(ctx, filter, imports)}`);
  if (ctx.sortable.length && entity.pagination === "offset") {
    imports.add(`${pkg}.core.filters:SortFilter`);
    lines.push(`sort = SortFilter(fields=${pyTuple(ctx.sortable.map((f) => f.name))})`);
  }
  const body = `class ${filterName(entity.name)}(django_filters.FilterSet):
    """Query parameters of the ${ctx.human} list: filters${entity.pagination === "offset" && ctx.sortable.length ? " and sorting" : ""}."""

${[...lines, "", "class Meta:", `    model = ${entity.name}`, "    fields = ()"].map((l) => (l ? `    ${l}` : "")).join("\n")}`;
  return pyModule(`${entity.name}: list filters.`, imports, body, [pkg]);
}

function filterExpr(ctx: EntityContext, filter: Filter, imports: Imports): string {
  const field = filter.field;
  if (!field) {
    imports.add(`${ctx.pkg}.core.filters:RowIdFilter`);
    return "RowIdFilter()";
  }
  const args: string[] = [];
  if (filter.param !== field.name) args.push(`field_name="${field.name}"`);
  if (filter.op === ">=") args.push('lookup_expr="gte"');
  if (filter.op === "<=") args.push('lookup_expr="lte"');
  return `${filterClass(ctx, field, args, imports)}(${args.join(", ")})`;
}

function filterClass(ctx: EntityContext, field: Field, args: string[], imports: Imports): string {
  switch (field.type) {
    case "int":
      imports.add(`${ctx.pkg}.core.filters:IntegerFilter`, `${ctx.pkg}.core.filters:INT32_MAX`);
      imports.add(`${ctx.pkg}.core.filters:INT32_MIN`);
      args.push("min_value=INT32_MIN", "max_value=INT32_MAX");
      return "IntegerFilter";
    case "float":
      return "django_filters.NumberFilter";
    case "decimal":
      args.push("max_digits=12", "decimal_places=2");
      return "django_filters.NumberFilter";
    case "bool":
      return "django_filters.BooleanFilter";
    case "date":
      return "django_filters.DateFilter";
    case "datetime":
      return "django_filters.IsoDateTimeFilter";
    case "enum":
      imports.add(`${ctx.module}.models:${enumClass(ctx.entity.name, field)}`);
      args.push(`choices=${enumClass(ctx.entity.name, field)}.choices`);
      return "django_filters.ChoiceFilter";
    default: {
      const length = stringLength(field);
      if (length !== undefined) args.push(`max_length=${length}`);
      return "django_filters.CharFilter";
    }
  }
}

/** Collections prefetched with every page, so the query count does not grow with the page size. */
function querysetExpr(ctx: EntityContext): string {
  const E = ctx.entity.name;
  const prefetch = ctx.collections.map((c) => `"${c.name}"`);
  return prefetch.length ? `${E}.objects.prefetch_related(${prefetch.join(", ")})` : `${E}.objects.all()`;
}

export function viewsModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const E = entity.name;
  const page = entity.pagination === "cursor" ? "CursorPagination" : "OffsetPagination";
  const imports = new Imports().add(
    `${pkg}.core.pagination:${page}`,
    `${pkg}.core.viewsets:EntityViewSet`,
    `${ctx.module}.filters:${filterName(E)}`,
    `${ctx.module}.models:${E}`,
    `${ctx.module}.serializers:${serializerName(E)}`,
  );
  const read = readPermissions(ctx, imports);
  const write = writePermissions(ctx, imports);
  const lines = [
    `queryset = ${querysetExpr(ctx)}`,
    `serializer_class = ${serializerName(E)}`,
    `filterset_class = ${filterName(E)}`,
    `pagination_class = ${page}`,
    `lookup_url_kwarg = "${ctx.idParam}"`,
  ];
  if (read) lines.push(`read_permissions = ${read}`);
  if (write) lines.push(`write_permissions = ${write}`);
  if (ctx.readUser) {
    imports.add("django.db.models:QuerySet", `${pkg}.users.permissions:visible_to`);
    lines.push(
      "",
      `def get_queryset(self) -> QuerySet[${E}]:`,
      `    """Users see their own ${ctx.plural}; administrators see all."""`,
      "    return visible_to(super().get_queryset(), self.request.user)",
    );
  }
  if (entity.owned) {
    imports.add("rest_framework.serializers:BaseSerializer");
    lines.push(
      "",
      `def perform_create(self, serializer: BaseSerializer[${E}]) -> None:`,
      `    """Create ${ctx.aHuman} owned by the caller; 409 on a duplicate unique value."""`,
      "    self.save_or_conflict(serializer, owner=self.request.user)",
    );
  }
  const body = `class ${E}ViewSet(EntityViewSet[${E}]):
    """${viewDoc(ctx)}"""

${lines.map((l) => (l ? `    ${l}` : "")).join("\n")}`;
  return pyModule(`${E}: HTTP routes.`, imports, body, [pkg]);
}

function viewDoc(ctx: EntityContext): string {
  const readers = { public: "Anyone reads them", authenticated: "Signed-in users read them", owner: "" }[
    ctx.entity.read
  ];
  const who = !ctx.auth
    ? ""
    : ctx.readUser
      ? "Each user sees and changes their own; administrators see all."
      : ctx.entity.owned
        ? `${readers}; the owner or an administrator changes them.`
        : `${readers}; ${ctx.entity.write === "admin" ? "administrators" : "signed-in users"} change them.`;
  const summary = `${ctx.plural.charAt(0).toUpperCase()}${ctx.plural.slice(1).replace(/_/g, " ")}: paged${ctx.filters.length ? ", filtered" : ""}${ctx.sortable.length && ctx.entity.pagination === "offset" ? " and sorted" : ""}.`;
  return who ? `${summary}\n\n    ${who}\n    ` : summary;
}

function readPermissions(ctx: EntityContext, imports: Imports): string | undefined {
  if (!ctx.auth) return undefined;
  if (ctx.entity.read === "public") {
    imports.add("rest_framework.permissions:AllowAny");
    return "(AllowAny,)";
  }
  imports.add("rest_framework.permissions:IsAuthenticated");
  return "(IsAuthenticated,)";
}

function writePermissions(ctx: EntityContext, imports: Imports): string | undefined {
  if (!ctx.auth) return undefined;
  if (ctx.entity.owned) {
    imports.add("rest_framework.permissions:IsAuthenticated");
    if (!ctx.ownerWrites) return "(IsAuthenticated,)";
    imports.add(`${ctx.pkg}.users.permissions:IsOwnerOrAdmin`);
    return "(IsAuthenticated, IsOwnerOrAdmin)";
  }
  if (ctx.entity.write === "admin") {
    imports.add(`${ctx.pkg}.users.permissions:IsAdminRole`);
    return "(IsAdminRole,)";
  }
  imports.add("rest_framework.permissions:IsAuthenticated");
  return "(IsAuthenticated,)";
}
