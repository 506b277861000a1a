import "server-only";
import { eq, sql } from "drizzle-orm";
import { notificationMonthlyRuns } from "@/db/schema";
import type { Db } from "@/db/types";
import { monthOf } from "@/lib/queries/referral-analytics";
import { monthlySummaryMessages } from "./monthly-summary";
import { queueNotifications, type QueueContext } from "./queue-notifications";

/** Referrers per transaction: each message is rendered for its subject, so a page stays a few seconds. */
const PAGE = 200;
/**
 * The summary goes out on the 1st; the job still acts on the next two days, so a month whose run was cut
 * short (a deploy, an outage) is finished from where it stopped rather than skipped.
 */
const CATCH_UP_DAYS = 3;

/** The month before the one of `now`, as "YYYY-MM" (UTC). */
export function previousMonth(now: Date): string {
  return monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
}

/**
 * Queues last month's summary for every referrer, a page at a time: each page's messages and the month's
 * progress marker (the last referrer id done) are one transaction, so an interrupted run resumes after the
 * last committed page and a finished month is not walked again. The idempotency key (month, recipient)
 * makes a page done twice queue nothing twice. Runs hourly; does nothing outside the first days of a month.
 */
export async function queueMonthlySummaries(
  db: Db,
  ctx: QueueContext,
): Promise<{ month: string | null; queued: number }> {
  if (ctx.now.getUTCDate() > CATCH_UP_DAYS) return { month: null, queued: 0 };
  const month = previousMonth(ctx.now);
  let queued = 0;
  for (;;) {
    const finished = await db.transaction(async (tx) => {
      await tx.insert(notificationMonthlyRuns).values({ month }).onConflictDoNothing();
      // Locked for the page: a second runner waits, then continues after this one's page.
      const [run] = await tx
        .select()
        .from(notificationMonthlyRuns)
        .where(eq(notificationMonthlyRuns.month, month))
        .for("update");
      if (run.finishedAt) return true;
      const page = await monthlySummaryMessages(
        tx,
        { month, afterUserId: run.lastUserId, limit: PAGE },
        ctx.now,
      );
      const result = await queueNotifications(
        tx,
        page.map(({ userId, message }) => ({
          userId,
          key: `monthly_summary:${month}:${userId}`,
          message,
          actionPath: "/dashboard/earnings",
        })),
        ctx,
      );
      queued += result.queued;
      const done = page.length < PAGE;
      await tx
        .update(notificationMonthlyRuns)
        .set({
          lastUserId: page.at(-1)?.userId ?? run.lastUserId,
          finishedAt: done ? sql`${ctx.now.toISOString()}::timestamptz` : null,
        })
        .where(eq(notificationMonthlyRuns.month, month));
      return done;
    });
    if (finished) return { month, queued };
  }
}
