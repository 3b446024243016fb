import { defineConfig } from "vitest/config";

/**
 * Three projects:
 *  - unit: pure code in core/ (and server helpers without a database)
 *  - db:   the database suite through the front door (buildApp + inject); PGlite by default,
 *          PostgreSQL when TEST_DATABASE_URL is set (npm run test:pg)
 *  - e2e:  Playwright journeys in Debian's Chromium (only run when /usr/bin/chromium exists)
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: [
            "core/**/*.test.ts",
            "server/lib/**/*.test.ts",
            "server/importers/**/*.test.ts",
            "scripts/**/*.test.ts",
            "web/**/*.test.ts",
            "web/**/*.test.tsx",
          ],
          environment: "node",
          // Not 5 s: on a busy two-core machine a test that reads a real register file or starts
          // worker threads may take seconds without anything being wrong.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "db",
          sequence: { groupOrder: 1 },
          // *.pg.test.ts need a real PostgreSQL server (several connections): only in `npm run test:pg`.
          include: ["server/**/*.db.test.ts", "test/db/**/*.test.ts", ...(process.env.TEST_DATABASE_URL ? ["server/**/*.pg.test.ts"] : [])],
          exclude: ["server/lib/**"],
          environment: "node",
          globalSetup: ["test/setup/pglite-template.ts"],
          setupFiles: ["test/setup/cheap-password-hashing.ts"],
          // Generous: a register import or a CLI run on a busy shared machine can take a minute
          // without anything being wrong; nothing here waits for a timeout to pass.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: true,
          maxWorkers: 2,
          // Files share their worker's module graph instead of importing the whole server again
          // each (seconds per file). Every file still builds its own app on its own database and
          // leaves the environment as it found it.
          isolate: false,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["test/e2e/**/*.spec.ts"],
          environment: "node",
          globalSetup: ["test/setup/pglite-template.ts"],
          // Two spec files at a time (two cores): each has its own server, database and Chromium.
          // Within a worker the files share the imported server modules.
          isolate: false,
          // A journey through several pages takes tens of seconds on a busy two-core machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
