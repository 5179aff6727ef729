/**
 * How to run a generated project, read from its pyproject.toml: the `[tool.python-specialist]` table
 * every target writes. Commands are argv arrays whose first word is a program of the project's
 * virtualenv (`python`, `alembic`, `flask`, …); `{port}` and `{email}` are placeholders verify fills in.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "smol-toml";
import { z } from "zod";

const argv = z.array(z.string().min(1)).min(1);

const profileSchema = z.object({
  framework: z.string().min(1),
  serve: argv.refine((a) => a.some((w) => w.includes("{port}")), "must contain {port}"),
  migrate: argv,
  "check-migrations": argv,
  "create-admin": argv.optional(),
  openapi: z.string().startsWith("/").default("/openapi.json"),
  "database-drivers": z
    .object({ sqlite: z.string().optional(), postgresql: z.string().optional() })
    .default({}),
});

export interface ProjectProfile {
  readonly framework: string;
  /** Starts the server on 127.0.0.1:{port}. */
  readonly serve: readonly string[];
  /** Brings the database at DATABASE_URL to the newest migration. */
  readonly migrate: readonly string[];
  /** Fails when the models and the migrations differ. */
  readonly checkMigrations: readonly string[];
  /** Makes {email} an administrator, password on stdin; absent without auth. */
  readonly createAdmin?: readonly string[];
  /** Path of the OpenAPI document. */
  readonly openapi: string;
  /** The URL scheme the project's DATABASE_URL wants per database, e.g. `postgresql+asyncpg`. */
  readonly databaseDrivers: { readonly sqlite?: string; readonly postgresql?: string };
}

/** The profile of the project in `dir`; throws an Error whose message says what is missing and where. */
export async function readProfile(dir: string): Promise<ProjectProfile> {
  const path = join(dir, "pyproject.toml");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new Error(`no pyproject.toml in ${dir}: is this a generated project?`);
  }
  let tool: unknown;
  try {
    tool = (parse(text) as { tool?: Record<string, unknown> }).tool?.["python-specialist"];
  } catch (error) {
    throw new Error(`${path} is not valid TOML: ${error instanceof Error ? error.message : error}`);
  }
  if (tool === undefined) {
    throw new Error(`${path} has no [tool.python-specialist] table (framework, serve, migrate, …)`);
  }
  const parsed = profileSchema.safeParse(tool);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "table"}: ${i.message}`);
    throw new Error(`${path} [tool.python-specialist]: ${problems.join("; ")}`);
  }
  const p = parsed.data;
  return {
    framework: p.framework,
    serve: p.serve,
    migrate: p.migrate,
    checkMigrations: p["check-migrations"],
    createAdmin: p["create-admin"],
    openapi: p.openapi,
    databaseDrivers: p["database-drivers"],
  };
}

/** `argv` with `{name}` placeholders replaced. */
export function fill(argv: readonly string[], values: Readonly<Record<string, string>>): string[] {
  return argv.map((word) => word.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all));
}
