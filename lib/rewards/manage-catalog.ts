import { eq, sql } from "drizzle-orm";
import { rewardCatalog } from "@/db/schema";
import type { rewardType } from "@/db/schema/enums";
import type { DbOrTx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound, pgErrorInfo } from "@/lib/errors";
import { MIN_REDEEM_POINTS } from "./rules";

export type CatalogItem = typeof rewardCatalog.$inferSelect;

export type CatalogItemInput = {
  /** Absent: a new reward. */
  id?: number;
  name: string;
  description: string | null;
  costPoints: number;
  rewardType: (typeof rewardType.enumValues)[number];
  /** The percentage for a discount; null for the other types. */
  rewardValue: number | null;
  isActive: boolean;
  sortOrder?: number;
};

/**
 * An admin adds or edits a catalog reward. Rewards are retired (inactive), never deleted: past
 * redemptions point at them. Audited in the same transaction.
 */
export async function saveCatalogItem(
  db: DbOrTx,
  actor: AuditActor,
  input: CatalogItemInput,
): Promise<CatalogItem> {
  if (!Number.isInteger(input.costPoints) || input.costPoints < MIN_REDEEM_POINTS) {
    throw new DomainError("invalid_reward", `A reward costs at least ${MIN_REDEEM_POINTS} points`, {
      field: "costPoints",
    });
  }
  const values = {
    name: input.name.trim(),
    description: input.description?.trim() || null,
    costPoints: input.costPoints,
    rewardType: input.rewardType,
    rewardValue: input.rewardType === "discount_percent" ? input.rewardValue : null,
    isActive: input.isActive,
  };
  try {
    return await db.transaction(async (tx) => {
      if (input.id === undefined) {
        const [created] = await tx
          .insert(rewardCatalog)
          .values({
            ...values,
            sortOrder:
              input.sortOrder ??
              sql`(SELECT COALESCE(max(${rewardCatalog.sortOrder}), 0) + 1 FROM reward_catalog)`,
          })
          .returning();
        await writeAudit(tx, actor, {
          action: "reward_catalog.create",
          entityType: "reward_catalog",
          entityId: created.id,
          details: { after: values },
        });
        return created;
      }
      const [before] = await tx
        .select()
        .from(rewardCatalog)
        .where(eq(rewardCatalog.id, input.id))
        .for("update");
      if (!before) throw notFound("Reward");
      const [updated] = await tx
        .update(rewardCatalog)
        .set({ ...values, ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}) })
        .where(eq(rewardCatalog.id, input.id))
        .returning();
      await writeAudit(tx, actor, {
        action: "reward_catalog.update",
        entityType: "reward_catalog",
        entityId: input.id,
        details: {
          before: {
            name: before.name,
            description: before.description,
            costPoints: before.costPoints,
            rewardType: before.rewardType,
            rewardValue: before.rewardValue,
            isActive: before.isActive,
          },
          after: values,
        },
      });
      return updated;
    });
  } catch (error) {
    if (pgErrorInfo(error)?.constraint === "reward_catalog_min_cost") {
      throw new DomainError("invalid_reward", `A reward costs at least ${MIN_REDEEM_POINTS} points`, {
        field: "costPoints",
      });
    }
    throw error;
  }
}
