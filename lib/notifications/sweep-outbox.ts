import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { jobDbForTx, jobStatements, NOTIFICATION_SEND_QUEUE } from "@/db/job-queue";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import type { MailerConfig } from "@/lib/invites/mailer";
import { STALE_CLAIM_MS } from "./send-notification";

/** Rows younger than this still have their own send job coming. */
export const SWEEP_AFTER_MS = 60_000;
/** A row retried by its job and still queued this long after its last try gets another job. */
export const RETRY_AGAIN_AFTER_MS = 60 * 60_000;
/** Older than a week, a message is stale: it stays in the outbox for an admin to see. */
export const SWEEP_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** After this many tries a row is left alone (its last error is on /admin/notifications). */
export const MAX_ATTEMPTS = 12;
const SWEEP_BATCH = 500;

const statements = jobStatements();

/**
 * Hands waiting outbox rows to the send queue: those that waited for SMTP_URL (never tried), those whose
 * retries ran out while the mail server was down, and sends claimed by an instance that died. Does nothing
 * while SMTP is not configured here. A row given two jobs is still sent once (sendNotification claims it).
 */
export async function sweepNotificationOutbox(
  db: DbOrTx,
  config: MailerConfig | null,
  now: Date,
): Promise<{ enqueued: number }> {
  if (!config) return { enqueued: 0 };
  const at = (ms: number) => timestampParam(new Date(now.getTime() - ms));
  const ids = rowsAs(
    await db.execute(sql`
      SELECT id FROM notification_outbox
       WHERE created_at > ${at(SWEEP_MAX_AGE_MS)} AND attempts < ${MAX_ATTEMPTS}
         AND ((status = 'queued' AND created_at < ${at(SWEEP_AFTER_MS)}
               AND (claimed_at IS NULL OR claimed_at < ${at(RETRY_AGAIN_AFTER_MS)}))
           OR (status = 'sending' AND claimed_at < ${at(STALE_CLAIM_MS)}))
       ORDER BY id
       LIMIT ${SWEEP_BATCH}`),
    z.object({ id: col.int }),
  ).map((r) => r.id);
  const jobDb = jobDbForTx(db);
  for (const notificationId of ids)
    await statements.send(NOTIFICATION_SEND_QUEUE, { notificationId }, { db: jobDb });
  return { enqueued: ids.length };
}
