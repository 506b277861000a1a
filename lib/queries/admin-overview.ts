import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";

const adminOverview = z.object({
  clients: col.int,
  referrals: col.int,
  referralsLast30Days: col.int,
  clicksLast30Days: col.int,
  pendingReview: col.int,
});

export type AdminOverview = z.infer<typeof adminOverview>;

/**
 * Program-wide headline figures for the admin reports page. The all-time counts come from
 * `program_counters` (kept by triggers in the same transaction as the facts, striped over a few rows and
 * summed here); the 30-day counts are range scans on the time indexes, bounded by the window.
 */
export async function getAdminOverview(db: Db, now = new Date()): Promise<AdminOverview> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [counts] = rowsAs(
    await db.execute(sql`
      SELECT (SELECT sum(clients) FROM program_counters)::int AS "clients",
             (SELECT sum(referrals) FROM program_counters)::int AS "referrals",
             (SELECT count(*) FROM referral_usage_log WHERE used_at >= ${timestampParam(since)})::int AS "referralsLast30Days",
             (SELECT count(*) FROM referral_clicks WHERE clicked_at >= ${timestampParam(since)})::int AS "clicksLast30Days",
             (SELECT count(*) FROM referral_usage_log WHERE is_flagged AND review_status = 'pending')::int AS "pendingReview"`),
    adminOverview,
  );
  return counts;
}
