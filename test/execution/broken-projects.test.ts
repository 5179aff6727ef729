/**
 * Negative execution tests: copies of a generated project (examples/minimal.yaml) are broken on purpose in
 * a temporary directory — a type error, a failing test, a migration that drifts from the models, a route
 * that raises on one input — and `python-specialist verify` must fail exactly the right step, with a message
 * that points at the problem, while every other step that can run still passes. The generator is never
 * touched: only its output, copied.
 *
 * PS_KEEP_PROJECTS=1 keeps the broken projects.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";
import { formatDuration, type Scorecard, type ScorecardStep } from "../../src/verify/scorecard.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/minimal.yaml", import.meta.url));
const KEEP = process.env.PS_KEEP_PROJECTS === "1";
const PACKAGE = "notes";

let workDir = "";
let pristine = "";

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ps-broken-"));
  pristine = join(workDir, "pristine");
  const code = await main(["new", pristine, "--blueprint", EXAMPLE]);
  if (code !== 0) throw new Error(`python-specialist new failed (exit ${code})`);
});

afterAll(async () => {
  if (!workDir) return;
  if (KEEP) console.log(`broken projects kept in ${workDir}`);
  else await rm(workDir, { recursive: true, force: true });
});

/** A fresh copy of the generated project, changed by `edit`. */
async function brokenCopy(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(workDir, name);
  await cp(pristine, dir, { recursive: true });
  await edit(dir);
  return dir;
}

async function replaceIn(path: string, search: string, replacement: string): Promise<void> {
  const text = await readFile(path, "utf8");
  if (!text.includes(search)) throw new Error(`${path} does not contain ${JSON.stringify(search)} any more`);
  await writeFile(path, text.replace(search, replacement));
}

/** Runs `verify --json` in process and returns the exit code, the scorecard on stdout, and the table text. */
async function verify(dir: string, ...args: string[]): Promise<{ code: number; scorecard: Scorecard }> {
  let stdout = "";
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest) => {
    const text = String(chunk);
    // Only the scorecard document; anything else (the test runner's own output) passes through.
    if (stdout || text.trimStart().startsWith('{\n  "schema"')) {
      stdout += text;
      return true;
    }
    return write(chunk as string, ...(rest as []));
  });
  let code: number;
  try {
    code = await main(["--json", "verify", dir, "--seed", "1", ...args]);
  } finally {
    spy.mockRestore();
  }
  const scorecard = JSON.parse(stdout) as Scorecard;
  console.log(
    `[${dir.split("/").at(-1)}] exit ${code} in ${formatDuration(scorecard.durationMs)}: ` +
      scorecard.steps.map((s) => `${s.name}=${s.status}`).join(" "),
  );
  return { code, scorecard };
}

function step(scorecard: Scorecard, name: string): ScorecardStep {
  const found = scorecard.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found;
}

/**
 * Exactly `failing` failed and every other step that ran passed (`passing`); the rest were skipped. Each
 * test runs (with --only) the steps that could plausibly be hurt by its break, to keep the suite fast.
 */
function expectOnlyFailure(scorecard: Scorecard, failing: string, passing: readonly string[]): void {
  const byStatus = (status: string) => scorecard.steps.filter((s) => s.status === status).map((s) => s.name);
  expect(byStatus("failed")).toEqual([failing]);
  expect(byStatus("passed")).toEqual(["toolchain", ...passing]);
  expect(scorecard.ok).toBe(false);
  const failed = step(scorecard, failing);
  expect(failed.log).toMatch(new RegExp(`\\.python-specialist/verify/${failing}\\.log$`));
  expect(failed.excerpt?.length).toBeGreaterThan(0);
}

describe.sequential("verify on deliberately broken copies of a generated project", () => {
  it("a type error fails the types step, naming the file, line and error", async () => {
    const dir = await brokenCopy("type-error", async (d) => {
      const path = join(d, "src", PACKAGE, "notes", "service.py");
      const broken =
        '\n\ndef page_label(count: int) -> str:\n    """A deliberate type error."""\n    return count\n';
      await writeFile(path, `${await readFile(path, "utf8")}${broken}`);
    });
    const { code, scorecard } = await verify(dir, "--only", "install,lint,types,migrations");
    expect(code).toBe(1);
    expectOnlyFailure(scorecard, "types", ["install", "lint", "migrations"]);
    const types = step(scorecard, "types");
    expect(types.summary).toMatch(/^Found 1 error in 1 file/);
    expect(types.excerpt?.[0]).toMatch(
      /^src\/notes\/notes\/service\.py:\d+: error: Incompatible return value type \(got "int", expected "str"\)/,
    );
    expect(types.metrics.errors).toBe(1);
  });

  it("a failing test fails the tests step, naming the test and the assertion", async () => {
    const dir = await brokenCopy("failing-test", (d) =>
      writeFile(
        join(d, "tests", "notes", "test_broken.py"),
        '"""A deliberately failing test."""\n\n\ndef test_arithmetic() -> None:\n    """Fails on purpose."""\n    assert 1 + 1 == 3\n',
      ),
    );
    const { code, scorecard } = await verify(dir, "--only", "install,types,tests");
    expect(code).toBe(1);
    expectOnlyFailure(scorecard, "tests", ["install", "types"]);
    const tests = step(scorecard, "tests");
    expect(tests.summary).toMatch(/^1 failed, \d+ passed, \d+% coverage$/);
    expect(tests.metrics).toMatchObject({ failed: 1 });
    expect(tests.excerpt).toContain(
      "FAILED tests/notes/test_broken.py::test_arithmetic - assert (1 + 1) == 3",
    );
  });

  it("a model change without a migration fails the migrations step with the drift (and skips boot)", async () => {
    const dir = await brokenCopy("migration-drift", (d) =>
      replaceIn(
        join(d, "src", PACKAGE, "notes", "models.py"),
        "    title: Mapped[str] = mapped_column(String(255))\n",
        "    title: Mapped[str] = mapped_column(String(255))\n    subtitle: Mapped[str | None] = mapped_column(String(80))\n",
      ),
    );
    const { code, scorecard } = await verify(dir, "--only", "install,migrations,tests,boot");
    expect(code).toBe(1);
    expectOnlyFailure(scorecard, "migrations", ["install", "tests"]);
    const migrations = step(scorecard, "migrations");
    expect(migrations.summary).toMatch(
      /^alembic check failed: New upgrade operations detected: .*add_column.*subtitle/,
    );
    expect(step(scorecard, "boot").summary).toBe("skipped: needs migrations, which failed");
  });

  it("a route that raises on one input fails the fuzz step, naming the operation and the exception", async () => {
    const dir = await brokenCopy("server-error", (d) =>
      replaceIn(
        join(d, "src", PACKAGE, "notes", "router.py"),
        '    """List notes: paged."""\n',
        '    """List notes: paged."""\n    if query.offset == 1_000_000:\n        raise RuntimeError("offset at its maximum")\n',
      ),
    );
    const { code, scorecard } = await verify(dir, "--only", "install,migrations,boot,fuzz");
    expect(code).toBe(1);
    expectOnlyFailure(scorecard, "fuzz", ["install", "migrations", "boot"]);
    const fuzz = step(scorecard, "fuzz");
    expect(Number(fuzz.metrics.failures)).toBeGreaterThan(0);
    expect(fuzz.summary).toMatch(/cases, \d+ failures?/);
    const excerpt = (fuzz.excerpt ?? []).join("\n");
    expect(excerpt).toContain("GET /notes");
    expect(excerpt).toMatch(/Server error/i);
    expect(excerpt).toMatch(/RuntimeError: offset at its maximum/);
  });
});
