/** Verification of generated projects: toolchain discovery, commands, steps, services. */
export {
  checkPostgres,
  createTemporaryDatabase,
  DEFAULT_POSTGRES_URL,
  type PostgresCheck,
  postgresAvailable,
  redact,
  type TemporaryDatabase,
  toLibpqUrl,
  withTemporaryDatabase,
} from "./postgres.js";
export { type CommandResult, lastLines, type RunOptions, runCommand } from "./run-command.js";
export {
  DEFAULT_COVERAGE_THRESHOLD,
  STEP_NAMES,
  type StepContext,
  type StepOutcome,
  type StepResult,
  VERIFY_STEPS,
  type VerifyOptions,
  type VerifyStep,
  verifyProject,
} from "./steps.js";
export { type PytestCounts, type PytestSummary, parsePytestOutput, summarizePytest } from "./summaries.js";
export { findPython, findUv, resolveToolchain, type Tool, type Toolchain } from "./toolchain.js";
