import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { jobDbForTx, jobStatements, NOTIFICATION_SEND_QUEUE } from "@/db/job-queue";
import { notificationOutbox, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { NotificationMessage } from "./messages";
import type { RenderNotification } from "./notification-settings";
import { turnedOff } from "./preferences";
import type { RenderedDraft } from "./render-drafts";

/** A message decided for one recipient, before preferences, the cap and the outbox. */
export type NotificationDraft = {
  userId: number;
  /** Unique per decision: `<event id>:<user>:<kind>`, `monthly_summary:<month>:<user>`, … */
  key: string;
  message: NotificationMessage;
  /** The page the message is about, e.g. `/dashboard`. */
  actionPath: string;
};

export type QueueContext = {
  now: Date;
  /** The configured public origin (lib/app-url.ts configuredAppOrigin): links are mailed. */
  origin: string;
  cap: number;
  /** Used by renderDrafts, before the queueing transaction; queueNotifications itself renders nothing. */
  render: RenderNotification;
};

export type QueueResult = { queued: number; capped: number; turnedOff: number; duplicates: number };

const statements = jobStatements();

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Writes decided, already rendered messages (renderDrafts) to the outbox on `tx` (the caller's transaction)
 * and enqueues their sends in it: kinds the recipient turned off get no row; a key already in the outbox
 * adds nothing (a job or consumer run twice sends once); past the recipient's daily cap the row is kept as
 * `capped`, not sent. The cap is a conditional increment of the recipient's counter for the day, so two
 * writers cannot both pass it.
 */
export async function queueNotifications(
  tx: DbOrTx,
  drafts: readonly RenderedDraft[],
  ctx: Pick<QueueContext, "now" | "cap">,
): Promise<QueueResult> {
  const result: QueueResult = { queued: 0, capped: 0, turnedOff: 0, duplicates: 0 };
  if (!drafts.length) return result;
  const off = await turnedOff(
    tx,
    drafts.map((d) => d.userId),
    drafts.map((d) => d.message.kind),
  );
  const wanted = drafts.filter((d) => !off.has(`${d.userId}:${d.message.kind}`));
  result.turnedOff = drafts.length - wanted.length;
  if (!wanted.length) return result;
  const recipients = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.id, [...new Set(wanted.map((d) => d.userId))]))
    ).map((u) => u.id),
  );
  const day = utcDay(ctx.now);
  const jobDb = jobDbForTx(tx);
  for (const draft of wanted) {
    if (!recipients.has(draft.userId)) continue; // deleted since the event: nobody to tell
    const [row] = await tx
      .insert(notificationOutbox)
      .values({
        idempotencyKey: draft.key,
        userId: draft.userId,
        kind: draft.message.kind,
        message: draft.message,
        subject: draft.rendered.subject,
        body: draft.rendered.text,
        html: draft.rendered.html,
        actionPath: draft.actionPath,
        createdAt: ctx.now,
      })
      .onConflictDoNothing({ target: notificationOutbox.idempotencyKey })
      .returning({ id: notificationOutbox.id });
    if (!row) {
      result.duplicates++;
      continue;
    }
    const counted = await tx.execute(sql`
      INSERT INTO notification_daily_counts AS c (user_id, day, messages) VALUES (${draft.userId}, ${day}, 1)
      ON CONFLICT (user_id, day) DO UPDATE SET messages = c.messages + 1 WHERE c.messages < ${ctx.cap}
      RETURNING messages`);
    const passed = (Array.isArray(counted) ? counted : (counted as { rows: unknown[] }).rows).length > 0;
    if (!passed) {
      await tx
        .update(notificationOutbox)
        .set({ status: "capped", lastError: `Over the daily cap of ${ctx.cap} messages for this recipient` })
        .where(and(eq(notificationOutbox.id, row.id), eq(notificationOutbox.status, "queued")));
      result.capped++;
      continue;
    }
    await statements.send(NOTIFICATION_SEND_QUEUE, { notificationId: row.id }, { db: jobDb });
    result.queued++;
  }
  return result;
}
