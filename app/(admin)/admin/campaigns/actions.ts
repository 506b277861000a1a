"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import {
  createCampaign,
  endCampaign,
  linkCodesToCampaign,
  unlinkCodeFromCampaign,
  updateCampaign,
} from "@/lib/commissions/campaigns";
import {
  campaignFormSchema,
  campaignIdSchema,
  linkCodesSchema,
  unlinkCodeSchema,
  updateCampaignSchema,
} from "@/lib/validation/campaigns";

export const createCampaignAction = action(
  { access: "admin", schema: campaignFormSchema },
  async (input, ctx) => {
    const campaign = await createCampaign(ctx.db, input, ctx.actor);
    revalidatePath("/admin/campaigns");
    redirect(`/admin/campaigns/${campaign.id}?created=1`);
  },
);

export const updateCampaignAction = action(
  { access: "admin", schema: updateCampaignSchema },
  async ({ campaignId, input }, ctx) => {
    await updateCampaign(ctx.db, campaignId, input, ctx.actor);
    revalidatePath(`/admin/campaigns/${campaignId}`);
    revalidatePath("/admin/campaigns");
    return { status: "success", message: "Campaign saved. New terms apply to payments from now on." };
  },
);

export const endCampaignAction = action(
  { access: "admin", schema: campaignIdSchema },
  async ({ campaignId }, ctx) => {
    await endCampaign(ctx.db, campaignId, ctx.actor);
    revalidatePath(`/admin/campaigns/${campaignId}`);
    revalidatePath("/admin/campaigns");
    return { status: "success", message: "Campaign ended." };
  },
);

export const linkCodesAction = action(
  { access: "admin", schema: linkCodesSchema },
  async ({ campaignId, codes }, ctx) => {
    const { linked } = await linkCodesToCampaign(ctx.db, campaignId, codes, ctx.actor);
    revalidatePath(`/admin/campaigns/${campaignId}`);
    return { status: "success", message: `Linked ${linked.join(", ")}.` };
  },
);

export const unlinkCodeAction = action(
  { access: "admin", schema: unlinkCodeSchema },
  async ({ campaignId, codeId }, ctx) => {
    await unlinkCodeFromCampaign(ctx.db, campaignId, codeId, ctx.actor);
    revalidatePath(`/admin/campaigns/${campaignId}`);
    return { status: "success", message: "Code unlinked." };
  },
);
