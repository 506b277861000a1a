import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { ISOLATED_TEST_FILES } from "./testing/isolated-test-files";

const root = fileURLToPath(new URL(".", import.meta.url));

const exclude = ["**/node_modules/**", "e2e/**", ".next/**", ".data/**"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: /^server-only$/, replacement: `${root}testing/empty-module.ts` },
    ],
  },
  test: {
    environment: "node",
    globalSetup: ["testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two cores: each integration file holds its own database (a PGlite WASM instance or a
    // PostgreSQL connection pool), so two files at a time keeps the machine responsive.
    maxWorkers: 2,
    env: {
      // Safety net: code that reaches getDb() without useTestDatabase() gets a throwaway in-memory
      // database, never a developer's DATABASE_URL or .data/ folder.
      DATABASE_URL: "",
      PGLITE_DATA_DIR: "memory://",
    },
    projects: [
      {
        extends: true,
        test: { name: "isolated", include: ISOLATED_TEST_FILES, exclude, isolate: true },
      },
      {
        extends: true,
        test: {
          name: "shared",
          include: ["**/*.test.ts"],
          exclude: [...exclude, ...ISOLATED_TEST_FILES],
          isolate: false,
        },
      },
    ],
  },
});
