import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Data builds over the full snapshot take a few seconds each.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
