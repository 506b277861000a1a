"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { saveCatalogItem } from "@/lib/rewards/manage-catalog";
import { saveRewardRule } from "@/lib/rewards/manage-rules";
import { catalogItemFormSchema } from "@/lib/validation/reward-catalog";
import { rewardRuleFormSchema } from "@/lib/validation/reward-rules";

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
