// `npm run db:seed [-- --referrals N]`: demo accounts on an empty database, then N generated referrals.
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/auth/password";
import { setDatabaseHandle } from "@/db/client";
import { openConfiguredDatabase, runMigrations } from "@/db/open";
import { demoAccounts, demoPassword, generateReferrals, hasUsers, seedDemo } from "./seed";

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
  const weighted = demoAccounts.flatMap((a) => Array<string>(a.weight ?? 0).fill(a.email));
  await generateReferrals(handle.db, {
    count,
    referrerEmails: weighted,
    passwordHash: await hashPassword(demoPassword()),
    days: 365,
    batchSize: 25_000,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Generated ${count} referrals in ${seconds.toFixed(1)} s (${handle.kind}).`);
} finally {
  await handle.close();
}
