/** Medians over the runs, ratios and the printed table of the HTTP benchmark. */
import type { Cell, HttpBenchResult } from "./http-bench.js";
import type { AppName } from "./servers.js";

/** Targets of the issue: generated ≥ 0.6 × the raw baseline on reads, ≥ 2 × the plain ORM version. */
export const TARGET_VS_BASELINE = 0.6;
export const TARGET_VS_PLAIN = 2;

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Summary {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly cpuMsPerRequest: number;
}

export function summarize(cell: Cell): Summary {
  return {
    requestsPerSecond: median(cell.runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(cell.runs.map((r) => r.p50Ms)),
    p99Ms: median(cell.runs.map((r) => r.p99Ms)),
    errors: cell.runs.reduce((sum, r) => sum + r.errors, 0),
    cpuMsPerRequest: median(cell.runs.map((r) => r.cpuMsPerRequest)),
  };
}

/**
 * Generated vs the others: by throughput (the target's measure), and by server CPU per request (other
 * ≥ CPU / generated CPU), which a busy shared machine disturbs much less than throughput.
 */
export interface WorkloadRatios {
  readonly workload: string;
  readonly read: boolean;
  readonly vsBaseline: number;
  readonly vsPlain: number;
  readonly cpuVsBaseline: number;
  readonly cpuVsPlain: number;
}

function find(result: HttpBenchResult, workload: string, app: AppName): Summary | undefined {
  const cell = result.cells.find((c) => c.workload === workload && c.app === app);
  return cell && summarize(cell);
}

export function ratios(result: HttpBenchResult): WorkloadRatios[] {
  return result.workloads.map((w) => {
    const [generated, baseline, plain] = (["generated", "baseline", "plain"] as const).map((app) =>
      find(result, w.id, app),
    );
    const rps = (s: Summary | undefined) => s?.requestsPerSecond ?? Number.NaN;
    const cpu = (s: Summary | undefined) => s?.cpuMsPerRequest ?? Number.NaN;
    return {
      workload: w.id,
      read: w.read,
      vsBaseline: rps(generated) / rps(baseline),
      vsPlain: rps(generated) / rps(plain),
      cpuVsBaseline: cpu(baseline) / cpu(generated),
      cpuVsPlain: cpu(plain) / cpu(generated),
    };
  });
}

function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

/** A ratio for the table; "–" when a side had no completed requests. */
function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "–";
}

export function renderTable(result: HttpBenchResult): string {
  const header = [
    pad("workload", 40, true),
    pad("app", 10, true),
    pad("req/s", 8),
    pad("p50 ms", 8),
    pad("p99 ms", 8),
    pad("errors", 7),
    pad("CPU ms/req", 10),
    pad("gen/base", 9),
    pad("(CPU)", 7),
    pad("gen/plain", 10),
    pad("(CPU)", 7),
  ].join(" ");
  const lines = [header, "─".repeat(header.length)];
  const allRatios = ratios(result);
  for (const workload of result.workloads) {
    const ratio = allRatios.find((r) => r.workload === workload.id);
    for (const app of ["generated", "baseline", "plain"] as const) {
      const s = find(result, workload.id, app);
      if (!s) continue;
      const isGenerated = app === "generated";
      lines.push(
        [
          pad(isGenerated ? workload.title : "", 40, true),
          pad(app, 10, true),
          pad(s.requestsPerSecond.toFixed(0), 8),
          pad(s.p50Ms.toFixed(1), 8),
          pad(s.p99Ms.toFixed(1), 8),
          pad(String(s.errors), 7),
          pad(s.cpuMsPerRequest.toFixed(2), 10),
          pad(isGenerated && ratio ? times(ratio.vsBaseline) : "", 9),
          pad(isGenerated && ratio ? times(ratio.cpuVsBaseline) : "", 7),
          pad(isGenerated && ratio ? times(ratio.vsPlain) : "", 10),
          pad(isGenerated && ratio ? times(ratio.cpuVsPlain) : "", 7),
        ].join(" "),
      );
    }
  }
  return lines.join("\n");
}

export function renderTargets(result: HttpBenchResult): string {
  const all = ratios(result);
  const reads = all.filter((r) => r.read);
  const baselineMet = reads.every((r) => r.vsBaseline >= TARGET_VS_BASELINE);
  const plainMet = all.every((r) => r.vsPlain >= TARGET_VS_PLAIN);
  const list = (rs: WorkloadRatios[], key: "vsBaseline" | "vsPlain") =>
    rs.map((r) => `${r.workload} ${times(r[key])}`).join(", ");
  return [
    `target generated ≥ ${TARGET_VS_BASELINE} × baseline on reads (req/s): ${baselineMet ? "met" : "NOT met"} (${list(reads, "vsBaseline")})`,
    `target generated ≥ ${TARGET_VS_PLAIN} × plain ORM (req/s): ${plainMet ? "met" : "NOT met"} (${list(all, "vsPlain")})`,
    "(CPU) columns: the other app's server CPU per request ÷ the generated app's; on a shared machine they",
    "are the steadier comparison, since other processes' load lowers req/s but not the server's own CPU cost.",
  ].join("\n");
}

export function renderMismatches(result: HttpBenchResult): string {
  return result.mismatches
    .map(
      (m) =>
        `  ${m.app}: ${m.request}\n    expected ${m.expected.slice(0, 400)}\n    actual   ${m.actual.slice(0, 400)}`,
    )
    .join("\n");
}
