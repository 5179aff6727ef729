/**
 * Semantic rules a Blueprint must follow beyond its shape: names that would clash in the generated Python
 * or SQL, options that make no sense for a field's type, relations that cannot be built. Each rule returns
 * issues with the exact path of the offending value and a hint, so the YAML loader can point at the line.
 */
import { pascalCase, pluralize, snakeCase } from "../generate/python/naming.js";
import { numberedExample } from "../generate/python/samples.js";
import { didYouMean } from "./did-you-mean.js";
import type { BlueprintIssue } from "./errors.js";
import { formatPath } from "./errors.js";
import type { Blueprint, Entity, Field, FieldType, Relation } from "./schema.js";

export type SemanticIssue = Omit<BlueprintIssue, "file" | "line" | "column">;
type Path = (string | number)[];

// ---------------------------------------------------------------------------------------------------------
// Reserved names

const PYTHON_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);
const PYTHON_SOFT_KEYWORDS = new Set(["match", "case", "type", "_"]);

/**
 * Builtins a generated module, model or schema attribute would shadow (ruff's flake8-builtins rules flag
 * them, and a shadowed `id` or `type` breaks code that calls the builtin). Interactive-only helpers such as
 * `license` or `copyright` are left out: they are fine domain words.
 */
const PYTHON_BUILTINS = new Set(
  "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip".split(
    " ",
  ),
);

/** Attributes every generated model already has (or that SQLAlchemy's declarative base reserves). */
const GENERATED_ATTRIBUTES: Readonly<Record<string, { why: string; fix?: string }>> = {
  id: { why: "every model gets an integer `id` primary key", fix: "remove this field" },
  created_at: { why: "every model gets created_at and updated_at timestamps", fix: "remove this field" },
  updated_at: { why: "every model gets created_at and updated_at timestamps", fix: "remove this field" },
  owner: { why: "owned entities get an `owner` link", fix: "use `owned_by: user` to record who owns a row" },
  owner_id: {
    why: "owned entities get an `owner_id` column",
    fix: "use `owned_by: user` to record who owns a row",
  },
  metadata: { why: "SQLAlchemy's declarative base uses this attribute" },
  registry: { why: "SQLAlchemy's declarative base uses this attribute" },
};

/** Model attributes each framework's ORM adds, which a column of the same name would hide. */
const FRAMEWORK_ATTRIBUTES: Readonly<Record<Blueprint["framework"], readonly string[]>> = {
  fastapi: [],
  django: ["objects", "pk"],
  flask: ["query", "query_class"],
};

/** Words that need quoting in PostgreSQL, MySQL or SQLite; a column named like this breaks raw SQL and tools. */
const SQL_RESERVED = new Set(
  "select from where order group user table column limit offset desc asc index key default check references primary foreign unique all and or not null true false case when then else end join union grant having in is like on to as by into values set update delete insert create drop alter".split(
    " ",
  ),
);

/** Class names the generated code defines or imports next to the models and schemas. */
const RESERVED_ENTITY_NAMES: Readonly<Record<string, string>> = {
  Base: "the SQLAlchemy declarative base",
  Settings: "the settings class in config.py",
  Decimal: "decimal.Decimal",
  Date: "datetime.date",
  Datetime: "datetime.datetime",
  DateTime: "sqlalchemy.DateTime",
  Time: "datetime.time",
  Timedelta: "datetime.timedelta",
  Enum: "enum.Enum",
  StrEnum: "enum.StrEnum",
  Any: "typing.Any",
  Annotated: "typing.Annotated",
  Optional: "typing.Optional",
  Literal: "typing.Literal",
  Uuid: "sqlalchemy.Uuid",
  UUID: "uuid.UUID",
  Field: "pydantic.Field",
  BaseModel: "pydantic.BaseModel",
  Mapped: "sqlalchemy.orm.Mapped",
  Depends: "fastapi.Depends",
  HTTPException: "fastapi.HTTPException",
};

/** Package names the generated project already uses next to the entity packages (see DESIGN.md layout). */
const RESERVED_PLURALS = new Set([
  "auth",
  "health",
  "tests",
  "core",
  "main",
  "config",
  "db",
  "security",
  "errors",
  "logging",
]);

// ---------------------------------------------------------------------------------------------------------
// Entry point

export function validateBlueprint(bp: Blueprint): SemanticIssue[] {
  return [
    ...checkRoles(bp),
    ...checkEntityNames(bp),
    ...checkPlurals(bp),
    ...bp.entities.flatMap((entity, i) => checkEntity(bp, entity, i)),
    ...checkManyToManyPairs(bp),
    ...checkManyToOneCycles(bp),
    ...checkFeatures(bp),
  ];
}

/** The snake_case plural used for the table, package and URL; the same rule the generator applies. */
export function pluralOf(entity: Pick<Entity, "name" | "plural">): string {
  return entity.plural ?? pluralize(snakeCase(entity.name));
}

function issue(path: Path, message: string, hint?: string): SemanticIssue {
  return hint === undefined ? { path, message } : { path, message, hint };
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}

function suggestion(word: string, candidates: readonly string[], label: string): string {
  const close = didYouMean(word, candidates);
  const known = candidates.length > 0 ? `${label}: ${candidates.join(", ")}` : `no ${label} declared`;
  return close ? `did you mean ${quote(close)}? (${known})` : known;
}

// ---------------------------------------------------------------------------------------------------------
// Project-level rules

function checkRoles(bp: Blueprint): SemanticIssue[] {
  const seen = new Set<string>();
  return bp.auth.roles.flatMap((role, i) => {
    if (!seen.has(role)) {
      seen.add(role);
      return [];
    }
    return [issue(["auth", "roles", i], `duplicate role ${quote(role)}`, "list each role once")];
  });
}

function checkFeatures(bp: Blueprint): SemanticIssue[] {
  return Object.keys(bp.features).map((key) =>
    issue(["features", key], `feature ${quote(key)} is not supported yet`, "remove it from `features`"),
  );
}

function checkEntityNames(bp: Blueprint): SemanticIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: SemanticIssue[] = [];
  bp.entities.forEach((entity, i) => {
    const path = ["entities", i, "name"];
    const first = firstIndex.get(entity.name);
    if (first !== undefined) {
      issues.push(
        issue(
          path,
          `duplicate entity ${quote(entity.name)}: already declared at entities[${first}]`,
          "rename one, or merge them",
        ),
      );
    } else {
      firstIndex.set(entity.name, i);
    }
    const reserved = reservedEntityName(bp, entity.name);
    if (reserved) issues.push(issue(path, reserved.message, reserved.hint));
  });
  return issues;
}

function reservedEntityName(bp: Blueprint, name: string): { message: string; hint: string } | undefined {
  const rename = `rename it, e.g. ${quote(`${pascalCase(bp.name)}${name}`)}`;
  if (name === "User" && bp.auth.kind === "jwt") {
    return {
      message: `entity name "User" is reserved: with auth.kind jwt the generator creates the User model`,
      hint: "remove it; to tie rows to the user who created them use `owned_by: user`",
    };
  }
  const imported = RESERVED_ENTITY_NAMES[name];
  if (imported) {
    return { message: `entity name ${quote(name)} is reserved: it clashes with ${imported}`, hint: rename };
  }
  const snake = snakeCase(name);
  if (PYTHON_KEYWORDS.has(snake)) {
    // The snake_case name becomes variables and parameters (`def get(..., class: ...)` would not parse).
    return {
      message: `entity name ${quote(name)} becomes ${quote(snake)} in Python, which is a keyword`,
      hint: rename,
    };
  }
  return undefined;
}

function checkPlurals(bp: Blueprint): SemanticIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: SemanticIssue[] = [];
  bp.entities.forEach((entity, i) => {
    const plural = pluralOf(entity);
    const path = ["entities", i, "plural"];
    const what =
      entity.plural === undefined
        ? `the plural ${quote(plural)} (derived from ${entity.name})`
        : `plural ${quote(plural)}`;
    const first = firstIndex.get(plural);
    if (first !== undefined) {
      issues.push(
        issue(
          path,
          `${what} is already used by entities[${first}]`,
          "set a distinct `plural` on one of them",
        ),
      );
    } else {
      firstIndex.set(plural, i);
    }
    // `User` is already reported by checkEntityNames; its plural would only repeat that.
    const userEntityReported = entity.name === "User" && bp.auth.kind === "jwt";
    const reason = userEntityReported ? undefined : reservedPluralReason(bp, plural);
    if (reason)
      issues.push(issue(path, `${what} is reserved: ${reason}`, "set `plural` to another snake_case name"));
  });
  return issues;
}

function reservedPluralReason(bp: Blueprint, plural: string): string | undefined {
  if (PYTHON_KEYWORDS.has(plural) || PYTHON_SOFT_KEYWORDS.has(plural)) return "it is a Python keyword";
  if (PYTHON_BUILTINS.has(plural)) return "it is a Python builtin";
  if (RESERVED_PLURALS.has(plural)) return "the generated project already has a module of that name";
  if (plural === "users" && bp.auth.kind === "jwt") return "the users package holds the built-in user model";
  // Django projects always have the custom user model's app, with or without API authentication.
  if (plural === "users" && bp.framework === "django") return "the users app holds Django's user model";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Entity-level rules

function checkEntity(bp: Blueprint, entity: Entity, ei: number): SemanticIssue[] {
  const base: Path = ["entities", ei];
  const issues: SemanticIssue[] = [
    ...checkNamespace(entity, base),
    ...entity.fields.flatMap((field, fi) => [
      ...checkReservedAttribute(bp, entity, field.name, [...base, "fields", fi, "name"], true),
      ...checkField(field, [...base, "fields", fi]),
    ]),
    ...entity.relations.flatMap((relation, ri) => [
      // Relation names are Python attributes only (a many-to-one's column is `<name>_id`), so SQL words are fine.
      ...checkReservedAttribute(bp, entity, relation.name, [...base, "relations", ri, "name"], false),
      ...checkRelation(bp, entity, relation, [...base, "relations", ri]),
    ]),
    ...checkColumnLists(bp, entity, base),
    ...checkChecks(entity, base),
  ];
  if (entity.owned_by === "user" && bp.auth.kind !== "jwt") {
    issues.push(
      issue(
        [...base, "owned_by"],
        "owned_by: user needs a user model, but auth.kind is none",
        "set `auth: { kind: jwt }`, or remove owned_by",
      ),
    );
  }
  if (entity.read === "owner" && entity.owned_by !== "user") {
    issues.push(
      issue(
        [...base, "read"],
        "read: owner needs rows that have an owner",
        "add `owned_by: user`, or use read: public or authenticated",
      ),
    );
  }
  if (bp.auth.kind === "none" && (entity.read === "authenticated" || entity.write === "authenticated")) {
    issues.push(
      issue(
        [...base, entity.read === "authenticated" ? "read" : "write"],
        "needs authentication, but auth.kind is none",
        "set `auth: { kind: jwt }`",
      ),
    );
  }
  return issues;
}

interface Claim {
  readonly owner: string;
}

/**
 * Fields and relations become attributes of one class, and a many-to-one `x` also adds the column `x_id`,
 * so all of them share one namespace.
 */
function checkNamespace(entity: Entity, base: Path): SemanticIssue[] {
  const claims = new Map<string, Claim>();
  const issues: SemanticIssue[] = [];
  const claim = (name: string, path: Path, owner: string, describe: (other: Claim) => string): void => {
    const other = claims.get(name);
    if (other) issues.push(issue(path, describe(other), "give each field and relation its own name"));
    else claims.set(name, { owner });
  };
  entity.fields.forEach((field, fi) => {
    claim(
      field.name,
      [...base, "fields", fi, "name"],
      `fields[${fi}]`,
      (o) => `duplicate name ${quote(field.name)}: already used by ${o.owner}`,
    );
  });
  entity.relations.forEach((relation, ri) => {
    const path = [...base, "relations", ri, "name"];
    claim(
      relation.name,
      path,
      `relations[${ri}]`,
      (o) => `duplicate name ${quote(relation.name)}: already used by ${o.owner}`,
    );
    if (relation.kind !== "many-to-one") return;
    const column = `${relation.name}_id`;
    claim(
      column,
      path,
      `relations[${ri}] (its column ${column})`,
      (o) => `relation ${quote(relation.name)} needs the column ${quote(column)}, already used by ${o.owner}`,
    );
  });
  return issues;
}

function checkReservedAttribute(
  bp: Blueprint,
  entity: Entity,
  name: string,
  path: Path,
  isColumn: boolean,
): SemanticIssue[] {
  const rename = `rename it, e.g. ${quote(`${snakeCase(entity.name)}_${name}`)}`;
  const generated = GENERATED_ATTRIBUTES[name];
  if (generated)
    return [issue(path, `${quote(name)} is reserved: ${generated.why}`, generated.fix ?? rename)];
  const reasons: string[] = [];
  if (FRAMEWORK_ATTRIBUTES[bp.framework].includes(name))
    reasons.push(`${bp.framework} models already have this attribute`);
  if (PYTHON_KEYWORDS.has(name)) reasons.push("a Python keyword");
  else if (PYTHON_SOFT_KEYWORDS.has(name)) reasons.push("a Python soft keyword");
  if (PYTHON_BUILTINS.has(name)) reasons.push("a Python builtin the generated code would shadow");
  if (isColumn && SQL_RESERVED.has(name)) reasons.push("an SQL reserved word");
  if (reasons.length === 0) return [];
  return [issue(path, `${quote(name)} is reserved: ${reasons.join(", and ")}`, rename)];
}

// ---------------------------------------------------------------------------------------------------------
// Field rules

const STRING_TYPES: ReadonlySet<FieldType> = new Set(["string", "text", "email", "url"]);
const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(["int", "float", "decimal"]);
const ORDERABLE_TYPES: ReadonlySet<FieldType> = new Set([
  "int",
  "float",
  "decimal",
  "date",
  "datetime",
  "string",
]);

function checkField(field: Field, path: Path): SemanticIssue[] {
  return [
    ...checkOptionsForType(field, path),
    ...checkChoices(field, path),
    ...checkBounds(field, path),
    ...checkPattern(field, path),
    ...checkValue(field, path, "default"),
    ...checkValue(field, path, "example"),
    ...checkFlagsForType(field, path),
    ...checkUniquePattern(field, path),
  ];
}

/** Tests need many distinct values of a unique patterned field: the example must take a sequence number. */
function checkUniquePattern(field: Field, path: Path): SemanticIssue[] {
  if (!field.unique || field.pattern === undefined || typeof field.example !== "string") return [];
  if (numberedExample(field, field.example) !== undefined) return [];
  return [
    issue(
      [...path, "example"],
      `unique field ${quote(field.name)}: no numbered form of the example (e.g. ${field.example}-1) matches the pattern`,
      "give an example whose trailing digits can count up (e.g. ABC01), or loosen the pattern",
    ),
  ];
}

function checkOptionsForType(field: Field, path: Path): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  for (const key of ["max_length", "min_length", "pattern", "normalize"] as const) {
    if (field[key] === undefined || STRING_TYPES.has(field.type)) continue;
    const hint =
      NUMBER_TYPES.has(field.type) && key.endsWith("_length")
        ? "use `min`/`max` to bound a number"
        : `remove it, or change \`type\``;
    issues.push(
      issue(
        [...path, key],
        `${quote(key)} applies only to string, text, email and url fields, not ${field.type}`,
        hint,
      ),
    );
  }
  for (const key of ["min", "max"] as const) {
    if (field[key] === undefined || NUMBER_TYPES.has(field.type)) continue;
    const hint = STRING_TYPES.has(field.type)
      ? `use \`${key}_length\` to bound a string's length`
      : "remove it, or change `type`";
    issues.push(
      issue(
        [...path, key],
        `${quote(key)} applies only to int, float and decimal fields, not ${field.type}`,
        hint,
      ),
    );
  }
  return issues;
}

function checkChoices(field: Field, path: Path): SemanticIssue[] {
  if (field.type === "enum" && field.choices === undefined) {
    return [
      issue([...path, "choices"], "an enum field needs `choices`", "add e.g. `choices: [draft, published]`"),
    ];
  }
  if (field.type !== "enum" && field.choices !== undefined) {
    return [
      issue(
        [...path, "choices"],
        `"choices" applies only to enum fields, not ${field.type}`,
        "set `type: enum`, or remove choices",
      ),
    ];
  }
  const seen = new Set<string>();
  return (field.choices ?? []).flatMap((choice, i) => {
    if (!seen.has(choice)) {
      seen.add(choice);
      return [];
    }
    return [issue([...path, "choices", i], `duplicate choice ${quote(choice)}`, "list each choice once")];
  });
}

function checkBounds(field: Field, path: Path): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    issues.push(
      issue([...path, "max"], `max (${field.max}) is smaller than min (${field.min})`, "swap them"),
    );
  }
  if (
    field.min_length !== undefined &&
    field.max_length !== undefined &&
    field.min_length > field.max_length
  ) {
    issues.push(
      issue(
        [...path, "max_length"],
        `max_length (${field.max_length}) is smaller than min_length (${field.min_length})`,
        "swap them",
      ),
    );
  }
  if (field.type === "int") {
    for (const key of ["min", "max"] as const) {
      const bound = field[key];
      if (bound !== undefined && !Number.isInteger(bound)) {
        issues.push(
          issue(
            [...path, key],
            `${key} of an int field must be a whole number, got ${bound}`,
            "use a whole number, or `type: decimal`",
          ),
        );
      }
    }
  }
  return issues;
}

function compilePattern(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function checkPattern(field: Field, path: Path): SemanticIssue[] {
  // On a non-string field the pattern is already reported as misplaced; more about it would be noise.
  if (field.pattern === undefined || !STRING_TYPES.has(field.type)) return [];
  const compiled = compilePattern(field.pattern);
  if (typeof compiled === "string") {
    return [
      issue(
        [...path, "pattern"],
        `invalid regular expression: ${compiled}`,
        "fix the pattern (JavaScript/Python regex syntax)",
      ),
    ];
  }
  if (field.example === undefined) {
    // Generated tests and factories need a valid value, and no generator can invent one from an arbitrary regex.
    return [
      issue(
        [...path, "pattern"],
        "a field with `pattern` needs an `example` that matches it",
        `add \`example:\` with a value matching /${field.pattern}/`,
      ),
    ];
  }
  return [];
}

/** What a value of this field type looks like, or undefined when `value` is one. */
function typeMismatch(field: Field, value: string | number | boolean): string | undefined {
  switch (field.type) {
    case "int":
      return Number.isInteger(value) ? undefined : "an integer";
    case "float":
    case "decimal":
      return typeof value === "number" ? undefined : "a number";
    case "bool":
      return typeof value === "boolean" ? undefined : "true or false";
    case "enum":
      return typeof value === "string" && field.choices?.includes(value)
        ? undefined
        : `one of: ${(field.choices ?? []).join(", ")}`;
    case "date":
      return typeof value === "string" && isIsoDate(value) ? undefined : "a date like 2024-01-31";
    case "datetime":
      return typeof value === "string" && isIsoDateTime(value)
        ? undefined
        : "a date-time like 2024-01-31T12:00:00Z";
    case "email":
      return typeof value === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)
        ? undefined
        : "an email address like ada@example.com";
    case "url":
      return typeof value === "string" && /^https?:\/\/\S+$/.test(value)
        ? undefined
        : "a URL like https://example.com";
    case "json":
      // Any scalar is a valid JSON document.
      return undefined;
    default:
      return typeof value === "string" ? undefined : "a string (quote it)";
  }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  // Round-tripping rejects dates JavaScript silently rolls over, such as 2024-02-30.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function isIsoDateTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  return (
    match?.[1] !== undefined && isIsoDate(match[1]) && !Number.isNaN(Date.parse(value.replace(" ", "T")))
  );
}

/** A constraint the (correctly typed) value breaks, if any. */
function constraintViolation(field: Field, value: string | number | boolean): string | undefined {
  if (typeof value === "number") {
    if (field.min !== undefined && value < field.min) return `is below min (${field.min})`;
    if (field.max !== undefined && value > field.max) return `is above max (${field.max})`;
  }
  if (typeof value === "string" && STRING_TYPES.has(field.type)) {
    const maxLength = field.max_length ?? (field.type === "string" ? 255 : undefined);
    if (maxLength !== undefined && value.length > maxLength)
      return `is longer than max_length (${maxLength})`;
    if (field.min_length !== undefined && value.length < field.min_length)
      return `is shorter than min_length (${field.min_length})`;
    const pattern = field.pattern === undefined ? undefined : compilePattern(field.pattern);
    if (pattern instanceof RegExp && !pattern.test(value)) return `does not match pattern /${field.pattern}/`;
  }
  return undefined;
}

function checkValue(field: Field, path: Path, key: "default" | "example"): SemanticIssue[] {
  const value = field[key];
  if (value === undefined) return [];
  const expected = typeMismatch(field, value);
  if (expected) {
    return [
      issue([...path, key], `${key} ${quote(value)} does not fit type ${field.type}`, `use ${expected}`),
    ];
  }
  const violation = constraintViolation(field, value);
  if (violation) {
    return [issue([...path, key], `${key} ${quote(value)} ${violation}`, `use a value the field accepts`)];
  }
  return [];
}

function checkFlagsForType(field: Field, path: Path): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  if (field.type === "json") {
    for (const key of ["filter", "sort"] as const) {
      if (field[key])
        issues.push(
          issue([...path, key], `${key} is not supported on json fields`, `remove \`${key}: true\``),
        );
    }
  }
  if (field.type === "json" || field.type === "text") {
    for (const key of ["unique", "index"] as const) {
      if (field[key]) {
        const hint =
          field.type === "text"
            ? "use `type: string` with a max_length to index it"
            : `remove \`${key}: true\``;
        issues.push(issue([...path, key], `${key} is not supported on ${field.type} fields`, hint));
      }
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------
// Relation rules

function checkRelation(bp: Blueprint, entity: Entity, relation: Relation, path: Path): SemanticIssue[] {
  const target = bp.entities.find((e) => e.name === relation.to);
  if (!target) return [unknownTarget(bp, entity, relation, path)];
  const issues = checkRelationOptions(relation, path);
  if (relation.kind === "many-to-one" && relation.to === entity.name && relation.required) {
    issues.push(
      issue(
        [...path, "required"],
        `a required link from ${entity.name} to itself makes the first ${entity.name} impossible to create`,
        "add `required: false`",
      ),
    );
  }
  if (relation.kind === "one-to-many") issues.push(...checkBackReference(entity, relation, target, path));
  if (relation.kind === "many-to-many" && relation.to === entity.name) {
    issues.push(
      issue(
        [...path, "to"],
        `a many-to-many from ${entity.name} to itself is not supported yet`,
        "link through an explicit join entity with two many-to-one relations",
      ),
    );
  }
  return issues;
}

function unknownTarget(bp: Blueprint, entity: Entity, relation: Relation, path: Path): SemanticIssue {
  const names = bp.entities.map((e) => e.name);
  const hint =
    relation.to === "User" && bp.auth.kind === "jwt"
      ? `the user model is built in; to tie ${entity.name} rows to their creator use \`owned_by: user\``
      : suggestion(relation.to, names, "entities");
  return issue([...path, "to"], `unknown entity ${quote(relation.to)}`, hint);
}

function checkRelationOptions(relation: Relation, path: Path): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  if (relation.kind !== "many-to-one") {
    // `required` defaults to true, so only an explicit `false` is visible after parsing.
    if (!relation.required)
      issues.push(
        issue(
          [...path, "required"],
          `"required" applies only to many-to-one relations, not ${relation.kind}`,
          "remove it",
        ),
      );
    if (relation.on_delete !== undefined)
      issues.push(
        issue(
          [...path, "on_delete"],
          `"on_delete" applies only to many-to-one relations, not ${relation.kind}`,
          "remove it",
        ),
      );
  } else if (relation.on_delete === "set-null" && relation.required) {
    issues.push(
      issue(
        [...path, "on_delete"],
        "on_delete: set-null needs an optional link, but this relation is required",
        "add `required: false`, or use on_delete: cascade or restrict",
      ),
    );
  }
  if (relation.back !== undefined && relation.kind !== "one-to-many") {
    issues.push(
      issue(
        [...path, "back"],
        `"back" applies only to one-to-many relations, not ${relation.kind}`,
        "remove it",
      ),
    );
  }
  return issues;
}

/**
 * A one-to-many is stored as a many-to-one on the target, named `back`. If the target declares it, it must
 * point back here; if not, the generator adds it, so its name and column must be free.
 */
function checkBackReference(entity: Entity, relation: Relation, target: Entity, path: Path): SemanticIssue[] {
  const back = relation.back ?? snakeCase(entity.name);
  const where = relation.back === undefined ? path : [...path, "back"];
  const setBack = `set \`back:\` to the many-to-one on ${target.name} that points to ${entity.name}`;
  const mirror = target.relations.find((r) => r.name === back);
  if (mirror) {
    if (mirror.kind === "many-to-one" && mirror.to === entity.name) return [];
    return [
      issue(
        where,
        `${target.name}.${back} should be a many-to-one to ${entity.name} to mirror this relation, but it is a ${mirror.kind} to ${mirror.to}`,
        setBack,
      ),
    ];
  }
  if (target.name === entity.name) {
    // The implied link would be required, and a required link to itself makes the first row impossible.
    return [
      issue(
        where,
        `a one-to-many from ${entity.name} to itself needs an optional many-to-one ${quote(back)} declared on ${entity.name}`,
        `add \`{ name: ${back}, to: ${entity.name}, required: false }\` to relations`,
      ),
    ];
  }
  const clash = target.fields.find((f) => f.name === back || f.name === `${back}_id`);
  if (clash) {
    return [
      issue(
        where,
        `${target.name} gets a many-to-one ${quote(back)} (column ${back}_id) for this relation, but already has a field ${quote(clash.name)}`,
        `set \`back:\` to another name, or declare the many-to-one on ${target.name}`,
      ),
    ];
  }
  return [];
}

/** The same link declared as a many-to-many on both entities would create two association tables. */
function checkManyToManyPairs(bp: Blueprint): SemanticIssue[] {
  const firstByPair = new Map<string, { entity: string; path: Path }>();
  const issues: SemanticIssue[] = [];
  bp.entities.forEach((entity, ei) => {
    entity.relations.forEach((relation, ri) => {
      if (relation.kind !== "many-to-many" || relation.to === entity.name) return;
      const pair = [entity.name, relation.to].sort().join("|");
      const path = ["entities", ei, "relations", ri];
      const first = firstByPair.get(pair);
      if (!first) firstByPair.set(pair, { entity: entity.name, path });
      else if (first.entity !== entity.name) {
        issues.push(
          issue(
            path,
            `${entity.name} and ${relation.to} are already linked many-to-many by ${formatPath(first.path)}`,
            "declare a many-to-many on one side only",
          ),
        );
      }
    });
  });
  return issues;
}

interface Link {
  readonly to: string;
  readonly path: Path;
  readonly manyToMany?: boolean;
}

/** Many-to-one links per entity, including those implied by a one-to-many declared on the other side. */
function manyToOneLinks(bp: Blueprint): Map<string, Link[]> {
  const links = new Map<string, Link[]>(bp.entities.map((e) => [e.name, []]));
  bp.entities.forEach((entity, ei) => {
    entity.relations.forEach((relation, ri) => {
      const path = ["entities", ei, "relations", ri];
      if (relation.kind === "many-to-one") links.get(entity.name)?.push({ to: relation.to, path });
      // A Django app's initial migration creates its many-to-many tables, so it depends on the target's app.
      if (relation.kind === "many-to-many" && bp.framework === "django")
        links.get(entity.name)?.push({ to: relation.to, path, manyToMany: true });
      if (relation.kind !== "one-to-many") return;
      // A declared mirror is already counted as the target's own many-to-one.
      const back = relation.back ?? snakeCase(entity.name);
      const mirrored = bp.entities
        .find((e) => e.name === relation.to)
        ?.relations.some((r) => r.name === back);
      if (!mirrored) links.get(relation.to)?.push({ to: entity.name, path });
    });
  });
  return links;
}

/** Tables are created parents first, so a cycle of many-to-one links between entities has no valid order. */
function checkManyToOneCycles(bp: Blueprint): SemanticIssue[] {
  const links = manyToOneLinks(bp);
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const issues: SemanticIssue[] = [];
  const taken: Link[] = [];
  const visit = (name: string): void => {
    state.set(name, "visiting");
    stack.push(name);
    for (const link of links.get(name) ?? []) {
      if (link.to === name || !links.has(link.to)) continue;
      if (state.get(link.to) === "visiting") {
        const start = stack.indexOf(link.to);
        const cycle = [...stack.slice(start), link.to].join(" → ");
        const viaManyToMany = [...taken.slice(start), link].some((l) => l.manyToMany);
        issues.push(
          viaManyToMany
            ? issue(
                link.path,
                `links form a cycle (${cycle}): Django's initial migrations of these apps would depend on each other, and a second migration is not generated yet`,
                "declare the many-to-many on the entity that has the many-to-one, or use framework fastapi or flask",
              )
            : issue(
                link.path,
                `many-to-one links form a cycle (${cycle}), which is not supported yet`,
                "turn one of the links into a many-to-many, or remove it",
              ),
        );
      } else if (!state.has(link.to)) {
        taken.push(link);
        visit(link.to);
        taken.pop();
      }
    }
    stack.pop();
    state.set(name, "done");
  };
  for (const entity of bp.entities) if (!state.has(entity.name)) visit(entity.name);
  return issues;
}

// ---------------------------------------------------------------------------------------------------------
// Composite constraints

/** Names a composite constraint may use: fields, and many-to-one relations (meaning their `_id` column). */
function columnNames(bp: Blueprint, entity: Entity): string[] {
  const implied = bp.entities.flatMap((parent) =>
    parent.relations
      .filter((r) => r.kind === "one-to-many" && r.to === entity.name)
      .map((r) => r.back ?? snakeCase(parent.name)),
  );
  const declared = entity.relations.filter((r) => r.kind === "many-to-one").map((r) => r.name);
  return [...new Set([...entity.fields.map((f) => f.name), ...declared, ...implied])];
}

function checkColumnLists(bp: Blueprint, entity: Entity, base: Path): SemanticIssue[] {
  const columns = columnNames(bp, entity);
  return (["unique_together", "indexes"] as const).flatMap((key) =>
    entity[key].flatMap((names, gi) =>
      names.flatMap((name, ni) =>
        columns.includes(name)
          ? []
          : [
              issue(
                [...base, key, gi, ni],
                `unknown field ${quote(name)} in ${key}`,
                suggestion(name, columns, "fields and many-to-one relations"),
              ),
            ],
      ),
    ),
  );
}

function checkChecks(entity: Entity, base: Path): SemanticIssue[] {
  const fieldNames = entity.fields.map((f) => f.name);
  return entity.checks.flatMap((check, ci) => {
    const path = [...base, "checks", ci];
    const left = entity.fields.find((f) => f.name === check.field);
    const right = entity.fields.find((f) => f.name === check.other);
    const issues: SemanticIssue[] = [];
    if (!left)
      issues.push(
        issue(
          [...path, "field"],
          `unknown field ${quote(check.field)}`,
          suggestion(check.field, fieldNames, "fields"),
        ),
      );
    if (!right)
      issues.push(
        issue(
          [...path, "other"],
          `unknown field ${quote(check.other)}`,
          suggestion(check.other, fieldNames, "fields"),
        ),
      );
    if (!left || !right) return issues;
    if (left.name === right.name) {
      issues.push(
        issue(
          [...path, "other"],
          "a check must compare two different fields",
          "set `other` to another field",
        ),
      );
    } else if (left.type !== right.type) {
      issues.push(
        issue(
          [...path, "other"],
          `cannot compare ${left.name} (${left.type}) with ${right.name} (${right.type})`,
          "compare two fields of the same type",
        ),
      );
    } else if (!ORDERABLE_TYPES.has(left.type)) {
      issues.push(
        issue(
          [...path, "field"],
          `cannot compare ${left.type} fields`,
          "checks work on int, float, decimal, date, datetime and string fields",
        ),
      );
    }
    return issues;
  });
}
