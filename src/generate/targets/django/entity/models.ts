/**
 * `<app>/models.py` and `<app>/migrations/0001_initial.py` of one entity, from the same field definitions, so
 * the migration describes exactly the state of the model.
 */
import { entityByName, type ManyToOne } from "../../../../blueprint/resolve.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyStr } from "../../../python/literal.js";
import { capitalize, words } from "../../../python/naming.js";
import type { EntityContext } from "../../fastapi/entity/context.js";
import { columnOf } from "../../fastapi/entity/models.js";
import { appLabel, modelRef } from "../apps.js";
import { choiceLabel, enumClass, type FieldDef, fieldDef, type Kwarg, renderField } from "../fields.js";

const ON_DELETE: Record<ManyToOne["onDelete"], string> = {
  CASCADE: "models.CASCADE",
  RESTRICT: "models.RESTRICT",
  "SET NULL": "models.SET_NULL",
};

/** A relation field: its target (model form and migration form) and keyword arguments. */
interface RelationDef {
  readonly name: string;
  readonly klass: "models.ForeignKey" | "models.ManyToManyField";
  readonly modelTarget: string;
  readonly migrationTarget: string;
  readonly kwargs: readonly Kwarg[];
  /** App label this relation makes the migration depend on (undefined: same app or the user model). */
  readonly dependsOn?: string;
  readonly swappable?: boolean;
}

const kw = (key: string, expr: string): Kwarg => ({ key, model: expr, migration: expr });

export function relationDefs(ctx: EntityContext): RelationDef[] {
  const { project, entity } = ctx;
  const defs: RelationDef[] = [];
  for (const link of entity.manyToOne) {
    const target = entityByName(project, link.target);
    const self = target.name === entity.name;
    const kwargs = [
      kw("on_delete", ON_DELETE[link.onDelete]),
      kw("related_name", pyStr(link.inverse ?? "+")),
    ];
    if (!link.required) kwargs.push(kw("null", "True"), kw("blank", "True"));
    defs.push({
      name: link.name,
      klass: "models.ForeignKey",
      modelTarget: self ? '"self"' : pyStr(modelRef(project, target)),
      migrationTarget: pyStr(`${appLabel(project, target)}.${target.name.toLowerCase()}`),
      kwargs,
      dependsOn: self ? undefined : appLabel(project, target),
    });
  }
  if (entity.owned) {
    defs.push({
      name: "owner",
      klass: "models.ForeignKey",
      modelTarget: "settings.AUTH_USER_MODEL",
      migrationTarget: "settings.AUTH_USER_MODEL",
      kwargs: [kw("on_delete", "models.CASCADE"), kw("related_name", '"+"')],
      swappable: true,
    });
  }
  for (const link of entity.manyToMany) {
    const target = entityByName(project, link.target);
    const self = target.name === entity.name;
    const kwargs = [kw("related_name", '"+"'), kw("db_table", pyStr(link.table)), kw("blank", "True")];
    if (self) kwargs.push(kw("symmetrical", "False"));
    defs.push({
      name: link.name,
      klass: "models.ManyToManyField",
      modelTarget: self ? '"self"' : pyStr(modelRef(project, target)),
      migrationTarget: pyStr(`${appLabel(project, target)}.${target.name.toLowerCase()}`),
      kwargs,
      dependsOn: self ? undefined : appLabel(project, target),
    });
  }
  return defs;
}

export function fieldDefs(ctx: EntityContext): FieldDef[] {
  return ctx.entity.fields.map((field) => fieldDef(ctx.entity.name, field));
}

/** Index names are limited to 30 characters by Django: long ones keep a prefix and a stable hash. */
export function indexName(table: string, columns: readonly string[]): string {
  return shortName(`ix_${table}_${columns.join("_")}`, 30);
}

export function constraintName(table: string, columns: readonly string[]): string {
  return shortName(`uq_${table}_${columns.join("_")}`, 63);
}

function shortName(name: string, max: number): string {
  if (name.length <= max) return name;
  let hash = 5381;
  for (const char of name) hash = ((hash * 33) ^ char.charCodeAt(0)) >>> 0;
  const suffix = hash.toString(16).padStart(8, "0");
  return `${name.slice(0, max - suffix.length - 1)}_${suffix}`;
}

/** Meta entries shared by the model and the migration (indexes and constraints differ in form only). */
export function metaParts(ctx: EntityContext): { indexes: string[]; constraints: string[] } {
  const { entity } = ctx;
  const fieldName = (name: string) => name;
  const indexes = entity.indexes.map((group) => {
    const columns = group.map((c) => columnOf(ctx, c));
    return `models.Index(fields=[${group.map((c) => pyStr(fieldName(c))).join(", ")}], name=${pyStr(indexName(entity.plural, columns))})`;
  });
  const constraints = entity.uniqueTogether.map((group) => {
    const columns = group.map((c) => columnOf(ctx, c));
    return `models.UniqueConstraint(fields=[${group.map((c) => pyStr(c)).join(", ")}], name=${pyStr(constraintName(entity.plural, columns))})`;
  });
  return { indexes, constraints };
}

export function modelsModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const imports = new Imports().add("django.db:models", `${pkg}.core.models:TimestampedModel`);
  const blocks: string[] = [];
  for (const field of entity.fields.filter((f) => f.type === "enum")) {
    const members = (field.choices ?? []).map(
      (c) => `    ${c.toUpperCase()} = ${pyStr(c)}, ${pyStr(choiceLabel(c))}`,
    );
    blocks.push(`class ${enumClass(entity.name, field)}(models.TextChoices):
    """Allowed values of ${entity.name}.${field.name}."""

${members.join("\n")}`);
  }
  const lines: string[] = [];
  for (const def of fieldDefs(ctx)) {
    imports.add(...def.imports);
    lines.push(`${def.name} = ${renderField(def, "model")}`);
  }
  for (const rel of relationDefs(ctx)) {
    if (rel.swappable) imports.add("django.conf:settings");
    const args = [rel.modelTarget, ...rel.kwargs.map((k) => `${k.key}=${k.model}`)];
    lines.push(`${rel.name} = ${rel.klass}(${args.join(", ")})`);
  }
  const meta = [
    `db_table = ${pyStr(entity.plural)}`,
    'ordering = ("id",)',
    `verbose_name_plural = ${pyStr(words(entity.plural))}`,
  ];
  const { indexes, constraints } = metaParts(ctx);
  if (indexes.length) meta.push(`indexes = (${indexes.join(", ")},)`);
  if (constraints.length) meta.push(`constraints = (${constraints.join(", ")},)`);
  const body = [
    ...lines,
    "",
    "class Meta:",
    ...meta.map((l) => `    ${l}`),
    "",
    "def __str__(self) -> str:",
    `    return ${strExpr(ctx)}`,
  ]
    .map((l) => (l ? `    ${l}` : ""))
    .join("\n");
  blocks.push(`class ${entity.name}(TimestampedModel):
    """${describe(ctx)}"""

${body}`);
  return pyModule(`${entity.name}: database model.`, imports, blocks.join("\n\n\n"), [pkg]);
}

function strExpr(ctx: EntityContext): string {
  const label =
    ctx.entity.fields.find((f) => f.required && ["string", "email"].includes(f.type) && !f.unique) ??
    ctx.entity.fields.find((f) => f.required && ["string", "email"].includes(f.type));
  return label ? `self.${label.name}` : `f"${capitalize(ctx.human)} {self.pk}"`;
}

function describe(ctx: EntityContext): string {
  const text = ctx.entity.description.trim();
  if (text) return text.endsWith(".") ? text : `${text}.`;
  return `${capitalize(ctx.aHuman)}${ctx.entity.owned ? ", owned by the user who created it" : ""}.`;
}

/** The initial migration of the entity's app. */
export function migrationModule(ctx: EntityContext): string {
  const { entity } = ctx;
  const imports = new Imports().add("django.db:migrations", "django.db:models");
  const dependencies = new Set<string>();
  let swappable = false;
  const fields = [
    `("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"))`,
    `("created_at", models.DateTimeField(auto_now_add=True))`,
    `("updated_at", models.DateTimeField(auto_now=True))`,
  ];
  for (const def of fieldDefs(ctx)) {
    imports.add(...def.imports);
    fields.push(`(${pyStr(def.name)}, ${renderField(def, "migration")})`);
  }
  for (const rel of relationDefs(ctx)) {
    if (rel.dependsOn) dependencies.add(rel.dependsOn);
    if (rel.swappable) swappable = true;
    const kwargs = [...rel.kwargs, kw("to", rel.migrationTarget)].sort((a, b) => (a.key < b.key ? -1 : 1));
    fields.push(
      `(${pyStr(rel.name)}, ${rel.klass}(${kwargs.map((k) => `${k.key}=${k.migration}`).join(", ")}))`,
    );
  }
  const { indexes, constraints } = metaParts(ctx);
  const options = [
    `"db_table": ${pyStr(entity.plural)}`,
    `"ordering": ("id",)`,
    `"verbose_name_plural": ${pyStr(words(entity.plural))}`,
  ];
  if (indexes.length) options.push(`"indexes": [${indexes.join(", ")}]`);
  if (constraints.length) options.push(`"constraints": [${constraints.join(", ")}]`);
  const deps = [...dependencies].sort().map((label) => `(${pyStr(label)}, "0001_initial")`);
  if (swappable) {
    imports.add("django.conf:settings");
    deps.unshift("migrations.swappable_dependency(settings.AUTH_USER_MODEL)");
  }
  const body = `class Migration(migrations.Migration):
    """Create the ${words(entity.plural)} table."""

    initial = True

    dependencies = ${deps.length ? `[  # noqa: RUF012\n${deps.map((d) => `        ${d},`).join("\n")}\n    ]` : "[]  # noqa: RUF012"}

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name=${pyStr(entity.name)},
            fields=[${fields.join(", ")}],
            options={${options.join(", ")}},
        ),
    ]`;
  return pyModule(
    `Initial schema of the ${words(entity.plural)} app, written by python-specialist to match its models.`,
    imports,
    body,
    [ctx.pkg],
  );
}
