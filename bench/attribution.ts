// Child process of `npm run bench` (started with bench/hash-stub.mjs): attributeSignup in-process, the
// hash excluded, on the bench database — `concurrency` callers for `seconds`, on the codes given.
// Prints one JSON line: { ok, failed, seconds, errors, statementsPerSignup, statements }.
import { setDatabaseHandle } from "@/db/client";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { hashPassword } from "@/lib/auth/password";
import { openBench, type BenchDatabase } from "./lib/database";

type Job = { db: BenchDatabase; codes: string[]; concurrency: number; seconds: number; tag: string };
const job = JSON.parse(process.env.BENCH_ATTRIBUTION_JOB ?? "null") as Job;
if (!job) throw new Error("BENCH_ATTRIBUTION_JOB is not set");

if (!(await hashPassword("x")).startsWith("$argon2") || hashPassword("a") !== hashPassword("b")) {
  throw new Error("bench/hash-stub.mjs is not in effect: the hash would be measured");
}
const handle = await openBench(job.db, job.concurrency);
setDatabaseHandle(handle);
// Counted by bench/counting-postgres.ts on PostgreSQL (absent on PGlite).
const counter = (globalThis as { __benchStatements?: { total: number; text: Map<string, number> } })
  .__benchStatements;
const countedBefore = counter?.total ?? 0;
counter?.text.clear();
let ok = 0;
let failed = 0;
let n = 0;
const errors = new Map<string, number>();
const started = performance.now();
const until = started + job.seconds * 1000;
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (performance.now() < until) {
      const i = n++;
      try {
        await attributeSignup(handle.db, {
          name: `Bench Inproc ${i}`,
          email: `bench-inproc-${job.tag}-${i}@bench.invalid`,
          password: "stubbed",
          businessType: "creator",
          referralCode: job.codes[i % job.codes.length],
          ip: `10.77.${(i >> 8) & 255}.${i & 255}`,
          source: "api",
        });
        ok++;
      } catch (error) {
        failed++;
        const key = error instanceof Error ? error.message.slice(0, 120) : String(error);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const statements = counter ? counter.total - countedBefore : null;
const done = ok + failed;
await handle.close();
console.log(
  JSON.stringify({
    ok,
    failed,
    seconds,
    errors: Object.fromEntries(errors),
    statementsPerSignup: statements !== null && done ? statements / done : null,
    // Statement texts (first 80 characters) by how often they ran per signup.
    statements: counter
      ? Object.fromEntries(
          [...counter.text]
            .sort((a, b) => b[1] - a[1])
            .map(([text, n]) => [text, Number((n / done).toFixed(2))]),
        )
      : null,
  }),
);
