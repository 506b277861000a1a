"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { action, type ActionContext } from "@/lib/action";
import { actorOf } from "@/lib/auth/principal";
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

const actor = (ctx: ActionContext) => ({ ...actorOf(ctx.principal), ip: ctx.ip });

export const createCampaignAction = action(
  { access: "admin", schema: campaignFormSchema },
  async (input, ctx) => {
    const campaign = await createCampaign(await getDb(), input, actor(ctx));
    revalidatePath("/admin/campaigns");
    redirect(`/admin/campaigns/${campaign.id}?created=1`);
  },
);

export const updateCampaignAction = action(
  { access: "admin", schema: updateCampaignSchema },
  async ({ campaignId, input }, ctx) => {
    await updateCampaign(await getDb(), campaignId, input, actor(ctx));
    revalidatePath(`/admin/campaigns/${campaignId}`);
    revalidatePath("/admin/campaigns");
    return { status: "success", message: "Campaign saved. New terms apply to payments from now on." };
  },
);

export const endCampaignAction = action(
  { access: "admin", schema: campaignIdSchema },
  async ({ campaignId }, ctx) => {
    await endCampaign(await getDb(), campaignId, actor(ctx));
    revalidatePath(`/admin/campaigns/${campaignId}`);
    revalidatePath("/admin/campaigns");
    return { status: "success", message: "Campaign ended." };
  },
);

export const linkCodesAction = action(
  { access: "admin", schema: linkCodesSchema },
  async ({ campaignId, codes }, ctx) => {
    const { linked } = await linkCodesToCampaign(await getDb(), campaignId, codes, actor(ctx));
    revalidatePath(`/admin/campaigns/${campaignId}`);
    return { status: "success", message: `Linked ${linked.join(", ")}.` };
  },
);

export const unlinkCodeAction = action(
  { access: "admin", schema: unlinkCodeSchema },
  async ({ campaignId, codeId }, ctx) => {
    await unlinkCodeFromCampaign(await getDb(), campaignId, codeId, actor(ctx));
    revalidatePath(`/admin/campaigns/${campaignId}`);
    return { status: "success", message: "Code unlinked." };
  },
);
