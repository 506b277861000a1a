// A throwaway PostgreSQL primary and a streaming replica (pg_basebackup -R) from the binaries on this
// machine, for the cluster spec. Runs as the `postgres` system user when the test runs as root (PostgreSQL
// refuses to run as root). Fast and unsafe settings (fsync off): the data lives for one test.
import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function postgresBinariesMissing(): string | null {
  for (const tool of ["initdb", "pg_ctl", "pg_basebackup"])
    if (!existsSync(path.join(PG_BIN, tool))) return `${path.join(PG_BIN, tool)} is not installed`;
  return null;
}

const asRoot = process.getuid?.() === 0;

function run(tool: string, args: string[]): string {
  const file = path.join(PG_BIN, tool);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return execFileSync(cmd, argv, { cwd: os.tmpdir(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Free ports from the range given to this test (55432–55439 by default; PG_CLUSTER_PORTS=first-last). */
async function freePorts(count: number): Promise<number[]> {
  const [first, last] = (process.env.PG_CLUSTER_PORTS ?? "55432-55439").split("-").map(Number);
  const ports: number[] = [];
  for (let port = first; port <= last && ports.length < count; port++)
    if (await portFree(port)) ports.push(port);
  if (ports.length < count) throw new Error(`no ${count} free ports in ${first}-${last}`);
  return ports;
}

export type PgCluster = {
  primaryUrl: string;
  replicaUrl: string;
  /** Every statement each server ran (log_statement=all), prefixed with `application_name|`. */
  primaryLog: () => string;
  replicaLog: () => string;
  stop: () => void;
};

const SETTINGS = [
  "listen_addresses = '127.0.0.1'",
  "fsync = off",
  "synchronous_commit = off",
  "full_page_writes = off",
  "max_connections = 200",
  "log_statement = 'all'",
  "log_line_prefix = '%a|'",
  "log_min_messages = warning",
  "shared_buffers = 64MB",
];

export async function startPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "musenest-pgcluster-"));
  chmodSync(dir, 0o755);
  const owner = asRoot
    ? {
        uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
        gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
      }
    : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const primary = path.join(dir, "primary");
  const replica = path.join(dir, "replica");
  const started: string[] = [];
  const stop = () => {
    for (const data of started.reverse()) {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already down
      }
    }
    started.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [primaryPort, replicaPort] = await freePorts(2);
    run("initdb", ["-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    appendFileSync(
      path.join(primary, "postgresql.conf"),
      [...SETTINGS, `port = ${primaryPort}`, `unix_socket_directories = '${dir}'`, ""].join("\n"),
    );
    run("pg_ctl", ["-D", primary, "-l", path.join(dir, "primary.log"), "-w", "start"]);
    started.push(primary);
    run("pg_basebackup", [
      ...["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"],
      ...["-D", replica, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"],
    ]);
    // The copy carries the primary's settings: only the port differs (the last line wins).
    appendFileSync(path.join(replica, "postgresql.conf"), `port = ${replicaPort}\n`);
    if (owner) chownSync(path.join(replica, "postgresql.conf"), owner.uid, owner.gid);
    run("pg_ctl", ["-D", replica, "-l", path.join(dir, "replica.log"), "-w", "start"]);
    started.push(replica);
    const read = (file: string) => () => {
      try {
        return readFileSync(path.join(dir, file), "utf8");
      } catch {
        return "";
      }
    };
    return {
      primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
      primaryLog: read("primary.log"),
      replicaLog: read("replica.log"),
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
