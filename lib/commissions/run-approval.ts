import type { DbOrTx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { approveDueCommissions } from "./approve-due";

/** Who started an approval run: an admin's button, the in-app timer, or `npm run jobs:approve`. */
export type ApprovalTrigger = "admin" | "timer" | "cli";

export const APPROVAL_AUDIT_ACTION = "commissions.approve_due";

/**
 * The one way commissions get approved by the clock: every due commission is approved and the run is
 * audited in the same transaction, whichever path started it, so the audit log accounts for every
 * approval. A run that approved nothing is still recorded when someone asked for it (an admin, an
 * operator's CLI run); the timer's empty ticks every ten minutes are not, or they would bury the log.
 */
export async function runCommissionApproval(
  db: DbOrTx,
  actor: AuditActor,
  via: ApprovalTrigger,
  now: Date = new Date(),
): Promise<{ approved: number }> {
  return db.transaction(async (tx) => {
    const run = await approveDueCommissions(tx, now);
    if (run.approved > 0 || via !== "timer") {
      await writeAudit(tx, actor, {
        action: APPROVAL_AUDIT_ACTION,
        entityType: "commissions",
        details: { approved: run.approved, via },
      });
    }
    return run;
  });
}
