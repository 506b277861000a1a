// Ad-hoc (not part of npm run bench): the in-process attribution's CPU per signup, split into this Node
// process (process.cpuUsage) and its PostgreSQL backends (/proc), so less sensitive to a busy machine than a
// rate. `app`: attributeSignup with the hash stubbed, as bench/attribution.ts runs it; `raw`: the bench's
// "same SQL" baseline through postgres.js. PROBE_PROF=<dir> writes a .cpuprofile of the measured part only.
// BENCH_DATABASE_URL=… node --import tsx --import ./bench/hash-stub.mjs --conditions=react-server \
//   bench/attribution-cpu.ts <app|raw> [seconds] [concurrency] [hot]
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { setDatabaseHandle } from "@/db/client";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { openBench, loadFixtures } from "./lib/database";
import { openRaw, rawAttribution } from "./lib/baselines";

const url = process.env.BENCH_DATABASE_URL!;
const [mode = "app", secArg = "8", concArg = "4", hot] = process.argv.slice(2);
const seconds = Number(secArg);
const conc = Number(concArg);
const mon = postgres(url, { max: 1, onnotice: () => {} });
const dbname = new URL(url).pathname.slice(1);
const myPid = Number((await mon`select pg_backend_pid() as p`)[0].p);
async function backendsMs() {
  const rows =
    await mon`select pid from pg_stat_activity where datname = ${dbname} and pid <> ${myPid} and backend_type='client backend'`;
  let ms = 0;
  const pids = new Set<number>();
  for (const r of rows) {
    try {
      const f = readFileSync(`/proc/${r.pid}/stat`, "utf8").split(") ")[1].split(" ");
      ms += (Number(f[11]) + Number(f[12])) * 10;
      pids.add(Number(r.pid));
    } catch {
      // the backend ended between the listing and the read
    }
  }
  return { ms, pids };
}
const h0 = await openBench({ kind: "postgres", url }, 2);
const fx = await loadFixtures(h0);
await h0.close();
const codes = hot ? [fx.hotCode] : fx.codes;
const tag = Date.now().toString(36);
let count = 0;
let failed = 0;
let run: (secs: number) => Promise<void>;
if (mode === "app") {
  const handle = await openBench({ kind: "postgres", url }, conc);
  setDatabaseHandle(handle);
  let n = 0;
  run = async (secs) => {
    const until = performance.now() + secs * 1000;
    await Promise.all(
      Array.from({ length: conc }, async () => {
        while (performance.now() < until) {
          const i = n++;
          try {
            await attributeSignup(handle.db, {
              name: `Bench Probe ${i}`,
              email: `bench-probe-${tag}-${i}@bench.invalid`,
              password: "stubbed",
              businessType: "creator",
              referralCode: codes[i % codes.length],
              ip: `10.78.${(i >> 8) & 255}.${i & 255}`,
              source: "api",
            });
            count++;
          } catch (e) {
            failed++;
            if (failed < 3) console.error(e);
          }
        }
      }),
    );
  };
} else {
  const raw = await openRaw({ kind: "postgres", url }, conc);
  run = async (secs) => {
    const r = await rawAttribution(raw, codes, conc, secs, `${tag}-${Math.random().toString(36).slice(2)}`);
    count += r.count;
    failed += r.failed ?? 0;
  };
}
await run(1.5); // warm-up, opens the pool's connections
count = 0;
failed = 0;
let session: import("node:inspector/promises").Session | undefined;
if (process.env.PROBE_PROF) {
  const { Session } = await import("node:inspector/promises");
  session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
}
const b0 = await backendsMs();
const c0 = process.cpuUsage();
const t0 = performance.now();
await run(seconds);
const wall = (performance.now() - t0) / 1000;
const c1 = process.cpuUsage(c0);
const b1 = await backendsMs();
if (session) {
  const { profile } = await session.post("Profiler.stop");
  const { writeFileSync, mkdirSync } = await import("node:fs");
  mkdirSync(process.env.PROBE_PROF!, { recursive: true });
  writeFileSync(`${process.env.PROBE_PROF}/probe-${Date.now()}.cpuprofile`, JSON.stringify(profile));
}

for (const pid of b0.pids) if (!b1.pids.has(pid)) console.error("backend vanished", pid);
const bms = b1.ms - b0.ms;
const nodeMs = (c1.user + c1.system) / 1000;
console.log(
  JSON.stringify({
    mode,
    hot: !!hot,
    conc,
    ok: count,
    failed,
    perSec: +(count / wall).toFixed(1),
    nodeMsPerOp: +(nodeMs / count).toFixed(2),
    nodeSysMsPerOp: +(c1.system / 1000 / count).toFixed(2),
    pgMsPerOp: +(bms / count).toFixed(2),
    load: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
  }),
);
await mon.end();
process.exit(0);
