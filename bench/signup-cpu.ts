// Ad-hoc (not part of npm run bench): where an HTTP signup's CPU goes, less sensitive to a busy machine than
// a rate. Starts server.mjs on the bench database, sends `POST /api/clients` (as the bench's signup row) from
// `concurrency` callers for `seconds`, and reports per signup: the server process's CPU (all its threads, the
// hash's included, from /proc), its PostgreSQL backends' CPU, and this process's (the load's) — beside one
// argon2id hash's CPU measured here with the app's hashPassword. PROBE_PROF=1 starts the server with
// --cpu-prof (its profile lands in bench/out/signup-prof) to see the main thread's share by function.
// `constant` instead of `hot`: the bench's constant-JSON route instead, the floor of any request's CPU.
// BENCH_DATABASE_URL=… npx tsx bench/signup-cpu.ts [seconds] [concurrency] [hot|constant]
import { readFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { hashPassword } from "@/lib/auth/password";
import { openBench, loadFixtures } from "./lib/database";
import { nextClientAddress } from "./lib/load";
import { startServer } from "./lib/server";

const url = process.env.BENCH_DATABASE_URL!;
const [secArg = "8", concArg = "8", variant] = process.argv.slice(2);
const hot = variant === "hot";
const constant = variant === "constant";
const seconds = Number(secArg);
const conc = Number(concArg);

function procMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

const mon = postgres(url, { max: 1, onnotice: () => {} });
const dbname = new URL(url).pathname.slice(1);
const myPid = Number((await mon`select pg_backend_pid() as p`)[0].p);
async function backendsMs(): Promise<number> {
  const rows =
    await mon`select pid from pg_stat_activity where datname = ${dbname} and pid <> ${myPid} and backend_type='client backend'`;
  let ms = 0;
  for (const r of rows) {
    try {
      ms += procMs(Number(r.pid));
    } catch {
      // the backend ended between the listing and the read
    }
  }
  return ms;
}

// One hash's CPU (process.cpuUsage counts the thread pool's threads too), at the same parallelism.
async function hashMs(): Promise<number> {
  let n = 0;
  const c0 = process.cpuUsage();
  const until = performance.now() + 3000;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (performance.now() < until) {
        await hashPassword(`probe ${n++}`);
      }
    }),
  );
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / n;
}

const h0 = await openBench({ kind: "postgres", url }, 2);
const fx = await loadFixtures(h0);
await h0.close();
const codes = hot ? [fx.hotCode] : fx.codes;
const profDir = path.join(process.cwd(), "bench", "out", "signup-prof");
if (process.env.PROBE_PROF) {
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
}
const server = await startServer(
  { url },
  path.join(process.cwd(), "bench", "out", "signup-cpu.log"),
  process.env.PROBE_PROF ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [],
);
const tag = Date.now().toString(36);
let n = 0;
let ok = 0;
let failed = 0;
async function run(secs: number) {
  const until = performance.now() + secs * 1000;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (performance.now() < until) {
        const i = n++;
        const res = constant
          ? await fetch(`${server.url}/api/bench/constant`, { headers: { "Accept-Encoding": "identity" } })
          : await fetch(`${server.url}/api/clients`, {
              method: "POST",
              headers: {
                // As autocannon sends it: no compressed answer.
                "Accept-Encoding": "identity",
                Authorization: `Bearer ${fx.apiKey}`,
                "Content-Type": "application/json",
                "X-Forwarded-For": nextClientAddress(),
              },
              body: JSON.stringify({
                name: `Bench Probe ${i}`,
                email: `bench-probe-${tag}-${i}@bench.invalid`,
                business_type: "creator",
                referral_code: codes[i % codes.length],
              }),
            });
        await res.arrayBuffer();
        if (res.status === (constant ? 200 : 201)) ok++;
        else {
          failed++;
          if (failed < 3) console.error(res.status);
        }
      }
    }),
  );
}
try {
  await run(3); // warm-up: route code loaded, the pool's connections open
  ok = 0;
  failed = 0;
  const s0 = procMs(server.pid);
  const b0 = await backendsMs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run(seconds);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const serverMs = procMs(server.pid) - s0;
  const pgMs = (await backendsMs()) - b0;
  const hash = await hashMs();
  console.log(
    JSON.stringify({
      variant: variant ?? "random",
      conc,
      ok,
      failed,
      perSec: +(ok / wall).toFixed(1),
      serverMsPerOp: +(serverMs / ok).toFixed(2),
      serverMinusHashMsPerOp: +(serverMs / ok - hash).toFixed(2),
      pgMsPerOp: +(pgMs / ok).toFixed(2),
      loadMsPerOp: +((c.user + c.system) / 1000 / ok).toFixed(2),
      hashMs: +hash.toFixed(2),
      load: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    }),
  );
} finally {
  await server.stop();
  await mon.end();
}
if (process.env.PROBE_PROF) {
  const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
  console.log(file ? `profile: ${path.join(profDir, file)}` : "no profile");
}
process.exit(0);
