import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, referralCodes } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { listCampaigns } from "@/lib/queries/campaigns";
import { campaignFormSchema } from "@/lib/validation/campaigns";
import {
  createCampaign,
  endCampaign,
  linkCodesToCampaign,
  unlinkCodeFromCampaign,
  updateCampaign,
} from "./campaigns";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const now = new Date("2025-11-15T12:00:00Z");

const holidayForm = {
  campaignName: "Holiday 2025",
  description: "Double commission for holiday referrals",
  commissionType: "percentage",
  rate: "20",
  startsOn: "2025-11-01",
  endsOn: "2025-12-31",
  bonusThreshold: "25",
  bonusAmount: "50.00",
};

describe("campaign form", () => {
  it("parses the seed's Holiday 2025 into basis points, cents and an inclusive UTC window", () => {
    expect(campaignFormSchema.parse(holidayForm)).toEqual({
      campaignName: "Holiday 2025",
      description: "Double commission for holiday referrals",
      commissionType: "percentage",
      commissionValue: 2000,
      tiers: null,
      bonusThreshold: 25,
      bonusAmountCents: 5000,
      startsAt: new Date("2025-11-01T00:00:00.000Z"),
      endsAt: new Date("2025-12-31T23:59:59.999Z"),
    });
  });

  it("flat amounts in dollars and tiers as percentages; errors name their field", () => {
    expect(
      campaignFormSchema.parse({ campaignName: "Flat", commissionType: "flat_rate", flatAmount: "7.50" }),
    ).toMatchObject({ commissionValue: 750 });
    expect(
      campaignFormSchema.parse({
        campaignName: "Tiers",
        commissionType: "tier_based",
        rate: "10",
        tierMin0: "50",
        tierRate0: "20",
        tierMin1: "25",
        tierRate1: "12.5",
      }).tiers,
    ).toEqual([
      { minReferrals: 25, rateBps: 1250 },
      { minReferrals: 50, rateBps: 2000 },
    ]);
    const bad = campaignFormSchema.safeParse({
      campaignName: "X",
      commissionType: "percentage",
      rate: "120",
      bonusThreshold: "10",
      startsOn: "2025-12-31",
      endsOn: "2025-12-01",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["campaignName", "rate", "bonusAmount", "endsOn"]));
  });
});

describe("campaign management", () => {
  it("create, edit, link codes in any spelling, end — each written to the audit log", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const actor = { actorUserId: admin.id };
    const campaign = await createCampaign(testDb.db, campaignFormSchema.parse(holidayForm), actor, now);
    expect(campaign).toMatchObject({ commissionValue: 2000, isActive: true, createdByUserId: admin.id });

    const edited = await updateCampaign(
      testDb.db,
      campaign.id,
      campaignFormSchema.parse({ ...holidayForm, rate: "25" }),
      actor,
      now,
    );
    expect(edited.commissionValue).toBe(2500);

    const { code } = await f.makeReferrer();
    const spelled = code.code.toLowerCase().replace(/1/g, "l").replace(/0/g, "o");
    expect(await linkCodesToCampaign(testDb.db, campaign.id, [spelled], actor, now)).toEqual({
      linked: [code.code],
    });
    const [linked] = await testDb.db.select().from(referralCodes).where(eq(referralCodes.id, code.id));
    expect(linked.campaignId).toBe(campaign.id);
    await expect(
      linkCodesToCampaign(testDb.db, campaign.id, [code.code, "NOPE9999"], actor, now),
    ).rejects.toMatchObject({
      message: "Code not found: NOPE9999",
      field: "codes",
    });

    await unlinkCodeFromCampaign(testDb.db, campaign.id, code.id, actor, now);
    await linkCodesToCampaign(testDb.db, campaign.id, [code.code], actor, now);

    const ended = await endCampaign(testDb.db, campaign.id, actor, now);
    expect(ended).toMatchObject({ isActive: false, endsAt: now });
    await expect(endCampaign(testDb.db, campaign.id, actor, now)).rejects.toMatchObject({ status: 409 });
    await expect(linkCodesToCampaign(testDb.db, campaign.id, [code.code], actor, now)).rejects.toMatchObject({
      status: 409,
    });

    // A payment after the end earns the base rate.
    const client = await f.referClient(code.code);
    const result = await f.pay(client.userId, 3995, { occurredAt: now }, now);
    expect(result.commissions[0]).toMatchObject({ amountCents: 399, campaignId: null });

    const listed = (await listCampaigns(testDb.db, now)).find((c) => c.id === campaign.id);
    expect(listed).toMatchObject({ state: "ended", codeCount: 1, earnedCents: 0 });

    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(campaign.id)));
    expect(audit.map((a) => a.action)).toEqual([
      "campaign.created",
      "campaign.updated",
      "campaign.codes_linked",
      "campaign.code_unlinked",
      "campaign.codes_linked",
      "campaign.ended",
    ]);
    expect(audit.every((a) => a.actorUserId === admin.id)).toBe(true);
  });
});
