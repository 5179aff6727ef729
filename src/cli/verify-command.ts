/**
 * `python-specialist verify [dir]` and the verification after `new --verify`: live progress on stderr
 * while the steps run, then the scorecard (a table, or JSON with --json) on stdout.
 * Exit codes: 0 every step that ran passed, 1 a step failed, 2 a usage error.
 */
import { access, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { FRAMEWORKS } from "../blueprint/schema.js";
import { killAllCommands } from "../verify/run-command.js";
import { renderScorecard, type Scorecard } from "../verify/scorecard.js";
import { killAllServers } from "../verify/server.js";
import { STEP_NAMES, selectSteps } from "../verify/steps.js";
import { stripAnsi } from "../verify/summaries.js";
import type { StepResult, VerifyOptions } from "../verify/types.js";
import { runVerification } from "../verify/verify.js";

/** Ends the command with this exit code; whatever had to be said has been printed already. */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit code ${exitCode}`);
  }
}

/** The options of `new` (declared here to keep program.ts short). */
export interface NewOptions {
  blueprint?: string;
  framework?: (typeof FRAMEWORKS)[number];
  force?: boolean;
  dryRun?: boolean;
  verify?: boolean;
  /** With --verify: steps not to run. */
  skip?: string[];
}

interface GlobalOptions {
  json?: boolean;
}

interface VerifyCliOptions {
  only?: string[];
  skip?: string[];
  databaseUrl?: string;
  coverage?: string;
  python?: string;
  fuzzExamples?: string;
  seed?: string;
}

/** Writes a usage error the way the rest of the CLI does, and exits with 2. */
function usage(json: boolean | undefined, message: string): never {
  process.stderr.write(json ? `${JSON.stringify({ error: message })}\n` : `error: ${message}\n`);
  throw new CommandExit(2);
}

/** `--skip lint,types --skip boot` → ["lint", "types", "boot"] */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

function positiveNumber(
  json: boolean | undefined,
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) usage(json, `${name} must be a non-negative number, got "${value}"`);
  return n;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** Live progress on stderr: a spinner with elapsed time and the latest output line on a terminal, plain lines elsewhere. */
export class Progress {
  private readonly tty: boolean;
  private timer: NodeJS.Timeout | undefined;
  private step = "";
  private started = 0;
  private lastLine = "";
  private frame = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = !!stream.isTTY && !process.env.CI;
  }

  start(step: string): void {
    this.step = step;
    this.started = performance.now();
    this.lastLine = "";
    if (!this.tty) {
      this.stream.write(`… ${step}\n`);
      return;
    }
    this.timer = setInterval(() => this.draw(), 100);
    this.draw();
  }

  output(chunk: string): void {
    const lines = stripAnsi(chunk)
      .split(/\r?\n|\r/)
      .map((l) => l.trim())
      .filter(Boolean);
    const last = lines.at(-1);
    if (last) this.lastLine = last;
  }

  finish(result: StepResult): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const mark = result.status === "passed" ? "✓" : result.status === "failed" ? "✗" : "–";
    const time = result.status === "skipped" ? "" : `${(result.durationMs / 1000).toFixed(1)}s`;
    const text = `${mark} ${result.step.padEnd(10)} ${time.padStart(7)}  ${result.summary}`;
    this.stream.write(this.tty ? `\r\u001b[K${this.fit(text)}\n` : `${text}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private fit(text: string): string {
    const width = this.stream.columns || 100;
    return text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text;
  }

  private draw(): void {
    const elapsed = ((performance.now() - this.started) / 1000).toFixed(1);
    const frame = SPINNER[this.frame++ % SPINNER.length];
    this.stream.write(
      `\r\u001b[K${this.fit(`${frame} ${this.step.padEnd(10)} ${`${elapsed}s`.padStart(7)}  ${this.lastLine}`)}`,
    );
  }
}

/** Runs verification with live progress; returns the scorecard. */
export async function verifyWithProgress(dir: string, options: VerifyOptions): Promise<Scorecard> {
  const progress = new Progress();
  // Ctrl-C or a kill: the servers and tools verify started run in their own process groups, so they
  // would outlive it; stop them first.
  const interrupted = (signal: NodeJS.Signals): void => {
    progress.stop();
    killAllServers();
    killAllCommands();
    process.stderr.write(`\nverify interrupted (${signal})\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    return await runVerification(dir, {
      ...options,
      onStepStart: (step) => progress.start(step),
      onOutput: (_step, chunk) => progress.output(chunk),
      onStep: (result) => progress.finish(result),
    });
  } finally {
    progress.stop();
    process.removeListener("SIGINT", interrupted);
    process.removeListener("SIGTERM", interrupted);
  }
}

export function printScorecard(scorecard: Scorecard, json: boolean | undefined, extra: object = {}): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...extra, ...scorecard }, null, 2)}\n`);
    return;
  }
  const color = !!process.stdout.isTTY && !process.env.NO_COLOR;
  process.stdout.write(
    `\n${renderScorecard(scorecard, { color, width: process.stdout.columns || undefined })}\n`,
  );
}

async function requireProject(json: boolean | undefined, dir: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) usage(json, `${dir} is not a directory`);
  } catch (error) {
    if (error instanceof CommandExit) throw error;
    usage(json, `${dir} does not exist`);
  }
  try {
    await access(join(dir, "pyproject.toml"));
  } catch {
    usage(
      json,
      `${dir} has no pyproject.toml: not a Python project (generate one with \`python-specialist new <dir> --blueprint <file>\`)`,
    );
  }
}

function toVerifyOptions(json: boolean | undefined, options: VerifyCliOptions): VerifyOptions {
  try {
    selectSteps(options.only, options.skip);
  } catch (error) {
    usage(json, error instanceof Error ? error.message : String(error));
  }
  if (options.databaseUrl !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(options.databaseUrl)) {
    usage(
      json,
      `--database-url must be a SQLAlchemy URL such as postgresql+asyncpg://user:password@localhost:5432/postgres, got "${options.databaseUrl}"`,
    );
  }
  const coverage = positiveNumber(json, "--coverage", options.coverage);
  const maxExamples = positiveNumber(json, "--fuzz-examples", options.fuzzExamples);
  const seed = positiveNumber(json, "--seed", options.seed);
  return {
    ...(options.only ? { steps: options.only } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(coverage !== undefined ? { coverageThreshold: coverage } : {}),
    ...(options.python ? { python: options.python } : {}),
    fuzz: {
      ...(maxExamples !== undefined ? { maxExamples: Math.max(1, Math.round(maxExamples)) } : {}),
      ...(seed !== undefined ? { seed: Math.round(seed) } : {}),
    },
  };
}

/** `new --skip`: checked before anything is generated, so a misspelt step name wastes no work. */
export function checkNewSkip(json: boolean | undefined, options: NewOptions): void {
  if (!options.skip) return;
  if (!options.verify) usage(json, "--skip names steps of --verify; add --verify");
  toVerifyOptions(json, { skip: options.skip });
}

/** Verifies a project just written by `new`; prints its scorecard (merged with `generated` for --json). */
export async function verifyNewProject(
  json: boolean | undefined,
  dir: string,
  generated: object,
  message: string,
  skip?: string[],
): Promise<void> {
  if (!json) process.stdout.write(`${message}\nVerifying…\n`);
  const scorecard = await verifyWithProgress(resolve(dir), skip ? { skip } : {});
  printScorecard(scorecard, json, json ? { generated } : {});
  if (!scorecard.ok) throw new CommandExit(1);
}

export function registerVerifyCommand(program: Command): void {
  program
    .command("verify")
    .description(
      "prove a generated project works: toolchain, install, lint, types, migrations, tests, boot, fuzz",
    )
    .argument("[dir]", "project directory", ".")
    .option("--only <steps>", `run only these steps, comma-separated (${STEP_NAMES.join(", ")})`, collect)
    .option("--skip <steps>", "do not run these steps, comma-separated", collect)
    .option(
      "--database-url <url>",
      "verify against this database server (e.g. postgresql+asyncpg://user:pass@localhost:5432/postgres); " +
        "each step gets a fresh database on it",
    )
    .option("--coverage <percent>", "minimum test coverage (default 90)")
    .option("--python <path>", "Python interpreter for the project's environment")
    .option("--fuzz-examples <n>", "schemathesis test cases per operation and phase (default 10)")
    .option("--seed <n>", "schemathesis seed, to reproduce a fuzz run")
    .addHelpText(
      "after",
      "\nLogs of every step and scorecard.json are written to <dir>/.python-specialist/verify/.\n" +
        "Exit code: 0 when every step that ran passed, 1 when one failed, 2 on a usage error.",
    )
    .action(async (dir: string, options: VerifyCliOptions) => {
      const { json } = program.opts<GlobalOptions>();
      const projectDir = resolve(dir);
      const verifyOptions = toVerifyOptions(json, options);
      await requireProject(json, projectDir);
      const scorecard = await verifyWithProgress(projectDir, verifyOptions);
      printScorecard(scorecard, json);
      if (!scorecard.ok) throw new CommandExit(1);
    });
}
