/**
 * `<app>/serializers.py`: the brief serializer (nested in other entities' reads) and the serializer that
 * reads and writes one entity with the validation rules of the FastAPI target's Create/Update schemas.
 */
import { entityByName } from "../../../../blueprint/resolve.js";
import type { Check, Field } from "../../../../blueprint/schema.js";
import { pythonType, stringLength } from "../../../python/fields.js";
import { Imports, pyModule } from "../../../python/imports.js";
import { pyRegex, pyStr, pyTuple } from "../../../python/literal.js";
import { capitalize } from "../../../python/naming.js";
import type { EntityContext } from "../../fastapi/entity/context.js";
import { idsName } from "../../fastapi/entity/schemas.js";
import { enumClass } from "../fields.js";

const INT32_MIN = "-2_147_483_648";
const INT32_MAX = "2_147_483_647";

const OPS: Record<string, string> = {
  ">": "greater than",
  ">=": "greater than or equal to",
  "<": "less than",
  "<=": "less than or equal to",
  "!=": "different from",
};

const FIELD_ATTRIBUTES = new Set([
  "label",
  "source",
  "required",
  "default",
  "initial",
  "help_text",
  "style",
  "validators",
  "read_only",
  "write_only",
  "allow_null",
  "instance",
  "data",
  "errors",
  "context",
  "parent",
  "partial",
  "field_name",
  "root",
  "fields",
  "validated_data",
]);

export const briefName = (entity: string): string => `${entity}BriefSerializer`;
export const serializerName = (entity: string): string => `${entity}Serializer`;

export function serializersModule(ctx: EntityContext): string {
  const { entity, pkg } = ctx;
  const imports = new Imports().add(
    "rest_framework:serializers",
    `${pkg}.core.serializers:StrictModelSerializer`,
    `${ctx.module}.models:${entity.name}`,
  );
  const blocks: string[] = [];
  if (entity.checks.length) blocks.push(rulesFunction(ctx, imports));
  blocks.push(briefClass(ctx));
  blocks.push(mainClass(ctx, imports));
  return pyModule(`${entity.name}: serializers (validation in, JSON out).`, imports, blocks.join("\n\n\n"), [
    pkg,
  ]);
}

function briefFields(ctx: EntityContext): string[] {
  const { entity } = ctx;
  return [
    "id",
    ...entity.fields.map((f) => f.name),
    ...entity.manyToOne.map((l) => l.column),
    ...(entity.owned ? ["owner_id"] : []),
  ];
}

function idDeclarations(ctx: EntityContext): string[] {
  const lines = ctx.entity.manyToOne.map(
    (l) => `${l.column} = serializers.IntegerField(read_only=True${l.required ? "" : ", allow_null=True"})`,
  );
  if (ctx.entity.owned) lines.push("owner_id = serializers.IntegerField(read_only=True)");
  return lines;
}

function briefClass(ctx: EntityContext): string {
  const { entity } = ctx;
  const fields = briefFields(ctx);
  const lines = [
    ...idDeclarations(ctx),
    ...(idDeclarations(ctx).length ? [""] : []),
    "class Meta:",
    `    model = ${entity.name}`,
    `    fields = ${pyTuple(fields)}`,
    "    read_only_fields = fields",
  ];
  return classBlock(
    briefName(entity.name),
    `serializers.ModelSerializer[${entity.name}]`,
    `${capitalize(ctx.aHuman)} without its collections.`,
    lines,
  );
}

function mainClass(ctx: EntityContext, imports: Imports): string {
  const { entity, pkg } = ctx;
  const lines: string[] = [];
  for (const field of entity.fields) {
    // DRF's Field has attributes of these names: a serializer field may shadow them, mypy objects.
    const shadows = FIELD_ATTRIBUTES.has(field.name) ? "  # type: ignore[assignment]" : "";
    lines.push(`${field.name} = ${fieldExpr(ctx, field, imports)}${shadows}`);
  }
  for (const link of entity.manyToOne) {
    const target = entityByName(ctx.project, link.target);
    if (target.name !== entity.name) imports.add(`${pkg}.${target.plural}.models:${target.name}`);
    imports.add(`${pkg}.core.fields:RowIdField`);
    const args = [`source=${pyStr(link.name)}`, `queryset=${target.name}.objects.all()`];
    if (target.read === "owner") args.push("owned=True");
    if (!link.required) args.push("required=False", "allow_null=True");
    lines.push(`${link.column} = RowIdField(${args.join(", ")})`);
  }
  if (entity.owned) lines.push("owner_id = serializers.IntegerField(read_only=True)");
  for (const collection of ctx.collections) {
    const brief = briefName(collection.target.name);
    if (collection.target.name !== entity.name)
      imports.add(`${pkg}.${collection.target.plural}.serializers:${brief}`);
    lines.push(`${collection.name} = ${brief}(many=True, read_only=True)`);
  }
  for (const link of entity.manyToMany) {
    const target = entityByName(ctx.project, link.target);
    if (target.name !== entity.name) imports.add(`${pkg}.${target.plural}.models:${target.name}`);
    imports.add(`${pkg}.core.fields:RowIdField`);
    const owned = target.read === "owner" ? ", owned=True" : "";
    lines.push(
      `${idsName(link.name)} = RowIdField(source=${pyStr(link.name)}, queryset=${target.name}.objects.all(), many=True, write_only=True, required=False${owned})`,
    );
  }
  // A brief nested in its own entity's read (self-referential collections) must be defined first.
  const fields = [
    ...briefFields(ctx),
    ...ctx.collections.map((c) => c.name),
    ...entity.manyToMany.map((l) => idsName(l.name)),
    "created_at",
    "updated_at",
  ];
  lines.push(
    "",
    "class Meta:",
    `    model = ${entity.name}`,
    `    fields = ${pyTuple(fields)}`,
    '    read_only_fields = ("id", "created_at", "updated_at")',
    "    # Uniqueness is the database's job: a duplicate is a 409, not a validation error.",
    "    validators = ()",
  );
  const validate = validateMethod(ctx, imports);
  if (validate) lines.push("", ...validate);
  return classBlock(
    serializerName(entity.name),
    `StrictModelSerializer[${entity.name}]`,
    `${capitalize(ctx.aHuman)} as the API reads and writes it.`,
    lines,
  );
}

function fieldExpr(ctx: EntityContext, field: Field, imports: Imports): string {
  const args: string[] = [];
  const optional = !field.required;
  const hasDefault = field.default !== undefined;
  const validators: string[] = [];
  let klass: string;
  const length = stringLength(field);
  switch (field.type) {
    case "string":
    case "text":
    case "url": {
      klass = "StrictCharField";
      imports.add(`${ctx.pkg}.core.fields:StrictCharField`);
      if (length !== undefined) args.push(`max_length=${length}`);
      if (field.min_length !== undefined) args.push(`min_length=${field.min_length}`);
      // The FastAPI target asks required strings (not texts) for at least one character.
      const blank = field.type === "text" || optional;
      if (blank && (field.min_length ?? 0) === 0) args.push("allow_blank=True");
      if (field.normalize?.includes("strip")) args.push("trim_whitespace=True");
      if (field.normalize?.includes("lower")) args.push("lower=True");
      if (field.normalize?.includes("upper")) args.push("upper=True");
      const pattern = field.pattern ?? (field.type === "url" ? "^https?://\\S+$" : undefined);
      if (pattern !== undefined) {
        imports.add("django.core.validators:RegexValidator");
        validators.push(`RegexValidator(${pyRegex(pattern)})`);
      }
      break;
    }
    case "email":
      klass = "serializers.EmailField";
      args.push(`max_length=${length}`);
      break;
    case "int":
      klass = "serializers.IntegerField";
      args.push(`min_value=${field.min ?? INT32_MIN}`, `max_value=${field.max ?? INT32_MAX}`);
      break;
    case "float":
      klass = "serializers.FloatField";
      if (field.min !== undefined) args.push(`min_value=${field.min}`);
      if (field.max !== undefined) args.push(`max_value=${field.max}`);
      break;
    case "decimal":
      klass = "serializers.DecimalField";
      args.push("max_digits=12", "decimal_places=2");
      if (field.min !== undefined || field.max !== undefined) imports.add("decimal:Decimal");
      if (field.min !== undefined) args.push(`min_value=Decimal(${pyStr(String(field.min))})`);
      if (field.max !== undefined) args.push(`max_value=Decimal(${pyStr(String(field.max))})`);
      break;
    case "bool":
      klass = "serializers.BooleanField";
      break;
    case "date":
      klass = "serializers.DateField";
      break;
    case "datetime":
      klass = "AwareDateTimeField";
      imports.add(`${ctx.pkg}.core.fields:AwareDateTimeField`);
      break;
    case "enum":
      klass = "serializers.ChoiceField";
      imports.add(`${ctx.module}.models:${enumClass(ctx.entity.name, field)}`);
      args.unshift(`choices=${enumClass(ctx.entity.name, field)}.choices`);
      break;
    case "json":
      klass = "JsonObjectField";
      imports.add(`${ctx.pkg}.core.fields:JsonObjectField`);
      break;
  }
  if (validators.length) args.push(`validators=[${validators.join(", ")}]`);
  if (optional || hasDefault) args.push("required=False");
  if (optional) args.push("allow_null=True");
  return `${klass}(${args.join(", ")})`;
}

/** Name of the function listing broken cross-field rules. */
function rulesFunctionName(ctx: EntityContext): string {
  return `${ctx.var}_rule_errors`;
}

function checkFields(ctx: EntityContext): Field[] {
  const names = new Set(ctx.entity.checks.flatMap((c) => [c.field, c.other]));
  return ctx.entity.fields.filter((f) => names.has(f.name));
}

function ruleMessage(check: Check): string {
  return check.message ?? `${check.field} must be ${OPS[check.op]} ${check.other}`;
}

function rulesFunction(ctx: EntityContext, imports: Imports): string {
  const params = checkFields(ctx).map((f) => {
    if (f.type === "decimal") imports.add("decimal:Decimal");
    if (f.type === "date") imports.add("datetime:date");
    if (f.type === "datetime") imports.add("datetime:datetime");
    if (f.type === "enum") imports.add(`${ctx.module}.models:${enumClass(ctx.entity.name, f)}`);
    return `${f.name}: ${pythonType(ctx.entity.name, f)} | None`;
  });
  const body = ctx.entity.checks.map(
    (
      check,
    ) => `    if ${check.field} is not None and ${check.other} is not None and not ${check.field} ${check.op} ${check.other}:
        errors.append(${pyStr(ruleMessage(check))})`,
  );
  return `def ${rulesFunctionName(ctx)}(*, ${params.join(", ")}) -> list[str]:
    """Cross-field rules of ${ctx.aHuman}: one message per broken rule."""
    errors: list[str] = []
${body.join("\n")}
    return errors`;
}

function validateMethod(ctx: EntityContext, imports: Imports): string[] | undefined {
  const selfLinks = ctx.entity.manyToOne.filter((l) => l.target === ctx.entity.name);
  if (!ctx.entity.checks.length && !selfLinks.length) return undefined;
  imports.add("typing:Any");
  const lines = [
    "def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:",
    `    """Rules that involve several fields, checked on the row as it will be saved."""`,
  ];
  for (const link of selfLinks) {
    lines.push(
      `    ${link.name} = attrs.get(${pyStr(link.name)})`,
      `    if self.instance is not None and ${link.name} is not None and ${link.name}.pk == self.instance.pk:`,
      `        msg = "${link.column} cannot refer to the ${ctx.human} itself."`,
      `        raise serializers.ValidationError({${pyStr(link.column)}: [msg]})`,
    );
  }
  if (ctx.entity.checks.length) {
    const names = checkFields(ctx).map((f) => f.name);
    const args = names.map((name) => `${name}=values.get(${pyStr(name)})`);
    lines.push(
      "    # A partial update may change one side of a rule: check it against the saved row.",
      `    saved = {name: getattr(self.instance, name) for name in ${pyTuple(names)}} if self.instance else {}`,
      "    values = {**saved, **attrs}",
      `    errors = ${rulesFunctionName(ctx)}(${args.join(", ")})`,
      "    if errors:",
      "        raise serializers.ValidationError(errors)",
    );
  }
  lines.push("    return attrs");
  return lines;
}

function classBlock(name: string, base: string, doc: string, lines: readonly string[]): string {
  const body = lines.map((l) => (l ? `    ${l}` : "")).join("\n");
  return `class ${name}(${base}):\n    """${doc}"""\n\n${body}`;
}
