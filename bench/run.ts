// `npm run bench`: speed targets for the hot paths, on a throwaway database — PGlite in memory, or the
// PostgreSQL database named by BENCH_DATABASE_URL (it must be empty: the bench migrates and fills it).
// Figures vary with the machine; the targets are floors for a 2-core box, not promises.
import { setDatabaseHandle } from "@/db/client";
import { openPglite, openPostgres, runMigrations } from "@/db/open";
import { demoPassword, generateReferrals, seedDemo } from "@/seed/seed";
import { hashPassword } from "@/lib/auth/password";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { checkCode } from "@/lib/referrals/validate-code";

type Result = { name: string; count: number; seconds: number; unit: string; target: number };

async function time(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

const url = process.env.BENCH_DATABASE_URL;
const handle = url ? await openPostgres(url, { max: 20 }) : await openPglite({ dataDir: "memory://" });
await runMigrations(handle);
setDatabaseHandle(handle);
const db = handle.db;
const results: Result[] = [];

await seedDemo(db, { referrals: 0 });
const passwordHash = await hashPassword(demoPassword());
const generated = 50_000;
results.push({
  name: "generate referrals (bulk seed)",
  count: generated,
  seconds: await time(() =>
    generateReferrals(db, {
      count: generated,
      referrerEmails: ["maya@example.com"],
      passwordHash,
      batchSize: 25_000,
    }),
  ),
  unit: "rows/s",
  target: 2_000,
});

const lookups = 2_000;
results.push({
  name: "checkCode (validation look-up)",
  count: lookups,
  seconds: await time(async () => {
    for (let i = 0; i < lookups; i++) await checkCode(db, i % 2 ? "MAYA2025" : "maya-2o25");
  }),
  unit: "lookups/s",
  target: 300,
});

const signups = 100;
results.push({
  name: "attributeSignup, 100 concurrent on one code",
  count: signups,
  seconds: await time(async () => {
    await Promise.all(
      Array.from({ length: signups }, (_, i) =>
        attributeSignup(db, {
          name: `Bench ${i}`,
          email: `bench${i}@example.net`,
          password: "bench password",
          businessType: "creator",
          referralCode: "MAYA2025",
          ip: `10.9.${i >> 8}.${i & 255}`,
        }),
      ),
    );
  }),
  unit: "signups/s",
  target: 15,
});

await handle.close();
let failed = false;
console.log(`\nMuseNest benchmarks on ${handle.kind}\n`);
for (const r of results) {
  const rate = r.count / r.seconds;
  const ok = rate >= r.target;
  failed ||= !ok;
  console.log(
    `${ok ? "PASS" : "FAIL"}  ${r.name.padEnd(46)} ${rate.toFixed(0).padStart(8)} ${r.unit.padEnd(10)} (target ≥ ${r.target}, ${r.count} in ${r.seconds.toFixed(2)} s)`,
  );
}
process.exit(failed ? 1 : 0);
