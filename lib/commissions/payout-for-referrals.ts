import { and, inArray } from "drizzle-orm";
import { commissions } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { awaitingPayout } from "./payable";
import { createPayoutBatch } from "./payouts";

/**
 * "Add to a payout" for referrals chosen in the admin table: a payout batch for everyone holding an
 * approved, unpaid commission on them. A referrer is paid their whole approved balance, not only the chosen
 * referrals' share: carried-forward reversals must be netted in the same payout, or they would be skipped.
 */
export async function createPayoutForReferrals(
  db: DbOrTx,
  referralIds: number[],
  actor: AuditActor,
  now: Date = new Date(),
) {
  const rows = await db
    .selectDistinct({ beneficiaryId: commissions.beneficiaryUserId })
    .from(commissions)
    .where(and(inArray(commissions.referralId, referralIds), awaitingPayout(commissions)));
  if (!rows.length) {
    throw new DomainError(
      "nothing_to_pay",
      "None of the selected referrals has an approved commission that isn't in a payout yet.",
    );
  }
  return createPayoutBatch(db, { beneficiaryIds: rows.map((r) => r.beneficiaryId) }, actor, now);
}
