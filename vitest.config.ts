import { defineConfig } from "vitest/config";

/** Tests that read the built site (dist/) with Node only. */
const DIST_TESTS = ["test/dist/links.test.ts", "test/dist/version.test.ts", "test/dist/no-network.test.ts", "test/budget/**/*.test.ts", "test/site/dist.test.ts"];
/** Tests that drive Chromium against dist/ (and table.test.ts, which is quick plain Node). */
const BROWSER_TESTS = ["test/browser/**/*.test.ts"];

export default defineConfig({
  test: {
    // Data builds over the full snapshot take a few seconds each, and up to a
    // minute or two on a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // The machines this runs on have 2 cores: one worker per core, no more.
    maxWorkers: 2,
    // Three groups, one after another, so the browser tests' timings never
    // share the CPU with the builds of the reproducibility test or with the
    // dist tests that gzip and parse every page.
    projects: [
      {
        extends: true,
        test: { name: "node", include: ["test/**/*.test.ts"], exclude: [...DIST_TESTS, ...BROWSER_TESTS], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "dist", include: DIST_TESTS, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        // One Chromium at a time.
        test: { name: "browser", include: BROWSER_TESTS, fileParallelism: false, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
