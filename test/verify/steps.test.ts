import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STEP_NAMES, type StepResult, verifyProject } from "../../src/verify/steps.js";

// A stand-in for uv: logs each call with the variables verification must set, prints what the real tools
// print, and fails when its arguments contain $FAKE_UV_FAIL.
const FAKE_UV = `#!/bin/sh
echo "$* | DATABASE_URL=\${DATABASE_URL:-} | $UV_PYTHON_DOWNLOADS $UV_NO_PROGRESS" >> "$FAKE_UV_LOG"
if [ -n "$FAKE_UV_FAIL" ]; then
  case "$*" in *"$FAKE_UV_FAIL"*) echo "fake failure of: $*"; exit 1 ;; esac
fi
case "$*" in
  "sync") echo "Resolved 10 packages in 5ms"; echo "Installed 9 packages in 20ms" ;;
  "run ruff check .") echo "All checks passed!" ;;
  "run ruff format --check .") echo "7 files already formatted" ;;
  "run mypy") echo "Success: no issues found in 7 source files" ;;
  "run pytest"*) echo "TOTAL   100   4   96%"; echo "===== 12 passed in 0.50s =====" ;;
esac
`;

describe("verifyProject (with a fake uv)", () => {
  let dir: string;
  let uv: string;
  let log: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-steps-"));
    uv = join(dir, "uv");
    log = join(dir, "calls.log");
    await writeFile(uv, FAKE_UV);
    await chmod(uv, 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(fail: string, options: Parameters<typeof verifyProject>[1] = {}) {
    await writeFile(log, "");
    const seen: StepResult[] = [];
    const results = await verifyProject(dir, {
      uv,
      env: { FAKE_UV_LOG: log, FAKE_UV_FAIL: fail },
      onStep: (r) => seen.push(r),
      ...options,
    });
    expect(seen).toEqual(results);
    const calls = (await readFile(log, "utf8")).trim().split("\n").filter(Boolean);
    return { results, calls };
  }

  it("runs every step in order, with summaries", async () => {
    const { results, calls } = await run("");
    expect(results.map((r) => r.step)).toEqual(["install", "lint", "types", "migrations", "tests"]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.summary)).toEqual([
      "Installed 9 packages in 20ms",
      "All checks passed!; 7 files already formatted",
      "Success: no issues found in 7 source files",
      "upgrade head applied; alembic check: models match",
      "12 passed, 96% coverage",
    ]);
    expect(calls.map((c) => c.split(" | ")[0])).toEqual([
      "sync",
      "run ruff check .",
      "run ruff format --check .",
      "run mypy",
      "run alembic upgrade head",
      "run alembic check",
      "run pytest --cov --cov-report=term --cov-fail-under=90",
    ]);
    expect(calls.every((c) => c.endsWith("| never 1"))).toBe(true);
  });

  it("migrates a scratch SQLite file and leaves the tests' database alone when no URL is given", async () => {
    const { calls } = await run("");
    const migrate = calls.find((c) => c.startsWith("run alembic upgrade"));
    expect(migrate).toMatch(
      /DATABASE_URL=sqlite\+aiosqlite:\/\/\/\/.*python-specialist-verify-[^/]+\/verify\.db/,
    );
    expect(calls.find((c) => c.startsWith("run pytest"))).toContain("DATABASE_URL= |");
  });

  it("passes a given database URL to migrations and tests", async () => {
    const url = "postgresql+asyncpg://ps:ps@127.0.0.1:55432/verify_x";
    const { calls } = await run("", { databaseUrl: url, coverageThreshold: 80 });
    expect(calls.find((c) => c.startsWith("run alembic check"))).toContain(`DATABASE_URL=${url}`);
    const pytest = calls.find((c) => c.startsWith("run pytest"));
    expect(pytest).toContain("--cov-fail-under=80");
    expect(pytest).toContain(`DATABASE_URL=${url}`);
  });

  it("stops after the first failing step and keeps its output", async () => {
    const { results, calls } = await run("mypy");
    expect(results.map((r) => [r.step, r.ok])).toEqual([
      ["install", true],
      ["lint", true],
      ["types", false],
    ]);
    expect(results[2]?.output).toContain("$ uv run mypy");
    expect(results[2]?.output).toContain("fake failure of: run mypy");
    expect(calls.some((c) => c.startsWith("run alembic"))).toBe(false);
  });

  it("runs both ruff commands even when the lint check fails", async () => {
    const { results, calls } = await run("ruff check");
    expect(results.at(-1)).toMatchObject({ step: "lint", ok: false });
    expect(calls.map((c) => c.split(" | ")[0])).toContain("run ruff format --check .");
  });

  it("does not run alembic check when the upgrade fails", async () => {
    const { results, calls } = await run("upgrade");
    expect(results.at(-1)).toMatchObject({ step: "migrations", ok: false });
    expect(results.at(-1)?.summary).toMatch(/^alembic upgrade head failed: fake failure/);
    expect(calls.some((c) => c.startsWith("run alembic check"))).toBe(false);
  });

  it("runs only the selected steps", async () => {
    const { results } = await run("", { steps: ["install", "tests"] });
    expect(results.map((r) => r.step)).toEqual(["install", "tests"]);
    await expect(verifyProject(dir, { uv, steps: ["boot"] })).rejects.toThrow(/unknown verification step/);
    expect(STEP_NAMES).toEqual(["install", "lint", "types", "migrations", "tests"]);
  });

  it("reports a missing uv as a failed first step", async () => {
    const results = await verifyProject(dir, { uv: join(dir, "no-such-uv") });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ step: "install", ok: false });
    expect(results[0]?.output).toContain("could not run");
  });
});
