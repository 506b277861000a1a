import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { referralUsageLog, users } from "@/db/schema";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import {
  inCommissionBucket,
  sumCommissionBucket,
  sumCommissionBuckets,
} from "@/lib/commissions/commission-buckets";
import { centsToDecimal } from "@/lib/format";
import { maskEmail } from "@/lib/privacy/mask";

// Referral analytics of one client, for GET /api/clients/:id/referral-analytics and the dashboard.
// Money comes from the commissions ledger: the client's own direct-level rows, summed by the buckets of
// lib/commissions/commission-buckets.ts (earned; the seed's `pending` is the unpaid bucket, on hold +
// approved; paid). Time windows are `>= now - N days`, months are UTC.

const DAY_MS = 86_400_000;

export type Viewer = "owner" | "admin";

export type CodeAnalytics = {
  id: number;
  code: string;
  code_name: string | null;
  created_at: string;
  usage_count: number;
  usage_limit: number | null;
  total_signups: number;
  signups_last_30_days: number;
  signups_last_7_days: number;
  total_commission_earned: string;
  commission_paid: string;
  clicks: number;
  conversion_rate: number | null;
};

export type RecentReferral = {
  used_at: string;
  signup_ip: string | null;
  referred_user_email: string;
  referral_code_used: string;
  commission_amount: string;
  commission_eligible: boolean;
};

export type ReferralAnalytics = {
  codes: CodeAnalytics[];
  recent_referrals: RecentReferral[];
  summary: {
    total_codes: number;
    active_codes: number;
    total_referrals: number;
    total_commission_earned: string;
    commission_pending: string;
    // Beyond the seed's summary: what the dashboard's headline cards show, from this same query.
    commission_paid: string;
    total_clicks: number;
    conversion_rate: number | null;
  };
};

export type MonthlyReport = {
  period: string;
  total_referrals: number;
  new_referrals: number;
  commission_earned: string;
  commission_pending: string;
  top_performing_code: string | null;
  conversion_rate: number | null;
};

const ratio = (signups: number, clicks: number) => (clicks > 0 ? signups / clicks : null);
const iso = (v: Date) => v.toISOString();

const codeRow = z.object({
  id: col.int,
  code: col.text,
  code_name: col.nullableText,
  created_at: col.timestamp,
  usage_count: col.int,
  usage_limit: col.nullableInt,
  active: col.bool,
  total_signups: col.int,
  last30: col.int,
  last7: col.int,
  clicks: col.int,
  earned: col.sumCents,
  paid: col.sumCents,
});

export async function getReferralAnalytics(
  db: DbOrTx,
  clientId: number,
  opts: { now: Date; viewer: Viewer },
): Promise<ReferralAnalytics> {
  const since30 = new Date(opts.now.getTime() - 30 * DAY_MS);
  const since7 = new Date(opts.now.getTime() - 7 * DAY_MS);

  const codeRows = rowsAs(
    await db.execute(sql`
      SELECT rc.id, rc.code, rc.code_name, rc.created_at, rc.usage_count, rc.usage_limit,
             (rc.is_active AND (rc.expires_at IS NULL OR rc.expires_at > ${timestampParam(opts.now)})
               AND (rc.usage_limit IS NULL OR rc.usage_count < rc.usage_limit)) AS active,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id) AS total_signups,
             (SELECT count(*) FROM referral_usage_log l
               WHERE l.referral_code_id = rc.id AND l.used_at >= ${timestampParam(since30)}) AS last30,
             (SELECT count(*) FROM referral_usage_log l
               WHERE l.referral_code_id = rc.id AND l.used_at >= ${timestampParam(since7)}) AS last7,
             (SELECT count(*) FROM referral_clicks k WHERE k.referral_code_id = rc.id) AS clicks,
             (SELECT ${sumCommissionBucket("earned")}
                FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE l.referral_code_id = rc.id AND c.beneficiary_user_id = ${clientId}
                 AND c.level = 'direct') AS earned,
             (SELECT ${sumCommissionBucket("paid")}
                FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE l.referral_code_id = rc.id AND c.beneficiary_user_id = ${clientId}
                 AND c.level = 'direct') AS paid
        FROM referral_codes rc
       WHERE rc.client_id = ${clientId}
       ORDER BY rc.created_at, rc.id`),
    codeRow,
  );

  const recentRows = await db
    .select({
      usedAt: referralUsageLog.usedAt,
      signupIp: referralUsageLog.signupIp,
      email: users.email,
      codeUsed: referralUsageLog.codeUsed,
      commissionAmountCents: referralUsageLog.commissionAmountCents,
      commissionEligible: referralUsageLog.commissionEligible,
    })
    .from(referralUsageLog)
    .innerJoin(users, eq(users.id, referralUsageLog.referredUserId))
    .where(eq(referralUsageLog.referrerUserId, clientId))
    .orderBy(desc(referralUsageLog.usedAt), desc(referralUsageLog.id))
    .limit(10);

  const [totals] = await db
    .select({ referrals: sql<number>`count(*)`.mapWith(Number) })
    .from(referralUsageLog)
    .where(eq(referralUsageLog.referrerUserId, clientId));
  const money = await sumCommissionBuckets(
    db,
    sql`c.beneficiary_user_id = ${clientId} AND c.level = 'direct'`,
  );

  const codes: CodeAnalytics[] = codeRows.map((r) => ({
    id: r.id,
    code: r.code,
    code_name: r.code_name,
    created_at: iso(r.created_at),
    usage_count: r.usage_count,
    usage_limit: r.usage_limit,
    total_signups: r.total_signups,
    signups_last_30_days: r.last30,
    signups_last_7_days: r.last7,
    total_commission_earned: centsToDecimal(r.earned),
    commission_paid: centsToDecimal(r.paid),
    clicks: r.clicks,
    conversion_rate: ratio(r.total_signups, r.clicks),
  }));

  const totalClicks = codes.reduce((n, c) => n + c.clicks, 0);
  return {
    codes,
    recent_referrals: recentRows.map((r) => ({
      used_at: iso(r.usedAt),
      signup_ip: r.signupIp,
      referred_user_email: opts.viewer === "admin" ? r.email : maskEmail(r.email),
      referral_code_used: r.codeUsed,
      commission_amount: centsToDecimal(r.commissionAmountCents),
      commission_eligible: r.commissionEligible,
    })),
    summary: {
      total_codes: codes.length,
      active_codes: codeRows.filter((r) => r.active).length,
      total_referrals: Number(totals?.referrals ?? 0),
      total_commission_earned: centsToDecimal(money.earnedCents),
      commission_pending: centsToDecimal(money.unpaidCents),
      commission_paid: centsToDecimal(money.paidCents),
      total_clicks: totalClicks,
      conversion_rate: ratio(Number(totals?.referrals ?? 0), totalClicks),
    },
  };
}

/** `"2025-08"` → [start, end) of that month in UTC. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number);
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

/** The UTC month of a date as `"YYYY-MM"`. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The last `count` UTC months up to the one of `now`, newest first. */
export function lastMonths(now: Date, count = 12): string[] {
  return Array.from({ length: count }, (_, i) =>
    monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))),
  );
}

/**
 * The report for one UTC month: referrals up to its end and within it, the direct commissions created in
 * it (earned; pending = not yet paid), the code with most signups in it, and signups ÷ clicks in it.
 * A month still running is counted up to `now`.
 */
export async function getMonthlyReport(
  db: DbOrTx,
  clientId: number,
  month: string,
  now: Date,
): Promise<MonthlyReport> {
  const bounds = monthBounds(month);
  const start = timestampParam(bounds.start);
  const end = timestampParam(bounds.end < now ? bounds.end : now);
  const [row] = rowsAs(
    await db.execute(sql`
      SELECT (SELECT count(*) FROM referral_usage_log l
               WHERE l.referrer_user_id = ${clientId} AND l.used_at < ${end}) AS total,
             (SELECT count(*) FROM referral_usage_log l
               WHERE l.referrer_user_id = ${clientId} AND l.used_at >= ${start} AND l.used_at < ${end}) AS new,
             (SELECT count(*) FROM referral_clicks k JOIN referral_codes rc ON rc.id = k.referral_code_id
               WHERE rc.client_id = ${clientId} AND k.clicked_at >= ${start} AND k.clicked_at < ${end}) AS clicks,
             (SELECT ${sumCommissionBucket("earned")}
                FROM commissions c
               WHERE c.beneficiary_user_id = ${clientId} AND c.level = 'direct'
                 AND c.created_at >= ${start} AND c.created_at < ${end}) AS earned,
             (SELECT ${sumCommissionBucket("unpaid")}
                FROM commissions c
               WHERE c.beneficiary_user_id = ${clientId} AND c.level = 'direct'
                 AND c.created_at >= ${start} AND c.created_at < ${end}) AS pending,
             (SELECT l.code_used FROM referral_usage_log l
               WHERE l.referrer_user_id = ${clientId} AND l.used_at >= ${start} AND l.used_at < ${end}
               GROUP BY l.code_used ORDER BY count(*) DESC, l.code_used LIMIT 1) AS top_code`),
    z.object({
      total: col.int,
      new: col.int,
      clicks: col.int,
      earned: col.sumCents,
      pending: col.sumCents,
      top_code: col.nullableText,
    }),
  );
  const newReferrals = Number(row?.new ?? 0);
  return {
    period: month,
    total_referrals: Number(row?.total ?? 0),
    new_referrals: newReferrals,
    commission_earned: centsToDecimal(Number(row?.earned ?? 0)),
    commission_pending: centsToDecimal(Number(row?.pending ?? 0)),
    top_performing_code: row?.top_code ?? null,
    conversion_rate: ratio(newReferrals, Number(row?.clicks ?? 0)),
  };
}

export type DailyActivity = { date: string; clicks: number; signups: number };

/** Clicks and signups per UTC day over the last `days` days (today included), oldest first. */
export async function getDailyActivity(
  db: DbOrTx,
  clientId: number,
  days: number,
  now: Date,
): Promise<DailyActivity[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * DAY_MS);
  const rows = rowsAs(
    await db.execute(sql`
      SELECT to_char(k.clicked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, 'clicks' AS kind, count(*) AS n
        FROM referral_clicks k JOIN referral_codes rc ON rc.id = k.referral_code_id
       WHERE rc.client_id = ${clientId} AND k.clicked_at >= ${timestampParam(since)}
         AND k.clicked_at <= ${timestampParam(now)}
       GROUP BY 1
      UNION ALL
      SELECT to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'signups', count(*)
        FROM referral_usage_log l
       WHERE l.referrer_user_id = ${clientId} AND l.used_at >= ${timestampParam(since)}
         AND l.used_at <= ${timestampParam(now)}
       GROUP BY 1`),
    z.object({ day: col.text, kind: col.text, n: col.int }),
  );
  const series = Array.from({ length: days }, (_, i) => ({
    date: new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10),
    clicks: 0,
    signups: 0,
  }));
  const byDate = new Map(series.map((p) => [p.date, p]));
  for (const r of rows) {
    const point = byDate.get(r.day);
    if (point) point[r.kind === "clicks" ? "clicks" : "signups"] = r.n;
  }
  return series;
}

/** Signups and direct commission earned per UTC month over the last `count` months, oldest first. */
export async function getMonthlyCommission(
  db: DbOrTx,
  clientId: number,
  now: Date,
  count = 12,
): Promise<{ month: string; signups: number; earnedCents: number }[]> {
  const months = lastMonths(now, count).reverse();
  const since = monthBounds(months[0]).start;
  const rows = rowsAs(
    await db.execute(sql`
      SELECT to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, 'earned' AS kind,
             sum(c.amount_cents) AS n
        FROM commissions c
       WHERE c.beneficiary_user_id = ${clientId} AND c.level = 'direct' AND ${inCommissionBucket("earned")}
         AND c.created_at >= ${timestampParam(since)}
       GROUP BY 1
      UNION ALL
      SELECT to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM'), 'signups', count(*)
        FROM referral_usage_log l
       WHERE l.referrer_user_id = ${clientId} AND l.used_at >= ${timestampParam(since)}
       GROUP BY 1`),
    z.object({ month: col.text, kind: col.text, n: col.count }),
  );
  const out = months.map((month) => ({ month, signups: 0, earnedCents: 0 }));
  const byMonth = new Map(out.map((p) => [p.month, p]));
  for (const r of rows) {
    const point = byMonth.get(r.month);
    if (point) point[r.kind === "earned" ? "earnedCents" : "signups"] = r.n;
  }
  return out;
}

/** All-time signups per source (link, e-mail, SMS, WhatsApp, QR, social, …), most first. */
export async function getSignupsBySource(
  db: DbOrTx,
  clientId: number,
): Promise<{ source: string; signups: number }[]> {
  const rows = rowsAs(
    await db.execute(sql`
      SELECT l.source::text AS source, count(*) AS n
        FROM referral_usage_log l
       WHERE l.referrer_user_id = ${clientId}
       GROUP BY 1
       ORDER BY 2 DESC, 1`),
    z.object({ source: col.text, n: col.int }),
  );
  return rows.map((r) => ({ source: r.source, signups: r.n }));
}
