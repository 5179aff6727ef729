import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Execution tests install and run whole Python projects; they need minutes, not seconds.
    testTimeout: 20 * 60 * 1000,
    hookTimeout: 20 * 60 * 1000,
    // Two workers for two cores. The execution matrix is split into two shard files so that a free
    // worker can take half of it (vitest decides when: in a full run they may still run in turn).
    maxWorkers: 2,
    minWorkers: 1,
  },
});
