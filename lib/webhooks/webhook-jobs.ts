// Registers the webhook fan-out (every minute) and the delivery worker (imported by lib/jobs/registry.ts).
import { getDb } from "@/db/client";
import { registerJob, registerWorker } from "@/lib/jobs/scheduler";
import { attemptDelivery } from "./deliver";
import { WEBHOOK_DELIVER_QUEUE, WEBHOOK_FAN_OUT_JOB, type DeliveryJobData } from "./delivery-queue";
import { fanOutEvents } from "./fan-out";

registerJob({
  name: WEBHOOK_FAN_OUT_JOB,
  intervalMs: 60_000,
  run: async (now) => fanOutEvents(await getDb(), now),
});

registerWorker({
  queue: WEBHOOK_DELIVER_QUEUE,
  pollingIntervalSeconds: 2,
  // An attempt's failure is recorded and re-scheduled by attemptDelivery itself (its own back-off), so
  // the job completes; only an unexpected error (database down) fails it.
  handler: async (data) => attemptDelivery(await getDb(), (data as DeliveryJobData).deliveryId),
});
