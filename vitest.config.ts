import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Execution tests install and run whole Python projects; they need minutes, not seconds.
    testTimeout: 20 * 60 * 1000,
    hookTimeout: 20 * 60 * 1000,
    // Two workers for two cores: the execution matrix is split into two shard files (one Python tool
    // at a time each), so both cores are busy and neither is oversubscribed.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
