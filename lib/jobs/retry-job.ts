import "server-only";
import { jobDbForTx, jobStatements } from "@/db/job-queue";
import type { DbOrTx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import type { RetryJobInput } from "@/lib/validation/jobs";

const statements = jobStatements();

export const JOB_RETRY_AUDIT_ACTION = "jobs.retry";

/**
 * Puts a failed job back in its queue (pg-boss gives it one more attempt) and audits who did it, in one
 * transaction. A job that is not failed (already retried, or never failed) is refused with a 409.
 */
export async function retryFailedJob(db: DbOrTx, input: RetryJobInput, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const { affected } = (await statements.retry(input.queue, input.jobId, {
      db: jobDbForTx(tx),
    })) as unknown as { affected: number };
    if (affected !== 1) {
      throw new DomainError("job_not_failed", "This job is not failed any more; reload the page.", {
        status: 409,
      });
    }
    await writeAudit(tx, actor, {
      action: JOB_RETRY_AUDIT_ACTION,
      entityType: "job",
      entityId: input.jobId,
      details: { queue: input.queue },
    });
  });
}
