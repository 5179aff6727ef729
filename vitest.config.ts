import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Execution tests install and run whole Python projects; they need minutes, not seconds.
    testTimeout: 20 * 60 * 1000,
    hookTimeout: 20 * 60 * 1000,
    // Two cores: run test files one after another so uv, mypy and pytest don't starve each other.
    fileParallelism: false,
  },
});
