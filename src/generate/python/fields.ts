/**
 * How each blueprint field type becomes Python: the annotation, the SQLAlchemy column type (in models and in
 * migrations, which must agree for `alembic check`), the Pydantic constraints, and sample values for tests.
 */
import type { Field } from "../../blueprint/schema.js";
import { pyRegex, pyStr } from "./literal.js";
import { pascalCase } from "./naming.js";

export const DEFAULT_STRING_LENGTH = 255;
const EMAIL_LENGTH = 320;
const URL_LENGTH = 2048;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
export const DECIMAL_PRECISION = 12;
export const DECIMAL_SCALE = 2;

/** Name of the StrEnum class of an enum field, e.g. `ProductStatus`. */
export function enumClassName(entity: string, field: Field): string {
  return `${entity}${pascalCase(field.name)}`;
}

export function isStringLike(field: Field): boolean {
  return ["string", "text", "email", "url"].includes(field.type);
}

/** Python type of the attribute (without `| None`). */
export function pythonType(entity: string, field: Field): string {
  switch (field.type) {
    case "string":
    case "text":
    case "email":
    case "url":
      return "str";
    case "int":
      return "int";
    case "float":
      return "float";
    case "decimal":
      return "Decimal";
    case "bool":
      return "bool";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "enum":
      return enumClassName(entity, field);
    case "json":
      return "dict[str, Any]";
  }
}

export function stringLength(field: Field): number | undefined {
  if (field.type === "email") return field.max_length ?? EMAIL_LENGTH;
  if (field.type === "url") return field.max_length ?? URL_LENGTH;
  if (field.type === "string") return field.max_length ?? DEFAULT_STRING_LENGTH;
  return field.max_length;
}

/** SQLAlchemy type expression as written in models.py (names imported from `sqlalchemy`). */
export function modelColumnType(entity: string, field: Field): { expr: string; imports: string[] } {
  switch (field.type) {
    case "string":
    case "email":
    case "url":
      return { expr: `String(${stringLength(field)})`, imports: ["String"] };
    case "text":
      return { expr: "Text()", imports: ["Text"] };
    case "int":
      return { expr: "Integer()", imports: ["Integer"] };
    case "float":
      return { expr: "Float()", imports: ["Float"] };
    case "decimal":
      return { expr: `Numeric(${DECIMAL_PRECISION}, ${DECIMAL_SCALE})`, imports: ["Numeric"] };
    case "bool":
      return { expr: "Boolean()", imports: ["Boolean"] };
    case "date":
      return { expr: "Date()", imports: ["Date"] };
    case "datetime":
      return { expr: "DateTime(timezone=True)", imports: ["DateTime"] };
    case "enum":
      return { expr: `str_enum(${enumClassName(entity, field)})`, imports: [] };
    case "json":
      return { expr: "JSON()", imports: ["JSON"] };
  }
}

/** The same type as Alembic writes it in a migration (`sa.` prefixed). */
export function migrationColumnType(entity: string, field: Field): string {
  switch (field.type) {
    case "string":
    case "email":
    case "url":
      return `sa.String(length=${stringLength(field)})`;
    case "text":
      return "sa.Text()";
    case "int":
      return "sa.Integer()";
    case "float":
      return "sa.Float()";
    case "decimal":
      return `sa.Numeric(precision=${DECIMAL_PRECISION}, scale=${DECIMAL_SCALE})`;
    case "bool":
      return "sa.Boolean()";
    case "date":
      return "sa.Date()";
    case "datetime":
      return "sa.DateTime(timezone=True)";
    case "enum": {
      const choices = field.choices ?? [];
      const length = Math.max(...choices.map((c) => c.length));
      const name = enumClassName(entity, field).toLowerCase();
      return `sa.Enum(${choices.map(pyStr).join(", ")}, name=${pyStr(name)}, native_enum=False, length=${length})`;
    }
    case "json":
      return "sa.JSON()";
  }
}

/**
 * The Pydantic annotation of a field in Create/Update schemas: a bare type, or an `Annotated[...]` carrying
 * its constraints. `imports` are `module:name` pairs; text is `SafeStr` of `<pkg>.schemas` (no NUL).
 */
export function schemaAnnotation(
  pkg: string,
  entity: string,
  field: Field,
): { type: string; imports: string[] } {
  const base = schemaBaseType(pkg, entity, field);
  const args = constraintArgs(field);
  if (args.length === 0) return base;
  if (isStringLike(field) && field.type !== "email") {
    return {
      type: `Annotated[${base.type}, StringConstraints(${args.join(", ")})]`,
      imports: [...base.imports, "typing:Annotated", "pydantic:StringConstraints"],
    };
  }
  return {
    type: `Annotated[${base.type}, Field(${args.join(", ")})]`,
    imports: [...base.imports, "typing:Annotated", "pydantic:Field"],
  };
}

function schemaBaseType(pkg: string, entity: string, field: Field): { type: string; imports: string[] } {
  switch (field.type) {
    case "string":
    case "text":
    case "url":
      return { type: "SafeStr", imports: [`${pkg}.schemas:SafeStr`] };
    case "email":
      return { type: "EmailStr", imports: ["pydantic:EmailStr"] };
    case "datetime":
      return { type: "AwareDatetime", imports: ["pydantic:AwareDatetime"] };
    case "decimal":
      return { type: "Decimal", imports: ["decimal:Decimal"] };
    case "date":
      return { type: "date", imports: ["datetime:date"] };
    case "json":
      return { type: "dict[str, Any]", imports: ["typing:Any"] };
    case "enum":
      return { type: enumClassName(entity, field), imports: [] };
    default:
      return { type: pythonType(entity, field), imports: [] };
  }
}

function constraintArgs(field: Field): string[] {
  const args: string[] = [];
  if (isStringLike(field)) {
    if (field.normalize?.includes("strip")) args.push("strip_whitespace=True");
    if (field.normalize?.includes("lower")) args.push("to_lower=True");
    if (field.normalize?.includes("upper")) args.push("to_upper=True");
    if (field.type === "email") return [];
    if (field.min_length !== undefined) args.push(`min_length=${field.min_length}`);
    else if (field.required && field.type !== "text") args.push("min_length=1");
    const length = stringLength(field);
    if (length !== undefined) args.push(`max_length=${length}`);
    if (field.pattern !== undefined) args.push(`pattern=${pyRegex(field.pattern)}`);
    else if (field.type === "url") args.push(`pattern=${pyRegex("^https?://\\S+$")}`);
    return args;
  }
  if (field.type === "int") {
    args.push(`ge=${field.min ?? INT32_MIN}`, `le=${field.max ?? INT32_MAX}`);
  } else if (field.type === "float" || field.type === "decimal") {
    if (field.min !== undefined) args.push(`ge=${field.min}`);
    if (field.max !== undefined) args.push(`le=${field.max}`);
    if (field.type === "decimal")
      args.push(`max_digits=${DECIMAL_PRECISION}`, `decimal_places=${DECIMAL_SCALE}`);
    if (field.type === "float") args.push("allow_inf_nan=False");
  }
  return args;
}
