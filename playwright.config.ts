import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two copies of the suite run side by side on one machine (.ci/run exports a free one).
// Unset, a port free right now is chosen once, in the first process that reads this config, and put in
// the environment: the web server (e2e/serve.mjs) and the workers inherit it, so they all agree.
const freePort = () =>
  execFileSync(process.execPath, [
    "-e",
    'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });',
  ])
    .toString()
    .trim();
process.env.E2E_PORT ||= freePort();
process.env.E2E_PORT_2 ||= freePort();
// The port of the host page e2e/embed-panel.spec.ts serves from another origin: e2e/serve.mjs lets
// http://127.0.0.1:<it> frame the panel (EMBED_ALLOWED_ORIGINS), chosen the same way.
process.env.E2E_EMBED_HOST_PORT ||= freePort();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const secondBaseURL = `http://127.0.0.1:${process.env.E2E_PORT_2}`;

// Two servers, each on its own fresh database, and one project per server running its spec files one after
// another (in name order, as before): the two projects run side by side, filling the gaps one sequential
// test leaves (Chromium waiting on the server, the server on the database). Each test runs ~1.65× slower
// beside another, so the gain is modest; it was measured, not assumed. Each spec still runs alone against its
// server, so no spec needs to tolerate another one's writes.
// These go to the second server: about half of the suite's time, from the durations of a full run.
const SECOND_SERVER_SPECS = [
  "every-page",
  "currencies",
  "admin-reports",
  "dashboard-tabs",
  "rewards",
  "notifications",
  "password-reset",
  "commissions",
];
const secondServerMatch = SECOND_SERVER_SPECS.map((name) => new RegExp(`/${name}\\.spec\\.ts$`));

const chromium = {
  ...devices["Desktop Chrome"],
  // Animations off (the app honours prefers-reduced-motion): headless Chromium otherwise keeps compositing
  // frames for them, and with traces this was most of the browser's CPU on a 2-core machine.
  reducedMotion: "reduce" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-dev-shm-usage",
    ],
  },
};

/** The app on `port`, built first unless `skipBuild`, on a fresh database with the demo seed (e2e/serve.mjs). */
const server = (url: string, port: string, skipBuild: boolean) => ({
  command: "node e2e/serve.mjs",
  url: `${url}/api/ready`,
  env: { E2E_PORT: port, ...(skipBuild ? { E2E_SKIP_BUILD: "1" } : {}) },
  // Includes `next build` (unless E2E_SKIP_BUILD=1): several minutes on a slow or busy 2-core machine.
  timeout: 600_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  // SIGTERM lets serve.mjs stop `next start` and drop or delete its temporary database.
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
});

export default defineConfig({
  testDir: "e2e",
  // One worker per project (below): each server serves one spec at a time.
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    screenshot: "only-on-failure",
    // Recorded on the retry of a failed test only (CI retries once): recording every passing test's trace
    // (a screencast and DOM snapshots per action) cost about a quarter of the suite's wall time here.
    // Locally: `npx playwright test --trace on`.
    trace: "on-first-retry",
  },
  projects: [
    { name: "chromium", testIgnore: secondServerMatch, workers: 1, use: { ...chromium, baseURL } },
    {
      name: "chromium-2",
      testMatch: secondServerMatch,
      workers: 1,
      use: { ...chromium, baseURL: secondBaseURL },
    },
  ],
  // Started one after the other: the first builds (unless E2E_SKIP_BUILD=1), the second reuses its build.
  webServer: [
    server(baseURL, process.env.E2E_PORT!, process.env.E2E_SKIP_BUILD === "1"),
    server(secondBaseURL, process.env.E2E_PORT_2!, true),
  ],
});
