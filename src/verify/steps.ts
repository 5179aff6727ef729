/**
 * Verification of a generated project: the steps `python-specialist verify` runs inside it, in order,
 * stopping at the first failure. Each step is a small object in VERIFY_STEPS; later steps (boot with a
 * health probe, API fuzzing) and the scorecard build on the same StepResult list and callbacks.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CommandResult, runCommand } from "./run-command.js";
import {
  lastMeaningfulLine,
  parsePytestOutput,
  summarizeMypy,
  summarizePytest,
  summarizeRuff,
  summarizeUvSync,
} from "./summaries.js";
import { findUv } from "./toolchain.js";

export interface StepResult {
  step: string;
  ok: boolean;
  durationMs: number;
  /** One line for humans, e.g. "57 passed, 94% coverage". */
  summary: string;
  /** Everything the step's commands printed, each command introduced by a `$ command` line. */
  output: string;
}

export interface VerifyOptions {
  /** Database for migrations and tests (SQLAlchemy URL). Without it, migrations run on a scratch SQLite
   *  file and the tests use the project's own default. */
  databaseUrl?: string;
  /** The uv binary (default: found on PATH or in the ensure-uv.sh cache). */
  uv?: string;
  /** Interpreter for uv to build the environment with (UV_PYTHON); default: uv's own discovery. */
  python?: string;
  /** Minimum total coverage in percent for the tests step (default 90). */
  coverageThreshold?: number;
  /** Run only these steps (still in their fixed order), e.g. ["install", "migrations", "tests"]. */
  steps?: readonly string[];
  /** Limit for each command (default 15 minutes). */
  commandTimeoutMs?: number;
  /** Extra environment variables for every command. */
  env?: Record<string, string>;
  onStepStart?: (step: string) => void;
  onStep?: (result: StepResult) => void;
  /** Raw output as it arrives, for live progress. */
  onOutput?: (step: string, chunk: string) => void;
}

/** What a step gets to work with. */
export interface StepContext {
  /** The project directory. */
  dir: string;
  uv: string;
  /** A private directory for this run, removed afterwards. */
  scratchDir: string;
  /** Database for migrations: the given URL or a scratch SQLite file. */
  migrationDatabaseUrl: string;
  /** Database for the tests; undefined means the project's default. */
  testDatabaseUrl: string | undefined;
  coverageThreshold: number;
  /** Runs a command in the project directory with the verification environment; never throws. */
  run(command: string, args: readonly string[], env?: Record<string, string>): Promise<CommandResult>;
  /** Runs `uv <args>` the same way. */
  uvRun(args: readonly string[], env?: Record<string, string>): Promise<CommandResult>;
}

export interface StepOutcome {
  ok: boolean;
  summary: string;
  output: string;
}

export interface VerifyStep {
  name: string;
  /** What the step proves, for help texts and the scorecard. */
  description: string;
  run(context: StepContext): Promise<StepOutcome>;
}

export const DEFAULT_COVERAGE_THRESHOLD = 90;
const DEFAULT_COMMAND_TIMEOUT_MS = 15 * 60 * 1000;

function transcript(entries: readonly (readonly [string, CommandResult])[]): string {
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

export const installStep: VerifyStep = {
  name: "install",
  description: "dependencies resolve and install with uv",
  async run(context) {
    const { failed, output, entries } = await sequence(context, [["sync"]]);
    const summary = failed
      ? `uv sync failed: ${lastMeaningfulLine(failed[1].output)}`
      : summarizeUvSync(entries[0]?.[1].output ?? "");
    return { ok: !failed, summary, output };
  },
};

export const lintStep: VerifyStep = {
  name: "lint",
  description: "ruff finds no lint errors and no unformatted files",
  async run(context) {
    // Both commands run even if the first fails: one report shows lint and format problems together.
    const check = await context.uvRun(["run", "ruff", "check", "."]);
    const format = await context.uvRun(["run", "ruff", "format", "--check", "."]);
    const ok = check.exitCode === 0 && format.exitCode === 0;
    return {
      ok,
      summary: summarizeRuff(check.output, format.output),
      output: transcript([
        ["uv run ruff check .", check],
        ["uv run ruff format --check .", format],
      ]),
    };
  },
};

export const typesStep: VerifyStep = {
  name: "types",
  description: "mypy (strict, as configured by the project) finds no type errors",
  async run(context) {
    const { failed, output, entries } = await sequence(context, [["run", "mypy"]]);
    return { ok: !failed, summary: summarizeMypy(entries[0]?.[1].output ?? ""), output };
  },
};

export const migrationsStep: VerifyStep = {
  name: "migrations",
  description: "alembic migrations apply to an empty database and match the models",
  async run(context) {
    const env = { DATABASE_URL: context.migrationDatabaseUrl };
    const { failed, output } = await sequence(
      context,
      [
        ["run", "alembic", "upgrade", "head"],
        ["run", "alembic", "check"],
      ],
      env,
    );
    if (!failed) return { ok: true, summary: "upgrade head applied; alembic check: models match", output };
    const which = failed[0].includes("upgrade") ? "alembic upgrade head" : "alembic check";
    return { ok: false, summary: `${which} failed: ${lastMeaningfulLine(failed[1].output)}`, output };
  },
};

export const testsStep: VerifyStep = {
  name: "tests",
  description: "the project's pytest suite passes with enough coverage",
  async run(context) {
    const env = context.testDatabaseUrl ? { DATABASE_URL: context.testDatabaseUrl } : undefined;
    const args = [
      "run",
      "pytest",
      "--cov",
      "--cov-report=term",
      `--cov-fail-under=${context.coverageThreshold}`,
    ];
    const { failed, output, entries } = await sequence(context, [args], env);
    const result = entries[0]?.[1];
    let summary = summarizePytest(result?.output ?? "", context.coverageThreshold);
    if (failed && !parsePytestOutput(result?.output ?? "").counts) {
      summary = `pytest failed: ${lastMeaningfulLine(result?.output ?? "")}`;
    }
    return { ok: !failed, summary, output };
  },
};

/** The steps in the order they run. */
export const VERIFY_STEPS: readonly VerifyStep[] = [
  installStep,
  lintStep,
  typesStep,
  migrationsStep,
  testsStep,
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

/**
 * Verifies the project in `dir`: install, lint, types, migrations, tests — in this order, stopping after
 * the first failure. Never throws for a failing project; each step's result is reported through
 * `onStep` as it finishes and returned in the list.
 */
export async function verifyProject(dir: string, options: VerifyOptions = {}): Promise<StepResult[]> {
  const selected = options.steps;
  if (selected) {
    const unknown = selected.filter((name) => !STEP_NAMES.includes(name));
    if (unknown.length > 0) {
      throw new Error(
        `unknown verification step(s): ${unknown.join(", ")} (known: ${STEP_NAMES.join(", ")})`,
      );
    }
  }
  const steps = VERIFY_STEPS.filter((s) => !selected || selected.includes(s.name));
  const results: StepResult[] = [];
  const report = (result: StepResult): StepResult[] => {
    results.push(result);
    options.onStep?.(result);
    return results;
  };

  const env = verificationEnv(options);
  const uv = options.uv ?? (await findUv(env))?.path;
  if (!uv) {
    const first = steps[0]?.name ?? "install";
    options.onStepStart?.(first);
    return report({
      step: first,
      ok: false,
      durationMs: 0,
      summary: "uv not found on PATH or in the cache; run scripts/ensure-uv.sh",
      output: "",
    });
  }

  const scratchDir = await mkdtemp(join(tmpdir(), "python-specialist-verify-"));
  try {
    const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    let current = "";
    const run: StepContext["run"] = (command, args, extra) =>
      runCommand(command, args, {
        cwd: dir,
        env: extra ? { ...env, ...extra } : env,
        timeoutMs,
        onOutput: options.onOutput ? (chunk) => options.onOutput?.(current, chunk) : undefined,
      });
    const context: StepContext = {
      dir,
      uv,
      scratchDir,
      migrationDatabaseUrl: options.databaseUrl ?? `sqlite+aiosqlite:///${join(scratchDir, "verify.db")}`,
      testDatabaseUrl: options.databaseUrl,
      coverageThreshold: options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD,
      run,
      uvRun: (args, extra) => run(uv, args, extra),
    };

    for (const step of steps) {
      current = step.name;
      options.onStepStart?.(step.name);
      const started = performance.now();
      let outcome: StepOutcome;
      try {
        outcome = await step.run(context);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        outcome = { ok: false, summary: `internal error: ${String(error)}`, output: message };
      }
      report({ step: step.name, durationMs: Math.round(performance.now() - started), ...outcome });
      if (!outcome.ok) break;
    }
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
  return results;
}
