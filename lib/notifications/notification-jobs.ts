// Registers the notification jobs with the job runner (imported by lib/jobs/registry.ts): the events
// consumer and the sweeper every minute, the failing-jobs check and the monthly summary every hour (the
// summary acts in a month's first days only), and the send worker.
import { getDb } from "@/db/client";
import { NOTIFICATION_SEND_QUEUE } from "@/db/job-queue";
import { configuredAppOrigin } from "@/lib/app-url";
import { mailerConfigFromEnv } from "@/lib/invites/mailer";
import { registerJob, registerWorker } from "@/lib/jobs/scheduler";
import { checkFailingJobs } from "./admin-notices";
import { consumeNotificationEvents } from "./consume-events";
import { queueMonthlySummaries } from "./monthly-summary-job";
import { pipelineContext } from "./pipeline-context";
import { runNotificationSendJob } from "./send-notification";
import { sweepNotificationOutbox } from "./sweep-outbox";
import { renderNotification } from "./templates/render-notification";

registerJob({
  name: "notifications:consume-events",
  intervalMs: 60_000,
  run: async (now) => consumeNotificationEvents(await getDb(), pipelineContext(now)),
});

registerJob({
  name: "notifications:sweep",
  intervalMs: 60_000,
  run: async (now) => sweepNotificationOutbox(await getDb(), mailerConfigFromEnv(), now),
});

registerJob({
  name: "notifications:check-failing-jobs",
  intervalMs: 60 * 60_000,
  run: async (now) => checkFailingJobs(await getDb(), pipelineContext(now)),
});

registerJob({
  name: "notifications:monthly-summary",
  intervalMs: 60 * 60_000,
  run: async (now) => queueMonthlySummaries(await getDb(), pipelineContext(now)),
});

registerWorker({
  queue: NOTIFICATION_SEND_QUEUE,
  pollingIntervalSeconds: 2,
  handler: async (data) =>
    runNotificationSendJob(await getDb(), data, {
      config: mailerConfigFromEnv(),
      origin: configuredAppOrigin(),
      render: renderNotification,
    }),
});
