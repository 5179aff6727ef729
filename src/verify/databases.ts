/**
 * Scratch databases for one verification run. SQLite: a file in the run's private directory. A server
 * database (--database-url postgresql://…): a fresh database `verify_<random>` on that server, created
 * and dropped with the project's own driver (so no client tools or Node drivers are needed), and never
 * the database of the URL itself: the project's tests drop every table of the one they get. Every URL
 * handed to the project has the scheme its profile asks for (e.g. `postgresql+asyncpg`).
 */
import { randomBytes } from "node:crypto";
import { createConnection } from "node:net";
import { join } from "node:path";
import type { CommandResult } from "./run-command.js";
import { lastMeaningfulLine } from "./summaries.js";

export type DatabaseKind = "sqlite" | "postgresql" | "mysql" | "other";

export function databaseKind(url: string): DatabaseKind {
  const scheme = /^([a-z0-9]+)(\+[a-z0-9_]+)?:/i.exec(url)?.[1]?.toLowerCase() ?? "";
  if (scheme === "sqlite") return "sqlite";
  if (scheme === "postgresql" || scheme === "postgres") return "postgresql";
  if (scheme === "mysql" || scheme === "mariadb") return "mysql";
  return "other";
}

const LABEL: Record<DatabaseKind, string> = {
  sqlite: "SQLite",
  postgresql: "PostgreSQL",
  mysql: "MySQL",
  other: "database",
};

export function databaseLabel(url: string): string {
  return LABEL[databaseKind(url)];
}

/** The URL with its password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/** The same server URL pointing at another database (query string kept). */
export function withDatabaseName(url: string, name: string): string {
  const match = /^([^:]+:\/\/[^/?#]*)(\/[^?#]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error(`not a database URL: ${redactUrl(url)}`);
  return `${match[1]}/${name}${match[3] ?? ""}`;
}

export function hostAndPort(url: string): { host: string; port: number } | undefined {
  const match = /^[^:]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]*)(?::(\d+))?/.exec(url);
  if (!match) return undefined;
  const host = (match[1] ?? "").replace(/^\[|\]$/g, "") || "localhost";
  const defaults: Record<DatabaseKind, number> = { postgresql: 5432, mysql: 3306, sqlite: 0, other: 0 };
  const port = match[2] ? Number(match[2]) : defaults[databaseKind(url)];
  return port ? { host, port } : undefined;
}

/** Whether something accepts TCP connections at host:port; the error message when not. */
export function probeTcp(host: string, port: number, timeoutMs = 3000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (error?: string): void => {
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs / 1000} s`));
    socket.once("connect", () => done());
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** "PostgreSQL at 127.0.0.1:55432 is not reachable (ECONNREFUSED): start it …", or undefined when it is. */
export async function checkDatabaseReachable(url: string): Promise<string | undefined> {
  if (databaseKind(url) === "sqlite") return undefined;
  const target = hostAndPort(url);
  if (!target) return undefined;
  const error = await probeTcp(target.host, target.port);
  if (!error) return undefined;
  return (
    `${databaseLabel(url)} at ${target.host}:${target.port} (--database-url ${redactUrl(url)}) is not reachable (${error}). ` +
    "Start it — the project's compose.yaml has one: `docker compose up -d db` — or pass another --database-url."
  );
}

/** Creates or drops a PostgreSQL database with the driver the project has (psycopg or asyncpg). */
const SCRATCH_SCRIPT = `
import sys
from urllib.parse import unquote, urlsplit

action, url, name = sys.argv[1:4]
parts = urlsplit(url)
if parts.scheme.split("+")[0] not in ("postgresql", "postgres"):
    sys.exit(f"scratch databases need a PostgreSQL server, not {parts.scheme}")
sql = f'CREATE DATABASE "{name}"' if action == "create" else f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
server = {
    "host": parts.hostname or "localhost",
    "port": parts.port or 5432,
    "user": unquote(parts.username or ""),
    "password": unquote(parts.password or ""),
}
database = parts.path.lstrip("/") or "postgres"
try:
    import psycopg
except ImportError:
    import asyncio

    import asyncpg

    async def main() -> None:
        connection = await asyncpg.connect(database=database, **server)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(main())
else:
    with psycopg.connect(dbname=database, autocommit=True, **server) as connection:
        connection.execute(sql)
`;

export type PythonRunner = (args: readonly string[]) => Promise<CommandResult>;

/** URL schemes per database kind, from the project's profile. */
export type DriverSchemes = () => Promise<{ readonly sqlite?: string; readonly postgresql?: string }>;

/** The URL with its scheme replaced (`postgresql://…` → `postgresql+psycopg://…`). */
export function withScheme(url: string, scheme: string | undefined): string {
  return scheme ? url.replace(/^[^:]+:/, `${scheme}:`) : url;
}

/** Hands out the databases of one run and drops the server ones at the end. */
export class ScratchDatabases {
  private readonly created: { name: string }[] = [];

  /**
   * @param serverUrl the --database-url (undefined or SQLite: everything on scratch SQLite files)
   * @param scratchDir the run's private directory
   * @param python runs `python <args>` in the project's environment (`uv run python …`)
   * @param schemes the project's URL schemes
   */
  constructor(
    readonly serverUrl: string | undefined,
    private readonly scratchDir: string,
    private readonly python: PythonRunner,
    private readonly schemes: DriverSchemes,
  ) {}

  get onServer(): boolean {
    return !!this.serverUrl && databaseKind(this.serverUrl) !== "sqlite";
  }

  /** A fresh, empty database for `purpose` (e.g. "migrations"); throws with a clear message on failure. */
  async create(purpose: string): Promise<string> {
    const schemes = await this.schemes();
    if (!this.onServer || !this.serverUrl) {
      const file = join(this.scratchDir, `${purpose}-${randomBytes(3).toString("hex")}.db`);
      return `${schemes.sqlite ?? "sqlite"}:///${file}`;
    }
    const name = `verify_${purpose.replace(/[^a-z0-9]/g, "")}_${randomBytes(5).toString("hex")}`;
    const result = await this.python(["-c", SCRATCH_SCRIPT, "create", this.serverUrl, name]);
    if (result.exitCode !== 0) {
      throw new Error(
        `could not create a scratch database on ${redactUrl(this.serverUrl)}: ${lastMeaningfulLine(result.output, 300)} ` +
          "(verify needs a role that may CREATE DATABASE; it never runs the tests on the database of the URL itself)",
      );
    }
    this.created.push({ name });
    return withScheme(withDatabaseName(this.serverUrl, name), schemes.postgresql);
  }

  /** Drops every server database this run created; returns the problems instead of throwing. */
  async dropAll(): Promise<string[]> {
    const problems: string[] = [];
    while (this.created.length > 0) {
      const { name } = this.created.pop() as { name: string };
      if (!this.serverUrl) continue;
      const result = await this.python(["-c", SCRATCH_SCRIPT, "drop", this.serverUrl, name]);
      if (result.exitCode !== 0)
        problems.push(`could not drop ${name}: ${lastMeaningfulLine(result.output)}`);
    }
    return problems;
  }
}
