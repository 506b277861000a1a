// Registers the account e-mail worker with the job runner (imported by lib/jobs/registry.ts).
import { getDb } from "@/db/client";
import { ACCOUNT_EMAIL_QUEUE } from "@/db/job-queue";
import { mailerConfigFromEnv } from "@/lib/invites/mailer";
import { registerWorker } from "@/lib/jobs/scheduler";
import { runAccountEmailJob } from "./account-email-outbox";

registerWorker({
  queue: ACCOUNT_EMAIL_QUEUE,
  pollingIntervalSeconds: 2,
  handler: async (data) => runAccountEmailJob(await getDb(), data, mailerConfigFromEnv()),
});
