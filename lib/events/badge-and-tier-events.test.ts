// The three events of issue 17: badge.earned and tier.reached (migration 0035's triggers) and
// payout_batch.created (createPayoutBatch), each recorded once for its cause, in its cause's transaction.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { domainEvents, userBadges } from "@/db/schema";
import { rowsAs, col } from "@/db/rows";
import { approveDueCommissions } from "@/lib/commissions/approve-due";
import { TIER_MULTIPLIERS, tierMultiplier } from "@/lib/commissions/calculate-commission";
import { createPayoutBatch } from "@/lib/commissions/payouts";
import { recordPayment } from "@/lib/commissions/record-payment";
import { badgeNames } from "@/lib/rewards/rules";
import { commissionFixtures } from "@/testing/commissions";
import { insertReferral } from "@/testing/fixtures";
import { makeReferrer, signupWith } from "@/testing/rewards";
import { useTestDatabase } from "@/testing/use-test-database";
import { z } from "zod";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);

const eventsOf = async (type: string, userId: number) =>
  (
    await testDb.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, type), sql`(${domainEvents.payload}->>'user_id')::int = ${userId}`))
      .orderBy(domainEvents.seq)
  ).map((e) => e.payload);

class Rollback extends Error {}
async function rolledBack(
  work: (tx: Parameters<Parameters<typeof testDb.db.transaction>[0]>[0]) => Promise<unknown>,
) {
  await expect(
    testDb.db.transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

describe("commission_tier (SQL) and TIER_MULTIPLIERS", () => {
  it("name the same tier for every count around each threshold", async () => {
    const counts = [
      0,
      1,
      ...TIER_MULTIPLIERS.flatMap((t) => [t.minReferrals - 1, t.minReferrals, t.minReferrals + 1]),
      10_000,
    ];
    for (const n of counts) {
      const [row] = rowsAs(
        await testDb.db.execute(sql`SELECT t.name, t.multiplier_bps FROM commission_tier(${n}::bigint) t`),
        z.object({ name: col.nullableText, multiplier_bps: col.nullableInt }),
      );
      const tier = TIER_MULTIPLIERS.find((t) => n >= t.minReferrals);
      expect({ n, name: row?.name ?? null, bps: row?.multiplier_bps ?? 10_000 }).toEqual({
        n,
        name: tier?.name ?? null,
        bps: tierMultiplier(n),
      });
    }
  });
});

describe("tier.reached", () => {
  it("is recorded once, by the payment that makes the 25th referral qualified, and never on a fall", async () => {
    const { user, code } = await f.makeReferrer();
    // 24 qualified referrals already (paid clients), then a 25th who signs up unpaid.
    for (let i = 0; i < 24; i++) await insertReferral(testDb.db, code);
    await testDb.db.execute(
      sql`UPDATE referral_usage_log SET net_paid_cents = 1000 WHERE referral_code_id = ${code.id}`,
    );
    const client = await f.referClient(code.code);
    expect(await eventsOf("tier.reached", user.id)).toEqual([]);

    // A payment that rolls back takes its event with it.
    await rolledBack((tx) =>
      recordPayment(tx, {
        externalId: "inv_tier_rb",
        userId: client.userId,
        amountCents: 5000,
        type: "payment",
      }),
    );
    expect(await eventsOf("tier.reached", user.id)).toEqual([]);

    await f.pay(client.userId, 5000, { externalId: "inv_tier_25" });
    expect(await eventsOf("tier.reached", user.id)).toEqual([
      { user_id: user.id, name: "Advocate", multiplier: 1.1, min_referrals: 25, qualified_referrals: 25 },
    ]);

    // A 26th qualified referral stays in the tier; a refund to nothing falls back below it: no event.
    const another = await f.referClient(code.code);
    await f.pay(another.userId, 5000, { externalId: "inv_tier_26" });
    await f.pay(another.userId, 5000, { type: "refund", refundOf: "inv_tier_26" });
    await f.pay(client.userId, 5000, { type: "refund", refundOf: "inv_tier_25" });
    const [stats] = rowsAs(
      await testDb.db.execute(
        sql`SELECT qualified_referrals::int AS qualified_referrals FROM referrer_stats WHERE user_id = ${user.id}`,
      ),
      z.object({ qualified_referrals: col.int }),
    );
    expect(stats.qualified_referrals).toBe(24);
    expect(await eventsOf("tier.reached", user.id)).toHaveLength(1);
  });
});

describe("badge.earned", () => {
  it("is recorded once, by the signup that reaches the Bronze milestone (5 referrals)", async () => {
    const { user, code } = await makeReferrer(testDb);
    for (let i = 0; i < 4; i++) await signupWith(testDb.db, code);
    expect(await eventsOf("badge.earned", user.id)).toEqual([]);
    await signupWith(testDb.db, code);
    await signupWith(testDb.db, code);
    const events = await eventsOf("badge.earned", user.id);
    expect(events).toEqual([
      { user_id: user.id, badge: "bronze", name: badgeNames.bronze, awarded_at: expect.any(String) },
    ]);
  });

  it("is not recorded for a badge already held, nor by a rolled-back award", async () => {
    const { user } = await makeReferrer(testDb);
    await rolledBack((tx) => tx.insert(userBadges).values({ userId: user.id, badge: "gold" }));
    expect(await eventsOf("badge.earned", user.id)).toEqual([]);

    await testDb.db.insert(userBadges).values({ userId: user.id, badge: "silver" });
    await testDb.db.insert(userBadges).values({ userId: user.id, badge: "silver" }).onConflictDoNothing();
    expect((await eventsOf("badge.earned", user.id)).map((e) => e.name)).toEqual(["Silver"]);
  });

  it("spells every badge's name as the pages do", async () => {
    for (const badge of Object.keys(badgeNames) as (keyof typeof badgeNames)[]) {
      const [row] = rowsAs(
        await testDb.db.execute(sql`SELECT initcap(${badge}::badge::text) AS name`),
        z.object({ name: col.text }),
      );
      expect(row.name).toBe(badgeNames[badge]);
    }
  });
});

describe("payout_batch.created", () => {
  it("is recorded once with the batch's lines and totals per currency, and rolls back with the batch", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const paidAt = new Date("2026-03-01T12:00:00Z");
    const referrers = [await f.makeReferrer(), await f.makeReferrer()];
    for (const { code } of referrers) {
      const client = await f.referClient(code.code);
      await f.pay(client.userId, 60_000, { occurredAt: paidAt }, paidAt);
    }
    const eur = await f.referClient(referrers[0].code.code);
    await f.pay(eur.userId, 80_000, { occurredAt: paidAt, currency: "eur" }, paidAt);
    const later = new Date("2026-04-15T12:00:00Z");
    await approveDueCommissions(testDb.db, later);
    const beneficiaryIds = referrers.map((r) => r.user.id);

    const batchEvents = () =>
      testDb.db.select().from(domainEvents).where(eq(domainEvents.type, "payout_batch.created"));
    const before = (await batchEvents()).length;
    await rolledBack((tx) => createPayoutBatch(tx, { beneficiaryIds }, { actorUserId: admin.id }, later));
    expect(await batchEvents()).toHaveLength(before);

    const { batch, lines } = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds },
      { actorUserId: admin.id },
      later,
    );
    const mine = (await batchEvents()).filter((e) => e.payload.id === batch.id);
    expect(mine).toHaveLength(1);
    expect(lines).toBe(3);
    expect(mine[0].payload).toMatchObject({
      id: batch.id,
      lines: 3,
      status: "open",
      currency_totals: batch.currencyTotals,
      total_cents: batch.totalCents,
    });
    expect(Object.keys(batch.currencyTotals).sort()).toEqual(["eur", "usd"]);
  });
});
