/**
 * Generation speed: `new` (no install) on every example and on a 50-entity blueprint, measured two
 * ways because they answer different questions: the in-process pipeline (load, plan, generate with
 * ruff formatting; what the library and MCP server pay per call once warm) and the CLI's wall time
 * (what a user waits: Node start-up, module and WebAssembly loading, writing the files). Then
 * `verify` of the minimal example with a warm uv cache (full mode only: it takes about a minute).
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateProject, loadBlueprintFile } from "../src/index.js";
import { planProject } from "../src/plan/plan.js";
import { REPO_ROOT, WORK_DIR } from "./paths.js";
import { run, timed } from "./process.js";
import { median } from "./report.js";

export interface GenerationRow {
  readonly blueprint: string;
  readonly entities: number;
  readonly files: number;
  /** The first in-process run (pays one-time initialisation such as loading ruff's WebAssembly). */
  readonly firstMs: number;
  /** Median of the following in-process runs. */
  readonly warmMs: number;
  /** Median wall time of `node dist/cli/main.js new`. */
  readonly cliMs: number;
}

export interface GenerationResult {
  readonly rows: readonly GenerationRow[];
  /** Wall time of `verify` on the minimal example with a warm uv cache, when measured. */
  readonly verifyMs?: number;
}

const FIELD_TYPES = ["string", "text", "int", "decimal", "bool", "date"] as const;

/** A 50-entity blueprint: five fields each, every other entity referring to the one before it. */
export function fiftyEntityBlueprint(): string {
  const lines = ["name: fifty", "auth: { kind: none }", "entities:"];
  for (let n = 1; n <= 50; n++) {
    const name = `Thing${String(n).padStart(2, "0")}`;
    lines.push(`  - name: ${name}`);
    if (n > 1 && n % 2 === 0) {
      lines.push(`    relations: [{ name: previous, to: Thing${String(n - 1).padStart(2, "0")} }]`);
    }
    lines.push("    fields:");
    lines.push("      - { name: label, max_length: 80, unique: true, sort: true }");
    FIELD_TYPES.slice(1).forEach((type, k) => {
      lines.push(`      - { name: field_${k + 1}, type: ${type}, required: false }`);
    });
  }
  return `${lines.join("\n")}\n`;
}

async function blueprintFiles(): Promise<string[]> {
  const examples = join(REPO_ROOT, "examples");
  const names = (await readdir(examples)).filter((f) => f.endsWith(".yaml")).sort();
  const fifty = join(WORK_DIR, "fifty-entities.yaml");
  await mkdir(WORK_DIR, { recursive: true });
  await writeFile(fifty, fiftyEntityBlueprint());
  return [...names.map((n) => join(examples, n)), fifty];
}

async function inProcessMs(file: string): Promise<{ ms: number; files: number; entities: number }> {
  const started = performance.now();
  const blueprint = await loadBlueprintFile(file);
  planProject(blueprint);
  const tree = await generateProject(blueprint);
  return {
    ms: performance.now() - started,
    files: [...tree.files()].length,
    entities: blueprint.entities.length,
  };
}

async function cliMs(file: string, target: string): Promise<number> {
  await rm(target, { recursive: true, force: true });
  return timed(process.execPath, [
    join(REPO_ROOT, "dist", "cli", "main.js"),
    "new",
    target,
    "--blueprint",
    file,
  ]);
}

export async function runGenerationBench(options: {
  smoke: boolean;
  /** The uv binary (verify's cache is warmed with it). */
  uv: string;
  log: (line: string) => void;
}): Promise<GenerationResult> {
  const warmRuns = options.smoke ? 1 : 5;
  const cliRuns = options.smoke ? 1 : 3;
  const rows: GenerationRow[] = [];
  for (const file of await blueprintFiles()) {
    const name = file.split("/").at(-1)?.replace(".yaml", "") ?? file;
    options.log(`generation: ${name}`);
    const first = await inProcessMs(file);
    const warm: number[] = [];
    for (let k = 0; k < warmRuns; k++) warm.push((await inProcessMs(file)).ms);
    const cli: number[] = [];
    for (let k = 0; k < cliRuns; k++) cli.push(await cliMs(file, join(WORK_DIR, "generated", name)));
    rows.push({
      blueprint: name,
      entities: first.entities,
      files: first.files,
      firstMs: first.ms,
      warmMs: median(warm),
      cliMs: median(cli),
    });
  }
  if (options.smoke) return { rows };
  options.log("verify: minimal example, warm uv cache");
  const minimal = join(WORK_DIR, "generated", "minimal");
  const env = { ...process.env, UV_PYTHON_DOWNLOADS: "never", UV_NO_PROGRESS: "1" };
  // Warms the cache with exactly what verify installs, so the measured run downloads nothing.
  await run(options.uv, ["sync"], { cwd: minimal, env });
  const verify = [join(REPO_ROOT, "dist", "cli", "main.js"), "verify", minimal];
  const verifyMs = await timed(process.execPath, verify, { env });
  return { rows, verifyMs };
}

export function renderGeneration(result: GenerationResult): string {
  const header = `${"blueprint".padEnd(16)} ${"entities".padStart(8)} ${"files".padStart(6)} ${"first ms".padStart(9)} ${"warm ms".padStart(8)} ${"CLI ms".padStart(7)}`;
  const lines = ["Generation (`new`, no install)", "", header, "─".repeat(header.length)];
  for (const r of result.rows) {
    lines.push(
      `${r.blueprint.padEnd(16)} ${String(r.entities).padStart(8)} ${String(r.files).padStart(6)} ${r.firstMs.toFixed(0).padStart(9)} ${r.warmMs.toFixed(0).padStart(8)} ${r.cliMs.toFixed(0).padStart(7)}`,
    );
  }
  const fifty = result.rows.find((r) => r.entities === 50);
  if (fifty) {
    const met = fifty.cliMs < 300 && fifty.warmMs < 300;
    lines.push(
      "",
      `target new < 0.3 s for 50 entities: in process ${(fifty.warmMs / 1000).toFixed(2)} s warm, CLI ${(fifty.cliMs / 1000).toFixed(2)} s wall — ${met ? "met" : "NOT met"}`,
    );
  }
  if (result.verifyMs !== undefined) {
    lines.push(`verify (minimal example, warm uv cache): ${(result.verifyMs / 1000).toFixed(1)} s`);
  }
  return lines.join("\n");
}
