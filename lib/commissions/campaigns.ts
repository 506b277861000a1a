import { and, eq, inArray } from "drizzle-orm";
import { referralCampaigns, referralCodes, type CampaignTier } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound } from "@/lib/errors";
import { hasWindowEnded, isWindowOpen } from "@/lib/time-window";
import { canonicalCode } from "@/lib/referrals/code-format";

export type Campaign = typeof referralCampaigns.$inferSelect;

export type CampaignInput = {
  campaignName: string;
  description: string | null;
  commissionType: Campaign["commissionType"];
  /** Basis points for percentage and tier_based (the rate below the first tier), cents for flat_rate. */
  commissionValue: number;
  tiers: CampaignTier[] | null;
  bonusThreshold: number | null;
  bonusAmountCents: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
};

/** Campaign rows in the audit log: what changed, in the units stored. */
function auditable(input: CampaignInput) {
  return {
    ...input,
    startsAt: input.startsAt?.toISOString() ?? null,
    endsAt: input.endsAt?.toISOString() ?? null,
  };
}

export async function createCampaign(
  db: DbOrTx,
  input: CampaignInput,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(referralCampaigns)
      .values({
        ...input,
        isActive: true,
        createdByUserId: actor.actorUserId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "campaign.created",
      entityType: "campaign",
      entityId: campaign.id,
      details: auditable(input),
    });
    return campaign;
  });
}

/** New terms apply to payments recorded from now on; commissions already earned keep theirs. */
export async function updateCampaign(
  db: DbOrTx,
  campaignId: number,
  input: CampaignInput,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const before = await lockCampaign(tx, campaignId);
    const [campaign] = await tx
      .update(referralCampaigns)
      .set({ ...input, updatedAt: now })
      .where(eq(referralCampaigns.id, campaignId))
      .returning();
    await writeAudit(tx, actor, {
      action: "campaign.updated",
      entityType: "campaign",
      entityId: campaignId,
      details: {
        before: auditable({ ...before, description: before.description ?? null }),
        after: auditable(input),
      },
    });
    return campaign;
  });
}

/** Ends a campaign now: it stops applying to new payments and codes can no longer join it. */
export async function endCampaign(
  db: DbOrTx,
  campaignId: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const before = await lockCampaign(tx, campaignId);
    if (!before.isActive) {
      throw new DomainError("campaign_ended", `${before.campaignName} has already ended`, { status: 409 });
    }
    // The window closes now if it is open, unless it opened this very instant (start < end must hold).
    const closesWindow =
      isWindowOpen(before, now) && (!before.startsAt || before.startsAt.getTime() < now.getTime());
    const [campaign] = await tx
      .update(referralCampaigns)
      .set({ isActive: false, ...(closesWindow ? { endsAt: now } : {}), updatedAt: now })
      .where(eq(referralCampaigns.id, campaignId))
      .returning();
    await writeAudit(tx, actor, {
      action: "campaign.ended",
      entityType: "campaign",
      entityId: campaignId,
      details: { endsAt: campaign.endsAt?.toISOString() ?? null },
    });
    return campaign;
  });
}

/**
 * Links codes (typed in any spelling: `maya-2o25` finds MAYA2025) to a campaign that is still running
 * or scheduled. All or nothing: one unknown code refuses the whole list, naming it.
 */
export async function linkCodesToCampaign(
  db: DbOrTx,
  campaignId: number,
  codes: string[],
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ linked: string[] }> {
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign.isActive || hasWindowEnded(campaign, now)) {
      throw new DomainError("campaign_ended", `${campaign.campaignName} has ended; codes can't join it`, {
        status: 409,
      });
    }
    const wanted = [...new Set(codes.map(canonicalCode))];
    const found = await tx
      .select({ id: referralCodes.id, code: referralCodes.code, canonical: referralCodes.canonicalCode })
      .from(referralCodes)
      .where(inArray(referralCodes.canonicalCode, wanted));
    const missing = codes.filter((c) => !found.some((f) => f.canonical === canonicalCode(c)));
    if (missing.length) {
      throw new DomainError(
        "codes_not_found",
        `${missing.length === 1 ? "Code" : "Codes"} not found: ${missing.join(", ")}`,
        { field: "codes" },
      );
    }
    await tx
      .update(referralCodes)
      .set({ campaignId, updatedAt: now })
      .where(
        inArray(
          referralCodes.id,
          found.map((f) => f.id),
        ),
      );
    await writeAudit(tx, actor, {
      action: "campaign.codes_linked",
      entityType: "campaign",
      entityId: campaignId,
      details: { codes: found.map((f) => f.code) },
    });
    return { linked: found.map((f) => f.code) };
  });
}

export async function unlinkCodeFromCampaign(
  db: DbOrTx,
  campaignId: number,
  codeId: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const [code] = await tx
      .update(referralCodes)
      .set({ campaignId: null, updatedAt: now })
      .where(and(eq(referralCodes.id, codeId), eq(referralCodes.campaignId, campaignId)))
      .returning({ code: referralCodes.code });
    if (!code) throw notFound("Linked code");
    await writeAudit(tx, actor, {
      action: "campaign.code_unlinked",
      entityType: "campaign",
      entityId: campaignId,
      details: { code: code.code },
    });
  });
}

async function lockCampaign(tx: Tx, campaignId: number): Promise<Campaign> {
  const [campaign] = await tx
    .select()
    .from(referralCampaigns)
    .where(eq(referralCampaigns.id, campaignId))
    .for("update");
  if (!campaign) throw notFound("Campaign");
  return campaign;
}
