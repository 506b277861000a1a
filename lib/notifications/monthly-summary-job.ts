import "server-only";
import { eq, sql } from "drizzle-orm";
import { notificationMonthlyRuns } from "@/db/schema";
import type { Db } from "@/db/types";
import { monthOf } from "@/lib/queries/referral-analytics";
import { monthlySummaryMessages } from "./monthly-summary";
import { queueNotifications, type QueueContext } from "./queue-notifications";
import { renderDrafts } from "./render-drafts";

/** Referrers per page: each page is rendered (tens of ms a message) before its short transaction. */
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
 * Queues last month's summary for every referrer, a page at a time: a page is read and rendered with no
 * lock held, then its messages and the month's progress marker (the last referrer id done) are one
 * transaction, so an interrupted run resumes after the last committed page and a finished month is not
 * walked again. If another runner moved the marker while this one rendered, the page is read again from
 * the new marker. The idempotency key (month, recipient) makes a page done twice queue nothing twice.
 * Runs hourly; does nothing outside the first days of a month.
 */
export async function queueMonthlySummaries(
  db: Db,
  ctx: QueueContext,
): Promise<{ month: string | null; queued: number }> {
  if (ctx.now.getUTCDate() > CATCH_UP_DAYS) return { month: null, queued: 0 };
  const month = previousMonth(ctx.now);
  let queued = 0;
  await db.insert(notificationMonthlyRuns).values({ month }).onConflictDoNothing();
  for (;;) {
    const [seen] = await db
      .select()
      .from(notificationMonthlyRuns)
      .where(eq(notificationMonthlyRuns.month, month));
    if (seen.finishedAt) return { month, queued };
    const page = await monthlySummaryMessages(
      db,
      { month, afterUserId: seen.lastUserId, limit: PAGE },
      ctx.now,
    );
    const rendered = await renderDrafts(
      db,
      page.map(({ userId, message }) => ({
        userId,
        key: `monthly_summary:${month}:${userId}`,
        message,
        actionPath: "/dashboard/earnings",
      })),
      ctx,
    );
    const finished = await db.transaction(async (tx) => {
      // Locked for the page's writes: a second runner waits, then finds the marker moved and reads again.
      const [run] = await tx
        .select()
        .from(notificationMonthlyRuns)
        .where(eq(notificationMonthlyRuns.month, month))
        .for("update");
      if (run.finishedAt) return true;
      if (run.lastUserId !== seen.lastUserId) return false;
      const result = await queueNotifications(tx, rendered, ctx);
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
