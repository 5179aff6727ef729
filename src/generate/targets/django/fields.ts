/**
 * How each blueprint field becomes a Django model field, written twice from one definition: in models.py and
 * in the initial migration (which must describe the same state, so `makemigrations --check` finds nothing).
 */
import type { Field } from "../../../blueprint/schema.js";
import { DECIMAL_PRECISION, DECIMAL_SCALE, stringLength } from "../../python/fields.js";
import { pyRegex, pyStr } from "../../python/literal.js";
import { pascalCase } from "../../python/naming.js";

/** One keyword argument: its expression in models.py and in the migration (often the same). */
export interface Kwarg {
  readonly key: string;
  readonly model: string;
  readonly migration: string;
}

export interface FieldDef {
  readonly name: string;
  /** `models.CharField`, … */
  readonly klass: string;
  readonly kwargs: readonly Kwarg[];
  /** `module:name` imports of the expressions (both files). */
  readonly imports: readonly string[];
}

const same = (key: string, expr: string): Kwarg => ({ key, model: expr, migration: expr });

export function enumClass(entity: string, field: Field): string {
  return `${entity}${pascalCase(field.name)}`;
}

/** Django's TextChoices label of a member: what `Choices` would derive from the member name. */
export function choiceLabel(choice: string): string {
  const words = choice.replace(/_/g, " ").toLowerCase();
  return words.replace(
    /(^|[^a-z])([a-z])/g,
    (_m, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

export function enumLength(field: Field): number {
  return Math.max(...(field.choices ?? []).map((c) => c.length));
}

export function fieldDef(entity: string, field: Field): FieldDef {
  const kwargs: Kwarg[] = [];
  const imports: string[] = [];
  let klass: string;
  const length = stringLength(field);
  switch (field.type) {
    case "string":
      klass = "models.CharField";
      kwargs.push(same("max_length", String(length)));
      break;
    case "email":
      klass = "models.EmailField";
      kwargs.push(same("max_length", String(length)));
      break;
    case "url":
      klass = "models.URLField";
      kwargs.push(same("max_length", String(length)));
      break;
    case "text":
      klass = "models.TextField";
      break;
    case "int":
      klass = "models.IntegerField";
      break;
    case "float":
      klass = "models.FloatField";
      break;
    case "decimal":
      klass = "models.DecimalField";
      kwargs.push(
        same("max_digits", String(DECIMAL_PRECISION)),
        same("decimal_places", String(DECIMAL_SCALE)),
      );
      break;
    case "bool":
      klass = "models.BooleanField";
      break;
    case "date":
      klass = "models.DateField";
      break;
    case "datetime":
      klass = "models.DateTimeField";
      break;
    case "json":
      klass = "models.JSONField";
      break;
    case "enum": {
      klass = "models.CharField";
      const choices = (field.choices ?? []).map((c) => `(${pyStr(c)}, ${pyStr(choiceLabel(c))})`);
      kwargs.push(same("max_length", String(enumLength(field))), {
        key: "choices",
        model: `${enumClass(entity, field)}.choices`,
        migration: `[${choices.join(", ")}]`,
      });
      break;
    }
  }
  if (field.unique) kwargs.push(same("unique", "True"));
  if (field.index) kwargs.push(same("db_index", "True"));
  if (!field.required) kwargs.push(same("null", "True"), same("blank", "True"));
  if (field.default !== undefined) kwargs.push(defaultKwarg(entity, field, imports));
  const validators = validatorExprs(field);
  if (validators.length) {
    kwargs.push(same("validators", `[${validators.map((v) => v.expr).join(", ")}]`));
    imports.push(...validators.map((v) => `django.core.validators:${v.name}`));
    if (field.type === "decimal") imports.push("decimal:Decimal");
  }
  return { name: field.name, klass, kwargs, imports };
}

function defaultKwarg(entity: string, field: Field, imports: string[]): Kwarg {
  const value = field.default;
  if (field.type === "enum") {
    return {
      key: "default",
      model: `${enumClass(entity, field)}.${String(value).toUpperCase()}`,
      migration: pyStr(String(value)),
    };
  }
  if (field.type === "decimal") {
    imports.push("decimal:Decimal");
    return same("default", `Decimal(${pyStr(String(value))})`);
  }
  if (typeof value === "boolean") return same("default", value ? "True" : "False");
  if (typeof value === "number") return same("default", String(value));
  return same("default", pyStr(String(value)));
}

/** Validators the admin's forms enforce (the API's serializers check the same rules themselves). */
function validatorExprs(field: Field): { name: string; expr: string }[] {
  const out: { name: string; expr: string }[] = [];
  if (field.min_length !== undefined)
    out.push({ name: "MinLengthValidator", expr: `MinLengthValidator(${field.min_length})` });
  if (field.pattern !== undefined)
    out.push({ name: "RegexValidator", expr: `RegexValidator(${pyRegex(field.pattern)})` });
  if (["int", "float", "decimal"].includes(field.type)) {
    const literal = (n: number) => (field.type === "decimal" ? `Decimal(${pyStr(String(n))})` : String(n));
    if (field.min !== undefined)
      out.push({ name: "MinValueValidator", expr: `MinValueValidator(${literal(field.min)})` });
    if (field.max !== undefined)
      out.push({ name: "MaxValueValidator", expr: `MaxValueValidator(${literal(field.max)})` });
  }
  return out;
}

/** `models.CharField(max_length=200)` as written in one of the two files. */
export function renderField(
  def: FieldDef,
  where: "model" | "migration",
  extra: readonly Kwarg[] = [],
): string {
  const all = [...def.kwargs, ...extra];
  const ordered = where === "migration" ? [...all].sort((a, b) => (a.key < b.key ? -1 : 1)) : all;
  return `${def.klass}(${ordered.map((k) => `${k.key}=${where === "model" ? k.model : k.migration}`).join(", ")})`;
}
