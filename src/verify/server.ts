/**
 * A generated project's server as a child process for the boot and fuzz steps: a free loopback port,
 * its serve command (from its profile) run with the project's own virtualenv, readiness polling, and a SIGTERM shutdown that
 * is measured (and escalated to SIGKILL when it takes too long).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fill } from "./profile.js";

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopResult extends ServerExit {
  /** Milliseconds from SIGTERM to exit. */
  ms: number;
  /** False when the server outlived the grace period and was killed. */
  stoppedInTime: boolean;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Set once the process has exited on its own or been stopped. */
  exit(): ServerExit | undefined;
  /** Resolves when the process exits. */
  exited: Promise<ServerExit>;
  /** SIGTERM, then SIGKILL after `graceMs`; safe to call twice. */
  stop(graceMs?: number): Promise<StopResult>;
}

const MAX_OUTPUT = 2 * 1024 * 1024;
const GROUPS = process.platform !== "win32";
const live = new Set<ChildProcess>();
let exitHook = false;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (GROUPS) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // gone already
  }
}

/** Kills every server still running; for a verify interrupted by a signal. */
export function killAllServers(): void {
  for (const child of live) signalGroup(child, "SIGKILL");
}

export interface StartServerOptions {
  /** The project's interpreter (its venv's python). */
  python: string;
  /** The command line, `{port}` filled in; its first word is a program of the project's virtualenv. */
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port?: number;
  onOutput?: (chunk: string) => void;
}

/** Starts the project's serve command on a free loopback port; does not wait for readiness. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  let output = "";
  const append = (text: string): void => {
    output += text;
    if (output.length > MAX_OUTPUT * 1.25) output = output.slice(output.length - MAX_OUTPUT);
    options.onOutput?.(text);
  };
  const [program = "python", ...args] = fill(options.argv, { port: String(port) });
  // The virtualenv's own programs, by path: PATH may hold other versions, or none.
  const executable = program === "python" ? options.python : join(dirname(options.python), program);
  const child = spawn(executable, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: GROUPS,
  });
  live.add(child);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const c of live) signalGroup(c, "SIGKILL");
    });
  }
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", append);
  child.stderr.on("data", append);

  let exit: ServerExit | undefined;
  const exited = new Promise<ServerExit>((resolve) => {
    child.on("error", (error) => {
      append(`could not start ${options.python}: ${error.message}\n`);
      exit = { code: 127, signal: null };
      live.delete(child);
      resolve(exit);
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      live.delete(child);
      resolve(exit);
    });
  });

  let stopping: Promise<StopResult> | undefined;
  const stop = (graceMs = 10_000): Promise<StopResult> => {
    stopping ??= (async () => {
      const started = performance.now();
      if (exit) return { ...exit, ms: 0, stoppedInTime: true };
      // Only the server itself: its own graceful shutdown is what is being measured.
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), graceMs);
        }),
      ]);
      if (timer) clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      if (timedOut) {
        signalGroup(child, "SIGKILL");
        const killed = await exited;
        return { ...killed, ms, stoppedInTime: false };
      }
      // Anything the server started (reloaders, workers) goes with it.
      signalGroup(child, "SIGKILL");
      return { ...(exit ?? { code: null, signal: null }), ms, stoppedInTime: true };
    })();
    return stopping;
  };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    exit: () => exit,
    exited,
    stop,
  };
}

export interface HttpResult {
  status: number;
  body: string;
}

/** One HTTP request with a timeout; network errors come back as status 0 and the message as body. */
export async function request(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<HttpResult> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { status: 0, body: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

export type Readiness =
  | { ok: true; ms: number }
  | { ok: false; ms: number; reason: string; lastStatus?: number; lastBody?: string };

/** Polls `path` until it answers 200, the server exits, or `timeoutMs` passes. */
export async function waitUntilReady(
  server: RunningServer,
  path: string,
  timeoutMs: number,
): Promise<Readiness> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let last: HttpResult | undefined;
  while (elapsed() < timeoutMs) {
    const exit = server.exit();
    if (exit) {
      const how = exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
      return { ok: false, ms: elapsed(), reason: `the server exited during startup (${how})` };
    }
    last = await request(`${server.baseUrl}${path}`, {}, 2000);
    if (last.status === 200) return { ok: true, ms: elapsed() };
    await new Promise((resolve) => setTimeout(resolve, last?.status === 0 ? 100 : 250));
  }
  const reason =
    last && last.status !== 0
      ? `GET ${path} answered ${last.status}, not 200, for ${Math.round(timeoutMs / 1000)} s`
      : `GET ${path} got no answer within ${Math.round(timeoutMs / 1000)} s`;
  return { ok: false, ms: elapsed(), reason, lastStatus: last?.status, lastBody: last?.body };
}
