/**
 * The README's first command, as a user runs it: the built executable (`node dist/cli/main.js`, which is
 * what `npx python-specialist` starts) turns the sentence into a project with the offline reader and
 * verifies it on SQLite. Exit 0 and every step green in the scorecard verify writes.
 *
 * Kept short for CI: one sentence, SQLite only, and `--skip fuzz`: the sentence reads to exactly the
 * entities of examples/ecommerce.yaml (asserted below, so this stays true), whose API the execution matrix
 * (matrix.ts) fuzzes. PS_KEEP_PROJECTS=1 keeps the project (it is always kept when the test fails).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { LLM_ENV } from "../../src/intake/llm/index.js";
import { parseRequest, readingBlueprint } from "../../src/intake/nl/index.js";
import { loadBlueprintFile } from "../../src/intake/yaml/load.js";
import { findUv } from "../../src/verify/toolchain.js";
import { expectGreen, logTimes, readScorecard } from "./scorecards.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXECUTABLE = join(ROOT, "dist", "cli", "main.js");
const SENTENCE = "Create a FastAPI REST API for e-commerce with JWT authentication";
const KEEP = process.env.PS_KEEP_PROJECTS === "1";

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, encoding: "utf8" }).map(
      (file) => statSync(join(dir, file)).mtimeMs,
    ),
  );
}

/** In CI `npm ci` has just built dist/; a developer may have edited src/ since: then build it first. */
async function ensureBuilt(): Promise<void> {
  let built = 0;
  try {
    built = statSync(EXECUTABLE).mtimeMs;
  } catch {
    // Not built yet.
  }
  if (built >= newestSource(join(ROOT, "src"))) return;
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const build = await run(process.execPath, [tsc, "-p", "tsconfig.build.json"]);
  if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}

/** The user's environment, minus an LLM they may have configured: the README's command reads offline. */
function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    UV_PYTHON_DOWNLOADS: process.env.UV_PYTHON_DOWNLOADS ?? "never",
  };
  for (const name of Object.values(LLM_ENV)) delete env[name];
  return env;
}

describe.sequential("the README's sentence", () => {
  let workDir = "";
  let projectDir = "";
  let failed = false;

  beforeAll(async () => {
    const uv = await findUv();
    console.log(
      `sentence: uv ${uv ? `${uv.version} at ${uv.path}` : "not found: verify's toolchain step installs it"}`,
    );
    workDir = await mkdtemp(join(tmpdir(), "ps-sentence-"));
    projectDir = join(workDir, "shop");
    await ensureBuilt();
  });

  afterAll(async () => {
    if (!workDir) return;
    if (failed || KEEP) console.log(`[sentence] project kept at ${projectDir}`);
    else await rm(workDir, { recursive: true, force: true });
  });

  it("is the README's first command", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`new ./shop "${SENTENCE}" --verify`);
  });

  it("reads to the entities of examples/ecommerce.yaml, which the matrix fuzzes", async () => {
    const read = readingBlueprint(parseRequest(SENTENCE));
    const example = await loadBlueprintFile(join(ROOT, "examples", "ecommerce.yaml"));
    expect(read.entities).toEqual(example.entities);
    expect(read.auth).toEqual(example.auth);
  });

  it("generates a project that verify proves, every step green", async () => {
    onTestFailed(() => {
      failed = true;
    });
    const started = performance.now();
    const result = await run(
      process.execPath,
      [EXECUTABLE, "new", projectDir, SENTENCE, "--verify", "--skip", "fuzz"],
      offlineEnv(),
    );
    console.log(`[sentence] new --verify took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (result.code !== 0)
      console.log(`[sentence] stdout:\n${result.stdout}\n[sentence] stderr:\n${result.stderr}`);

    expect(result.stdout).toContain("domain: e-commerce");
    expect(result.stdout).toMatch(/Generated shop \(\d+ files, \d+ ms\)/);
    const scorecard = await readScorecard(projectDir);
    logTimes("sentence/sqlite", scorecard);
    expectGreen("sentence/sqlite", result.code ?? -1, scorecard, ["fuzz"]);
    expect(scorecard.database).toEqual({ kind: "sqlite" });
  });
});
