import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";
import { clickFacts, referralFacts, WHOLE_PROGRAM } from "./report-rollups";
import { LAST_30_DAYS, lastDays } from "@/lib/time-windows";

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
 * summed here); the 30-day counts from the daily rollups (report-rollups.ts: whole UTC days, and the
 * partial first day from the raw rows); the review queue's length is a counter of program_counters too.
 */
export async function getAdminOverview(db: Db, now = new Date()): Promise<AdminOverview> {
  // The same "last 30 days" as every other page (lib/time-windows.ts): whole UTC days, today included.
  const period = { from: lastDays(now, LAST_30_DAYS).since };
  const [counts] = rowsAs(
    await db.execute(sql`
      SELECT (SELECT sum(clients) FROM program_counters)::int AS "clients",
             (SELECT sum(referrals) FROM program_counters)::int AS "referrals",
             (SELECT COALESCE(sum(f.referrals), 0) FROM ${referralFacts(WHOLE_PROGRAM, period)} f)::int AS "referralsLast30Days",
             (SELECT COALESCE(sum(k.clicks), 0) FROM ${clickFacts(WHOLE_PROGRAM, period)} k)::int AS "clicksLast30Days",
             (SELECT sum(pending_review) FROM program_counters)::int AS "pendingReview"`),
    adminOverview,
  );
  return counts;
}
