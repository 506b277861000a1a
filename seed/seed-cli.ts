// `npm run db:seed [-- --referrals N]`: demo accounts on an empty database, then a program of N generated
// referrals: Maya with about half of them, the other demo referrers and a long tail of generated
// referrers with the rest, about three clicks per referral, and payments, commissions, payouts and points.
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/auth/password";
import { setDatabaseHandle } from "@/db/client";
import { openConfiguredDatabase, runMigrations } from "@/db/open";
import { demoPassword, generateReferrals, hasUsers, PROGRAM_REFERRERS, seedDemo } from "./seed";

const { values } = parseArgs({ options: { referrals: { type: "string" } } });
const count = values.referrals === undefined ? 300 : Number(values.referrals);
if (!Number.isInteger(count) || count < 0) {
  console.error("--referrals must be a whole number ≥ 0");
  process.exit(2);
}
const handle = await openConfiguredDatabase({ statementTimeoutMs: 0 }); // batch work: no per-statement limit
const started = performance.now();
try {
  await runMigrations(handle);
  setDatabaseHandle(handle); // domain functions used by the seed (attributeSignup) run on this database
  if (!(await hasUsers(handle.db))) {
    await seedDemo(handle.db, { referrals: 0 });
    console.log("Demo accounts created.");
  }
  let last = 0;
  await generateReferrals(handle.db, {
    count,
    referrerEmails: PROGRAM_REFERRERS.flatMap(([email, weight]) => Array<string>(weight).fill(email)),
    passwordHash: await hashPassword(demoPassword()),
    days: 365,
    batchSize: 100_000,
    // 40% over a long tail of generated referrers (one per 100 referrals), a quarter of clients paying.
    program: { tailShare: 0.4, tailReferrers: Math.ceil(count / 100), payingShare: 0.25 },
    onProgress: ({ phase, done, total, seconds }) => {
      if (phase === "referrals" && done < total && seconds - last < 2) return;
      // Each line's time since the previous one: how long that step (or those batches) took.
      const step = seconds - last;
      last = seconds;
      const rate = phase === "referrals" ? `, ${Math.round(done / seconds)} referrals/s` : "";
      console.log(`  ${phase}: ${done}/${total} (${seconds.toFixed(1)} s, +${step.toFixed(1)} s${rate})`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Generated ${count} referrals in ${seconds.toFixed(1)} s (${handle.kind}).`);
} finally {
  await handle.close();
}
