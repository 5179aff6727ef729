/** `<app>/admin.py` (a ModelAdmin with inlines for one-to-many children) and `<app>/apps.py` of one entity. */
import { entityByName, type ResolvedEntity } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr, pyTuple } from "../../../python/literal.js";
import { capitalize, pascalCase, words } from "../../../python/naming.js";
import type { EntityContext } from "../../fastapi/entity/context.js";
import { appLabel, configClass } from "../apps.js";

/** Links typed without a scheme are https (Django 6's default; 5.2 warns about the change). */
const URL_FORMFIELD =
  'formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # noqa: RUF012 - read by Django';

/** Foreign keys of a model (relation names, the owner included). */
function foreignKeys(entity: ResolvedEntity): string[] {
  return [...entity.manyToOne.map((l) => l.name), ...(entity.owned ? ["owner"] : [])];
}

export function adminModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const E = entity.name;
  const imports = new Imports().add("django.contrib:admin", `${ctx.module}.models:${E}`);
  const blocks: string[] = [];
  const inlines: string[] = [];
  for (const link of entity.oneToMany) {
    const child = entityByName(ctx.project, link.target);
    if (child.name !== E) imports.add(`${pkg}.${child.plural}.models:${child.name}`);
    const twice = entity.oneToMany.filter((l) => l.target === link.target).length > 1;
    const name = `${child.name}${twice ? pascalCase(link.name) : ""}Inline`;
    inlines.push(name);
    const raw = foreignKeys(child).filter((fk) => fk !== link.back);
    if (child.fields.some((f) => f.type === "url")) imports.add("django.db:models");
    const lines = [
      ...(child.fields.some((f) => f.type === "url") ? [URL_FORMFIELD] : []),
      `model = ${child.name}`,
      `fk_name = ${pyStr(link.back)}`,
      "extra = 0",
      "show_change_link = True",
      ...(raw.length ? [`raw_id_fields = ${pyTuple(raw)}`] : []),
    ];
    blocks.push(`class ${name}(admin.TabularInline[${child.name}, ${E}]):
    """${capitalize(words(link.name))} of ${ctx.aHuman}, edited on its page."""

${lines.map((l) => `    ${l}`).join("\n")}`);
  }
  const shown = entity.fields.filter((f) => !["text", "json"].includes(f.type)).slice(0, 5);
  const fks = foreignKeys(entity);
  const listDisplay = ["id", ...shown.map((f) => f.name), ...fks, "created_at"];
  const listFilter = entity.fields
    .filter(
      (f) => f.type === "enum" || f.type === "bool" || (f.filter && ["date", "datetime"].includes(f.type)),
    )
    .map((f) => f.name);
  const search = entity.fields.filter((f) => ["string", "email"].includes(f.type)).map((f) => f.name);
  const lines = [`list_display = ${pyTuple(listDisplay)}`];
  if (entity.fields.some((f) => f.type === "url")) {
    imports.add("django.db:models");
    lines.push(URL_FORMFIELD);
  }
  if (listFilter.length) lines.push(`list_filter = ${pyTuple(listFilter)}`);
  if (search.length) lines.push(`search_fields = ${pyTuple(search)}`);
  lines.push('readonly_fields = ("created_at", "updated_at")');
  if (fks.length) lines.push(`raw_id_fields = ${pyTuple(fks)}`, `list_select_related = ${pyTuple(fks)}`);
  if (entity.manyToMany.length)
    lines.push(`filter_horizontal = ${pyTuple(entity.manyToMany.map((l) => l.name))}`);
  if (inlines.length) lines.push(`inlines = (${inlines.join(", ")},)`);
  const children = entity.oneToMany.map((l) => words(l.name));
  const features = [search.length ? "search" : "", listFilter.length ? "filters" : ""].filter(Boolean);
  const doc = `${capitalize(words(ctx.plural))} in the admin: list${features.length ? ` with ${features.join(" and ")}` : ""}${children.length ? `; ${children.join(" and ")} edited inline` : ""}.`;
  blocks.push(`@admin.register(${E})
class ${E}Admin(admin.ModelAdmin[${E}]):
    """${doc}"""

${lines.map((l) => `    ${l}`).join("\n")}`);
  return pyModule(`${E}: admin pages.`, imports, blocks.join("\n\n\n"), [pkg]);
}

export function appsModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const label = appLabel(ctx.project, entity);
  return pyModule(
    `The ${words(ctx.plural)} app.`,
    new Imports().add("django.apps:AppConfig"),
    `class ${configClass(ctx.plural)}(AppConfig):
    """${capitalize(words(ctx.plural))}: model, serializers, filters, routes and admin."""

    name = ${pyStr(ctx.module)}
    label = ${pyStr(label)}
    verbose_name = ${pyStr(capitalize(words(ctx.plural)))}

    def ready(self) -> None:
        """Log every change of ${words(ctx.plural)} in the audit trail."""
        ${[`from ${pkg}.core.audit import track`, `from ${ctx.module}.models import ${entity.name}`].sort().join("\n        ")}

        track(${entity.name})`,
    [pkg],
  );
}
