import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { timestampParam } from "@/db/sql-values";
import { referralClicks, referralCodes, referralUsageLog, users } from "@/db/schema";
import { maskEmail } from "@/lib/format";

export type ReferrerCode = {
  id: number;
  code: string;
  codeName: string | null;
  usageCount: number;
  usageLimit: number | null;
  expiresAt: Date | null;
  isActive: boolean;
  clicks: number;
  createdAt: Date;
};

export type ReferrerOverview = {
  codes: ReferrerCode[];
  totals: { referrals: number; referralsLast30Days: number; clicks: number; flagged: number };
  recentReferrals: {
    id: number;
    name: string;
    maskedEmail: string;
    code: string;
    usedAt: Date;
    flagged: boolean;
  }[];
};

/** What a referrer sees first: their codes with usage and clicks, totals, and the latest referrals. */
export async function getReferrerOverview(userId: number, now = new Date()): Promise<ReferrerOverview> {
  const db = await getDb();
  const since30 = new Date(now.getTime() - 30 * 86_400_000);
  const clicksByCode = db
    .select({ codeId: referralClicks.referralCodeId, clicks: count().as("clicks") })
    .from(referralClicks)
    .groupBy(referralClicks.referralCodeId)
    .as("clicks_by_code");
  const [codes, [totals], recent] = await Promise.all([
    db
      .select({
        id: referralCodes.id,
        code: referralCodes.code,
        codeName: referralCodes.codeName,
        usageCount: referralCodes.usageCount,
        usageLimit: referralCodes.usageLimit,
        expiresAt: referralCodes.expiresAt,
        isActive: referralCodes.isActive,
        createdAt: referralCodes.createdAt,
        clicks: sql<number>`coalesce(${clicksByCode.clicks}, 0)::int`,
      })
      .from(referralCodes)
      .leftJoin(clicksByCode, eq(clicksByCode.codeId, referralCodes.id))
      .where(eq(referralCodes.clientId, userId))
      .orderBy(referralCodes.createdAt, referralCodes.id),
    db
      .select({
        referrals: sql<number>`count(*)::int`,
        referralsLast30Days: sql<number>`count(*) filter (where ${referralUsageLog.usedAt} >= ${timestampParam(since30)})::int`,
        flagged: sql<number>`count(*) filter (where ${referralUsageLog.isFlagged})::int`,
      })
      .from(referralUsageLog)
      .where(eq(referralUsageLog.referrerUserId, userId)),
    db
      .select({
        id: referralUsageLog.id,
        name: users.name,
        email: users.email,
        code: referralUsageLog.codeUsed,
        usedAt: referralUsageLog.usedAt,
        flagged: referralUsageLog.isFlagged,
      })
      .from(referralUsageLog)
      .innerJoin(users, eq(users.id, referralUsageLog.referredUserId))
      .where(eq(referralUsageLog.referrerUserId, userId))
      .orderBy(desc(referralUsageLog.usedAt), desc(referralUsageLog.id))
      .limit(10),
  ]);
  return {
    codes,
    totals: { ...totals, clicks: codes.reduce((sum, c) => sum + c.clicks, 0) },
    recentReferrals: recent.map(({ email, ...r }) => ({ ...r, maskedEmail: maskEmail(email) })),
  };
}
