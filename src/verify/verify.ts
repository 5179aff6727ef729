/** One verification run end to end: the steps, then the scorecard, written next to the step logs. */
import { resolve } from "node:path";
import { buildScorecard, type Scorecard, writeScorecard } from "./scorecard.js";
import { defaultLogDir, verifyProject } from "./steps.js";
import type { VerifyOptions } from "./types.js";

/**
 * Verifies the project in `dir` and returns its scorecard; `scorecard.json` goes into the log directory
 * (default `<dir>/.python-specialist/verify/`) unless `logDir` is false.
 */
export async function runVerification(dir: string, options: VerifyOptions = {}): Promise<Scorecard> {
  const projectDir = resolve(dir);
  const logDir = options.logDir === false ? undefined : resolve(options.logDir ?? defaultLogDir(projectDir));
  const startedAt = new Date();
  const started = performance.now();
  const results = await verifyProject(projectDir, { ...options, logDir: logDir ?? false });
  const scorecard = buildScorecard(results, {
    dir: projectDir,
    databaseUrl: options.databaseUrl,
    startedAt,
    durationMs: performance.now() - started,
    logDir,
  });
  if (logDir) {
    try {
      await writeScorecard(scorecard, logDir);
    } catch {
      // The scorecard is still returned and printed.
    }
  }
  return scorecard;
}
