/** Reading and judging the scorecard `verify` writes, for the execution tests. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { formatDuration, type Scorecard } from "../../src/verify/scorecard.js";

export async function readScorecard(projectDir: string): Promise<Scorecard> {
  const path = join(projectDir, ".python-specialist", "verify", "scorecard.json");
  return JSON.parse(await readFile(path, "utf8")) as Scorecard;
}

/** One line per step for the test log: the wall time per example and step the issue asks for. */
export function logTimes(label: string, scorecard: Scorecard): void {
  const steps = scorecard.steps
    .filter((s) => s.status !== "skipped")
    .map((s) => `${s.name} ${formatDuration(s.durationMs)}`)
    .join(", ");
  console.log(`[${label}] verify ${formatDuration(scorecard.durationMs)}: ${steps}`);
}

/** Fails with every failed step's summary, first error lines and log path. */
export function expectGreen(
  label: string,
  code: number,
  scorecard: Scorecard,
  expectedSkipped: readonly string[],
): void {
  const failed = scorecard.steps.filter((s) => s.status === "failed");
  if (failed.length > 0 || code !== 0) {
    throw new Error(
      [
        `${label}: verify exited ${code}`,
        ...failed.flatMap((s) => [
          `step "${s.name}" failed: ${s.summary}`,
          ...(s.excerpt ?? []).map((l) => `    ${l}`),
          `    log: ${s.log}`,
        ]),
      ].join("\n"),
    );
  }
  expect(scorecard.ok).toBe(true);
  expect(scorecard.steps.filter((s) => s.status === "skipped").map((s) => s.name)).toEqual(expectedSkipped);
  expect(scorecard.steps.filter((s) => s.status !== "skipped").every((s) => s.status === "passed")).toBe(
    true,
  );
}
