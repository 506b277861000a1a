import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";

const adminOverview = z.object({
  clients: col.int,
  referrals: col.int,
  pendingReview: col.int,
});

export type AdminOverview = z.infer<typeof adminOverview>;

/**
 * Program-wide counts for the admin reports page's heading: clients, referrals all time and the review
 * queue's length, from `program_counters` (kept by triggers in the same transaction as the facts, striped
 * over a few rows and summed here). The period's figures are report-key-figures.ts's.
 */
export async function getAdminOverview(db: Db): Promise<AdminOverview> {
  const [counts] = rowsAs(
    await db.execute(sql`
      SELECT (SELECT sum(clients) FROM program_counters)::int AS "clients",
             (SELECT sum(referrals) FROM program_counters)::int AS "referrals",
             (SELECT sum(pending_review) FROM program_counters)::int AS "pendingReview"`),
    adminOverview,
  );
  return counts;
}
