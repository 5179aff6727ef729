/**
 * Run lengths. Full: warm-up, then 3 interleaved runs of 5 s per app and workload (≈ 5 minutes of
 * load). Smoke: one 2-second run per app and workload, enough to prove correctness and completion.
 */
export interface BenchSettings {
  readonly runs: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Requests of each read workload compared across the apps before loading. */
  readonly checkedRequests: number;
}

export const FULL: BenchSettings = {
  runs: 3,
  seconds: 5,
  warmupSeconds: 2,
  connections: 32,
  checkedRequests: 30,
};
export const SMOKE: BenchSettings = {
  runs: 1,
  seconds: 2,
  warmupSeconds: 0,
  connections: 8,
  checkedRequests: 5,
};
