import type { DbOrTx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { getSetting, setSetting } from "@/lib/settings";

export type CommissionSettingsInput = {
  commissionHoldDays: number;
  minimumPayoutCents: number;
  retentionBonusMonths: number;
  retentionBonusCents: number;
};

const KEYS = [
  "commissionHoldDays",
  "minimumPayoutCents",
  "retentionBonusMonths",
  "retentionBonusCents",
] as const;

export async function getCommissionSettings(db: DbOrTx): Promise<CommissionSettingsInput> {
  const [commissionHoldDays, minimumPayoutCents, retentionBonusMonths, retentionBonusCents] =
    await Promise.all(KEYS.map((key) => getSetting(db, key)));
  return { commissionHoldDays, minimumPayoutCents, retentionBonusMonths, retentionBonusCents };
}

/**
 * Saves the commission settings (stored values win over the environment). A new hold period applies
 * to commissions earned from now on; those already on hold keep the date they were given.
 */
export async function updateCommissionSettings(
  db: DbOrTx,
  input: CommissionSettingsInput,
  actor: AuditActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getCommissionSettings(tx);
    for (const key of KEYS) await setSetting(tx, key, input[key]);
    await writeAudit(tx, actor, {
      action: "settings.commissions_updated",
      entityType: "app_settings",
      entityId: "commissions",
      details: { before, after: input },
    });
  });
}
