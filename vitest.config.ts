import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests run lib/ code directly.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
      // Actions word their answers with getTranslations, which needs a Next request: tests get the same catalogues without one.
      "next-intl/server": path.join(root, "tests/support/next-intl-server.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "tests/architecture/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/*.app.test.ts", "node_modules/**"],
          environment: "node",
          // One module graph for all unit files instead of one per file: importing
          // the same modules again for each of the 71 files was more than half of
          // this project's time (52 → 22 s with the 2 cores nearly idle, 84 → 49 s
          // and 47 → 25 s of CPU with them busy).
          // So a file that changes process.env or the parsed env puts it back.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts", "app/**/*.integration.test.ts", "tests/integration/**/*.test.ts"],
          exclude: ["**/*.app.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["tests/support/integration-setup.ts"],
          // The test gateway's simulated delivery reports would move messages on behind a test's back; tests that want them ask.
          env: { SMS_TEST_REPORT_DELAY_MS: "0" },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Tests that serve the production build (tests/support/app-server.ts):
        // a group of their own, run after the others, so that while `npm test`
        // is still building the app, Vitest's worker runs everything else
        // instead of waiting for the build.
        extends: true,
        test: {
          name: "app",
          include: ["lib/**/*.app.test.ts", "app/**/*.app.test.ts", "tests/integration/**/*.app.test.ts", "tests/http/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/integration-setup.ts"],
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Several app servers of the build on databases of their own (crash
        // and restart, two instances): `npm test` runs this project on its own
        // (tests/run.ts). Both files at once: each has its own database, servers
        // and ports, and two-instances mostly waits (its waves are 5 s apart, and
        // its holds expire only with the once-a-minute sweep), so the crash test
        // uses the CPU it leaves idle instead of queueing behind it (117 → 89 s).
        extends: true,
        test: {
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/integration-setup.ts"],
          maxWorkers: 2,
          // A group of its own (Vitest refuses projects of different maxWorkers in one group), after the app group.
          sequence: { groupOrder: 2 },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
