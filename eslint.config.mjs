import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

// One pattern for both layers below them: the rule for db/ repeats lib/'s (a later block replaces the rule).
const BELOW_SEED_BENCH_TESTING = {
  group: ["@/seed/*", "@/bench/*", "@/testing/*"],
  message: "lib/ and db/ sit below seed/, bench/ and testing/.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The arrows run one way: app → components → lib → db. Demo data and seeding (seed/), the bench and the
    // test harness (testing/) sit above lib and db, so nothing below may import them; db imports no lib.
    files: ["lib/**/*.ts", "lib/**/*.tsx", "db/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [BELOW_SEED_BENCH_TESTING] }] },
  },
  {
    files: ["db/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            BELOW_SEED_BENCH_TESTING,
            {
              group: ["@/lib/*", "@/app/*", "@/components/*"],
              message: "db/ is the bottom layer: it imports no lib/, app/ or components/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Entry points are handed the database by their wrapper (route(), action(), the page guards) and read
    // through lib/: nothing under app/ or components/ opens the database or names its tables.
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*", "**/db/*"],
              message:
                "app/ and components/ get the database from their wrapper's context and types from lib/ (lib/context, lib/enums).",
            },
          ],
        },
      ],
    },
  },
  {
    // Test helpers named use* (useTestDatabase) and Playwright fixtures' `use` are not React hooks.
    files: ["**/*.test.ts", "testing/**/*.ts", "e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];
export default config;
