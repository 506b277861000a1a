import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { jsonCol, jsonRead, readJson, type JsonRead } from "@/db/json-batch";
import type { DbOrTx } from "@/db/types";

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

export type ReferrerOverview = { codes: ReferrerCode[] };

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
});

/**
 * The dashboard's code list (usage from referral_codes.usage_count, clicks from referral_code_stats) as one
 * JSON read; counts and windows come from referral-analytics, the referrals list from my-referrals.
 */
export function referrerOverviewRead(userId: number): JsonRead<ReferrerOverview> {
  const query = sql`
    SELECT json_build_object(
      'codes', (SELECT json_agg(x ORDER BY x.created_at, x.id) FROM (
        SELECT rc.id, rc.code, rc.code_name, rc.usage_count, rc.usage_limit, rc.expires_at, rc.is_active,
               rc.created_at, coalesce(cs.clicks, 0) AS clicks
          FROM referral_codes rc
          LEFT JOIN referral_code_stats cs ON cs.referral_code_id = rc.id
         WHERE rc.client_id = ${userId}) x))`;
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
  }));
}

export function getReferrerOverview(db: DbOrTx, userId: number): Promise<ReferrerOverview> {
  return readJson(db, referrerOverviewRead(userId));
}
