import { jobDbForTx, jobStatements } from "@/db/job-queue";
import type { DbOrTx } from "@/db/types";

export const WEBHOOK_DELIVER_QUEUE = "webhooks:deliver";
export const WEBHOOK_FAN_OUT_JOB = "webhooks:fan-out";

/** The delivery job's data: which delivery row to attempt (the payload is read when the job runs). */
export type DeliveryJobData = { deliveryId: number };

const statements = jobStatements();

/**
 * Enqueues delivery attempts in the caller's transaction, so a delivery row and its job exist together
 * (a crash between them cannot strand a delivery). `startAfter`: when the attempt may run.
 */
export async function enqueueDeliveries(tx: DbOrTx, deliveryIds: number[], startAfter?: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await statements.insert(
    deliveryIds.map((deliveryId) => ({
      name: WEBHOOK_DELIVER_QUEUE,
      data: { deliveryId } satisfies DeliveryJobData,
      ...(startAfter ? { startAfter } : {}),
    })),
    { db: jobDbForTx(tx) },
  );
}
