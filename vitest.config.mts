import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // Two cores: one test file per core. End-to-end files drive the real
    // engine and set their own, longer timeouts.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A test that forgets to assert fails instead of passing silently.
    expect: { requireAssertions: true },
  },
});
