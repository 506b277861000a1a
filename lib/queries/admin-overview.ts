import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";

export type AdminOverview = {
  clients: number;
  referrals: number;
  referralsLast30Days: number;
  clicksLast30Days: number;
  pendingReview: number;
  topReferrers: { userId: number; name: string; email: string; referrals: number }[];
};

/** Program-wide figures for the admin home; the top-referrers list is the seed's BI query (last 30 days). */
export async function getAdminOverview(now = new Date()): Promise<AdminOverview> {
  const db = await getDb();
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [counts] = rowsOf<Omit<AdminOverview, "topReferrers">>(
    await db.execute(sql`
      SELECT (SELECT count(*) FROM users WHERE role = 'client')::int AS "clients",
             (SELECT count(*) FROM referral_usage_log)::int AS "referrals",
             (SELECT count(*) FROM referral_usage_log WHERE used_at >= ${timestampParam(since)})::int AS "referralsLast30Days",
             (SELECT count(*) FROM referral_clicks WHERE clicked_at >= ${timestampParam(since)})::int AS "clicksLast30Days",
             (SELECT count(*) FROM referral_usage_log WHERE is_flagged AND review_status = 'pending')::int AS "pendingReview"`),
  );
  const topReferrers = rowsOf<AdminOverview["topReferrers"][number]>(
    await db.execute(sql`
      SELECT u.id AS "userId", u.name, u.email, count(l.id)::int AS referrals
        FROM referral_usage_log l
        JOIN users u ON u.id = l.referrer_user_id
       WHERE l.used_at >= ${timestampParam(since)}
       GROUP BY u.id, u.name, u.email
       ORDER BY referrals DESC, u.id
       LIMIT 10`),
  );
  return { ...counts, topReferrers };
}
