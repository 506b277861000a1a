import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { referralClicks, referralCodes, referralUsageLog, users } from "@/db/schema";
import { maskEmail } from "@/lib/privacy/mask";

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
  recentReferrals: {
    id: number;
    name: string;
    maskedEmail: string;
    code: string;
    usedAt: Date;
    flagged: boolean;
  }[];
};

/** The dashboard's code list (usage and clicks per code) and its latest referrals; counts come from referral-analytics. */
export async function getReferrerOverview(db: Db, userId: number): Promise<ReferrerOverview> {
  const clicksByCode = db
    .select({ codeId: referralClicks.referralCodeId, clicks: count().as("clicks") })
    .from(referralClicks)
    .groupBy(referralClicks.referralCodeId)
    .as("clicks_by_code");
  const [codes, recent] = await Promise.all([
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
    recentReferrals: recent.map(({ email, ...r }) => ({ ...r, maskedEmail: maskEmail(email) })),
  };
}
