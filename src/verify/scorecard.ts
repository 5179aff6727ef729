/**
 * The scorecard of a verification run: a stable JSON document (schema in docs/verify.md) and the table
 * printed for humans. Pure functions of the step results.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { databaseKind, redactUrl } from "./databases.js";
import type { StepMetrics, StepResult, StepStatus } from "./types.js";

export const SCORECARD_SCHEMA = "python-specialist/verify-scorecard";
export const SCORECARD_VERSION = 1;

export interface ScorecardStep {
  name: string;
  status: StepStatus;
  durationMs: number;
  summary: string;
  metrics: StepMetrics;
  /** First relevant error lines (failed steps only). */
  excerpt?: string[];
  /** Absolute path of the step's full log (steps that ran, when logs were written). */
  log?: string;
}

export interface Scorecard {
  schema: typeof SCORECARD_SCHEMA;
  version: typeof SCORECARD_VERSION;
  /** True when every step that ran passed (the exit code is 0 exactly then). */
  ok: boolean;
  project: { dir: string };
  database: { kind: string; url?: string };
  startedAt: string;
  durationMs: number;
  counts: Record<StepStatus, number>;
  steps: ScorecardStep[];
  /** Where the step logs and scorecard.json are, when written. */
  logDir?: string;
}

export interface ScorecardMeta {
  dir: string;
  databaseUrl?: string;
  startedAt: Date;
  durationMs: number;
  logDir?: string;
}

export function buildScorecard(results: readonly StepResult[], meta: ScorecardMeta): Scorecard {
  const counts: Record<StepStatus, number> = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  const database = meta.databaseUrl
    ? { kind: databaseKind(meta.databaseUrl), url: redactUrl(meta.databaseUrl) }
    : { kind: "sqlite" };
  return {
    schema: SCORECARD_SCHEMA,
    version: SCORECARD_VERSION,
    ok: counts.failed === 0 && counts.passed > 0,
    project: { dir: meta.dir },
    database,
    startedAt: meta.startedAt.toISOString(),
    durationMs: Math.round(meta.durationMs),
    counts,
    steps: results.map((r) => ({
      name: r.step,
      status: r.status,
      durationMs: r.durationMs,
      summary: r.summary,
      metrics: r.metrics ?? {},
      ...(r.excerpt && r.status === "failed" ? { excerpt: r.excerpt } : {}),
      ...(r.logPath ? { log: r.logPath } : {}),
    })),
    ...(meta.logDir ? { logDir: meta.logDir } : {}),
  };
}

export async function writeScorecard(scorecard: Scorecard, logDir: string): Promise<string> {
  await mkdir(logDir, { recursive: true });
  const path = join(logDir, "scorecard.json");
  await writeFile(path, `${JSON.stringify(scorecard, null, 2)}\n`);
  return path;
}

/** "0.4s", "25.1s", "1m 32s" */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
}

export interface RenderOptions {
  color?: boolean;
  /** Width to cut the details column at (default: no limit). */
  width?: number;
}

const MARK: Record<StepStatus, string> = { passed: "✓", failed: "✗", skipped: "–" };
const COLOR: Record<StepStatus, string> = {
  passed: "\u001b[32m",
  failed: "\u001b[31m",
  skipped: "\u001b[2m",
};
const RESET = "\u001b[0m";

/** The scorecard table, then one block per failed step: summary, first error lines, log path. */
export function renderScorecard(scorecard: Scorecard, options: RenderOptions = {}): string {
  const paint = (status: StepStatus, text: string): string =>
    options.color ? `${COLOR[status]}${text}${RESET}` : text;
  const rows = scorecard.steps.map((s) => ({
    status: s.status,
    cells: [
      s.name,
      `${MARK[s.status]} ${s.status}`,
      s.status === "skipped" ? "" : formatDuration(s.durationMs),
      s.summary,
    ],
  }));
  const header = ["step", "result", "time", "details"];
  const widths = [0, 1, 2].map((i) =>
    Math.max(header[i]?.length ?? 0, ...rows.map((r) => r.cells[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[], status?: StepStatus): string => {
    const [name = "", result = "", time = "", details = ""] = cells;
    const fixed = `  ${name.padEnd(widths[0] ?? 0)}  ${result.padEnd(widths[1] ?? 0)}  ${time.padStart(widths[2] ?? 0)}  `;
    const room = options.width ? Math.max(20, options.width - fixed.length) : Number.POSITIVE_INFINITY;
    const cut = details.length > room ? `${details.slice(0, room - 1)}…` : details;
    const text = `${fixed}${cut}`.trimEnd();
    return status ? paint(status, text) : text;
  };
  const out: string[] = [line(header), line(widths.map((w) => "─".repeat(w)).concat("─".repeat(7)))];
  for (const row of rows) out.push(line(row.cells, row.status));

  for (const step of scorecard.steps.filter((s) => s.status === "failed")) {
    out.push("", paint("failed", `✗ ${step.name}: ${step.summary}`));
    // The summary is printed already; an excerpt line that only repeats it says nothing new.
    const repeats = (l: string): boolean =>
      l.replace(/…$/, "").length > 20 && step.summary.includes(l.replace(/^\w+: /, "").replace(/…$/, ""));
    for (const excerptLine of (step.excerpt ?? []).filter((l) => !repeats(l))) out.push(`    ${excerptLine}`);
    if (step.log) out.push(`    full log: ${step.log}`);
  }

  const { passed, failed, skipped } = scorecard.counts;
  const verdict = scorecard.ok ? "verified" : "verification FAILED";
  out.push(
    "",
    `${verdict}: ${passed} passed, ${failed} failed, ${skipped} skipped in ${formatDuration(scorecard.durationMs)}` +
      (scorecard.logDir ? ` — logs in ${scorecard.logDir}` : ""),
  );
  return out.join("\n");
}
