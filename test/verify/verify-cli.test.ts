/** `python-specialist verify` as a user meets it: usage errors, exit codes, the JSON scorecard. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";
import type { Scorecard } from "../../src/verify/scorecard.js";

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "ps-verify-cli-"));
  writeFileSync(join(dir, "pyproject.toml"), '[project]\nname = "x"\nversion = "0.1.0"\n');
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("verify", () => {
  it("refuses a directory without pyproject.toml, with exit code 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ps-verify-cli-"));
    const { code, stderr } = await run("verify", dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: .* has no pyproject\.toml: not a Python project/);
  });

  it("refuses unknown steps and names the known ones", async () => {
    const { code, stderr } = await run("verify", project(), "--only", "tests,fuzzing");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown verification step(s): fuzzing (known: toolchain, install, lint");
  });

  it("reports usage errors as JSON with --json", async () => {
    const { code, stderr } = await run("--json", "verify", project(), "--skip", "toolchain");
    expect(code).toBe(2);
    expect(JSON.parse(stderr)).toEqual({
      error: "the toolchain step cannot be skipped: every other step needs what it finds",
    });
  });

  it("refuses a database URL that is not a URL", async () => {
    const { code, stderr } = await run("verify", project(), "--database-url", "localhost:5432");
    expect(code).toBe(2);
    expect(stderr).toContain("--database-url must be a SQLAlchemy URL");
  });

  it("writes the scorecard as JSON and exits 0 when every step that ran passed", async () => {
    const dir = project();
    const { code, stdout, stderr } = await run("--json", "verify", dir, "--only", "toolchain");
    expect(stderr).toContain("toolchain");
    expect(code).toBe(0);
    const scorecard = JSON.parse(stdout) as Scorecard;
    expect(scorecard).toMatchObject({
      schema: "python-specialist/verify-scorecard",
      version: 1,
      ok: true,
      project: { dir },
      database: { kind: "sqlite" },
      counts: { passed: 1, failed: 0, skipped: 7 },
    });
    expect(scorecard.steps.map((s) => s.name)).toEqual([
      "toolchain",
      "install",
      "lint",
      "types",
      "migrations",
      "tests",
      "boot",
      "fuzz",
    ]);
    expect(scorecard.steps[0]?.metrics).toMatchObject({ uvInstalled: false });
    const written = JSON.parse(
      readFileSync(join(dir, ".python-specialist", "verify", "scorecard.json"), "utf8"),
    );
    expect(written).toEqual(scorecard);
  });

  it("exits 1 and shows the failing step with its fix when a service is unreachable", async () => {
    const dir = project();
    const { code, stdout } = await run(
      "verify",
      dir,
      "--only",
      "tests",
      "--database-url",
      "postgresql+asyncpg://u:secret@127.0.0.1:1/postgres",
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/toolchain +✗ failed/);
    expect(stdout).toContain("PostgreSQL at 127.0.0.1:1");
    expect(stdout).toContain("docker compose up -d db");
    expect(stdout).not.toContain("secret");
    expect(stdout).toContain(`full log: ${join(dir, ".python-specialist", "verify", "toolchain.log")}`);
    expect(stdout).toMatch(/verification FAILED: 0 passed, 1 failed, 7 skipped/);
  });
});
