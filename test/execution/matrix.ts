/**
 * The execution matrix: every examples/*.yaml is generated for every registered framework with
 * `python-specialist new --framework <name>` into a temporary directory and proven with
 * `python-specialist verify` — the user-facing command, in process — first on SQLite (every step but
 * fuzz), then against a running PostgreSQL (PS_TEST_POSTGRES_URL, default: the server of
 * scripts/services/postgres.sh), where verify creates and drops its own scratch databases and the fuzzer
 * runs: PostgreSQL is the stricter database (NUL characters, integer ranges), so fuzzing there finds more.
 * Without PostgreSQL, the SQLite pass fuzzes. The JSON scorecard verify writes must have every step green.
 *
 * The cases are split over the matrix.shard-*.test.ts files, so that two vitest workers can share them.
 *
 * Knobs: PS_FRAMEWORKS=flask,django and PS_EXAMPLES=shop,blog run only those; PS_EXAMPLES_DIR points at
 * another folder of blueprints; PS_KEEP_PROJECTS=1 keeps the generated projects (they are always kept
 * when a check fails); PS_FUZZ_SEED sets the schemathesis seed (default 1, so a failure reproduces).
 * Without PostgreSQL the PostgreSQL checks are skipped, with the reason, unless CI=true: then they fail.
 */
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { main } from "../../src/cli/program.js";
import { AVAILABLE_FRAMEWORKS } from "../../src/generate/targets/index.js";
import { checkPostgres, DEFAULT_POSTGRES_URL, redact } from "../../src/verify/postgres.js";
import { formatDuration, type Scorecard } from "../../src/verify/scorecard.js";
import { findUv } from "../../src/verify/toolchain.js";
import { expectGreen, logTimes, readScorecard } from "./scorecards.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLES_DIR = resolve(ROOT, process.env.PS_EXAMPLES_DIR || "examples");
const ONLY = (process.env.PS_EXAMPLES ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const FRAMEWORKS = AVAILABLE_FRAMEWORKS.filter((f) => {
  const only = (process.env.PS_FRAMEWORKS ?? "").split(",").filter(Boolean);
  return only.length === 0 || only.includes(f);
});
const IN_CI = !!process.env.CI && !/^(false|0)$/i.test(process.env.CI);
const KEEP = process.env.PS_KEEP_PROJECTS === "1";
const POSTGRES_URL = process.env.PS_TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
const FUZZ_SEED = process.env.PS_FUZZ_SEED || "1";
/** On PostgreSQL, lint and types are skipped: they read the same files the SQLite pass checked. */
const POSTGRES_SKIP = "lint,types";

const examples = existsSync(EXAMPLES_DIR)
  ? readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith(".yaml"))
      .filter((f) => ONLY.length === 0 || ONLY.includes(basename(f, ".yaml")))
      .sort()
  : [];

const postgres = examples.length > 0 ? await checkPostgres(POSTGRES_URL) : undefined;
const uv = examples.length > 0 ? await findUv() : undefined;
/** The SQLite pass leaves fuzzing to the PostgreSQL pass when there is one. */
const SQLITE_SKIP = postgres?.ok ? ["--skip", "fuzz"] : [];
if (examples.length > 0) {
  console.log(
    [
      `execution matrix: ${examples.length} example(s) from ${EXAMPLES_DIR} × ${FRAMEWORKS.join(", ")}`,
      `uv: ${uv ? `${uv.version} at ${uv.path}` : "not found: verify's toolchain step installs it"}`,
      `PostgreSQL: ${postgres?.ok ? `${postgres.version} at ${redact(POSTGRES_URL)}` : `unavailable — ${postgres?.reason}`}`,
    ].join("\n  "),
  );
}

/** Runs the CLI in process; the scorecard is read back from the JSON file verify writes. */
async function cli(args: readonly string[]): Promise<number> {
  return main(args);
}

function expectFuzzed(scorecard: Scorecard): void {
  const fuzz = scorecard.steps.find((s) => s.name === "fuzz");
  expect(Number(fuzz?.metrics.cases)).toBeGreaterThan(0);
}

const CASES = FRAMEWORKS.flatMap((framework) => examples.map((file) => ({ framework, file })));

/** Declares the cases of one shard: every `shards`-th case, starting at `shard` (0-based). */
export function defineMatrix(shard: number, shards: number): void {
  if (examples.length === 0) {
    const why = `no examples: ${EXAMPLES_DIR} has no *.yaml${ONLY.length ? ` matching PS_EXAMPLES=${ONLY.join(",")}` : ""}`;
    describe("execution matrix", () => {
      it.skip(why, () => {});
    });
    return;
  }
  const mine = CASES.filter((_, i) => i % shards === shard);
  if (CASES.length > 0 && mine.length === 0) {
    describe("execution matrix", () => {
      it.skip(`shard ${shard + 1}/${shards}: no case falls to it`, () => {});
    });
  }
  for (const { framework, file } of mine) defineCase(framework, file);
}

function defineCase(framework: string, file: string): void {
  const example = `${framework}/${basename(file, ".yaml")}`;
  const name = basename(file, ".yaml");

  describe.sequential(`example ${example}`, () => {
    let workDir = "";
    let projectDir = "";
    let failed = false;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), `ps-example-${framework}-${name}-`));
      projectDir = join(workDir, name);
      const started = performance.now();
      const blueprint = join(EXAMPLES_DIR, file);
      const code = await cli(["new", projectDir, "--blueprint", blueprint, "--framework", framework]);
      if (code !== 0) throw new Error(`python-specialist new failed for ${file} (exit ${code})`);
      console.log(`[${example}] generated in ${formatDuration(performance.now() - started)} → ${projectDir}`);
    });

    afterAll(async () => {
      if (!workDir) return;
      if (failed || KEEP) console.log(`[${example}] project kept at ${projectDir}`);
      else await rm(workDir, { recursive: true, force: true });
    });

    it("verify passes on SQLite, every step green", async () => {
      onTestFailed(() => {
        failed = true;
      });
      const code = await cli(["verify", projectDir, "--seed", FUZZ_SEED, ...SQLITE_SKIP]);
      const scorecard = await readScorecard(projectDir);
      logTimes(`${example}/sqlite`, scorecard);
      expectGreen(`${example}/sqlite`, code, scorecard, SQLITE_SKIP.slice(1));
      expect(scorecard.database).toEqual({ kind: "sqlite" });
      if (SQLITE_SKIP.length === 0) expectFuzzed(scorecard);
    });

    if (postgres?.ok) {
      it(`verify passes on PostgreSQL ${postgres.version} (scratch databases), every step green`, async () => {
        onTestFailed(() => {
          failed = true;
        });
        const code = await cli([
          "verify",
          projectDir,
          "--database-url",
          POSTGRES_URL,
          "--skip",
          POSTGRES_SKIP,
          "--seed",
          FUZZ_SEED,
        ]);
        const scorecard = await readScorecard(projectDir);
        logTimes(`${example}/postgresql`, scorecard);
        expectGreen(`${example}/postgresql`, code, scorecard, POSTGRES_SKIP.split(","));
        expect(scorecard.database.kind).toBe("postgresql");
        expectFuzzed(scorecard);
      });
    } else {
      const reason = `PostgreSQL unreachable: ${postgres?.reason ?? redact(POSTGRES_URL)}`;
      const hint = "start it with `bash scripts/services/postgres.sh start` or set PS_TEST_POSTGRES_URL";
      if (IN_CI) {
        it("verify passes on PostgreSQL", () => {
          throw new Error(`${reason}. CI=true requires PostgreSQL; ${hint}.`);
        });
      } else {
        it.skip(`verify passes on PostgreSQL — skipped: ${reason} (${hint})`, () => {});
      }
    }
  });
}
