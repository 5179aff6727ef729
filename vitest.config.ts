import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Execution tests install and run whole Python projects; they need minutes, not seconds.
    testTimeout: 20 * 60 * 1000,
    hookTimeout: 20 * 60 * 1000,
    // Two workers for two cores; the execution matrix is split into two shard files, one per worker.
    // minWorkers must equal maxWorkers: with fewer, the pool lets an idle worker go and does not bring
    // it back while another file runs, so the two shards ran one after the other (CI took 45 minutes).
    maxWorkers: 2,
    minWorkers: 2,
  },
});
