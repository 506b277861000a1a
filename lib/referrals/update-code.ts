import { and, eq } from "drizzle-orm";
import { referralCodes } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { DomainError, notFound } from "@/lib/errors";
import { checkedCodeSettings, type CodeSettings } from "./code-settings";
import type { ReferralCode } from "./create-code";

export type UpdateReferralCodeInput = CodeSettings & { isActive?: boolean };

/**
 * Changes a code's owner-editable settings. The row is locked first: a signup claiming a use (the
 * usage-count trigger) waits, so a new limit is never checked against a count that is already stale.
 */
export async function updateReferralCode(
  db: DbOrTx,
  clientId: number,
  codeId: number,
  patch: UpdateReferralCodeInput,
  now: Date = new Date(),
): Promise<ReferralCode> {
  const changes: UpdateReferralCodeInput = checkedCodeSettings(patch, now);
  if (patch.isActive !== undefined) changes.isActive = patch.isActive;

  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(referralCodes)
      .where(and(eq(referralCodes.id, codeId), eq(referralCodes.clientId, clientId)))
      .for("update");
    if (!current) throw notFound("Referral code");
    if (changes.usageLimit != null && changes.usageLimit < current.usageCount) {
      throw new DomainError(
        "usage_limit_below_usage",
        `Usage limit can't be lower than the uses so far (${current.usageCount})`,
        { field: "usage_limit" },
      );
    }
    if (Object.keys(changes).length === 0) return current;
    const [updated] = await tx
      .update(referralCodes)
      .set({ ...changes, updatedAt: now })
      .where(eq(referralCodes.id, codeId))
      .returning();
    return updated;
  });
}
