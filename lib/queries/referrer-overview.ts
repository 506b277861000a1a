import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { jsonCol, jsonRead, readJson, type JsonRead } from "@/db/json-batch";
import type { DbOrTx } from "@/db/types";
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

const shape = z.object({
  codes: jsonCol.list(
    z.object({
      id: jsonCol.int,
      code: jsonCol.text,
      code_name: jsonCol.nullableText,
      usage_count: jsonCol.int,
      usage_limit: jsonCol.nullableInt,
      expires_at: jsonCol.nullableTimestamp,
      is_active: jsonCol.bool,
      created_at: jsonCol.timestamp,
      clicks: jsonCol.int,
    }),
  ),
  recent: jsonCol.list(
    z.object({
      id: jsonCol.int,
      name: jsonCol.text,
      email: jsonCol.text,
      code: jsonCol.text,
      used_at: jsonCol.timestamp,
      flagged: jsonCol.bool,
    }),
  ),
});

/**
 * The dashboard's code list (usage from referral_codes.usage_count, clicks from referral_code_stats) and
 * its latest 10 referrals (the (referrer_user_id, used_at) index, LIMIT 10), as one JSON read; counts and
 * windows come from referral-analytics.
 */
export function referrerOverviewRead(userId: number): JsonRead<ReferrerOverview> {
  const query = sql`
    SELECT json_build_object(
      'codes', (SELECT json_agg(x ORDER BY x.created_at, x.id) FROM (
        SELECT rc.id, rc.code, rc.code_name, rc.usage_count, rc.usage_limit, rc.expires_at, rc.is_active,
               rc.created_at, coalesce(cs.clicks, 0) AS clicks
          FROM referral_codes rc
          LEFT JOIN referral_code_stats cs ON cs.referral_code_id = rc.id
         WHERE rc.client_id = ${userId}) x),
      'recent', (SELECT json_agg(y ORDER BY y.used_at DESC, y.id DESC) FROM (
        SELECT l.id, u.name, u.email, l.code_used AS code, l.used_at, l.is_flagged AS flagged
          FROM referral_usage_log l JOIN users u ON u.id = l.referred_user_id
         WHERE l.referrer_user_id = ${userId}
         ORDER BY l.used_at DESC, l.id DESC
         LIMIT 10) y))`;
  return jsonRead(query, shape, (r) => ({
    codes: r.codes.map((c) => ({
      id: c.id,
      code: c.code,
      codeName: c.code_name,
      usageCount: c.usage_count,
      usageLimit: c.usage_limit,
      expiresAt: c.expires_at,
      isActive: c.is_active,
      clicks: c.clicks,
      createdAt: c.created_at,
    })),
    recentReferrals: r.recent.map(({ email, used_at, ...rest }) => ({
      ...rest,
      usedAt: used_at,
      maskedEmail: maskEmail(email),
    })),
  }));
}

export function getReferrerOverview(db: DbOrTx, userId: number): Promise<ReferrerOverview> {
  return readJson(db, referrerOverviewRead(userId));
}
