/**
 * `npm run bench -- --only instructions`: the instructions the generated app and the baseline spend per
 * request, counted by valgrind's callgrind in process (bench/apps/instructions.py). Unlike req/s on a
 * shared machine, the count is the same on every run, so it shows what one change to the generated code
 * is worth. Slow (valgrind runs Python about 50 times slower): a few minutes.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { APPS_DIR, WORK_DIR } from "./paths.js";
import { run } from "./process.js";
import { type AppName, appEnvironment, appLocation } from "./servers.js";
import {
  benchDatabaseName,
  createDatabase,
  dropDatabase,
  ensureToolchain,
  installApps,
  script,
  venvBin,
} from "./setup.js";
import { buildWorkloads } from "./workloads.js";

const APPS: readonly AppName[] = ["generated", "baseline"];

export interface InstructionRow {
  readonly workload: string;
  readonly title: string;
  /** Instructions per HTTP request, by app. */
  readonly perRequest: Readonly<Record<string, number>>;
}

export interface InstructionOptions {
  readonly log: (line: string) => void;
  readonly project?: string | undefined;
  /** Uninstrumented requests (create: orders with their items) per workload before counting. */
  readonly warmup: number;
  /** Requests (create: orders with their items) counted per workload. */
  readonly iterations: number;
}

export const FULL_COUNTS = { warmup: 20, iterations: 50 } as const;
export const SMOKE_COUNTS = { warmup: 1, iterations: 2 } as const;

/** Runs a command with its output discarded (the apps log a line per request); stderr's tail on failure. */
function runQuiet(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new Error(`${command} exited with ${code}:\n${stderr.trim().split("\n").slice(-15).join("\n")}`),
        );
    });
  });
}

/** Instructions and requests of each dump callgrind wrote, by the workload id it was dumped under. */
async function readDumps(dir: string): Promise<Map<string, { instructions: number; requests: number }>> {
  const counts = new Map<string, { instructions: number; requests: number }>();
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, name), "utf8");
    const trigger = /^desc: Trigger: Client Request: (\S+) (\d+)$/m.exec(text);
    const totals = /^totals: (\d+)/m.exec(text);
    if (trigger?.[1] && trigger[2] && totals?.[1]) {
      counts.set(trigger[1], { instructions: Number(totals[1]), requests: Number(trigger[2]) });
    }
  }
  return counts;
}

export async function runInstructionBench(options: InstructionOptions): Promise<InstructionRow[]> {
  const { log } = options;
  log("setup: uv, PostgreSQL, valgrind");
  const toolchain = await ensureToolchain();
  const valgrind = await script("scripts/services/valgrind.sh");
  const shopDir = await installApps(toolchain.uv, options.project);
  const work = join(WORK_DIR, "instructions");
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const library = join(work, "libcallgrind.so");
  await run("cc", ["-O2", "-shared", "-fPIC", "-o", library, join(APPS_DIR, "callgrind.c")]);
  const database = await createDatabase(toolchain, shopDir, benchDatabaseName());
  const jwtSecret = randomBytes(24).toString("hex");
  const workloads = buildWorkloads(database.seed, jwtSecret);
  const plan = join(work, "workloads.json");
  await writeFile(
    plan,
    JSON.stringify({ warmup: options.warmup, iterations: options.iterations, workloads }),
  );
  const perApp = new Map<AppName, Map<string, { instructions: number; requests: number }>>();
  try {
    for (const app of APPS) {
      log(`instructions: ${app} under callgrind`);
      const { cwd, module } = appLocation(app, shopDir);
      const dumps = join(work, app);
      await mkdir(dumps);
      await runQuiet(
        valgrind,
        [
          "--tool=callgrind",
          "--instr-atstart=no",
          `--callgrind-out-file=${join(dumps, "callgrind.out.%p")}`,
          "--dump-line=no",
          venvBin(cwd, "python"),
          join(APPS_DIR, "instructions.py"),
          module,
          plan,
          library,
        ],
        cwd,
        appEnvironment(database.url, jwtSecret),
      );
      perApp.set(app, await readDumps(dumps));
    }
  } finally {
    await dropDatabase(database.url);
  }
  return workloads.map((workload) => {
    const perRequest: Record<string, number> = {};
    for (const app of APPS) {
      const count = perApp.get(app)?.get(workload.id);
      if (!count) throw new Error(`instructions: no count for ${app} on ${workload.id}`);
      perRequest[app] = count.instructions / count.requests;
    }
    return { workload: workload.id, title: workload.title, perRequest };
  });
}

export function renderInstructions(rows: readonly InstructionRow[]): string {
  const header = `${"workload".padEnd(40)}${"generated".padStart(12)}${"baseline".padStart(12)}  base/gen`;
  const lines = rows.map((row) => {
    const generated = row.perRequest.generated ?? Number.NaN;
    const baseline = row.perRequest.baseline ?? Number.NaN;
    const millions = (n: number) => `${(n / 1e6).toFixed(2)} M`.padStart(12);
    return `${row.title.padEnd(40)}${millions(generated)}${millions(baseline)}  ${(baseline / generated).toFixed(2)}×`;
  });
  return [
    "Instructions per request (callgrind, in process, after a warm-up; the same on every run)",
    "",
    header,
    "─".repeat(header.length),
    ...lines,
  ].join("\n");
}
