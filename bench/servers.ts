/**
 * The three servers under test, started with identical settings: one uvicorn worker with uvloop and
 * httptools, uvicorn's own access log off (every app writes one JSON line per request itself), pinned
 * (all threads) to one core with taskset once ready, so the load generator can have the other.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { APPS_DIR, WORK_DIR } from "./paths.js";
import { freePort, run } from "./process.js";
import { venvBin } from "./setup.js";

export type AppName = "generated" | "baseline" | "plain";
export const APP_NAMES: readonly AppName[] = ["generated", "baseline", "plain"];

export interface Server {
  readonly name: AppName;
  readonly url: string;
  readonly log: string;
  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds of a process from /proc (fields 14 and 15, after the parenthesised command name). */
async function processCpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export interface ServerSettings {
  readonly databaseUrl: string;
  readonly jwtSecret: string;
  /** CPU list for taskset (e.g. "0"), or undefined to not pin. */
  readonly serverCpus: string | undefined;
}

/** The environment every app runs with, served or counted in process. */
export function appEnvironment(databaseUrl: string, jwtSecret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    ENVIRONMENT: "production",
    // Every app serves requests over the same ten connections, kept open: the generated app's requests
    // never use overflow connections, and overflow ones would be closed and reopened under load.
    DB_POOL_SIZE: "10",
    DB_MAX_OVERFLOW: "0",
  };
}

export function appLocation(name: AppName, shopDir: string): { cwd: string; module: string } {
  if (name === "generated") return { cwd: shopDir, module: "shop.main:app" };
  return { cwd: APPS_DIR, module: `${name}:app` };
}

async function waitReady(url: string, child: ChildProcess, log: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${log}`);
    try {
      const response = await fetch(`${url}/health/live`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} not ready within ${timeoutMs / 1000} s; see ${log}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      const pid = child.pid;
      const kill = setTimeout(() => process.kill(-pid, "SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      // The server runs in its own process group (detached): this reaches any process it started.
      process.kill(-pid, "SIGTERM");
    });
}

export async function startServer(name: AppName, shopDir: string, settings: ServerSettings): Promise<Server> {
  const port = await freePort();
  const { cwd, module } = appLocation(name, shopDir);
  const logDir = join(WORK_DIR, "logs");
  await mkdir(logDir, { recursive: true });
  const log = join(logDir, `${name}.log`);
  const uvicorn = [
    venvBin(cwd, "python"),
    "-m",
    "uvicorn",
    module,
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--workers",
    "1",
    "--loop",
    "uvloop",
    "--http",
    "httptools",
    "--no-access-log",
    "--log-level",
    "warning",
  ];
  const argv = uvicorn;
  // The server writes its log straight into the file: no pipe through this process under load.
  const out = openSync(log, "w");
  const child = spawn(argv[0] ?? "", argv.slice(1), {
    cwd,
    detached: true,
    stdio: ["ignore", out, out],
    env: appEnvironment(settings.databaseUrl, settings.jwtSecret),
  });
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    name,
    url,
    log,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: stopper(child),
  };
  try {
    await waitReady(url, child, log, 60_000);
    // Pinned once ready, so the three servers import and boot in parallel on both cores first.
    if (settings.serverCpus && child.pid !== undefined) {
      await run("taskset", ["-a", "-p", "-c", settings.serverCpus, String(child.pid)]);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
