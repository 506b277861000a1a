import "server-only";
import { asc, desc, eq, gte, sql } from "drizzle-orm";
import { redemptions, rewardCatalog, rewardRules, userBadges, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { findLedgerMismatches } from "@/lib/rewards/find-ledger-mismatches";
import { parseRuleConfig } from "@/lib/rewards/load-reward-rules";
import { ruleInForce, type RewardRuleKind, type RuleConfig } from "@/lib/rewards/rules";

type RuleRow = typeof rewardRules.$inferSelect;
export type AdminRule<K extends RewardRuleKind = RewardRuleKind> = Omit<RuleRow, "config" | "kind"> & {
  kind: K;
  config: RuleConfig<K> | null;
  inForce: boolean;
};

export type AdminRewards = {
  rules: {
    doubleSided: AdminRule<"double_sided"> | null;
    tierSchedule: AdminRule<"tier_schedule"> | null;
    offers: AdminRule<"offer">[];
    milestones: AdminRule<"milestone">[];
    expiry: AdminRule<"expiry"> | null;
    qualifyingActivity: AdminRule<"qualifying_activity"> | null;
  };
  catalog: (typeof rewardCatalog.$inferSelect & { redemptions: number })[];
  stats: {
    pointsAvailable: number;
    pointsPending: number;
    redemptions30Days: number;
    pointsRedeemed30Days: number;
    badges: Record<"bronze" | "silver" | "gold", number>;
    ledgerMismatches: number;
  };
  recentRedemptions: {
    id: number;
    userName: string;
    userEmail: string;
    itemName: string;
    costPoints: number;
    couponCode: string;
    createdAt: Date;
  }[];
};

function asAdminRule<K extends RewardRuleKind>(row: RuleRow, kind: K, now: Date): AdminRule<K> {
  return { ...row, kind, config: parseRuleConfig({ ...row, kind }), inForce: ruleInForce(row, now) };
}

/** Everything /admin/rewards shows: every rule (in force or not), the catalog, totals and recent redemptions. */
export async function getAdminRewards(db: DbOrTx, now = new Date()): Promise<AdminRewards> {
  const since30 = new Date(now.getTime() - 30 * 86_400_000);
  const [ruleRows, catalog, [points], [redeemed], badgeCounts, recent, mismatches] = await Promise.all([
    db.select().from(rewardRules).orderBy(asc(rewardRules.id)),
    db
      .select({
        item: rewardCatalog,
        // Qualified by hand: drizzle leaves columns unqualified in a select from one table.
        redemptions:
          sql<number>`(select count(*) from redemptions r where r.catalog_item_id = "reward_catalog"."id")`.mapWith(
            Number,
          ),
      })
      .from(rewardCatalog)
      .orderBy(asc(rewardCatalog.sortOrder), asc(rewardCatalog.id)),
    db
      .select({
        available: sql<number>`coalesce(sum(${users.pointsBalance}), 0)`.mapWith(Number),
        pending: sql<number>`coalesce(sum(${users.pointsPending}), 0)`.mapWith(Number),
      })
      .from(users),
    db
      .select({
        count: sql<number>`count(*)`.mapWith(Number),
        points: sql<number>`coalesce(sum(${redemptions.costPoints}), 0)`.mapWith(Number),
      })
      .from(redemptions)
      .where(gte(redemptions.createdAt, since30)),
    db
      .select({ badge: userBadges.badge, count: sql<number>`count(*)`.mapWith(Number) })
      .from(userBadges)
      .groupBy(userBadges.badge),
    db
      .select({
        id: redemptions.id,
        userName: users.name,
        userEmail: users.email,
        itemName: rewardCatalog.name,
        costPoints: redemptions.costPoints,
        couponCode: redemptions.couponCode,
        createdAt: redemptions.createdAt,
      })
      .from(redemptions)
      .innerJoin(users, eq(users.id, redemptions.userId))
      .innerJoin(rewardCatalog, eq(rewardCatalog.id, redemptions.catalogItemId))
      .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
      .limit(10),
    findLedgerMismatches(db),
  ]);

  const of = <K extends RewardRuleKind>(kind: K) =>
    ruleRows.filter((r) => r.kind === kind).map((r) => asAdminRule(r, kind, now));
  const badges = { bronze: 0, silver: 0, gold: 0 };
  for (const b of badgeCounts) badges[b.badge] = b.count;
  const milestoneOrder = (r: AdminRule<"milestone">) => r.config?.referrals ?? Number.MAX_SAFE_INTEGER;
  return {
    rules: {
      doubleSided: of("double_sided")[0] ?? null,
      tierSchedule: of("tier_schedule")[0] ?? null,
      offers: of("offer").sort((a, b) => (b.startsAt?.getTime() ?? 0) - (a.startsAt?.getTime() ?? 0)),
      milestones: of("milestone").sort((a, b) => milestoneOrder(a) - milestoneOrder(b)),
      expiry: of("expiry")[0] ?? null,
      qualifyingActivity: of("qualifying_activity")[0] ?? null,
    },
    catalog: catalog.map(({ item, redemptions: count }) => ({ ...item, redemptions: count })),
    stats: {
      pointsAvailable: points.available,
      pointsPending: points.pending,
      redemptions30Days: redeemed.count,
      pointsRedeemed30Days: redeemed.points,
      badges,
      ledgerMismatches: mismatches.length,
    },
    recentRedemptions: recent,
  };
}
