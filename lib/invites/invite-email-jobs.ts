import "server-only";
import { and, eq, lt, gt } from "drizzle-orm";
import { z } from "zod";
import {
  INVITE_EMAIL_QUEUE,
  inviteEmailJobOptions,
  inviteJobId,
  jobDbForTx,
  jobStatements,
} from "@/db/job-queue";
import { emailInvites } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { deliverInvite, type MailerConfig } from "./mailer";

/** The e-mail job's data: which invite to send (the message itself is the row, read when the job runs). */
export const inviteEmailJobSchema = z.object({ inviteId: z.number().int().positive() });

const statements = jobStatements();

/**
 * Enqueues one e-mail job per invite on `db` — the caller's transaction, so the jobs exist exactly when the
 * invite rows do. Each invite's job id is fixed (inviteJobId): enqueuing it again (the sweeper) is a no-op
 * while its job is still in the queue, so an invite is never worked by two jobs at once.
 */
export async function enqueueInviteEmails(db: DbOrTx, inviteIds: number[]): Promise<void> {
  const jobDb = jobDbForTx(db);
  const options = inviteEmailJobOptions();
  for (const inviteId of inviteIds) {
    await statements.send(
      INVITE_EMAIL_QUEUE,
      { inviteId },
      { ...options, id: inviteJobId(inviteId), db: jobDb },
    );
  }
}

/** The e-mail job: sends the invite; a transient SMTP failure throws, and pg-boss retries with back-off. */
export async function runInviteEmailJob(db: DbOrTx, data: unknown, config: MailerConfig | null) {
  const { inviteId } = inviteEmailJobSchema.parse(data);
  // Without SMTP the invite stays queued (the outbox); failing the job keeps that visible on /admin/jobs.
  if (!config) throw new Error("SMTP_URL is not set on the instance that ran this job");
  return deliverInvite(db, inviteId, config);
}

/** Invites queued longer than this without being sent are handed to the e-mail queue again. */
export const SWEEP_AFTER_MS = 2 * 60_000;
/** …unless they are older than this: a week-old invite is stale, it stays in the outbox for an admin. */
export const SWEEP_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
const SWEEP_BATCH = 500;

/**
 * Enqueues the invites still queued after SWEEP_AFTER_MS: rows recorded while jobs were not yet enqueued
 * with them (before this release, or SMTP configured later) or whose job was archived. Invites whose job
 * is still in the queue (retrying, or failed and awaiting an admin) are left to it by the fixed job id.
 */
export async function sweepQueuedInvites(db: DbOrTx, now: Date): Promise<{ enqueued: number }> {
  const rows = await db
    .select({ id: emailInvites.id })
    .from(emailInvites)
    .where(
      and(
        eq(emailInvites.status, "queued"),
        lt(emailInvites.createdAt, new Date(now.getTime() - SWEEP_AFTER_MS)),
        gt(emailInvites.createdAt, new Date(now.getTime() - SWEEP_MAX_AGE_MS)),
      ),
    )
    .orderBy(emailInvites.id)
    .limit(SWEEP_BATCH);
  if (rows.length)
    await enqueueInviteEmails(
      db,
      rows.map((r) => r.id),
    );
  return { enqueued: rows.length };
}
