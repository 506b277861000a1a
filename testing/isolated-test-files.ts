// Files that replace modules (vi.mock), stub globals or change process.env: each gets a fresh module
// graph. Every other file shares its worker's already-imported modules (isolate: false), which saves
// importing the app (drizzle schema, react-email, zxcvbn dictionaries…) again for each of ~140 files:
// about a third of the suite's time. They share nothing else: each installs its own database handle
// (testing/use-test-database.ts) and files in one worker run one after another.
// A new test file that mocks or stubs must be listed here; testing/isolated-test-files.test.ts checks that.
export const ISOLATED_TEST_FILES = [
  "app/api/bench/constant/route.test.ts",
  "db/read-replica.test.ts",
  "lib/accounts/password-reset.test.ts",
  "lib/auth/admin-actions-authorization.test.ts",
  "lib/auth/auth-route.test.ts",
  "lib/auth/login-throttle.test.ts",
  "lib/auth/referrer-actions-authorization.test.ts",
  "lib/commissions/currencies-api.test.ts",
  "lib/commissions/currencies-read-models.test.ts",
  "lib/embed/embed-action.test.ts",
  "lib/embed/embed-tokens.test.ts",
  "lib/exports/referral-export.test.ts",
  "lib/invites/send-email-invites.test.ts",
  "lib/jobs/job-runner.test.ts",
  "lib/openapi/api-client.test.ts",
  "lib/rate-limit.test.ts",
  "lib/referrals/limit-code-validation.test.ts",
  "lib/settings.test.ts",
  "lib/validation/hostile-requests.test.ts",
  "lib/webhooks/webhooks.test.ts",
];
