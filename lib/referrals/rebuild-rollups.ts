// Every counter and rollup the triggers of migrations 0009–0012 keep, set again from a recount of the raw
// rows: for a bulk load that ran with those triggers off (the program seed), one grouped pass per rollup
// instead of a trigger per statement. Uses the recount queries of rollup-mismatches.ts, so what is written
// is by construction what findRollupMismatches compares against. The caller holds the tables (the seed's
// transaction has them locked), so no concurrent write can slip between recount and write.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { ROLLUPS } from "./rollup-mismatches";

export async function rebuildRollups(
  db: DbOrTx,
  /** Called after each step with its name (the seed prints how long each took). */
  onStep?: (step: string) => void,
): Promise<void> {
  // Net paid first: "qualified" in the other rollups depends on it.
  await db.execute(sql`
    UPDATE referral_usage_log l SET net_paid_cents = COALESCE(n.net, 0)
      FROM referral_usage_log r
      LEFT JOIN (SELECT user_id, sum(CASE WHEN type = 'payment' THEN amount_cents ELSE -amount_cents END) AS net
                   FROM payments GROUP BY user_id) n ON n.user_id = r.referred_user_id
     WHERE l.id = r.id AND l.net_paid_cents IS DISTINCT FROM COALESCE(n.net, 0)`);
  onStep?.("net paid");
  for (const rollup of ROLLUPS) {
    if (rollup.name.includes(".")) continue; // a column (net paid, above), not a table
    const columns = [...rollup.keys, ...rollup.values].join(", ");
    const nonZero = rollup.values.map((v) => `coalesce(${v}, 0) <> 0`).join(" OR ");
    await db.execute(sql.raw(`DELETE FROM ${rollup.name}`));
    await db.execute(
      sql.raw(`INSERT INTO ${rollup.name} (${columns})
               SELECT ${columns} FROM (${rollup.recount}) n WHERE ${nonZero}
               ORDER BY ${rollup.keys.join(", ")}`),
    );
    onStep?.(rollup.name);
  }
  // Who is on the leaderboard (0037) follows the accounts, not the referrals.
  await db.execute(sql`
    UPDATE referrer_counted c SET listed = (u.status = 'active' AND u.role = 'client')
      FROM users u WHERE u.id = c.referrer_user_id`);
  onStep?.("referrer_counted.listed");
  // The program's striped counters (0009): the whole count on slot 0, the other slots zero.
  await db.execute(sql`
    UPDATE program_counters
       SET clients = CASE WHEN slot = 0 THEN (SELECT count(*) FROM users WHERE role = 'client') ELSE 0 END,
           referrals = CASE WHEN slot = 0 THEN (SELECT count(*) FROM referral_usage_log) ELSE 0 END`);
  onStep?.("program_counters");
  // The report rollups and own-referral counters of 0012 (REPORT_ROLLUPS), from their recount views.
  await db.execute(sql`SELECT report_fill()`);
  onStep?.("report_fill");
  // The other currencies' companions (0036), keyed by the masks report_fill just set.
  await db.execute(sql`SELECT currency_rollups_fill()`);
  onStep?.("currency_rollups_fill");
}
