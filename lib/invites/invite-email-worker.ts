// Registers the invite e-mail worker and the sweeper with the job runner (imported by lib/jobs/registry.ts).
import { getDb } from "@/db/client";
import { INVITE_EMAIL_QUEUE } from "@/db/job-queue";
import { registerJob, registerWorker } from "@/lib/jobs/scheduler";
import { runInviteEmailJob, sweepQueuedInvites } from "./invite-email-jobs";
import { mailerConfigFromEnv } from "./mailer";

export const INVITE_SWEEP_JOB = "invites:sweep-queued";

registerWorker({
  queue: INVITE_EMAIL_QUEUE,
  pollingIntervalSeconds: 2,
  handler: async (data) => runInviteEmailJob(await getDb(), data, mailerConfigFromEnv()),
});

registerJob({
  name: INVITE_SWEEP_JOB,
  intervalMs: 5 * 60_000,
  run: async (now) => {
    // Without SMTP, queued invites are the outbox by design: nothing to hand over.
    if (!mailerConfigFromEnv()) return { enqueued: 0 };
    return sweepQueuedInvites(await getDb(), now);
  },
});
