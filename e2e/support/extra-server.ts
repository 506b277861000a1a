// A second production server (server.mjs) from the same `.next` build, with its own settings, for specs
// that need what the main e2e server can't be: no trusted proxy (the production default), or a
// deliberately broken environment. Its own free port and its own throwaway PGlite folder.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const serverScript = path.join(root, "server.mjs");

export const E2E_SECRET = "e2e-only-secret-not-for-production-0123456789abcdef";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The environment of an extra server: the shell's, minus anything that would reach real services. */
export function baseEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    JOBS: "off",
    DEMO_SEED: "off",
    // One JSON line per request would bury the test output; warnings and errors still show.
    LOG_LEVEL: "warn",
  };
  for (const name of ["DATABASE_URL", "SMTP_URL", "TRUST_PROXY_HOPS", "BODY_LIMIT_BYTES", "NEXTAUTH_URL"]) {
    delete env[name];
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs `node server.mjs` to its exit (for start-up refusals): exit code and everything it printed. */
export function runToExit(
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverScript, "-p", "0", "-H", "127.0.0.1"], { cwd: root, env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server.mjs was still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export type ExtraServer = {
  baseURL: string;
  stop: () => Promise<void>;
  /** The server process, e.g. to send it SIGTERM, and its exit code once it exits. */
  child: ChildProcess;
  exited: Promise<number | null>;
};

/** Starts server.mjs and waits for /api/ready (its database migrated). */
export async function startServer(extraEnv: Record<string, string | undefined>): Promise<ExtraServer> {
  const port = await freePort();
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), "musenest-e2e-extra-"));
  const env = baseEnv({
    NEXTAUTH_SECRET: E2E_SECRET,
    PGLITE_DATA_DIR: path.join(tempRoot, "pglite"),
    ...extraEnv,
  });
  const child: ChildProcess = spawn(process.execPath, [serverScript, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(tempRoot, { recursive: true, force: true });
  };
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${baseURL}/api/ready`)).ok) return { baseURL, stop, child, exited };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the extra server on ${baseURL} did not become ready`);
}
