/**
 * The execution matrix: every examples/*.yaml is generated into a temporary directory and verified for
 * real — uv sync, ruff, mypy, alembic, pytest with coverage — first on SQLite, then on a fresh database of
 * a running PostgreSQL (PS_TEST_POSTGRES_URL, default: the server of scripts/services/postgres.sh).
 *
 * Knobs: PS_EXAMPLES=shop,blog runs only those; PS_EXAMPLES_DIR points at another folder of blueprints;
 * PS_KEEP_PROJECTS=1 keeps the generated projects (they are always kept when a check fails).
 * Without PostgreSQL the PostgreSQL checks are skipped, with the reason, unless CI=true: then they fail.
 */
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { generateProject, loadBlueprintFile, writeProject } from "../../src/index.js";
import {
  checkPostgres,
  DEFAULT_POSTGRES_URL,
  redact,
  withTemporaryDatabase,
} from "../../src/verify/postgres.js";
import { lastLines } from "../../src/verify/run-command.js";
import { type StepResult, verifyProject } from "../../src/verify/steps.js";
import { findUv } from "../../src/verify/toolchain.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLES_DIR = resolve(ROOT, process.env.PS_EXAMPLES_DIR || "examples");
const ONLY = (process.env.PS_EXAMPLES ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const IN_CI = !!process.env.CI && !/^(false|0)$/i.test(process.env.CI);
const KEEP = process.env.PS_KEEP_PROJECTS === "1";
const POSTGRES_URL = process.env.PS_TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
/** The steps whose outcome depends on the database; lint and types ran in the SQLite pass already. */
const POSTGRES_STEPS = ["install", "migrations", "tests"] as const;
const FAILURE_TAIL_LINES = 60;

const examples = existsSync(EXAMPLES_DIR)
  ? readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith(".yaml"))
      .filter((f) => ONLY.length === 0 || ONLY.includes(basename(f, ".yaml")))
      .sort()
  : [];

const postgres = examples.length > 0 ? await checkPostgres(POSTGRES_URL) : undefined;
const uv = examples.length > 0 ? await findUv() : undefined;
if (examples.length > 0) {
  console.log(
    [
      `execution matrix: ${examples.length} example(s) from ${EXAMPLES_DIR}`,
      `uv: ${uv ? `${uv.version} at ${uv.path}` : "NOT FOUND (run scripts/ensure-uv.sh)"}`,
      `PostgreSQL: ${postgres?.ok ? `${postgres.version} at ${redact(POSTGRES_URL)}` : `unavailable — ${postgres?.reason}`}`,
    ].join("\n  "),
  );
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

function logStep(label: string): (result: StepResult) => void {
  return (r) =>
    console.log(
      `[${label}] ${r.ok ? "ok  " : "FAIL"} ${r.step.padEnd(10)} ${seconds(r.durationMs).padStart(7)}  ${r.summary}`,
    );
}

/** Fails with the failing step's summary and the tail of its output. */
function expectAllPassed(label: string, results: readonly StepResult[], projectDir: string): void {
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  console.log(`[${label}] ${results.length} step(s) in ${seconds(total)}`);
  const failed = results.find((r) => !r.ok);
  if (failed) {
    throw new Error(
      [
        `${label}: step "${failed.step}" failed: ${failed.summary}`,
        `project kept at ${projectDir}`,
        `--- last ${FAILURE_TAIL_LINES} lines of output ---`,
        lastLines(failed.output, FAILURE_TAIL_LINES),
      ].join("\n"),
    );
  }
  expect(results.length).toBeGreaterThan(0);
}

if (examples.length === 0) {
  const why = `no examples: ${EXAMPLES_DIR} has no *.yaml${ONLY.length ? ` matching PS_EXAMPLES=${ONLY.join(",")}` : ""}`;
  console.log(`execution matrix: ${why}; nothing to execute`);
  describe("execution matrix", () => {
    it.skip(why, () => {});
  });
}

for (const file of examples) {
  const example = basename(file, ".yaml");

  describe.sequential(`example ${example}`, () => {
    let workDir = "";
    let projectDir = "";
    let failed = false;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), `ps-example-${example}-`));
      projectDir = workDir;
      const started = performance.now();
      const blueprint = await loadBlueprintFile(join(EXAMPLES_DIR, file));
      const tree = await generateProject(blueprint);
      const generated = performance.now();
      await writeProject(projectDir, tree, { force: true });
      const written = performance.now();
      console.log(
        `[${example}] generated ${tree.files().length} files in ${seconds(generated - started)}` +
          ` (written in ${seconds(written - generated)}) → ${projectDir}`,
      );
    });

    afterAll(async () => {
      if (!workDir) return;
      if (failed || KEEP) console.log(`[${example}] project kept at ${projectDir}`);
      else await rm(workDir, { recursive: true, force: true });
    });

    it("verifies on SQLite", async () => {
      onTestFailed(() => {
        failed = true;
      });
      const label = `${example}/sqlite`;
      const results = await verifyProject(projectDir, { onStep: logStep(label) });
      expectAllPassed(label, results, projectDir);
    });

    if (postgres?.ok) {
      it(`verifies on PostgreSQL ${postgres.version} (fresh database)`, async () => {
        onTestFailed(() => {
          failed = true;
        });
        const label = `${example}/postgresql`;
        await withTemporaryDatabase(POSTGRES_URL, async (database) => {
          console.log(`[${label}] database ${database.name}`);
          const results = await verifyProject(projectDir, {
            databaseUrl: database.url,
            steps: POSTGRES_STEPS,
            onStep: logStep(label),
          });
          expectAllPassed(label, results, projectDir);
        });
      });
    } else {
      const reason = `PostgreSQL unreachable: ${postgres?.reason ?? redact(POSTGRES_URL)}`;
      const hint = "start it with `bash scripts/services/postgres.sh start` or set PS_TEST_POSTGRES_URL";
      if (IN_CI) {
        it("verifies on PostgreSQL", () => {
          throw new Error(`${reason}. CI=true requires PostgreSQL; ${hint}.`);
        });
      } else {
        it.skip(`verifies on PostgreSQL — skipped: ${reason} (${hint})`, () => {});
      }
    }
  });
}
