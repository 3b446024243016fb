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
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["test/e2e/**/*.spec.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
