/** The shapes shared by the verification steps, the runner and the scorecard. */
import type { ScratchDatabases } from "./databases.js";
import type { ProjectProfile } from "./profile.js";
import type { CommandResult } from "./run-command.js";
import type { Tool } from "./toolchain.js";

export type StepStatus = "passed" | "failed" | "skipped";

/** Numbers (and a few strings) a step measured, e.g. { passed: 57, coverage: 94.1 }; part of the JSON scorecard. */
export type StepMetrics = Record<string, number | string | boolean>;

export interface StepResult {
  step: string;
  status: StepStatus;
  /** status === "passed" */
  ok: boolean;
  durationMs: number;
  /** One line for humans, e.g. "57 passed, 94% coverage"; for a skipped step, why it was skipped. */
  summary: string;
  /** Everything the step's commands printed, each command introduced by a `$ command` line. */
  output: string;
  metrics?: StepMetrics;
  /** On failure: the first relevant error lines, to show inline. */
  excerpt?: string[];
  /** The full log of the step, when logs are written. */
  logPath?: string;
}

export interface StepOutcome {
  ok: boolean;
  summary: string;
  output: string;
  metrics?: StepMetrics;
  /** Overrides the excerpt computed from `output` (see errorExcerpt). */
  excerpt?: string[];
}

export interface FuzzOptions {
  /** Test cases per API operation and phase (schemathesis --max-examples); default 10. */
  maxExamples?: number;
  /** Seed for reproducible runs; default: random (reported in the metrics). */
  seed?: number;
  /** Limit for the whole schemathesis run; default 5 minutes. */
  timeoutMs?: number;
  /** Concurrent schemathesis workers; default 2. */
  workers?: number;
}

export interface VerifyOptions {
  /**
   * Database server to verify against (SQLAlchemy URL, e.g. postgresql+asyncpg://user:pass@host/postgres).
   * Each step gets a fresh database created on that server (and dropped afterwards). Without it every
   * step uses scratch SQLite files and the tests use the project's own default.
   */
  databaseUrl?: string;
  /** The uv binary (default: on PATH or in the tool's cache; installed there from PyPI when missing). */
  uv?: string;
  /** Interpreter for uv to build the environment with (UV_PYTHON); default: uv's own discovery. */
  python?: string;
  /** Minimum total coverage in percent for the tests step (default 90). */
  coverageThreshold?: number;
  /** Run only these steps (still in their fixed order); toolchain always runs. */
  steps?: readonly string[];
  /** Steps not to run. */
  skip?: readonly string[];
  /** Limit for each command (default 15 minutes). */
  commandTimeoutMs?: number;
  /** Extra environment variables for every command. */
  env?: Record<string, string>;
  /** Where step logs go; default `<dir>/.python-specialist/verify`; false writes none. */
  logDir?: string | false;
  fuzz?: FuzzOptions;
  onStepStart?: (step: string) => void;
  onStep?: (result: StepResult) => void;
  /** Raw output as it arrives, for live progress. */
  onOutput?: (step: string, chunk: string) => void;
}

/** What a step gets to work with. */
export interface StepContext {
  /** The project directory. */
  dir: string;
  /** The uv binary; set by the toolchain step. */
  uv: string;
  /** A private directory for this run, removed afterwards. */
  scratchDir: string;
  /** The environment of every command. */
  env: NodeJS.ProcessEnv;
  options: VerifyOptions;
  coverageThreshold: number;
  /** What the toolchain step found. */
  toolchain: { python?: Tool; uv?: Tool };
  databases: ScratchDatabases;
  /** Runs a command in the project directory with the verification environment; never throws. */
  run(command: string, args: readonly string[], env?: Record<string, string>): Promise<CommandResult>;
  /** Runs `uv <args>` the same way; `input` goes to its stdin. */
  uvRun(
    args: readonly string[],
    env?: Record<string, string>,
    timeoutMs?: number,
    input?: string,
  ): Promise<CommandResult>;
  /** How to serve, migrate and administer the project (its pyproject's table); throws when it is missing. */
  profile(): Promise<ProjectProfile>;
  /** The project environment's interpreter (from `uv run python`); throws with the output on failure. */
  projectPython(): Promise<string>;
  /** A scratch database migrated to head, shared by boot and fuzz; throws with the output on failure. */
  appDatabase(): Promise<string>;
  /** The migrations step's database once it passed (at head, untouched since): appDatabase reuses it. */
  migratedDatabase?: string;
  /** Streams a chunk of output to the live progress. */
  emit(chunk: string): void;
}

export interface VerifyStep {
  name: string;
  /** What the step proves, for help texts and the scorecard. */
  description: string;
  /** Steps whose failure makes this one pointless: it is skipped then. */
  needs: readonly string[];
  run(context: StepContext): Promise<StepOutcome>;
}
