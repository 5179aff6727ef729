/**
 * PostgreSQL for verification runs: a fresh database per run (created and dropped with the `psql` CLI,
 * so Node needs no driver), and a reachability probe. URLs are SQLAlchemy style
 * (`postgresql+asyncpg://user:pass@host:port/db`), as the generated projects read them from DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { runCommand } from "./run-command.js";
import { which } from "./toolchain.js";

/** The server scripts/services/postgres.sh starts. */
export const DEFAULT_POSTGRES_URL = "postgresql+asyncpg://ps:ps@127.0.0.1:55432/postgres";

const CONNECT_TIMEOUT_S = 5;

/** `postgresql+asyncpg://…` → `postgresql://…` (what libpq and psql understand); asyncpg's `ssl=` becomes `sslmode=`. */
export function toLibpqUrl(url: string): string {
  const parsed = new URL(url);
  if (!/^postgres(ql)?(\+\w+)?:$/.test(parsed.protocol))
    throw new Error(`not a PostgreSQL URL: ${redact(url)}`);
  parsed.protocol = "postgresql:";
  const params = new URLSearchParams();
  for (const [key, value] of parsed.searchParams) {
    if (key === "ssl") params.set("sslmode", value === "true" ? "require" : value);
    else if (key === "sslmode" || key === "connect_timeout" || key === "application_name")
      params.set(key, value);
  }
  parsed.search = params.toString();
  return parsed.toString();
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The URL with its password replaced by `***`, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

async function findPsql(): Promise<string | undefined> {
  const onPath = await which("psql");
  if (onPath) return onPath;
  // Debian keeps the binaries of each major version in /usr/lib/postgresql/<version>/bin; newest first.
  try {
    const base = "/usr/lib/postgresql";
    const versions = (await readdir(base)).sort((a, b) => Number(b) - Number(a));
    return await which("psql", { PATH: versions.map((v) => join(base, v, "bin")).join(delimiter) });
  } catch {
    return undefined;
  }
}

interface PsqlResult {
  ok: boolean;
  output: string;
}

/** Runs one SQL statement through psql against `url` (SQLAlchemy or libpq form). */
export async function psql(url: string, sql: string): Promise<PsqlResult> {
  const binary = await findPsql();
  if (!binary) return { ok: false, output: "psql not found (install postgresql-client)" };
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: String(CONNECT_TIMEOUT_S) };
  // Connection settings in the URL must win over any PG* variables of the caller's shell.
  for (const key of ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSERVICE", "PGSSLMODE"]) {
    delete env[key];
  }
  const result = await runCommand(
    binary,
    ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", toLibpqUrl(url), "-c", sql],
    { env, timeoutMs: 60_000 },
  );
  return { ok: result.exitCode === 0, output: result.output.trim() };
}

export type PostgresCheck = { ok: true; version: string } | { ok: false; reason: string };

/** Whether the server answers and the credentials work, with the reason when not. */
export async function checkPostgres(url: string): Promise<PostgresCheck> {
  let result: PsqlResult;
  try {
    result = await psql(url, "SHOW server_version");
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) return { ok: true, version: result.output.split(/\s/)[0] ?? result.output };
  const detail = result.output
    .replace(/^psql: error: /, "")
    .replace(/\s*\n\s*/g, " ")
    .trim();
  const short = detail.length > 300 ? `${detail.slice(0, 299)}…` : detail;
  return { ok: false, reason: `${redact(url)}: ${short || "psql failed without output"}` };
}

export async function postgresAvailable(url: string): Promise<boolean> {
  return (await checkPostgres(url)).ok;
}

export interface TemporaryDatabase {
  /** e.g. `verify_3f9a0c1b2d4e` */
  name: string;
  /** SQLAlchemy URL of the new database, same driver and credentials as the server URL. */
  url: string;
  /** Drops the database (terminating leftover connections); safe to call twice. */
  drop(): Promise<void>;
}

/** Creates an empty database `<prefix>_<random>` on the server of `serverUrl`. */
export async function createTemporaryDatabase(
  serverUrl: string,
  prefix = "verify",
): Promise<TemporaryDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`invalid database name prefix: ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const created = await psql(serverUrl, `CREATE DATABASE ${name}`);
  if (!created.ok) {
    throw new Error(`could not create database ${name} on ${redact(serverUrl)}: ${created.output}`);
  }
  let dropped = false;
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      if (dropped) return;
      let result = await psql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      // WITH (FORCE) needs PostgreSQL 13+.
      if (!result.ok && /syntax error/.test(result.output)) {
        result = await psql(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      }
      if (!result.ok) throw new Error(`could not drop database ${name}: ${result.output}`);
      dropped = true;
    },
  };
}

/** Runs `fn` with a fresh database and drops it afterwards, whatever happens. */
export async function withTemporaryDatabase<T>(
  serverUrl: string,
  fn: (database: TemporaryDatabase) => Promise<T>,
): Promise<T> {
  const database = await createTemporaryDatabase(serverUrl);
  let result: T;
  try {
    result = await fn(database);
  } catch (error) {
    // The original failure matters more than a failed clean-up.
    await database.drop().catch(() => undefined);
    throw error;
  }
  await database.drop();
  return result;
}
