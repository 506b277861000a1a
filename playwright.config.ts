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
// The port of the host page e2e/embed-panel.spec.ts serves from another origin: e2e/serve.mjs lets
// http://127.0.0.1:<it> frame the panel (EMBED_ALLOWED_ORIGINS), chosen the same way.
process.env.E2E_EMBED_HOST_PORT ||= freePort();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Two cores: the Next.js server, PGlite and Chromium already share them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
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
      },
    },
  ],
  webServer: {
    // Builds (unless E2E_SKIP_BUILD=1) and starts the app on a fresh embedded database with the demo seed.
    command: "node e2e/serve.mjs",
    url: `${baseURL}/api/ready`,
    // Includes `next build` (unless E2E_SKIP_BUILD=1): several minutes on a slow or busy 2-core machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets serve.mjs stop `next start` and delete its temporary database folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
