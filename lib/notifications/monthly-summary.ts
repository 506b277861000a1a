import "server-only";
import { and, asc, eq, exists, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { jsonCol, readBatch, type JsonRead } from "@/db/json-batch";
import { referralCodes, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import type { NotificationMessage } from "@/lib/notifications/messages";
import { monthBounds, monthlyFiguresRead } from "@/lib/queries/referral-analytics";

// The monthly summary e-mail's figures for a page of referrers. Clicks, signups, commission and best code
// are the dashboard's monthly report (monthlyFiguresRead, the same statement), so the e-mail and
// /dashboard/earnings never disagree; each referrer's figures come from the rollups, never from their
// history. The job walks the referrers by id (keyset), so a million of them are a sequence of small pages.

export type MonthlySummaryMessage = Extract<NotificationMessage, { kind: "monthly_summary" }>;

export const monthlySummaryQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM"),
  /** The last user id of the previous page (0 for the first). */
  afterUserId: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
});
export type MonthlySummaryQuery = z.infer<typeof monthlySummaryQuerySchema>;

/**
 * Referrers per statement: each brings a handful of index look-ups. Measured on a 200k-referral program
 * (2,008 referrers, load ~14 on 2 cores): 100 referrers in statements of 50 took 0.8 s, in one statement
 * 5.9 s; in statements of 40 the whole walk took 4 ms per referrer.
 */
const READS_PER_STATEMENT = 40;

/**
 * Points the referrer earned in the month: the credits (held ones included, void ones not) created in it,
 * from the per-day rollup points_earned_daily (migration 0035) — at most 31 rows.
 */
function monthlyPointsSql(userId: number, month: string) {
  const { start, end } = monthBounds(month);
  return sql`SELECT coalesce(sum(p.points), 0) FROM points_earned_daily p
              WHERE p.user_id = ${userId} AND p.day >= ${dayParam(start)} AND p.day < ${dayParam(end)}`;
}

/** A date as a `date` parameter (its UTC day). */
function dayParam(date: Date) {
  return sql`${date.toISOString().slice(0, 10)}::date`;
}

/** One referrer's summary message for `month`, as one JSON read (batched by readBatch). */
export function monthlySummaryRead(
  userId: number,
  month: string,
  now: Date,
): JsonRead<MonthlySummaryMessage> {
  const figures = monthlyFiguresRead(userId, month, now);
  const shape = z.object({ figures: z.unknown(), points: jsonCol.int });
  return {
    sql: sql`SELECT json_build_object('figures', (${figures.sql}), 'points', (${monthlyPointsSql(userId, month)}))`,
    parse: (json) => {
      const row = shape.parse(json);
      const f = figures.parse(row.figures);
      // Per currency, as the report shows it: usd from commission_daily, the others from their companion
      // (0040); a currency that earned nothing net in the month is left out.
      const commission = [
        { cents: f.money.earnedCents, currency: BASE_CURRENCY },
        ...f.otherCurrencies.map((o) => ({ cents: o.earnedCents, currency: o.currency })),
      ].filter((c) => c.cents !== 0);
      return {
        kind: "monthly_summary",
        month,
        clicks: f.clicks,
        signups: f.newReferrals,
        commission,
        points: row.points,
        bestCode: f.topCode,
      };
    },
  };
}

/**
 * The monthly summaries of the next `limit` referrers (active clients with at least one referral code)
 * after `afterUserId`, in user id order. A month still running is counted up to `now`.
 */
export async function monthlySummaryMessages(
  db: DbOrTx,
  query: MonthlySummaryQuery,
  now: Date = new Date(),
): Promise<{ userId: number; message: MonthlySummaryMessage }[]> {
  const { month, afterUserId, limit } = monthlySummaryQuerySchema.parse(query);
  const referrers = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        gt(users.id, afterUserId),
        eq(users.role, "client"),
        eq(users.status, "active"),
        exists(
          db
            .select({ one: sql`1` })
            .from(referralCodes)
            .where(eq(referralCodes.clientId, users.id)),
        ),
      ),
    )
    .orderBy(asc(users.id))
    .limit(limit);

  const out: { userId: number; message: MonthlySummaryMessage }[] = [];
  for (let i = 0; i < referrers.length; i += READS_PER_STATEMENT) {
    const ids = referrers.slice(i, i + READS_PER_STATEMENT).map((r) => r.id);
    const messages = await readBatch(
      db,
      Object.fromEntries(ids.map((id) => [`u${id}`, monthlySummaryRead(id, month, now)])),
    );
    for (const id of ids) out.push({ userId: id, message: messages[`u${id}`] });
  }
  return out;
}
