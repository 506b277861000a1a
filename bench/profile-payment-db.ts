// Ad-hoc (not part of npm run bench): where a payment's database time goes. Runs N payments one after
// another in-process (recordPayment on random referred payers, as the bench's load does) with
// track_functions = 'all' and prints each trigger function's calls, total and self ms per payment, then
// the statements one payment sends (the client's round trips); also, per payment, the WAL written and the
// row versions written to the referrer's counters (referrer_stats), which do not depend on the machine's load.
// BENCH_DATABASE_URL=… npx tsx --conditions=react-server bench/profile-payment-db.ts [n]
import postgres from "postgres";
import { openPostgres } from "@/db/open";
import { recordStatements } from "@/db/statement-log";
import { recordPayment } from "@/lib/commissions/record-payment";
import { loadFixtures } from "./lib/database";

const n = Number(process.argv[2] ?? 300);
const url = process.env.BENCH_DATABASE_URL!;
const pg = postgres(url, { max: 1, onnotice: () => {} });
await pg.unsafe(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET track_functions = 'all'`);
const handle = await openPostgres(url, { max: 1 });
const fx = await loadFixtures(handle);
const tag = Date.now().toString(36);
const pay = (i: number) =>
  recordPayment(handle.db, {
    externalId: `pp-${tag}-${i}`,
    userId: fx.payerIds[i % fx.payerIds.length],
    amountCents: 4_900,
    type: "payment",
  });
for (let i = 0; i < 20; i++) await pay(i); // warm: plans, caches
await pg`SELECT pg_stat_reset()`;
await new Promise((r) => setTimeout(r, 600));
const statsWrites = async () =>
  Number(
    (await pg`SELECT n_tup_upd + n_tup_ins AS n FROM pg_stat_user_tables WHERE relname = 'referrer_stats'`)[0]
      .n,
  );
const [{ lsn: lsn0 }] = await pg`SELECT pg_current_wal_lsn()::text AS lsn`;
const writes0 = await statsWrites();
const t0 = performance.now();
for (let i = 20; i < 20 + n; i++) await pay(i);
const wall = performance.now() - t0;
await handle.db.execute("SELECT pg_stat_force_next_flush()");
const [{ bytes }] = await pg`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ${lsn0}::pg_lsn) AS bytes`;
await new Promise((r) => setTimeout(r, 600));
console.log(
  `per payment: WAL ${(Number(bytes) / n).toFixed(0)} bytes (whole server, other databases included), ` +
    `referrer_stats rows written ${((await statsWrites()) - writes0) / n}`,
);
await handle.close();
await new Promise((r) => setTimeout(r, 600));
const fns =
  await pg`SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions ORDER BY total_time DESC`;
console.log(`${n} payments, ${(wall / n).toFixed(2)} ms each (wall, one connection)`);
for (const f of fns) {
  console.log(
    `${String(f.funcname).padEnd(40)} calls/pay ${(Number(f.calls) / n).toFixed(2).padStart(5)}  total ${(Number(f.total_time) / n).toFixed(3).padStart(7)} ms  self ${(Number(f.self_time) / n).toFixed(3).padStart(7)} ms`,
  );
}
const h2 = await openPostgres(url, { max: 1 });
const { statements } = await recordStatements(() =>
  recordPayment(h2.db, {
    externalId: `pp-${tag}-s`,
    userId: fx.payerIds[7],
    amountCents: 4_900,
    type: "payment",
  }),
);
console.log(`statements of one payment: ${statements.length}`);
for (const s of statements) console.log("  " + s.replace(/\s+/g, " ").slice(0, 160));
await h2.close();
await pg.unsafe(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" RESET track_functions`);
await pg.end();
