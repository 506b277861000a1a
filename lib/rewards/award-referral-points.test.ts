import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pointsLedger, rewardRuleAwards, rewardRules } from "@/db/schema";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import {
  assertLedgerAfterEach,
  ledgerOf,
  makeReferrer,
  pointsOf,
  restoreRulesAfterEach,
  setRule,
  signupWith,
} from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);
restoreRulesAfterEach(testDb);

const day = 86_400_000;
const now = new Date("2026-06-15T12:00:00Z");

/** The referrer's points per referral, in signup order: base + tier bonus. */
async function pointsPerReferral(referrerId: number): Promise<number[]> {
  const rows = await ledgerOf(testDb, referrerId);
  const byReferral = new Map<number, number>();
  for (const r of rows) {
    if (r.reason !== "referral_referrer" && r.reason !== "tier_schedule") continue;
    byReferral.set(r.referralId!, (byReferral.get(r.referralId!) ?? 0) + r.deltaPoints);
  }
  return [...byReferral.entries()].sort(([a], [b]) => a - b).map(([, points]) => points);
}

describe("double-sided reward", () => {
  it("gives the referrer +50 and the new client +20, each with its own reason and the referral", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    const result = await signupWith(testDb.db, code, { now });
    const referralId = result.referral!.id;
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 0 });
    expect(await pointsOf(testDb, result.user.id)).toEqual({ balance: 20, pending: 0 });
    const [referrerRow] = await ledgerOf(testDb, referrer.id);
    expect(referrerRow).toMatchObject({
      reason: "referral_referrer",
      deltaPoints: 50,
      status: "available",
      referralId,
      note: "Referral #1",
    });
    expect(referrerRow.expiresAt?.toISOString()).toBe("2027-06-15T12:00:00.000Z");
    const [clientRow] = await ledgerOf(testDb, result.user.id);
    expect(clientRow).toMatchObject({ reason: "referral_new_client", deltaPoints: 20, referralId });
  });

  it("uses the amounts an admin set, and nothing when the rule is off", async () => {
    await setRule(testDb, "double_sided", { config: { referrerPoints: 75, newClientPoints: 30 } });
    await setRule(testDb, "tier_schedule", { isActive: false });
    const { user: referrer, code } = await makeReferrer(testDb);
    const first = await signupWith(testDb.db, code, { now });
    expect((await pointsOf(testDb, referrer.id)).balance).toBe(75);
    expect((await pointsOf(testDb, first.user.id)).balance).toBe(30);

    await setRule(testDb, "double_sided", { isActive: false });
    const second = await signupWith(testDb.db, code, { now });
    expect((await pointsOf(testDb, referrer.id)).balance).toBe(75);
    expect(await ledgerOf(testDb, second.user.id)).toEqual([]);
  });
});

describe("tiered schedule", () => {
  it("pays 50 for referrals 1–3, 100 for 4–10 and 150 from the 11th (boundaries 3/4/10/11)", async () => {
    await setRule(testDb, "milestone", { isActive: false });
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let i = 0; i < 12; i++)
      await signupWith(testDb.db, code, { now: new Date(now.getTime() + i * 1000) });
    expect(await pointsPerReferral(referrer.id)).toEqual([
      50, 50, 50, 100, 100, 100, 100, 100, 100, 100, 150, 150,
    ]);
    expect((await pointsOf(testDb, referrer.id)).balance).toBe(3 * 50 + 7 * 100 + 2 * 150);
    const tierRows = (await ledgerOf(testDb, referrer.id)).filter((r) => r.reason === "tier_schedule");
    expect(tierRows.map((r) => r.note)).toEqual([
      ...[4, 5, 6, 7, 8, 9, 10].map((n) => `Referral #${n} · tier 4–10: 100 each`),
      "Referral #11 · tier 11+: 150 each",
      "Referral #12 · tier 11+: 150 each",
    ]);
  });

  it("counts referrals across all of the referrer's codes", async () => {
    const { user: referrer, codes } = await makeReferrer(testDb, { codes: 2 });
    for (let i = 0; i < 4; i++) await signupWith(testDb.db, codes[i % 2], { now });
    expect(await pointsPerReferral(referrer.id)).toEqual([50, 50, 50, 100]);
  });
});

describe("held points", () => {
  it("a flagged referral keeps both shares pending and does not count until approved", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    await signupWith(testDb.db, code, { now });
    const flagged = await signupWith(testDb.db, code, { now, email: `held${Date.now()}@mailinator.com` });
    expect(flagged.referral?.flags.map((f) => f.rule)).toEqual(["disposable_email"]);
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 50 });
    expect(await pointsOf(testDb, flagged.user.id)).toEqual({ balance: 0, pending: 20 });
    // The next clean referral is the second that counts.
    await signupWith(testDb.db, code, { now });
    const rows = await ledgerOf(testDb, referrer.id);
    expect(rows.filter((r) => r.status === "available").map((r) => r.note)).toEqual([
      "Referral #1",
      "Referral #2",
    ]);
    expect(rows.filter((r) => r.status === "pending").map((r) => r.note)).toEqual(["Referral #2"]);
  });

  it("with the qualifying activity on, the referrer's points wait for the first payment", async () => {
    await setRule(testDb, "qualifying_activity", { isActive: true });
    const { user: referrer, code } = await makeReferrer(testDb);
    const result = await signupWith(testDb.db, code, { now });
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 0, pending: 50 });
    expect(await pointsOf(testDb, result.user.id)).toEqual({ balance: 20, pending: 0 });
    const [row] = await ledgerOf(testDb, referrer.id);
    expect(row).toMatchObject({ status: "pending", awaitsFirstPayment: true, expiresAt: null });
  });
});

describe("time-limited offer: refer 3 in 7 days, +500", () => {
  const activateOffer = (startsAt: Date, endsAt: Date) =>
    setRule(testDb, "offer", { isActive: true, startsAt, endsAt });

  it("pays +500 once, on the third referral inside the window", async () => {
    const offer = await activateOffer(new Date(now.getTime() - day), new Date(now.getTime() + 10 * day));
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let i = 0; i < 5; i++) await signupWith(testDb.db, code, { now: new Date(now.getTime() + i * day) });
    const bonuses = (await ledgerOf(testDb, referrer.id)).filter((r) => r.reason === "offer_bonus");
    expect(bonuses).toHaveLength(1);
    expect(bonuses[0]).toMatchObject({
      deltaPoints: 500,
      ruleId: offer.id,
      note: "Refer 3 in 7 days: 3 referrals in 7 days",
    });
    const [third] = (await ledgerOf(testDb, referrer.id)).filter((r) => r.note === "Referral #3");
    expect(bonuses[0].referralId).toBe(third.referralId);
    const [awards] = await testDb.db
      .select({ n: count() })
      .from(rewardRuleAwards)
      .where(eq(rewardRuleAwards.userId, referrer.id));
    expect(awards.n).toBe(1);
  });

  it("pays nothing for referrals spread wider than 7 days, before the start or after the end", async () => {
    await activateOffer(new Date(now.getTime() + 2 * day), new Date(now.getTime() + 30 * day));
    const { user: referrer, code } = await makeReferrer(testDb);
    // Two before the offer starts (inside 7 days of the third), then one every 4 days, then after the end.
    const at = [0, 1, 3, 7, 11, 31, 32, 33].map((d) => new Date(now.getTime() + d * day));
    for (const t of at) await signupWith(testDb.db, code, { now: t });
    const bonuses = (await ledgerOf(testDb, referrer.id)).filter((r) => r.reason === "offer_bonus");
    expect(bonuses).toEqual([]);
  });

  it("an admin's new offer pays beside the default one", async () => {
    await activateOffer(new Date(now.getTime() - day), new Date(now.getTime() + day));
    await testDb.db.insert(rewardRules).values({
      kind: "offer",
      name: "Weekend double",
      config: { referrals: 2, withinDays: 2, bonusPoints: 200 },
      startsAt: new Date(now.getTime() - day),
      endsAt: new Date(now.getTime() + day),
    });
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let i = 0; i < 3; i++) await signupWith(testDb.db, code, { now });
    const bonuses = (await ledgerOf(testDb, referrer.id)).filter((r) => r.reason === "offer_bonus");
    expect(bonuses.map((b) => b.deltaPoints).sort()).toEqual([200, 500]);
  });
});

describe("rollback", () => {
  it("a failure later in the signup leaves no points and no ledger rows", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    const [before] = await testDb.db.select({ n: count() }).from(pointsLedger);
    const error = await signupWith(testDb.db, code, {
      now,
      afterClaim: async (tx) => {
        // The award has run by now, inside this transaction…
        const [inside] = rawRows<{ n: number }>(
          await tx.execute(sql`SELECT count(*)::int AS n FROM points_ledger`),
        );
        expect(inside.n).toBe(before.n + 2);
        throw new Error("forced failure after claim");
      },
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe("forced failure after claim");
    // …and is gone with it.
    const [after] = await testDb.db.select({ n: count() }).from(pointsLedger);
    expect(after.n).toBe(before.n);
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 0, pending: 0 });
  });
});
