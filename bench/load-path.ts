// Ad-hoc (not part of npm run bench): one path under load beside the constant route of the same server, in
// the same run, with the CPU each request cost the server process and the database's backends (from /proc,
// so less sensitive to a busy machine than latency).
// BENCH_DATABASE_URL=… npx tsx --conditions=react-server bench/load-path.ts <admin|referrer|none> <path> [connections] [seconds] [rounds]
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { demoPassword } from "@/seed/seed";
import { openBench, loadFixtures } from "./lib/database";
import { load, settle, signIn, nextClientAddress, type LoadResult } from "./lib/load";
import { startServer } from "./lib/server";

const [who, p, cArg, sArg, rArg] = process.argv.slice(2);
const connections = Number(cArg ?? 10);
const seconds = Number(sArg ?? 10);
const rounds = Number(rArg ?? 1);
const url = process.env.BENCH_DATABASE_URL!;
const handle = await openBench({ kind: "postgres", url } as never, 2);
const fx = await loadFixtures(handle);
await handle.close();
const pg = postgres(url, { max: 1, onnotice: () => {} });
const ticks = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, 100 Hz → ms
  } catch {
    return 0;
  }
};
const server = await startServer({ url }, path.join(process.cwd(), "bench", "out", "load-path.log"));
const backends = async () =>
  (
    await pg`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`
  ).map((r) => r.pid as number);
async function measured(run: () => Promise<LoadResult>) {
  const pids = await backends();
  const before = new Map(pids.map((pid) => [pid, ticks(pid)]));
  const node0 = ticks(server.pid);
  const r = await run();
  const node = ticks(server.pid) - node0;
  let db = 0;
  for (const pid of new Set([...pids, ...(await backends())])) db += ticks(pid) - (before.get(pid) ?? 0);
  return { r, nodeMs: node / r.requests, dbMs: db / r.requests };
}
const fmt = ({ r, nodeMs, dbMs }: Awaited<ReturnType<typeof measured>>) =>
  `p50 ${r.p50Ms} p99 ${r.p99Ms} ms, ${r.okPerSec.toFixed(1)}/s, cpu/req node ${nodeMs.toFixed(1)} db ${dbMs.toFixed(1)} ms` +
  (r.non2xx || r.errors ? `, non2xx ${r.non2xx} err ${r.errors}` : "");
try {
  const headers: Record<string, string> = {};
  if (who === "admin") headers.Cookie = await signIn(server.url, fx.adminEmail, demoPassword());
  if (who === "referrer") headers.Cookie = await signIn(server.url, fx.topReferrer.email, demoPassword());
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const res = await fetch(server.url + p, {
      headers: { ...headers, "X-Forwarded-For": nextClientAddress() },
    });
    bytes = (await res.arrayBuffer()).byteLength;
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
  }
  console.log(
    `load avg before ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; ${p} ${bytes} bytes`,
  );
  for (let k = 0; k < rounds; k++) {
    await settle(server.url);
    const c = await measured(() => load({ url: `${server.url}/api/bench/constant`, connections, seconds }));
    await settle(server.url);
    const r = await measured(() => load({ url: server.url + p, connections, seconds, headers }));
    console.log(`round ${k + 1}: ${p} ${fmt(r)} | constant ${fmt(c)}`);
  }
  console.log(
    `load avg after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await server.stop();
  await pg.end();
}
