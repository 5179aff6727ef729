import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STEP_NAMES, selectSteps, verifyProject } from "../../src/verify/steps.js";
import type { StepResult } from "../../src/verify/types.js";

// A stand-in for uv: logs each call with the variables verification must set, prints what the real tools
// print, and fails when its arguments contain $FAKE_UV_FAIL.
const FAKE_UV = `#!/bin/sh
call="$*"
echo "$call | DATABASE_URL=\${DATABASE_URL:-} | $UV_PYTHON_DOWNLOADS $UV_NO_PROGRESS" >> "$FAKE_UV_LOG"
if [ "$call" = "run alembic check" ] && [ "$FAKE_UV_FAIL" = "check" ]; then
  echo "  FAILED: New upgrade operations detected: [fake]"; exit 255
fi
if [ -n "$FAKE_UV_FAIL" ]; then
  case "$call" in *"$FAKE_UV_FAIL"*) echo "fake failure of: $call"; exit 1 ;; esac
fi
case "$call" in
  "--version") echo "uv 0.13.8 (fake)" ;;
  "sync") echo "Resolved 10 packages in 5ms"; echo "Installed 9 packages in 20ms" ;;
  "run ruff check --output-format=concise .") echo "All checks passed!" ;;
  "run ruff format --check .") echo "7 files already formatted" ;;
  "run mypy") echo "Success: no issues found in 7 source files" ;;
  "run pytest"*) echo "TOTAL   100   4   96%"; echo "===== 12 passed in 0.50s =====" ;;
esac
`;

const BASE_STEPS = ["install", "lint", "types", "migrations", "tests"];

// The project's profile, as the FastAPI target writes it.
const PYPROJECT = `[tool.python-specialist]
framework = "fastapi"
serve = ["python", "-m", "uvicorn", "demo.main:app", "--port", "{port}"]
migrate = ["alembic", "upgrade", "head"]
check-migrations = ["alembic", "check"]
database-drivers = { sqlite = "sqlite+aiosqlite", postgresql = "postgresql+asyncpg" }
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
    await writeFile(join(dir, "pyproject.toml"), PYPROJECT);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(fail: string, options: Parameters<typeof verifyProject>[1] = {}) {
    await writeFile(log, "");
    const seen: StepResult[] = [];
    const results = await verifyProject(dir, {
      uv,
      steps: BASE_STEPS,
      env: { FAKE_UV_LOG: log, FAKE_UV_FAIL: fail },
      onStep: (r) => seen.push(r),
      ...options,
    });
    expect(seen).toEqual(results);
    const calls = (await readFile(log, "utf8"))
      .trim()
      .split("\n")
      .filter((c) => c && !c.startsWith("--version"));
    const ran = results.filter((r) => r.status !== "skipped");
    const raw = await readFile(log, "utf8");
    return { results, ran, calls, raw };
  }

  it("runs every step in order, with summaries, and reports the others as skipped", async () => {
    const { results, ran, calls } = await run("");
    expect(results.map((r) => [r.step, r.status])).toEqual([
      ["toolchain", "passed"],
      ["install", "passed"],
      ["lint", "passed"],
      ["types", "passed"],
      ["migrations", "passed"],
      ["tests", "passed"],
      ["boot", "skipped"],
      ["fuzz", "skipped"],
    ]);
    expect(results.at(-1)?.summary).toBe("skipped (not in --only)");
    expect(ran.slice(1).map((r) => r.summary)).toEqual([
      "Installed 9 packages in 20ms",
      "All checks passed!; 7 files already formatted",
      "Success: no issues found in 7 source files",
      "alembic upgrade head applied; alembic check: models match",
      "12 passed, 96% coverage",
    ]);
    expect(ran[0]?.summary).toMatch(/^Python 3\.\d+\.\d+, uv 0\.13\.8$/);
    expect(results.find((r) => r.step === "tests")?.metrics).toMatchObject({
      passed: 12,
      failed: 0,
      coverage: 96,
      coverageThreshold: 90,
    });
    expect(calls.map((c) => c.split(" | ")[0])).toEqual([
      "sync",
      "run ruff check --output-format=concise .",
      "run ruff format --check .",
      "run mypy",
      "run alembic upgrade head",
      "run alembic check",
      "run pytest --cov --cov-report=term --cov-fail-under=90",
    ]);
    expect(calls.every((c) => c.endsWith("| never 1"))).toBe(true);
  });

  it("writes one log per step that ran into .python-specialist/verify", async () => {
    const { ran } = await run("");
    const tests = ran.find((r) => r.step === "tests");
    expect(tests?.logPath).toBe(join(dir, ".python-specialist", "verify", "tests.log"));
    expect(await readFile(tests?.logPath ?? "", "utf8")).toContain("12 passed");
    expect(await readFile(join(dir, ".python-specialist", "verify", ".gitignore"), "utf8")).toContain("*");
  });

  it("migrates a scratch SQLite file and leaves the tests' database alone when no URL is given", async () => {
    const { calls } = await run("");
    const migrate = calls.find((c) => c.startsWith("run alembic upgrade head"));
    expect(migrate).toMatch(
      /DATABASE_URL=sqlite\+aiosqlite:\/\/\/\/.*python-specialist-verify-[^/]+\/migrations-[0-9a-f]+\.db/,
    );
    expect(calls.find((c) => c.startsWith("run pytest"))).toContain("DATABASE_URL= |");
  });

  describe("with a database server", () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((socket) => socket.end());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const address = server.address();
      port = typeof address === "object" && address ? address.port : 0;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("creates a fresh database on it for migrations and for the tests, and drops them", async () => {
      // The server URL names no driver; the project gets the scheme its profile asks for.
      const url = `postgresql://ps:ps@127.0.0.1:${port}/postgres`;
      const { calls, results, raw } = await run("", { databaseUrl: url, coverageThreshold: 80 });
      expect(results[0]?.summary).toContain(`database 127.0.0.1:${port} reachable`);
      // `uv run python -c <script> create|drop <server url> <name>`; the script spans several lines.
      const created = [...raw.matchAll(/ create (\S+) (verify_\w+) \|/g)];
      const dropped = [...raw.matchAll(/ drop (\S+) (verify_\w+) \|/g)];
      expect(created.map((m) => m[1])).toEqual([url, url]);
      expect(dropped.map((m) => m[2]).sort()).toEqual(created.map((m) => m[2]).sort());
      const base = `postgresql\\+asyncpg://ps:ps@127\\.0\\.0\\.1:${port}`;
      expect(calls.find((c) => c.startsWith("run alembic upgrade head"))).toMatch(
        new RegExp(`DATABASE_URL=${base}/verify_migrations_[0-9a-f]{10} `),
      );
      const pytest = calls.find((c) => c.startsWith("run pytest"));
      expect(pytest).toContain("--cov-fail-under=80");
      expect(pytest).toMatch(new RegExp(`DATABASE_URL=${base}/verify_tests_[0-9a-f]{10} `));
    });

    it("says which database is unreachable and how to start it", async () => {
      const { results } = await run("", {
        steps: undefined,
        databaseUrl: "postgresql+asyncpg://ps:ps@127.0.0.1:1/postgres",
      });
      expect(results[0]).toMatchObject({ step: "toolchain", status: "failed" });
      expect(results[0]?.summary).toMatch(
        /PostgreSQL at 127\.0\.0\.1:1 .* is not reachable \(ECONNREFUSED\)/,
      );
      expect(results[0]?.summary).toContain("docker compose up -d db");
      expect(results[0]?.summary).not.toContain("ps:ps@");
      expect(results.slice(1).every((r) => r.status === "skipped" && /needs/.test(r.summary))).toBe(true);
    });
  });

  it("keeps going after a failed step, skipping only what needs it", async () => {
    const { results, calls } = await run("mypy");
    expect(results.map((r) => [r.step, r.status])).toEqual([
      ["toolchain", "passed"],
      ["install", "passed"],
      ["lint", "passed"],
      ["types", "failed"],
      ["migrations", "passed"],
      ["tests", "passed"],
      ["boot", "skipped"],
      ["fuzz", "skipped"],
    ]);
    const types = results[3];
    expect(types?.output).toContain("$ uv run mypy");
    expect(types?.output).toContain("fake failure of: run mypy");
    expect(types?.excerpt).toEqual(["fake failure of: run mypy", "[exit code 1]"]);
    expect(calls.some((c) => c.startsWith("run alembic"))).toBe(true);
  });

  it("skips everything after a failed install, and boot and fuzz after failed migrations", async () => {
    const sync = await run("sync", { steps: undefined });
    expect(sync.results.filter((r) => r.status !== "skipped").map((r) => r.step)).toEqual([
      "toolchain",
      "install",
    ]);
    expect(sync.results.find((r) => r.step === "lint")?.summary).toBe("skipped: needs install, which failed");
    expect(sync.results.find((r) => r.step === "fuzz")?.summary).toBe("skipped: needs install, which failed");

    const migrations = await run("upgrade", { steps: undefined });
    expect(migrations.results.map((r) => r.status)).toEqual([
      "passed",
      "passed",
      "passed",
      "passed",
      "failed",
      "passed",
      "skipped",
      "skipped",
    ]);
    expect(migrations.results[6]?.summary).toBe("skipped: needs migrations, which failed");
  });

  it("runs both ruff commands even when the lint check fails", async () => {
    const { results, calls } = await run("ruff check");
    expect(results.find((r) => r.step === "lint")).toMatchObject({ status: "failed", ok: false });
    expect(calls.map((c) => c.split(" | ")[0])).toContain("run ruff format --check .");
  });

  it("says whether the upgrade or the check failed, and does not check after a failed upgrade", async () => {
    const upgrade = await run("upgrade");
    const migrations = upgrade.results.find((r) => r.step === "migrations");
    expect(migrations?.summary).toBe(
      "alembic upgrade head failed: fake failure of: run alembic upgrade head",
    );
    expect(migrations?.output).not.toContain("$ uv run alembic check");
    const check = await run("check");
    expect(check.results.find((r) => r.step === "migrations")?.summary).toBe(
      "alembic check failed: New upgrade operations detected: [fake]",
    );
  });

  it("runs only the selected steps, or all but the skipped ones; toolchain always", async () => {
    const only = await run("", { steps: ["install", "tests"] });
    expect(only.ran.map((r) => r.step)).toEqual(["toolchain", "install", "tests"]);
    const skip = await run("", { steps: undefined, skip: ["lint", "types", "boot", "fuzz"] });
    expect(skip.ran.map((r) => r.step)).toEqual(["toolchain", "install", "migrations", "tests"]);
    expect(skip.results.find((r) => r.step === "lint")?.summary).toBe("skipped (--skip)");
    await expect(verifyProject(dir, { uv, steps: ["bot"] })).rejects.toThrow(/unknown verification step/);
    expect(() => selectSteps(undefined, ["toolchain"])).toThrow(/cannot be skipped/);
    expect(STEP_NAMES).toEqual([
      "toolchain",
      "install",
      "lint",
      "types",
      "migrations",
      "tests",
      "boot",
      "fuzz",
    ]);
  });

  it("reports a uv that does not run as a failed toolchain", async () => {
    const results = await verifyProject(dir, { uv: join(dir, "no-such-uv"), logDir: false });
    expect(results[0]).toMatchObject({ step: "toolchain", status: "failed" });
    expect(results[0]?.summary).toContain("does not run");
    expect(results[0]?.output).toContain("could not run");
    expect(results.slice(1).every((r) => r.status === "skipped")).toBe(true);
  });
});
