/**
 * `npm run bench`: the HTTP benchmark (generated app vs hand-tuned raw asyncpg vs plain ORM) and the
 * generation-speed benchmark, printed as tables; results also go to .tmp/bench/results.json.
 * The exit code is 1 when the apps disagree on a response or a run had errors; the speed targets are
 * reported with their measured ratios, not enforced (a shared machine's load would make that a coin toss).
 *
 *   npm run bench                      full run (≈ 8 minutes on 2 cores)
 *   npm run bench -- --smoke           one short run per workload: correctness and completion only
 *   npm run bench -- --only http       or --only generation
 *   npm run bench -- --only instructions  instructions per request under callgrind, generated and
 *                                      baseline (not in the default run: a few minutes under valgrind)
 *   npm run bench -- --project DIR     load an e-commerce project generated earlier (e.g. by an older
 *                                      version, to measure a generator change) instead of generating it
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderGeneration, runGenerationBench } from "./generation.js";
import { runHttpBench } from "./http-bench.js";
import { FULL_COUNTS, renderInstructions, runInstructionBench, SMOKE_COUNTS } from "./instructions.js";
import { WORK_DIR } from "./paths.js";
import { renderMismatches, renderTable, renderTargets } from "./report.js";
import { FULL, SMOKE } from "./settings.js";
import { ensureToolchain } from "./setup.js";

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: "boolean", default: false },
      only: { type: "string" },
      project: { type: "string" },
    },
  });
  const sections = values.only ? values.only.split(",") : ["http", "generation"];
  const settings = values.smoke ? SMOKE : FULL;
  const results: Record<string, unknown> = {};
  let ok = true;

  if (sections.includes("http")) {
    const http = await runHttpBench({ ...settings, log, project: values.project });
    results.http = http;
    if (http.mismatches.length) {
      process.stdout.write(
        `correctness FAILED: ${http.mismatches.length} differences\n${renderMismatches(http)}\n`,
      );
      ok = false;
    } else {
      const pinning = http.pinned
        ? "server on CPU 0, wrk on CPU 1"
        : "not pinned (fewer than 2 CPUs or no taskset)";
      process.stdout.write(
        `\nHTTP: ${settings.runs} run(s) of ${settings.seconds} s per app and workload, ${settings.connections} connections, ${pinning}; ` +
          `${http.seed.products} products, ${http.seed.orders} orders with ${http.seed.orderItems} items; medians\n\n`,
      );
      process.stdout.write(`${renderTable(http)}\n\n${renderTargets(http)}\n`);
      if (http.cells.some((c) => c.runs.some((r) => r.errors > 0))) ok = false;
    }
  }
  if (sections.includes("generation")) {
    const { uv } = await ensureToolchain();
    const generation = await runGenerationBench({ smoke: values.smoke ?? false, uv, log });
    results.generation = generation;
    process.stdout.write(`\n${renderGeneration(generation)}\n`);
  }
  if (sections.includes("instructions")) {
    const counts = values.smoke ? SMOKE_COUNTS : FULL_COUNTS;
    const instructions = await runInstructionBench({ log, project: values.project, ...counts });
    results.instructions = instructions;
    process.stdout.write(`\n${renderInstructions(instructions)}\n`);
  }
  await mkdir(WORK_DIR, { recursive: true });
  await writeFile(join(WORK_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
