/**
 * Verification of a generated project: the steps `python-specialist verify` runs inside it, in a fixed
 * order. A failing step does not stop the run: only the steps that need it (see `needs`) are skipped, so
 * one scorecard shows every problem that can be seen. Each step is a small object in VERIFY_STEPS.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkDatabaseReachable, databaseKind, hostAndPort, ScratchDatabases } from "./databases.js";
import { type ProjectProfile, readProfile } from "./profile.js";
import { type CommandResult, runCommand } from "./run-command.js";
import { bootStep, fuzzStep } from "./runtime-steps.js";
import {
  errorExcerpt,
  lastMeaningfulLine,
  parsePytestOutput,
  summarizeMypy,
  summarizePytest,
  summarizeRuff,
  summarizeUvSync,
} from "./summaries.js";
import {
  ensureUv,
  findPythons,
  findUv,
  isRecentEnough,
  MINIMUM_PYTHON,
  probePython,
  pythonInstallHint,
  type Tool,
} from "./toolchain.js";
import type { StepContext, StepOutcome, StepResult, VerifyOptions, VerifyStep } from "./types.js";

export type {
  FuzzOptions,
  StepContext,
  StepMetrics,
  StepOutcome,
  StepResult,
  StepStatus,
  VerifyOptions,
  VerifyStep,
} from "./types.js";

export const DEFAULT_COVERAGE_THRESHOLD = 90;
const DEFAULT_COMMAND_TIMEOUT_MS = 15 * 60 * 1000;

/** `$ command` + output (+ `[exit code n]`) for each command, the format of every step's output. */
export function transcript(entries: readonly (readonly [string, CommandResult])[]): string {
  return entries
    .map(([command, result]) => {
      const status = result.exitCode === 0 ? "" : `\n[exit code ${result.exitCode}]`;
      return `$ ${command}\n${result.output.replace(/\s+$/, "")}${status}`;
    })
    .join("\n\n");
}

/** Runs `uv <args>` commands one after another, stopping at the first failure. */
async function sequence(
  context: StepContext,
  commands: readonly (readonly string[])[],
  env?: Record<string, string>,
) {
  const entries: [string, CommandResult][] = [];
  for (const args of commands) {
    const result = await context.uvRun(args, env);
    entries.push([`uv ${args.join(" ")}`, result]);
    if (result.exitCode !== 0) break;
  }
  const failed = entries.find(([, r]) => r.exitCode !== 0);
  return { entries, failed, output: transcript(entries) };
}

export const toolchainStep: VerifyStep = {
  name: "toolchain",
  description: "Python >= 3.11 and uv are there (uv is installed into the tool's cache when missing)",
  needs: [],
  async run(context) {
    const lines: string[] = [];
    const fail = (summary: string, extra = ""): StepOutcome => ({
      ok: false,
      summary,
      output: [...lines, `toolchain: ${summary}`, extra].filter(Boolean).join("\n"),
    });
    const minimum = MINIMUM_PYTHON.join(".");

    // Python: the one given, else the first recent enough on PATH, else one uv already manages.
    let python: Tool | undefined;
    let found: Tool[] = [];
    if (context.options.python) {
      python = await probePython(context.options.python, context.env);
      if (!python) return fail(`--python ${context.options.python} does not run; ${pythonInstallHint()}`);
      if (!isRecentEnough(python.version)) {
        return fail(`--python ${python.path} is Python ${python.version}; verify needs ${minimum}+`);
      }
    } else {
      found = await findPythons(context.env, (p) => isRecentEnough(p.version));
      python = found.find((p) => isRecentEnough(p.version));
    }
    for (const p of found) lines.push(`python: ${p.version} at ${p.path}`);

    let uv: Tool | undefined;
    let installedUv = false;
    if (context.options.uv) {
      const result = await runCommand(context.options.uv, ["--version"], {
        env: context.env,
        timeoutMs: 15_000,
      });
      if (result.exitCode !== 0) return fail(`uv at ${context.options.uv} does not run`, result.output);
      uv = {
        path: context.options.uv,
        version: /uv\s+(\S+)/.exec(result.output)?.[1] ?? result.output.trim(),
      };
    } else {
      uv = await findUv(context.env);
    }

    if (!python && uv) {
      // uv may manage a Python of its own (installed earlier; verify never downloads one).
      const result = await runCommand(uv.path, ["python", "find", `>=${minimum}`], {
        env: context.env,
        timeoutMs: 30_000,
      });
      const path = result.output.trim().split(/\r?\n/).at(-1);
      if (result.exitCode === 0 && path) python = await probePython(path, context.env);
    }
    if (!python) {
      const seen = found.length
        ? ` (found only: ${found.map((p) => `${p.version} at ${p.path}`).join(", ")})`
        : " (none on PATH)";
      return fail(`no Python >= ${minimum}${seen}; ${pythonInstallHint()}`);
    }
    lines.push(`using Python ${python.version} at ${python.path}`);

    if (!uv) {
      lines.push(`uv not found: installing uv from PyPI into the tool's cache with ${python.path} -m venv`);
      context.emit("installing uv from PyPI into the tool's cache…\n");
      const ensured = await ensureUv(python.path, context.env, (chunk) => context.emit(chunk));
      lines.push(ensured.output);
      if (!ensured.uv) {
        return fail(
          "uv is missing and could not be installed from PyPI; install it yourself " +
            "(`pipx install uv`, or see https://docs.astral.sh/uv/getting-started/installation/) and rerun",
        );
      }
      uv = ensured.uv;
      installedUv = true;
    }
    lines.push(`using uv ${uv.version} at ${uv.path}`);
    context.uv = uv.path;
    context.toolchain = { python, uv };

    // Services: the database server the run was pointed at must answer.
    const parts = [
      `Python ${python.version}`,
      `uv ${uv.version}${installedUv ? " (installed into the cache)" : ""}`,
    ];
    const url = context.options.databaseUrl;
    if (url && databaseKind(url) !== "sqlite") {
      const problem = await checkDatabaseReachable(url);
      if (problem) return fail(problem);
      const target = hostAndPort(url);
      parts.push(`database ${target?.host}:${target?.port} reachable`);
    }
    return {
      ok: true,
      summary: parts.join(", "),
      output: lines.join("\n"),
      metrics: {
        python: python.version,
        pythonPath: python.path,
        uv: uv.version,
        uvPath: uv.path,
        uvInstalled: installedUv,
      },
    };
  },
};

export const installStep: VerifyStep = {
  name: "install",
  description: "dependencies resolve and install with uv",
  needs: ["toolchain"],
  async run(context) {
    const { failed, output, entries } = await sequence(context, [["sync"]]);
    const summary = failed
      ? `uv sync failed: ${lastMeaningfulLine(failed[1].output)}`
      : summarizeUvSync(entries[0]?.[1].output ?? "");
    const packages = /(\d+) packages?/.exec(summary)?.[1];
    return { ok: !failed, summary, output, metrics: packages ? { packages: Number(packages) } : undefined };
  },
};

export const lintStep: VerifyStep = {
  name: "lint",
  description: "ruff finds no lint errors and no unformatted files",
  needs: ["install"],
  async run(context) {
    // Both commands run even if the first fails: one report shows lint and format problems together.
    const check = await context.uvRun(["run", "ruff", "check", "--output-format=concise", "."]);
    const format = await context.uvRun(["run", "ruff", "format", "--check", "."]);
    const ok = check.exitCode === 0 && format.exitCode === 0;
    const lintErrors = Number(/Found (\d+) errors?/.exec(check.output)?.[1] ?? 0);
    const unformatted = Number(/(\d+) files? would be reformatted/.exec(format.output)?.[1] ?? 0);
    return {
      ok,
      summary: summarizeRuff(check.output, format.output),
      output: transcript([
        ["uv run ruff check --output-format=concise .", check],
        ["uv run ruff format --check .", format],
      ]),
      metrics: { lintErrors, unformattedFiles: unformatted },
    };
  },
};

export const typesStep: VerifyStep = {
  name: "types",
  description: "mypy (strict, as configured by the project) finds no type errors",
  needs: ["install"],
  async run(context) {
    const { failed, output, entries } = await sequence(context, [["run", "mypy"]]);
    const text = entries[0]?.[1].output ?? "";
    const errors = Number(/Found (\d+) errors?/.exec(text)?.[1] ?? 0);
    const files = /in (\d+) (source )?files?/.exec(summarizeMypy(text))?.[1];
    return {
      ok: !failed,
      summary: summarizeMypy(text),
      output,
      metrics: { errors, ...(files && !failed ? { files: Number(files) } : {}) },
    };
  },
};

export const migrationsStep: VerifyStep = {
  name: "migrations",
  description: "the migrations apply to an empty database and match the models",
  needs: ["install"],
  async run(context) {
    let url: string;
    try {
      url = await context.databases.create("migrations");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, summary: message, output: message };
    }
    let profile: ProjectProfile;
    try {
      profile = await context.profile();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, summary: message, output: message };
    }
    const migrate = ["run", ...profile.migrate];
    const check = ["run", ...profile.checkMigrations];
    const { failed, output, entries } = await sequence(context, [migrate, check], { DATABASE_URL: url });
    if (!failed) {
      context.migratedDatabase = url;
      const summary = `${profile.migrate.join(" ")} applied; ${profile.checkMigrations.join(" ")}: models match`;
      return { ok: true, summary, output };
    }
    const failedCheck = entries.length === 2;
    const which = (failedCheck ? profile.checkMigrations : profile.migrate).join(" ");
    const own = failed[1].output;
    // alembic check says "FAILED: New upgrade operations detected: …"; others end with their message.
    const detail = /^\s*FAILED: (.*)$/m.exec(own)?.[1] ?? lastMeaningfulLine(own);
    const short = detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
    return { ok: false, summary: `${which} failed: ${short}`, output };
  },
};

export const testsStep: VerifyStep = {
  name: "tests",
  description: "the project's pytest suite passes with enough coverage",
  needs: ["install"],
  async run(context) {
    let env: Record<string, string> | undefined;
    if (context.databases.onServer) {
      try {
        env = { DATABASE_URL: await context.databases.create("tests") };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, summary: message, output: message };
      }
    }
    const args = [
      "run",
      "pytest",
      "--cov",
      "--cov-report=term",
      `--cov-fail-under=${context.coverageThreshold}`,
    ];
    const { failed, output, entries } = await sequence(context, [args], env);
    const text = entries[0]?.[1].output ?? "";
    let summary = summarizePytest(text, context.coverageThreshold);
    const parsed = parsePytestOutput(text);
    if (failed && !parsed.counts) summary = `pytest failed: ${lastMeaningfulLine(text)}`;
    const metrics: StepOutcome["metrics"] = { coverageThreshold: context.coverageThreshold };
    if (parsed.counts) {
      const { passed, failed: failures, errors, skipped } = parsed.counts;
      Object.assign(metrics, { passed, failed: failures, errors, skipped });
    }
    if (parsed.coverage !== undefined) metrics.coverage = parsed.coverage;
    return { ok: !failed, summary, output, metrics };
  },
};

/** The steps in the order they run. */
export const VERIFY_STEPS: readonly VerifyStep[] = [
  toolchainStep,
  installStep,
  lintStep,
  typesStep,
  migrationsStep,
  testsStep,
  bootStep,
  fuzzStep,
];

export const STEP_NAMES: readonly string[] = VERIFY_STEPS.map((s) => s.name);

/** The environment every command runs with: no Python downloads, no progress bars, no colors, no stray venv. */
export function verificationEnv(options: Pick<VerifyOptions, "python" | "env"> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The caller's shell must not leak into the project: a different venv, a database, forced colors.
  for (const key of [
    "VIRTUAL_ENV",
    "DATABASE_URL",
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR_FORCE",
    "UV_PYTHON",
  ]) {
    delete env[key];
  }
  Object.assign(env, {
    UV_PYTHON_DOWNLOADS: "never",
    UV_NO_PROGRESS: "1",
    NO_COLOR: "1",
    PYTHONUNBUFFERED: "1",
  });
  if (options.python) env.UV_PYTHON = options.python;
  Object.assign(env, options.env ?? {});
  return env;
}

/** Checks --only/--skip names; the steps to run, in order (toolchain always runs). */
export function selectSteps(only?: readonly string[], skip?: readonly string[]): VerifyStep[] {
  const unknown = [...(only ?? []), ...(skip ?? [])].filter((name) => !STEP_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown verification step(s): ${unknown.join(", ")} (known: ${STEP_NAMES.join(", ")})`);
  }
  if (skip?.includes("toolchain")) {
    throw new Error("the toolchain step cannot be skipped: every other step needs what it finds");
  }
  return VERIFY_STEPS.filter(
    (s) => s.name === "toolchain" || ((!only || only.includes(s.name)) && !skip?.includes(s.name)),
  );
}

/** The default log directory of a project. */
export function defaultLogDir(dir: string): string {
  return join(dir, ".python-specialist", "verify");
}

async function prepareLogDir(logDir: string): Promise<void> {
  await mkdir(logDir, { recursive: true });
  // Logs of an earlier run would mislead: a step that is skipped now keeps no stale log.
  for (const entry of await readdir(logDir)) {
    if (entry.endsWith(".log") || entry === "scorecard.json") await rm(join(logDir, entry), { force: true });
  }
  await writeFile(join(logDir, ".gitignore"), "# Written by python-specialist verify.\n*\n");
}

/**
 * Verifies the project in `dir`: toolchain, install, lint, types, migrations, tests, boot, fuzz — in this
 * order. A failed step skips the steps that need it; the others still run. Never throws for a failing
 * project (only for unknown step names); every step, skipped ones included, is reported through `onStep`
 * as it finishes and returned in the list.
 */
export async function verifyProject(dir: string, options: VerifyOptions = {}): Promise<StepResult[]> {
  const selected = new Set(selectSteps(options.steps, options.skip).map((s) => s.name));
  const results: StepResult[] = [];
  /** Step → the failed step that makes it pointless (itself when it failed). */
  const blocked = new Map<string, string>();
  const env = verificationEnv(options);
  const logDir = options.logDir === false ? undefined : (options.logDir ?? defaultLogDir(dir));
  if (logDir) await prepareLogDir(logDir);

  const scratchDir = await mkdtemp(join(tmpdir(), "python-specialist-verify-"));
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  let current = "";
  const emit = (chunk: string): void => options.onOutput?.(current, chunk);
  const run: StepContext["run"] = (command, args, extra) =>
    runCommand(command, args, {
      cwd: dir,
      env: extra ? { ...env, ...extra } : env,
      timeoutMs,
      onOutput: options.onOutput ? emit : undefined,
    });
  let pythonPath: Promise<string> | undefined;
  let appDatabase: Promise<string> | undefined;
  const profile = readProfile(dir);
  profile.catch(() => undefined); // reported by the steps that need it
  const context: StepContext = {
    dir,
    uv: options.uv ?? "uv",
    scratchDir,
    env,
    options,
    coverageThreshold: options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD,
    toolchain: {},
    databases: new ScratchDatabases(
      options.databaseUrl,
      scratchDir,
      (args) =>
        runCommand(context.uv, ["run", "python", ...args], { cwd: dir, env, timeoutMs: 5 * 60 * 1000 }),
      () => profile.then((p) => p.databaseDrivers),
    ),
    profile: () => profile,
    run,
    uvRun: (args, extra, limit, input) =>
      runCommand(context.uv, args, {
        cwd: dir,
        env: extra ? { ...env, ...extra } : env,
        timeoutMs: limit ?? timeoutMs,
        input,
        onOutput: options.onOutput ? emit : undefined,
      }),
    projectPython() {
      pythonPath ??= (async () => {
        const result = await context.uvRun(["run", "python", "-c", "import sys; print(sys.executable)"]);
        const path = result.output.trim().split(/\r?\n/).at(-1);
        if (result.exitCode !== 0 || !path) {
          throw new Error(
            `could not find the project's Python (uv run python): ${lastMeaningfulLine(result.output)}`,
          );
        }
        return path;
      })();
      return pythonPath;
    },
    appDatabase() {
      appDatabase ??= (async () => {
        if (context.migratedDatabase) return context.migratedDatabase;
        const url = await context.databases.create("app");
        const { migrate } = await context.profile();
        const result = await context.uvRun(["run", ...migrate], { DATABASE_URL: url });
        if (result.exitCode !== 0) {
          throw new Error(`${migrate.join(" ")} failed: ${lastMeaningfulLine(result.output)}`);
        }
        return url;
      })();
      return appDatabase;
    },
    emit,
  };

  const report = async (result: StepResult): Promise<void> => {
    if (logDir && result.status !== "skipped") {
      const logPath = join(logDir, `${result.step}.log`);
      try {
        await writeFile(logPath, `${result.output.replace(/\s+$/, "")}\n`);
        result.logPath = logPath;
      } catch {
        // A read-only project still gets its scorecard.
      }
    }
    results.push(result);
    options.onStep?.(result);
  };

  try {
    for (const step of VERIFY_STEPS) {
      current = step.name;
      const blocker = step.needs.map((name) => blocked.get(name)).find(Boolean);
      if (!selected.has(step.name)) {
        // Not run, but what it would have needed still blocks the steps that need it.
        if (blocker) blocked.set(step.name, blocker);
        const why = options.skip?.includes(step.name) ? "skipped (--skip)" : "skipped (not in --only)";
        await report({
          step: step.name,
          status: "skipped",
          ok: false,
          durationMs: 0,
          summary: why,
          output: "",
        });
        continue;
      }
      if (blocker) {
        blocked.set(step.name, blocker);
        await report({
          step: step.name,
          status: "skipped",
          ok: false,
          durationMs: 0,
          summary: `skipped: needs ${blocker}, which failed`,
          output: "",
        });
        continue;
      }
      options.onStepStart?.(step.name);
      const started = performance.now();
      let outcome: StepOutcome;
      try {
        outcome = await step.run(context);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        outcome = {
          ok: false,
          summary: `internal error: ${error instanceof Error ? error.message : String(error)}`,
          output: message,
        };
      }
      const result: StepResult = {
        step: step.name,
        status: outcome.ok ? "passed" : "failed",
        ok: outcome.ok,
        durationMs: Math.round(performance.now() - started),
        summary: outcome.summary,
        output: outcome.output,
      };
      if (outcome.metrics) result.metrics = outcome.metrics;
      if (!outcome.ok) {
        result.excerpt = outcome.excerpt ?? errorExcerpt(step.name, outcome.output);
        blocked.set(step.name, step.name);
      }
      await report(result);
    }
  } finally {
    const problems = await context.databases.dropAll();
    for (const problem of problems) options.onOutput?.("cleanup", `${problem}\n`);
    await rm(scratchDir, { recursive: true, force: true });
  }
  return results;
}
