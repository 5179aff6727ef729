/** One wrk run against one server, parsed into the numbers the report shows. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { WORK_DIR } from "./paths.js";
import { run } from "./process.js";
import type { Workload } from "./workloads.js";
import { RESULT_MARKER, wrkScript } from "./wrk-script.js";

export interface LoadSettings {
  readonly wrk: string;
  readonly connections: number;
  readonly seconds: number;
  /** CPU list for taskset (the core the servers do not use), or undefined to not pin. */
  readonly loadCpus: string | undefined;
}

export interface RunStats {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Socket errors, timeouts and responses that were not 2xx/3xx. */
  readonly errors: number;
  readonly requests: number;
  /** Server CPU time per request (ms): robust to other load on the machine, unlike req/s. */
  readonly cpuMsPerRequest: number;
}

interface WrkJson {
  requests: number;
  duration_us: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50_us: number;
  p99_us: number;
}

export function parseWrkOutput(stdout: string): Omit<RunStats, "cpuMsPerRequest"> {
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
  if (!line) throw new Error(`wrk printed no result line:\n${stdout.slice(-2000)}`);
  const r = JSON.parse(line.slice(RESULT_MARKER.length)) as WrkJson;
  return {
    requestsPerSecond: r.requests / (r.duration_us / 1e6),
    p50Ms: r.p50_us / 1000,
    p99Ms: r.p99_us / 1000,
    errors: r.connect + r.read + r.write + r.status + r.timeout,
    requests: r.requests,
  };
}

export async function runWrk(
  server: { url: string; cpuSeconds(): Promise<number> },
  workload: Workload,
  settings: LoadSettings,
): Promise<RunStats> {
  const script = join(WORK_DIR, `wrk-${workload.id}.lua`);
  await writeFile(script, wrkScript(workload));
  const wrkArgs = [
    "-t1",
    `-c${settings.connections}`,
    `-d${settings.seconds}s`,
    "--timeout",
    "10s",
    "-s",
    script,
    server.url,
  ];
  const argv = settings.loadCpus
    ? ["taskset", "-c", settings.loadCpus, settings.wrk, ...wrkArgs]
    : [settings.wrk, ...wrkArgs];
  const cpuBefore = await server.cpuSeconds();
  const { stdout } = await run(argv[0] ?? "", argv.slice(1), { timeoutMs: (settings.seconds + 60) * 1000 });
  const cpu = (await server.cpuSeconds()) - cpuBefore;
  const stats = parseWrkOutput(stdout);
  await drained(server);
  return { ...stats, cpuMsPerRequest: stats.requests ? (cpu * 1000) / stats.requests : Number.NaN };
}

/**
 * Waits until the server has finished the requests still in flight when wrk stopped: its CPU time stays
 * put for a moment. The plain app's queued requests kept the server core and PostgreSQL busy for seconds
 * after its runs, which slowed whichever app ran next.
 */
async function drained(server: { cpuSeconds(): Promise<number> }, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await server.cpuSeconds();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await server.cpuSeconds();
    if (now === last) return;
    last = now;
  }
}
