// Ad-hoc profiler (not part of npm run bench): runs server.mjs with --cpu-prof on the bench database,
// requests one path N times one after another, and prints JS self time by package/file and wall time.
// BENCH_DATABASE_URL=… npx tsx bench/profile-path.ts <admin|referrer|bearer|none> <path> [n] [method] [bodyJSON]
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { demoPassword } from "@/seed/seed";
import { signIn, nextClientAddress } from "./lib/load";
import { freePort } from "./lib/server";
import { openBench, loadFixtures } from "./lib/database";

const [who, p, nArg, method = "GET", bodyT] = process.argv.slice(2);
const n = Number(nArg ?? 20);
const url = process.env.BENCH_DATABASE_URL!;
const dir = process.env.PROFILE_DIR ?? "/work/prof/out";
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const handle = await openBench({ kind: "postgres", url } as never, 2);
const fx = await loadFixtures(handle);
await handle.close();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(
  process.execPath,
  ["--cpu-prof", `--cpu-prof-dir=${dir}`, "server.mjs", "-p", String(port), "-H", "127.0.0.1"],
  {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: base,
      MUSENEST_BENCH: "1",
      JOBS: "off",
      TRUST_PROXY_HOPS: "1",
      DEMO_SEED: "off",
      DATABASE_URL: url,
    },
    stdio: ["ignore", "inherit", "inherit"],
  },
);
for (;;) {
  try {
    if ((await fetch(base + "/api/ready")).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 300));
}
const headers: Record<string, string> = {};
if (who === "admin") headers.Cookie = await signIn(base, fx.adminEmail, demoPassword());
if (who === "referrer") headers.Cookie = await signIn(base, fx.topReferrer.email, demoPassword());
if (who === "bearer") headers.Authorization = `Bearer ${fx.apiKey}`;
let i = 0;
const once = async () => {
  i++;
  const body = bodyT
    ?.replaceAll("{i}", `${Date.now()}-${i}`)
    .replaceAll("{payer}", String(fx.payerIds[i % fx.payerIds.length]))
    .replaceAll("{code}", fx.codes[i % fx.codes.length]);
  const t = performance.now();
  const res = await fetch(base + p.replaceAll("{code}", fx.codes[i % fx.codes.length]), {
    method,
    headers: {
      ...headers,
      "X-Forwarded-For": nextClientAddress(),
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body,
  });
  const text = await res.text();
  if (!res.ok) console.log(res.status, text.slice(0, 300));
  return performance.now() - t;
};
for (let k = 0; k < 3; k++) await once();
const times: number[] = [];
for (let k = 0; k < n; k++) times.push(await once());
times.sort((a, b) => a - b);
console.log(
  `wall p50 ${times[Math.floor(n / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)}, max ${times[n - 1].toFixed(1)}`,
);
child.kill("SIGINT");
await new Promise((r) => child.on("exit", r));
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) {
  console.log("no profile");
  process.exit(0);
}
const prof = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map<string, number>();
const fn = new Map<string, number>();
prof.samples.forEach((s, k) => {
  const node = byId.get(s)!;
  const u = node.callFrame.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
  const key = u.includes("node_modules")
    ? u.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, "$1") +
      (u.includes("/compiled/") ? ":" + u.replace(/.*\/compiled\/([^/]+).*/, "$1") : "")
    : u.replace(/\.next\/server\/chunks\/(ssr\/)?/, "chunk:") ||
      `(${node.callFrame.functionName || "native"})`;
  self.set(key, (self.get(key) ?? 0) + prof.timeDeltas[k] / 1000);
  const f = `${node.callFrame.functionName || "(anon)"} ${key}:${node.callFrame.lineNumber}`;
  fn.set(f, (fn.get(f) ?? 0) + prof.timeDeltas[k] / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, ms]) => `${(ms / (n + 3 + 0)).toFixed(2).padStart(8)} ms/req  ${name}`)
    .join("\n");
console.log(`profile total ${(total / 1000).toFixed(1)} s over whole server life`);
console.log(top(self, 25));
console.log("--- functions");
console.log(top(fn, 30));
