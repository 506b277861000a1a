// A referrer's counters, kept by the triggers of db/migrations/0010_referral_rollups.sql in the same
// transaction as each signup, review and payment: reading them costs one index lookup, whatever the
// referrer's history.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";

export type ReferrerStats = {
  /** Every attributed signup. */
  referrals: number;
  /** Not in review and not rejected: what the points schedule, offers and milestones count. */
  countedReferrals: number;
  /** Counted and net paid (payments − refunds − chargebacks) > 0: SPEC's qualified referral. */
  qualifiedReferrals: number;
};

const ZERO: ReferrerStats = { referrals: 0, countedReferrals: 0, qualifiedReferrals: 0 };

/**
 * `lock`: take the row lock (FOR UPDATE) — for a writer that must decide on these numbers and have the
 * next writer of the same referrer wait for its commit.
 */
export async function readReferrerStats(
  db: DbOrTx,
  referrerId: number,
  opts: { lock?: boolean } = {},
): Promise<ReferrerStats> {
  const [row] = rowsAs(
    await db.execute(sql`
      SELECT referrals, counted_referrals, qualified_referrals FROM referrer_stats
       WHERE user_id = ${referrerId} ${opts.lock ? sql`FOR UPDATE` : sql``}`),
    z.object({ referrals: col.int, counted_referrals: col.int, qualified_referrals: col.int }),
  );
  if (!row) return ZERO;
  return {
    referrals: row.referrals,
    countedReferrals: row.counted_referrals,
    qualifiedReferrals: row.qualified_referrals,
  };
}
