/** Verification of generated projects: toolchain discovery, commands, steps, services, scorecard. */
export {
  checkDatabaseReachable,
  databaseKind,
  redactUrl,
  ScratchDatabases,
} from "./databases.js";
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
export { bootStep, FUZZ_CHECKS, fuzzStep, SCHEMATHESIS_REQUIREMENT } from "./runtime-steps.js";
export {
  buildScorecard,
  formatDuration,
  renderScorecard,
  SCORECARD_SCHEMA,
  SCORECARD_VERSION,
  type Scorecard,
  type ScorecardStep,
  writeScorecard,
} from "./scorecard.js";
export {
  DEFAULT_COVERAGE_THRESHOLD,
  defaultLogDir,
  STEP_NAMES,
  selectSteps,
  VERIFY_STEPS,
  verifyProject,
} from "./steps.js";
export {
  errorExcerpt,
  type PytestCounts,
  type PytestSummary,
  parsePytestOutput,
  summarizePytest,
} from "./summaries.js";
export {
  ensureUv,
  findPython,
  findPythons,
  findUv,
  resolveToolchain,
  type Tool,
  type Toolchain,
  UV_VERSION,
} from "./toolchain.js";
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
export { runVerification } from "./verify.js";
