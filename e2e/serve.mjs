// Playwright's webServer: build the app (unless E2E_SKIP_BUILD=1), then run the production server
// (server.mjs, what `npm start` runs) on 127.0.0.1:E2E_PORT against a brand-new database, so every run
// starts from the demo seed: a fresh database on the TEST_DATABASE_URL server when one is set (as in CI:
// the same server the integration tests use; PostgreSQL in its own processes leaves the app's event loop
// to the app), else an embedded PGlite folder.
// Stops (and removes the temporary database) when Playwright sends SIGTERM/SIGINT.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import postgres from "postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const PORT = process.env.E2E_PORT ?? "3100"; // set by playwright.config.ts
const HOST = "127.0.0.1";

// The database folder (and PGlite's lock file beside it) lives in a fresh temp directory.
const tempRoot = mkdtempSync(path.join(os.tmpdir(), "musenest-e2e-"));
const dataDir = path.join(tempRoot, "pglite");

const env = { ...process.env };
// The e2e app never runs on whatever database the shell's DATABASE_URL points at.
delete env.DATABASE_URL;
// …and never mails anyone: without SMTP_URL e-mail invites stay in the outbox, which is what the specs read.
delete env.SMTP_URL;
Object.assign(env, {
  NEXT_TELEMETRY_DISABLED: "1",
  // Test-only: signs the sessions of this throwaway server and nothing else.
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789abcdef",
  NEXTAUTH_URL: `http://${HOST}:${PORT}`,
  PGLITE_DATA_DIR: dataDir,
  DEMO_PASSWORD: "demo-password-123",
  // Test-only: e2e/commissions.spec.ts signs its Stripe events with it.
  STRIPE_WEBHOOK_SECRET: "whsec_e2e_only_0123456789abcdef",
  // Periodic jobs run when a spec asks (the admin's "Approve due commissions"), never on their own.
  JOBS: "off",
  // e2e/admin-webhooks.spec.ts receives webhooks on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "1",
  // One JSON line per request would bury Playwright's output; warnings and errors still show.
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  // As if one reverse proxy stood in front: a spec can then play a client at any address by sending the
  // X-Forwarded-For that proxy would have appended (e2e/server-edge.spec.ts).
  TRUST_PROXY_HOPS: "1",
  // Every spec comes from 127.0.0.1: the per-address sign-in budget would be shared by all of them
  // (and by the fuzz suite's wrong passwords). The per-e-mail budget stays at its default; the
  // per-address one is proven in lib/auth/login-throttle.test.ts.
  LOGIN_MAX_FAILURES_PER_ADDRESS: "10000",
  // The one origin allowed to frame the referral panel: the host page of e2e/embed-panel.spec.ts, on the
  // port playwright.config.ts chose (or a fixed stand-in when this script runs on its own).
  EMBED_ALLOWED_ORIGINS: `http://${HOST}:${process.env.E2E_EMBED_HOST_PORT ?? "3999"}`,
});
delete env.BODY_LIMIT_BYTES;

let child;
let stopping = false;

// TEST_DATABASE_URL names a local PostgreSQL server (the integration tests refuse any other host): the
// app gets a database of its own there, created empty (the server's bootstrap migrates and seeds it)
// and dropped on exit.
const pgServerUrl = process.env.TEST_DATABASE_URL || undefined;
const pgDatabase = pgServerUrl ? `musenest_e2e_${randomBytes(6).toString("hex")}` : undefined;

async function admin(statement) {
  const client = postgres(pgServerUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function createDatabase() {
  if (!pgDatabase) return;
  await admin(`CREATE DATABASE "${pgDatabase}"`);
  const url = new URL(pgServerUrl);
  url.pathname = `/${pgDatabase}`;
  env.DATABASE_URL = url.toString();
  delete env.PGLITE_DATA_DIR;
}

let dropped = false;
async function dropDatabase() {
  if (!pgDatabase || dropped) return;
  dropped = true;
  await admin(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`).catch((error) =>
    console.error(`[e2e] could not drop ${pgDatabase}: ${error.message}`),
  );
}

function removeTempRoot() {
  rmSync(tempRoot, { recursive: true, force: true });
}

function run(args, label) {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      child = undefined;
      if (code === 0) resolve();
      else reject(new Error(`${label} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (child) {
      // The main flow below drops the database once the server has exited.
      child.kill(signal);
      // If the server ignores the signal, do not outlive Playwright's own SIGKILL deadline.
      setTimeout(() => child?.kill("SIGKILL"), 6_000).unref();
    } else {
      removeTempRoot();
      dropDatabase().finally(() => process.exit(1));
    }
  });
}
process.on("exit", () => {
  child?.kill("SIGKILL");
  removeTempRoot();
});

let code = 0;
try {
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("[e2e] E2E_SKIP_BUILD=1: using the existing .next build");
  } else {
    console.log("[e2e] next build");
    await run([nextBin, "build"], "next build");
    // Pages are dynamic, but if anything opened the database during the build, start from nothing anyway.
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (stopping) process.exit(1);
  await createDatabase();
  const where = pgDatabase ? `PostgreSQL database ${pgDatabase}` : `PGlite in ${dataDir}`;
  console.log(`[e2e] server.mjs on http://${HOST}:${PORT} (${where})`);
  await run([path.join(root, "server.mjs"), "-p", PORT, "-H", HOST], "server.mjs");
} catch (error) {
  if (!stopping) console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  code = stopping ? 0 : 1;
}
await dropDatabase();
process.exit(code);
