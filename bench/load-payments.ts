// Ad-hoc (not part of npm run bench): the bench's POST /api/payments load (16 connections, random referred
// payers — the top referrer owns about half of them) beside the constant route of the same server, in the
// same run, with what the database's backends were doing: pg_stat_activity sampled every 50 ms during the
// payments load (state, wait event, statement; "idle-in-tx" is a round trip to the app inside a
// transaction) and the heavyweight tuple locks, which name the table of a contended row.
// BENCH_DATABASE_URL=… npx tsx --conditions=react-server bench/load-payments.ts [seconds] [rounds] [referrals]
// Seeds the database first if it is empty (referrals, default 100,000), otherwise measures it as it is.
// Needs a build (next build, as npm run bench makes it).
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openBench, loadFixtures, prepareDatabase } from "./lib/database";
import { load, settle } from "./lib/load";
import { startServer } from "./lib/server";

const args = process.argv.slice(2);
const seconds = Number(args[0] ?? 10);
const rounds = Number(args[1] ?? 1);
const referrals = Number(args[2] ?? 100_000);
const url = process.env.BENCH_DATABASE_URL!;
const prepared = await prepareDatabase({ url, referrals, reuse: true, reseed: false });
const handle = await openBench(prepared.db, 2);
const fx = await loadFixtures(handle);
await handle.close();
const pg = postgres(url, { max: 1, onnotice: () => {} });
// CPU-ms of a process so far (utime + stime from /proc, 100 Hz): per request for the server and the backends.
const ticks = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
};
const backends = async () =>
  (
    await pg`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`
  ).map((r) => r.pid as number);
const server = await startServer({ url }, path.join(process.cwd(), "bench", "out", "load-payments.log"));
const bearer = { Authorization: `Bearer ${fx.apiKey}` };
const tag = Date.now().toString(36);
try {
  const warm = await fetch(server.url + "/api/payments", {
    method: "POST",
    headers: { ...bearer, "Content-Type": "application/json" },
    body: JSON.stringify({ external_id: `lp-${tag}-warm`, user_id: fx.payerIds[0], amount_cents: 4_900 }),
  });
  if (!warm.ok) throw new Error(`warm-up: ${warm.status} ${await warm.text()}`);
  console.log(
    `load avg before ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; payers ${fx.payerIds.length}`,
  );
  let n = 0;
  for (let k = 0; k < rounds; k++) {
    await settle(server.url);
    const node0 = ticks(server.pid);
    const c = await load({ url: `${server.url}/api/bench/constant`, connections: 16, seconds });
    const constantNodeMs = (ticks(server.pid) - node0) / c.requests;
    await settle(server.url);
    const waits = new Map<string, number>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const rs =
          await pg`SELECT state, wait_event_type, wait_event, left(query, 40) AS q FROM pg_stat_activity
                             WHERE state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid() AND datname = current_database()`;
        for (const r of rs) {
          const key = `${r.state === "active" ? "" : "idle-in-tx after "}${r.wait_event_type ?? "CPU"}:${r.wait_event ?? "-"} | ${String(r.q).replace(/\s+/g, " ")}`;
          waits.set(key, (waits.get(key) ?? 0) + 1);
        }
        // The row a waiter queues for: the first waiter holds its heavyweight tuple lock (relation named).
        const ts =
          await pg`SELECT relation::regclass::text AS rel, granted FROM pg_locks WHERE locktype = 'tuple'`;
        for (const t of ts) {
          const key = `tuple lock ${t.granted ? "held" : "awaited"} on ${t.rel}`;
          waits.set(key, (waits.get(key) ?? 0) + 1);
        }
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    const pids = await backends();
    const before = new Map(pids.map((pid) => [pid, ticks(pid)]));
    const node1 = ticks(server.pid);
    const p = await load({
      url: `${server.url}/api/payments`,
      connections: 16,
      seconds,
      method: "POST",
      headers: bearer,
      next: () => {
        const i = n++;
        return {
          method: "POST",
          path: "/api/payments",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            external_id: `lp-${tag}-${i}`,
            user_id: fx.payerIds[i % fx.payerIds.length],
            amount_cents: 4_900,
          }),
        };
      },
    });
    const nodeMs = (ticks(server.pid) - node1) / p.requests;
    let dbTicks = 0;
    for (const pid of new Set([...pids, ...(await backends())]))
      dbTicks += ticks(pid) - (before.get(pid) ?? 0);
    sampling = false;
    await sampler;
    console.log(
      `round ${k + 1}: payments ${p.okPerSec.toFixed(1)}/s (p50 ${p.p50Ms} p99 ${p.p99Ms}, non2xx ${p.non2xx} err ${p.errors}) | constant ${c.okPerSec.toFixed(1)}/s | ratio ${(p.okPerSec / c.okPerSec).toFixed(3)} | load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `  cpu/request: payments node ${nodeMs.toFixed(2)} ms + db backends ${(dbTicks / p.requests).toFixed(2)} ms` +
        ` | constant node ${constantNodeMs.toFixed(2)} ms`,
    );
    for (const [key, v] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v}\t${key}`);
  }
} finally {
  await server.stop();
  await pg.end();
}
