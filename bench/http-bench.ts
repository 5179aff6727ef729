/**
 * The HTTP benchmark: set up, check correctness, then load each workload on the three apps in
 * interleaved rounds (the order of the apps rotates each round, so drift on a shared machine spreads
 * over all three instead of landing on one).
 */
import { randomBytes } from "node:crypto";
import { cpus } from "node:os";
import { checkCorrectness, type Mismatch } from "./correctness.js";
import { hasCommand } from "./process.js";
import { APP_NAMES, type AppName, type Server, startServer } from "./servers.js";
import type { BenchSettings } from "./settings.js";
import {
  benchDatabaseName,
  createDatabase,
  dropDatabase,
  ensureToolchain,
  installApps,
  type SeedSummary,
} from "./setup.js";
import { buildWorkloads, type Workload } from "./workloads.js";
import { type LoadSettings, type RunStats, runWrk } from "./wrk.js";

export interface HttpBenchOptions extends BenchSettings {
  readonly log: (line: string) => void;
  /** An e-commerce project generated earlier, used instead of generating one with the current code. */
  readonly project?: string | undefined;
}

export interface Cell {
  readonly workload: string;
  readonly app: AppName;
  readonly runs: readonly RunStats[];
}

export interface HttpBenchResult {
  readonly workloads: readonly { readonly id: string; readonly title: string; readonly read: boolean }[];
  readonly cells: readonly Cell[];
  readonly mismatches: readonly Mismatch[];
  readonly pinned: boolean;
  readonly seed: SeedSummary;
  readonly options: BenchSettings;
  readonly seconds: number;
}

/** Servers on core 0, the load generator on core 1, when there are two cores and taskset. */
async function cpuPlan(): Promise<{ server: string | undefined; load: string | undefined }> {
  if (cpus().length >= 2 && (await hasCommand("taskset"))) return { server: "0", load: "1" };
  return { server: undefined, load: undefined };
}

async function loadAll(
  servers: readonly Server[],
  workloads: readonly Workload[],
  load: LoadSettings,
  options: HttpBenchOptions,
): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const workload of workloads) {
    const runs = new Map<AppName, RunStats[]>(servers.map((s) => [s.name, []]));
    if (options.warmupSeconds > 0) {
      for (const server of servers)
        await runWrk(server, workload, { ...load, seconds: options.warmupSeconds });
    }
    for (let round = 0; round < options.runs; round++) {
      const order = servers.map((_, k) => servers[(k + round) % servers.length] as Server);
      for (const server of order) {
        const stats = await runWrk(server, workload, load);
        runs.get(server.name)?.push(stats);
        options.log(
          `  ${workload.id} round ${round + 1} ${server.name}: ${stats.requestsPerSecond.toFixed(0)} req/s, p99 ${stats.p99Ms.toFixed(1)} ms, ${stats.cpuMsPerRequest.toFixed(2)} CPU ms/request, ${stats.errors} errors`,
        );
      }
    }
    for (const [app, appRuns] of runs) cells.push({ workload: workload.id, app, runs: appRuns });
  }
  return cells;
}

export async function runHttpBench(options: HttpBenchOptions): Promise<HttpBenchResult> {
  const started = performance.now();
  const log = options.log;
  log("setup: uv, wrk, PostgreSQL");
  const toolchain = await ensureToolchain();
  log(
    `setup: ${options.project ? "using" : "generating"} the e-commerce example, installing it and the comparison apps`,
  );
  const shopDir = await installApps(toolchain.uv, options.project);
  const databaseName = benchDatabaseName();
  log(`setup: database ${databaseName}: migrate, seed`);
  const database = await createDatabase(toolchain, shopDir, databaseName);
  const cpuSets = await cpuPlan();
  const jwtSecret = randomBytes(24).toString("hex");
  const servers: Server[] = [];
  try {
    log(`setup: starting ${APP_NAMES.join(", ")}`);
    const serverSettings = { databaseUrl: database.url, jwtSecret, serverCpus: cpuSets.server };
    const booted = await Promise.allSettled(
      APP_NAMES.map((name) => startServer(name, shopDir, serverSettings)),
    );
    for (const result of booted) if (result.status === "fulfilled") servers.push(result.value);
    const failed = booted.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    const workloads = buildWorkloads(database.seed, jwtSecret);
    log("correctness: same status codes and bodies from all three apps");
    const mismatches = await checkCorrectness(servers, workloads, database.seed, options.checkedRequests);
    const load: LoadSettings = {
      wrk: toolchain.wrk,
      connections: options.connections,
      seconds: options.seconds,
      loadCpus: cpuSets.load,
    };
    const cells = mismatches.length ? [] : await loadAll(servers, workloads, load, options);
    const { log: _log, project: _project, ...settings } = options;
    return {
      workloads: workloads.map((w) => ({ id: w.id, title: w.title, read: w.kind === "read" })),
      cells,
      mismatches,
      pinned: cpuSets.server !== undefined,
      seed: database.seed,
      options: settings,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await dropDatabase(database.url);
  }
}
