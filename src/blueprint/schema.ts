/**
 * The Blueprint: the one canonical description of a project. Every intake (YAML, sentence, OpenAPI, SQL)
 * produces this shape; everything after it is a pure function of it. Every key has a documented default,
 * so a two-line blueprint (`name` + one entity) is a whole project.
 */
import { z } from "zod";

const identifier = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]*$/,
    "use snake_case: lowercase letters, digits and underscores, starting with a letter",
  );
const entityName = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "use PascalCase, e.g. OrderItem");

export const FIELD_TYPES = [
  "string",
  "text",
  "int",
  "float",
  "decimal",
  "bool",
  "date",
  "datetime",
  "email",
  "url",
  "enum",
  "json",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const NORMALIZERS = ["strip", "lower", "upper"] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const fieldSchema = z
  .strictObject({
    name: identifier.describe("Column and attribute name (snake_case)."),
    type: z.enum(FIELD_TYPES).default("string").describe("Value type; `string` by default."),
    required: z.boolean().default(true).describe("A value must be given (NOT NULL). Default true."),
    unique: z.boolean().default(false).describe("No two rows share this value (unique constraint)."),
    index: z.boolean().default(false).describe("Create a database index on this column."),
    max_length: z.number().int().positive().optional().describe("Maximum length (string: default 255)."),
    min_length: z.number().int().nonnegative().optional().describe("Minimum length of a string."),
    min: z.number().optional().describe("Smallest allowed number (inclusive)."),
    max: z.number().optional().describe("Largest allowed number (inclusive)."),
    pattern: z.string().optional().describe("Regular expression a string must match; give `example` too."),
    choices: z.array(identifier).min(1).optional().describe("Allowed values of an `enum` field."),
    default: scalar.optional().describe("Value used when none is given."),
    example: scalar.optional().describe("A valid sample value, used by generated tests and docs."),
    normalize: z.array(z.enum(NORMALIZERS)).optional().describe("Clean-ups applied before validation."),
    filter: z.boolean().default(false).describe("List endpoint accepts this field as a filter."),
    sort: z.boolean().default(false).describe("List endpoint can sort by this field."),
    description: z.string().optional().describe("Shown in the OpenAPI document."),
  })
  .describe("A column of an entity.");

export const RELATION_KINDS = ["many-to-one", "one-to-many", "many-to-many"] as const;

export const relationSchema = z
  .strictObject({
    name: identifier.describe("Attribute name, e.g. `category` or `tags`."),
    to: entityName.describe("Target entity (may be the entity itself)."),
    kind: z.enum(RELATION_KINDS).default("many-to-one"),
    required: z.boolean().default(true).describe("many-to-one only: the reference must be set."),
    on_delete: z
      .enum(["cascade", "restrict", "set-null"])
      .optional()
      .describe(
        "many-to-one only: what deleting the target does (default: cascade if required, else set-null).",
      ),
    back: identifier
      .optional()
      .describe(
        "one-to-many only: name of the many-to-one on the target (default: this entity in snake_case).",
      ),
  })
  .describe("A link to another entity.");

export const checkSchema = z
  .strictObject({
    field: identifier,
    op: z.enum([">", ">=", "<", "<=", "!="]),
    other: identifier,
    message: z.string().optional(),
  })
  .describe("A cross-field rule validated by the Create and Update schemas.");

export const entitySchema = z
  .strictObject({
    name: entityName.describe("PascalCase class name, e.g. `Product`."),
    plural: identifier.optional().describe("Table, package and URL name (default: snake_case plural)."),
    description: z.string().optional(),
    owned_by: z
      .literal("user")
      .optional()
      .describe("Rows belong to the user who created them; routes check it."),
    fields: z.array(fieldSchema).default([]),
    relations: z.array(relationSchema).default([]),
    unique_together: z
      .array(z.array(identifier).min(2))
      .default([])
      .describe("Composite unique constraints."),
    indexes: z.array(z.array(identifier).min(1)).default([]).describe("Composite indexes."),
    checks: z.array(checkSchema).default([]),
    pagination: z.enum(["offset", "cursor"]).default("offset").describe("How the list endpoint pages."),
    read: z
      .enum(["public", "authenticated", "owner"])
      .optional()
      .describe(
        "Who may list and read: public, authenticated, or owner (each user sees their own rows). Default: owner for owned entities, else authenticated.",
      ),
    write: z
      .enum(["admin", "authenticated"])
      .default("admin")
      .describe("Who may create, update and delete (non-owned entities)."),
  })
  .describe("A domain object: a table, a schema set, a service and a router.");

export const authSchema = z
  .strictObject({
    kind: z
      .enum(["jwt", "none"])
      .default("jwt")
      .describe("jwt: OAuth2 password flow with access + refresh JWTs."),
    roles: z
      .array(identifier)
      .min(2, "give an administrator role and at least one other role, e.g. [admin, user]")
      .default(["admin", "user"])
      .describe("The first role is the administrator; new sign-ups get the second."),
    access_token_minutes: z.number().int().positive().default(15),
    refresh_token_days: z.number().int().positive().default(7),
  })
  .describe("Authentication and authorization.");

export const deploySchema = z
  .strictObject({
    docker: z.boolean().default(true),
    ci: z.boolean().default(true),
  })
  .describe("Deployment files.");

export const FRAMEWORKS = ["fastapi", "django", "flask"] as const;

export const blueprintSchema = z
  .strictObject({
    name: identifier.describe("Project and Python package name (snake_case)."),
    description: z.string().default("").describe("One line for the README and the OpenAPI document."),
    framework: z.enum(FRAMEWORKS).default("fastapi"),
    database: z
      .enum(["sqlite", "postgresql"])
      .default("sqlite")
      .describe("sqlite is embedded: no server needed."),
    python: z.enum(["3.11", "3.12", "3.13"]).default("3.11").describe("Lowest Python the project supports."),
    auth: authSchema.prefault({}),
    entities: z.array(entitySchema).min(1, "declare at least one entity"),
    features: z.record(z.string(), z.unknown()).default({}).describe("Optional features (none built yet)."),
    deploy: deploySchema.prefault({}),
  })
  .describe("A python-specialist blueprint.");

export type BlueprintInput = z.input<typeof blueprintSchema>;
export type Blueprint = z.output<typeof blueprintSchema>;
export type Entity = z.output<typeof entitySchema>;
export type Field = z.output<typeof fieldSchema>;
export type Relation = z.output<typeof relationSchema>;
export type Check = z.output<typeof checkSchema>;
