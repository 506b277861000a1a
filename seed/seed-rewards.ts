// The demo's points: an offer running now, points (with badges) for the generated referrals, and a few
// redemptions — all through the rewards domain functions, so the ledger and the balances agree.
import { and, eq, inArray } from "drizzle-orm";
import { backfillReferralPoints } from "@/lib/rewards/backfill-referral-points";
import { saveRewardRule } from "@/lib/rewards/manage-rules";
import { redeemPoints } from "@/lib/rewards/redeem-points";
import { offerConfigSchema } from "@/lib/rewards/rules";
import { rewardCatalog, rewardRules, users } from "@/db/schema";
import type { Db } from "@/db/types";

const DAY_MS = 86_400_000;
const startOfDayUtc = (t: number) => new Date(Math.floor(t / DAY_MS) * DAY_MS);

export async function seedDemoRewards(db: Db, now = new Date()): Promise<void> {
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ["admin@example.com", "maya@example.com", "sarah@example.com"]));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const adminId = idOf("admin@example.com") ?? null;

  // The seeded "refer 3 in 7 days: +500" offer, switched on by the admin for two weeks around today.
  const [offer] = await db
    .select()
    .from(rewardRules)
    .where(and(eq(rewardRules.kind, "offer"), eq(rewardRules.name, "Refer 3 in 7 days")));
  if (offer) {
    await saveRewardRule(
      db,
      { actorUserId: adminId },
      {
        ruleId: offer.id,
        kind: "offer",
        config: offerConfigSchema.parse(offer.config),
        isActive: true,
        startsAt: startOfDayUtc(now.getTime() - 2 * DAY_MS),
        endsAt: startOfDayUtc(now.getTime() + 13 * DAY_MS),
      },
    );
  }

  await backfillReferralPoints(db);

  const catalog = await db.select().from(rewardCatalog).where(eq(rewardCatalog.isActive, true));
  const item = (cost: number) => catalog.find((c) => c.costPoints === cost);
  const redemptions: [number | undefined, number, number][] = [
    [idOf("maya@example.com"), 300, 21],
    [idOf("maya@example.com"), 100, 6],
    [idOf("sarah@example.com"), 100, 4],
  ];
  for (const [userId, cost, daysAgo] of redemptions) {
    const reward = item(cost);
    if (!userId || !reward) continue;
    await redeemPoints(db, {
      userId,
      catalogItemId: reward.id,
      now: new Date(now.getTime() - daysAgo * DAY_MS),
    }).catch((error: unknown) => {
      // A demo with too few referrals for a reward just goes without that redemption.
      if ((error as { code?: string }).code !== "insufficient_points") throw error;
    });
  }
}
