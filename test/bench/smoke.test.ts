/**
 * The benchmark's smoke mode as part of the test run: set up the three apps on a seeded PostgreSQL,
 * prove they answer the same, and load each workload once, briefly. Speed is not asserted here (a
 * shared CI machine is too noisy for that); `npm run bench` measures it.
 */
import { describe, expect, it } from "vitest";
import { runHttpBench } from "../../bench/http-bench.js";
import { runInstructionBench, SMOKE_COUNTS } from "../../bench/instructions.js";
import { hasCommand } from "../../bench/process.js";
import { SMOKE } from "../../bench/settings.js";

// Outside CI, a machine without wrk skips (installing it needs root); CI installs it (scripts/test.sh).
const missingWrk = !process.env.CI && !(await hasCommand("wrk"));

describe.skipIf(missingWrk)("bench --smoke", () => {
  it("answers the same on all three apps and completes every workload without errors", async () => {
    const result = await runHttpBench({ ...SMOKE, log: () => {} });

    expect(result.mismatches).toEqual([]);
    expect(result.cells).toHaveLength(result.workloads.length * 3);
    for (const cell of result.cells) {
      expect(cell.runs, `${cell.workload} on ${cell.app}`).toHaveLength(1);
      expect(cell.runs[0]?.requests, `${cell.workload} on ${cell.app}`).toBeGreaterThan(0);
      expect(cell.runs[0]?.errors, `${cell.workload} on ${cell.app}`).toBe(0);
    }
  }, 180_000);
});

// Likewise valgrind and a C compiler for the instruction counts (scripts/test.sh installs them in CI).
const missingValgrind = !process.env.CI && !((await hasCommand("valgrind")) && (await hasCommand("cc")));

describe.skipIf(missingValgrind)("bench --only instructions --smoke", () => {
  it("counts the instructions of every workload's requests on the generated app and the baseline", async () => {
    const rows = await runInstructionBench({ log: () => {}, ...SMOKE_COUNTS });

    expect(rows.map((row) => row.workload)).toEqual(["product", "products", "orders", "create", "filter"]);
    for (const row of rows) {
      expect(row.perRequest.generated, row.workload).toBeGreaterThan(0);
      expect(row.perRequest.baseline, row.workload).toBeGreaterThan(0);
    }
  }, 600_000);
});
