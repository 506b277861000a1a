import "server-only";
import { asc } from "drizzle-orm";
import { referralCampaigns } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

/** Every campaign, past and present, for the report's campaign filter. */
export async function listCampaignOptions(db: DbOrTx): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: referralCampaigns.id, name: referralCampaigns.campaignName })
    .from(referralCampaigns)
    .orderBy(asc(referralCampaigns.campaignName), asc(referralCampaigns.id));
}
