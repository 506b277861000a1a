"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { saveCatalogItem } from "@/lib/rewards/manage-catalog";
import { saveRewardRule } from "@/lib/rewards/manage-rules";
import { catalogItemFormSchema } from "@/lib/validation/reward-catalog";
import { rewardRuleFormSchema } from "@/lib/validation/reward-rules";
import { catalogSectionSchema, rewardRuleSectionSchema } from "@/lib/validation/reward-sections";

/** An admin edits a reward rule, or adds an offer. */
export const saveRuleAction = action(
  { access: "admin", schema: rewardRuleFormSchema },
  async (input, { db, actor }) => {
    const rule = await saveRewardRule(db, actor, input);
    revalidatePath("/admin/rewards");
    return {
      status: "success",
      message: input.ruleId
        ? `Saved. New points follow “${rule.name}” from now on.`
        : `Offer “${rule.name}” added.`,
    };
  },
);

/**
 * An admin saves one section of rules (e.g. every milestone): all of them or none, in one transaction,
 * each through the same domain function (and audit row) as a single rule.
 */
export const saveRuleSectionAction = action(
  { access: "admin", schema: rewardRuleSectionSchema },
  async (rules, { db, actor }) => {
    const changes = Object.values(rules);
    await db.transaction(async (tx) => {
      for (const change of changes) await saveRewardRule(tx, actor, change);
    });
    revalidatePath("/admin/rewards");
    return {
      status: "success",
      message:
        changes.length === 1
          ? "Saved. New points follow it from now on."
          : `Saved ${changes.length} rules. New points follow them from now on.`,
    };
  },
);

/** An admin adds a catalog reward or edits one (retiring it by unticking Active). */
export const saveCatalogItemAction = action(
  { access: "admin", schema: catalogItemFormSchema },
  async (input, { db, actor }) => {
    const item = await saveCatalogItem(db, actor, input);
    revalidatePath("/admin/rewards");
    return {
      status: "success",
      message: input.id ? `Saved “${item.name}”.` : `Added “${item.name}” to the catalog.`,
    };
  },
);

/** An admin saves the whole catalog section: every reward or none, in one transaction. */
export const saveCatalogSectionAction = action(
  { access: "admin", schema: catalogSectionSchema },
  async (items, { db, actor }) => {
    const inputs = Object.values(items);
    await db.transaction(async (tx) => {
      for (const input of inputs) await saveCatalogItem(tx, actor, input);
    });
    revalidatePath("/admin/rewards");
    return { status: "success", message: `Saved ${inputs.length} reward${inputs.length === 1 ? "" : "s"}.` };
  },
);
