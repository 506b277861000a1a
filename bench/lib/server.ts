// The app as production runs it: `next build`, then server.mjs (what `npm start` runs) in a child process
// that is always stopped — at the end, on an error, and on ctrl-c.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const children = new Set<ChildProcess>();

function killAll(signal: NodeJS.Signals) {
  for (const child of children) child.kill(signal);
}
process.on("exit", () => killAll("SIGKILL"));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping`);
    killAll("SIGKILL");
    process.exit(130);
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    children.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

/** `next build`, unless BENCH_SKIP_BUILD=1 and a build exists. */
export async function buildApp(): Promise<"built" | "reused"> {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    return "reused";
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  await run([nextBin, "build"], env, "next build");
  return "built";
}

/** A port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

/**
 * server.mjs on the bench database with MUSENEST_BENCH=1 (the constant baseline route answers) and
 * one trusted proxy hop, so the load can come from many client addresses (the per-address limits of
 * code validation and sign-in would otherwise refuse one busy address).
 */
export async function startServer(
  db: { url?: string; pgliteDir?: string },
  logFile: string,
  /** Extra node flags for the server (an ad-hoc probe's --cpu-prof). */
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"), // this throwaway server's sessions only
    NEXTAUTH_URL: url,
    MUSENEST_BENCH: "1",
    JOBS: "off",
    TRUST_PROXY_HOPS: "1",
    DEMO_SEED: "off",
  };
  delete env.SMTP_URL;
  if (db.url) env.DATABASE_URL = db.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = db.pgliteDir;
  }
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(root, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.add(child);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      children.delete(child);
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
    await exit;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error(`server.mjs exited during start-up; see ${logFile}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server.mjs not ready after 180 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, pid: child.pid!, stop };
}

/** Resident memory of a process in MB (VmRSS), or NaN where /proc is not available. */
export function rssMb(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Runs `node args…` to completion (stopped with the bench), returning its stdout. */
export function runNodeCapture(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    children.add(child);
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`node ${args.join(" ")} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

/** Runs any program to completion (stopped with the bench), returning its stdout. */
export function runCapture(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let out = "";
    let err = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} exited with ${signal ?? `code ${code}`}: ${err.slice(-2000)}`));
    });
  });
}
