/**
 * Sample values for generated tests and factories, as Python expressions. Each value exists twice: as the
 * Python object an ORM attribute holds (`py`) and as the JSON value an API client sends (`json`).
 * Expressions may use `n`, a per-call sequence number, to keep unique columns unique.
 */
import type { Field } from "../../blueprint/schema.js";
import { DECIMAL_SCALE, enumClassName, stringLength } from "./fields.js";
import { pyStr } from "./literal.js";

export interface Sample {
  readonly py: string;
  readonly json: string;
  /** The expressions use the sequence number \`n\`. */
  readonly numbered?: boolean;
  /** Python imports (`module:name`) the `py` form needs. */
  readonly imports: readonly string[];
}

const WORDS = ["alpha", "bravo", "charlie"];

/** A literal value; variants 0, 1, 2 differ and increase, so they serve filters, updates and sorting. */
export function fixedSample(entity: string, field: Field, variant: 0 | 1 | 2): Sample {
  if (variant === 0 && field.example !== undefined) return fromExample(entity, field, field.example);
  switch (field.type) {
    case "string":
    case "text":
      return same(pyStr(caseOf(field, fitLength(field, `${WORDS[variant]}`))));
    case "email":
      return same(pyStr(`${WORDS[variant]}@example.com`));
    case "url":
      return same(pyStr(`https://example.com/${WORDS[variant]}`));
    case "int":
      return same(String(clampInt(field, (field.min ?? 0) + variant + 1)));
    case "float":
      return same(String(clampNumber(field, (field.min ?? 0) + variant + 1.5)));
    case "decimal": {
      const value = clampNumber(field, (field.min ?? 0) + variant + 10).toFixed(DECIMAL_SCALE);
      return { py: `Decimal(${pyStr(value)})`, json: pyStr(value), imports: ["decimal:Decimal"] };
    }
    case "bool":
      return same(variant === 1 ? "False" : "True");
    case "date": {
      const day = variant + 1;
      return { py: `date(2024, 1, ${day})`, json: pyStr(`2024-01-0${day}`), imports: ["datetime:date"] };
    }
    case "datetime": {
      const day = variant + 1;
      return {
        py: `datetime(2024, 1, ${day}, 12, 0, tzinfo=UTC)`,
        json: pyStr(`2024-01-0${day}T12:00:00+00:00`),
        imports: ["datetime:UTC", "datetime:datetime"],
      };
    }
    case "enum":
      return enumSample(entity, field, pickChoice(field, variant));
    case "json":
      return same(`{"variant": ${variant}}`);
  }
}

/** The value a factory uses by default: unique columns get a sequence number, others a fixed value. */
export function factorySample(entity: string, field: Field, unique: boolean, variant: 0 | 1 | 2 = 0): Sample {
  if (unique && typeof field.example === "string") {
    const numbered = numberedExample(field, field.example);
    if (numbered) return counted(numbered);
  }
  if (!unique || field.example !== undefined) return fixedSample(entity, field, variant);
  switch (field.type) {
    case "string":
    case "text": {
      const prefix = caseOf(field, field.name.slice(0, Math.max(1, (stringLength(field) ?? 40) - 8)));
      return counted(`f"${prefix}-{n}"`);
    }
    case "email":
      return counted(`f"${field.name.replace(/_/g, "")}{n}@example.com"`);
    case "url":
      return counted(`f"https://example.com/${field.name}/{n}"`);
    case "int":
      return counted(`${field.min ?? 0} + n`);
    default:
      return fixedSample(entity, field, 0);
  }
}

/**
 * The example made unique with a sequence number, as a Python f-string that still matches the field's
 * pattern and length; undefined when no such form exists (validation reports that).
 */
export function numberedExample(field: Field, example: string): string | undefined {
  const pattern = field.pattern === undefined ? undefined : new RegExp(field.pattern);
  const candidates: [string, string][] = [
    [`${example}-{n}`, `${example}-123`],
    [`${example}{n}`, `${example}123`],
    [`{n}${example}`, `123${example}`],
  ];
  // Trailing digits can count: BER01 → BER{n % 100:02d}.
  const digits = /^(.*?)(\d+)$/.exec(example);
  if (digits?.[2]) {
    const width = digits[2].length;
    candidates.push([`${digits[1]}{n % ${10 ** width}:0${width}d}`, `${digits[1]}${"7".repeat(width)}`]);
  }
  for (const [template, sample] of candidates) {
    const fits = sample.length <= (stringLength(field) ?? Number.POSITIVE_INFINITY);
    if (fits && (!pattern || pattern.test(sample))) return `f${pyStr(template)}`;
  }
  return undefined;
}

/** A value the Create schema must reject, with the reason, or undefined when the type has no such value. */
export function invalidSample(field: Field): { json: string; why: string } | undefined {
  const length = stringLength(field);
  if (field.type === "email") return { json: pyStr("not-an-email"), why: "not an email address" };
  if (field.type === "enum") return { json: pyStr("not-a-choice"), why: "not one of the choices" };
  if ((field.type === "string" || field.type === "url") && length !== undefined) {
    return { json: `"x" * ${length + 1}`, why: `longer than ${length} characters` };
  }
  if (["int", "float", "decimal"].includes(field.type)) {
    if (field.min !== undefined)
      return { json: String(field.min - 1), why: `below the minimum ${field.min}` };
    if (field.max !== undefined)
      return { json: String(field.max + 1), why: `above the maximum ${field.max}` };
  }
  return undefined;
}

function fromExample(entity: string, field: Field, example: string | number | boolean): Sample {
  if (field.type === "enum") return enumSample(entity, field, String(example));
  if (field.type === "decimal") {
    const value = Number(example).toFixed(DECIMAL_SCALE);
    return { py: `Decimal(${pyStr(value)})`, json: pyStr(value), imports: ["decimal:Decimal"] };
  }
  if (field.type === "date") {
    const [y, m, d] = String(example).split("-").map(Number);
    return { py: `date(${y}, ${m}, ${d})`, json: pyStr(String(example)), imports: ["datetime:date"] };
  }
  if (field.type === "datetime") {
    const parsed = new Date(String(example));
    const args = [
      parsed.getUTCFullYear(),
      parsed.getUTCMonth() + 1,
      parsed.getUTCDate(),
      parsed.getUTCHours(),
      parsed.getUTCMinutes(),
    ].join(", ");
    return {
      py: `datetime(${args}, tzinfo=UTC)`,
      json: pyStr(parsed.toISOString()),
      imports: ["datetime:UTC", "datetime:datetime"],
    };
  }
  if (typeof example === "boolean") return same(example ? "True" : "False");
  if (typeof example === "number") return same(String(example));
  return same(pyStr(example));
}

function enumSample(entity: string, field: Field, choice: string): Sample {
  return { py: `${enumClassName(entity, field)}.${choice.toUpperCase()}`, json: pyStr(choice), imports: [] };
}

function pickChoice(field: Field, variant: number): string {
  const choices = [...(field.choices ?? [])].sort();
  return choices[Math.min(variant, choices.length - 1)] ?? "";
}

/** An expression numbered with the sequence number \`n\`, the same in Python and JSON. */
function counted(expr: string): Sample {
  return { py: expr, json: expr, imports: [], numbered: true };
}

function same(expr: string): Sample {
  return { py: expr, json: expr, imports: [] };
}

function fitLength(field: Field, value: string): string {
  const max = stringLength(field);
  const min = field.min_length ?? 1;
  const padded = value.length < min ? value.padEnd(min, value.slice(-1)) : value;
  return max === undefined ? padded : padded.slice(0, max);
}

function caseOf(field: Field, value: string): string {
  return field.normalize?.includes("upper") ? value.toUpperCase() : value;
}

function clampNumber(field: Field, value: number): number {
  let result = value;
  if (field.max !== undefined && result > field.max) result = field.max - 0.5;
  if (field.min !== undefined && result < field.min) result = field.min;
  return result;
}

function clampInt(field: Field, value: number): number {
  return Math.round(clampNumber(field, value));
}
