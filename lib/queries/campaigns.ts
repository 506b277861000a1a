import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { referralCampaigns, referralCodes, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { inCommissionBucket } from "@/lib/commissions/commission-buckets";
import type { Campaign } from "@/lib/commissions/campaigns";
import { isCampaignRunning } from "@/lib/commissions/calculate-commission";
import { hasWindowEnded } from "@/lib/time-window";

export type CampaignState = "running" | "scheduled" | "ended";

export function campaignState(campaign: Campaign, now: Date): CampaignState {
  if (!campaign.isActive || hasWindowEnded(campaign, now)) return "ended";
  return isCampaignRunning(campaign, now) ? "running" : "scheduled";
}

export type CampaignListItem = Campaign & {
  state: CampaignState;
  codeCount: number;
  /** Direct commissions earned under the campaign, net of reversals, rejected excluded. */
  earnedCents: number;
};

/** /admin/campaigns: every campaign, running and scheduled first, with linked codes and earnings. */
export async function listCampaigns(db: DbOrTx, now: Date): Promise<CampaignListItem[]> {
  const rows = await db
    .select({
      campaign: referralCampaigns,
      // Table-qualified by hand: in a single-table select Drizzle renders `${column}` unqualified, which
      // inside these subqueries would name the subquery's own id.
      codeCount: sql<number>`(SELECT count(*) FROM referral_codes rc WHERE rc.campaign_id = referral_campaigns.id)::int`,
      earnedCents: sql<string>`(SELECT COALESCE(sum(c.amount_cents), 0) FROM commissions c
                                 WHERE c.campaign_id = referral_campaigns.id AND ${inCommissionBucket("earned")})`,
    })
    .from(referralCampaigns)
    .orderBy(desc(referralCampaigns.isActive), desc(referralCampaigns.createdAt), desc(referralCampaigns.id));
  const order: Record<CampaignState, number> = { running: 0, scheduled: 1, ended: 2 };
  return rows
    .map((r) => ({
      ...r.campaign,
      state: campaignState(r.campaign, now),
      codeCount: Number(r.codeCount),
      earnedCents: Number(r.earnedCents),
    }))
    .sort((a, b) => order[a.state] - order[b.state]);
}

export type LinkedCode = {
  id: number;
  code: string;
  codeName: string | null;
  ownerName: string;
  ownerEmail: string;
};

export async function getCampaign(
  db: DbOrTx,
  campaignId: number,
): Promise<{ campaign: Campaign; codes: LinkedCode[] } | null> {
  const [campaign] = await db.select().from(referralCampaigns).where(eq(referralCampaigns.id, campaignId));
  if (!campaign) return null;
  const codes = await db
    .select({
      id: referralCodes.id,
      code: referralCodes.code,
      codeName: referralCodes.codeName,
      ownerName: users.name,
      ownerEmail: users.email,
    })
    .from(referralCodes)
    .innerJoin(users, eq(users.id, referralCodes.clientId))
    .where(eq(referralCodes.campaignId, campaignId))
    .orderBy(asc(referralCodes.code));
  return { campaign, codes };
}
