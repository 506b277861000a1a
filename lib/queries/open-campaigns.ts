import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import { referralCampaigns } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

/** Campaigns a client may link a new code to: active and not yet ended (same rule as createReferralCode). */
export async function listOpenCampaigns(db: DbOrTx, now: Date): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: referralCampaigns.id, name: referralCampaigns.campaignName })
    .from(referralCampaigns)
    .where(
      and(
        eq(referralCampaigns.isActive, true),
        or(isNull(referralCampaigns.endsAt), gt(referralCampaigns.endsAt, now)),
      ),
    )
    .orderBy(asc(referralCampaigns.campaignName));
}
