import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissions, payments, subscriptions, users } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { refusal } from "@/testing/fixtures";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { setSetting } from "@/lib/settings";
import { recordPayment } from "./record-payment";

const testDb = useTestDatabase({ poolMax: 25 });
const f = commissionFixtures(() => testDb.db);
const now = new Date("2025-12-01T12:00:00Z");
const day = 86_400_000;

describe("recordPayment: money in", () => {
  it("a referred client's first payment: 10% pending for the hold, trial converted", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const result = await f.pay(client.userId, 3995, { occurredAt: now }, now);
    expect(result.created).toBe(true);
    expect(result.commissions).toHaveLength(1);
    expect(result.commissions[0]).toMatchObject({
      beneficiaryUserId: referrer.id,
      referralId: client.referralId,
      paymentId: result.payment.id,
      level: "direct",
      kind: "earning",
      amountCents: 399,
      rateBps: 1000,
      status: "pending",
    });
    expect(result.commissions[0].holdUntil.toISOString()).toBe(
      new Date(now.getTime() + 30 * day).toISOString(),
    );
    const [sub] = await testDb.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, client.subscriptionId));
    expect(sub.status).toBe("active");
    expect(sub.continuousSince?.toISOString()).toBe(now.toISOString());
    expect(result.payment.subscriptionId).toBe(client.subscriptionId);
    const referral = await f.referralRow(client.referralId);
    expect(referral).toMatchObject({ commissionAmountCents: 399, commissionPaid: false });
  });

  it("the same external id again answers the same result and writes nothing", async () => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const first = await f.pay(client.userId, 3995, { externalId: "inv_same_1" }, now);
    const subscription = () =>
      testDb.db.select().from(subscriptions).where(eq(subscriptions.id, client.subscriptionId));
    const [afterFirst] = await subscription();
    // Delivered again a minute later: the subscription the payment activated is not written again either.
    const again = await f.pay(
      client.userId,
      3995,
      { externalId: "inv_same_1" },
      new Date(now.getTime() + 60_000),
    );
    expect(await subscription()).toEqual([afterFirst]);
    expect(again.created).toBe(false);
    expect(again.payment.id).toBe(first.payment.id);
    expect(again.commissions.map((c) => c.id)).toEqual(first.commissions.map((c) => c.id));
    const [n] = await testDb.db
      .select({ n: count() })
      .from(payments)
      .where(eq(payments.externalId, "inv_same_1"));
    expect(n.n).toBe(1);
    const error = await refusal(f.pay(client.userId, 4000, { externalId: "inv_same_1" }, now));
    expect(error).toMatchObject({
      status: 409,
      message: "external_id inv_same_1 was already recorded with different details",
    });
  });

  it("finds the client by e-mail, and refuses unknown clients, bad amounts, currencies and dates", async () => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const [user] = await testDb.db.select().from(users).where(eq(users.id, client.userId));
    const byEmail = await recordPayment(
      testDb.db,
      { externalId: "inv_by_email", email: user.email.toUpperCase(), amountCents: 1995, type: "payment" },
      now,
    );
    expect(byEmail.payment.userId).toBe(client.userId);
    expect((await refusal(f.pay(999_999, 100))).message).toBe("Client not found");
    expect((await refusal(f.pay(client.userId, 39.95))).field).toBe("amount_cents");
    expect(await refusal(f.pay(client.userId, 100, { currency: "xyz" }))).toMatchObject({
      status: 400,
      field: "currency",
      message: "Unknown currency: xyz (not an ISO 4217 code)",
    });
    const future = await refusal(
      f.pay(client.userId, 100, { occurredAt: new Date(now.getTime() + day) }, now),
    );
    expect(future.message).toBe("occurred_at can't be in the future");
  });

  it("a payment by a client nobody referred is recorded without commissions", async () => {
    const loner = await f.makeUser();
    const result = await f.pay(loner.id, 3995, {}, now);
    expect(result).toMatchObject({ created: true, commissions: [] });
  });

  it("a suspended referrer earns nothing new", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, referrer.id));
    const result = await f.pay(client.userId, 3995, {}, now);
    expect(result.commissions).toEqual([]);
    expect(await f.ledgerOf(referrer.id)).toEqual([]);
  });

  it("a white-label partner earns its override as a second row: 10% + 3%", async () => {
    const agency = await f.makeUser({ name: "Agency", partnerBps: 300 });
    const { user: referrer, code } = await f.makeReferrer({ partnerId: agency.id });
    const client = await f.referClient(code.code);
    const result = await f.pay(client.userId, 3995, {}, now);
    expect(result.commissions.map((c) => [c.level, c.beneficiaryUserId, c.amountCents])).toEqual([
      ["direct", referrer.id, 399],
      ["partner", agency.id, 119],
    ]);
  });

  it("the tier multiplier follows the referrer's qualified referrals: 75 → ×1.25 → 499¢", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    await f.addQualifiedReferrals(referrer.id, code.id, 74);
    const client = await f.referClient(code.code);
    const result = await f.pay(client.userId, 3995, {}, now);
    expect(result.commissions[0]).toMatchObject({ amountCents: 499, rateBps: 1250 });
    expect(result.commissions[0].note).toBe("Base 10% ×1.25 (75 qualified referrals)");
  });

  it("a tier can't be bought with refunded payments: 25 referrals refunded in full leave ×1.0", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    // 25 referred clients (inserted directly: the signup itself is not under test), each paying 1¢ that
    // is then refunded in full through recordPayment.
    await f.addQualifiedReferrals(referrer.id, code.id, 25, { amountCents: 1 });
    const centPayers = rawRows<{ user_id: number; external_id: string }>(
      await testDb.db.execute(sql`
        SELECT p.user_id, p.external_id FROM payments p
          JOIN referral_usage_log l ON l.referred_user_id = p.user_id WHERE l.referrer_user_id = ${referrer.id}`),
    );
    expect(centPayers).toHaveLength(25);
    for (const p of centPayers) {
      await f.pay(p.user_id, 1, { type: "refund", refundOf: p.external_id }, now);
    }
    const client = await f.referClient(code.code);
    const result = await f.pay(client.userId, 3995, {}, now);
    expect(result.commissions[0]).toMatchObject({ amountCents: 399, rateBps: 1000 });

    // The same 25 with their money kept lift the tier: 26 qualified → ×1.1 → 439¢.
    const { user: other, code: otherCode } = await f.makeReferrer();
    await f.addQualifiedReferrals(other.id, otherCode.id, 25, { amountCents: 1 });
    const lifted = await f.pay((await f.referClient(otherCode.code)).userId, 3995, {}, now);
    expect(lifted.commissions[0]).toMatchObject({ amountCents: 439, rateBps: 1100 });
  });

  it("a running campaign linked to the code overrides the base, and its bonus is paid once", async () => {
    const holiday = await f.makeCampaign({
      campaignName: "Holiday 2025",
      commissionValue: 2000,
      startsAt: new Date("2025-11-01T00:00:00Z"),
      endsAt: new Date("2025-12-31T23:59:59Z"),
      bonusThreshold: 2,
      bonusAmountCents: 5000,
    });
    const { user: referrer, code } = await f.makeReferrer({ campaignId: holiday.id });
    const a = await f.referClient(code.code);
    const b = await f.referClient(code.code);
    const c = await f.referClient(code.code);
    const first = await f.pay(a.userId, 3995, { occurredAt: now }, now);
    expect(first.commissions.map((r) => [r.level, r.amountCents, r.campaignId])).toEqual([
      ["direct", 799, holiday.id],
    ]);
    const second = await f.pay(b.userId, 3995, { occurredAt: now }, now);
    expect(second.commissions.map((r) => [r.level, r.amountCents])).toEqual([
      ["direct", 799],
      ["bonus", 5000],
    ]);
    const third = await f.pay(c.userId, 3995, { occurredAt: now }, now);
    expect(third.commissions.map((r) => r.level)).toEqual(["direct"]);
    // After the window: back to the base rate.
    const later = await f.pay(
      a.userId,
      3995,
      { occurredAt: new Date("2026-01-05T00:00:00Z") },
      new Date("2026-01-05T00:00:00Z"),
    );
    expect(later.commissions[0]).toMatchObject({ amountCents: 399, campaignId: null });
    const bonuses = (await f.ledgerOf(referrer.id)).filter((r) => r.level === "bonus");
    expect(bonuses).toHaveLength(1);
  });

  it("the retention bonus is paid once after N months of continuous subscription", async () => {
    await setSetting(testDb.db, "retentionBonusMonths", 3);
    try {
      const { code } = await f.makeReferrer();
      const client = await f.referClient(code.code);
      const months = ["2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10", "2025-05-10"];
      const levels: string[][] = [];
      for (const m of months) {
        const at = new Date(`${m}T00:00:00Z`);
        const r = await f.pay(client.userId, 1995, { occurredAt: at }, at);
        levels.push(r.commissions.map((c) => `${c.level}:${c.amountCents}`));
      }
      expect(levels).toEqual([
        ["direct:199"],
        ["direct:199"],
        ["direct:199"],
        ["direct:199", "retention:2500"],
        ["direct:199"],
      ]);
    } finally {
      await setSetting(testDb.db, "retentionBonusMonths", 0);
    }
  });
});

describe("recordPayment: refunds and chargebacks", () => {
  it("a 40% refund reverses 40% of each commission, as a new row; the rest refunded → fully reversed", async () => {
    const agency = await f.makeUser({ partnerBps: 300 });
    const { user: referrer, code } = await f.makeReferrer({ partnerId: agency.id });
    const client = await f.referClient(code.code);
    const paid = await f.pay(client.userId, 10_000, { externalId: "inv_r40" }, now);
    expect(paid.commissions.map((c) => c.amountCents)).toEqual([1000, 300]);

    const refund = await f.pay(
      client.userId,
      4000,
      { externalId: "re_r40_1", type: "refund", refundOf: "inv_r40" },
      now,
    );
    expect(refund.commissions.map((c) => [c.level, c.kind, c.amountCents, c.status])).toEqual([
      ["direct", "reversal", -400, "pending"],
      ["partner", "reversal", -120, "pending"],
    ]);
    expect(refund.commissions[0].reversesCommissionId).toBe(paid.commissions[0].id);
    expect(refund.commissions[0].holdUntil).toEqual(paid.commissions[0].holdUntil);
    const earning = (await f.ledgerOf(referrer.id)).find((r) => r.id === paid.commissions[0].id)!;
    expect(earning).toMatchObject({ amountCents: 1000, status: "pending" }); // history untouched
    expect((await f.referralRow(client.referralId)).commissionAmountCents).toBe(600);

    const rest = await f.pay(
      client.userId,
      6000,
      { externalId: "re_r40_2", type: "refund", refundOf: "inv_r40" },
      now,
    );
    expect(rest.commissions.map((c) => [c.amountCents, c.status])).toEqual([
      [-600, "reversed"],
      [-180, "reversed"],
    ]);
    const ledger = await f.ledgerOf(referrer.id);
    expect(ledger.map((r) => [r.kind, r.amountCents, r.status])).toEqual([
      ["earning", 1000, "reversed"],
      ["reversal", -400, "reversed"],
      ["reversal", -600, "reversed"],
    ]);
    expect((await f.referralRow(client.referralId)).commissionAmountCents).toBe(0);
  });

  it("rounds a partial reversal toward zero and a full refund in pieces reverses exactly", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await f.pay(client.userId, 3995, { externalId: "inv_odd" }, now);
    const a = await f.pay(
      client.userId,
      1598,
      { externalId: "re_odd_1", type: "refund", refundOf: "inv_odd" },
      now,
    );
    expect(a.commissions[0].amountCents).toBe(-159); // 40% of 399 = 159.6
    const b = await f.pay(
      client.userId,
      2397,
      { externalId: "re_odd_2", type: "refund", refundOf: "inv_odd" },
      now,
    );
    expect(b.commissions[0].amountCents).toBe(-240);
    const sum = (await f.ledgerOf(referrer.id)).reduce((s, r) => s + r.amountCents, 0);
    expect(sum).toBe(0);
  });

  it("refuses a refund above what is left, of an unknown payment, or of another client's payment", async () => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const other = await f.referClient(code.code);
    await f.pay(client.userId, 3995, { externalId: "inv_lim" }, now);
    await f.pay(client.userId, 3000, { externalId: "re_lim_1", type: "refund", refundOf: "inv_lim" }, now);
    const over = await refusal(
      f.pay(client.userId, 1000, { externalId: "re_lim_2", type: "refund", refundOf: "inv_lim" }, now),
    );
    expect(over).toMatchObject({ status: 422, field: "amount_cents" });
    expect(over.message).toBe(
      "Refunds and chargebacks of inv_lim would come to $40.00, more than the $39.95 paid",
    );
    const [n] = await testDb.db
      .select({ n: count() })
      .from(payments)
      .where(eq(payments.externalId, "re_lim_2"));
    expect(n.n).toBe(0);
    expect(
      await refusal(f.pay(client.userId, 100, { type: "refund", refundOf: "inv_nope" }, now)),
    ).toMatchObject({
      status: 404,
      message: "Payment inv_nope not found",
    });
    expect(
      (await refusal(f.pay(other.userId, 100, { type: "refund", refundOf: "inv_lim" }, now))).message,
    ).toBe("Payment inv_lim belongs to another client");
  });

  it("a refund reverses the campaign and retention bonuses its payment released, in the refunded share", async () => {
    await setSetting(testDb.db, "retentionBonusMonths", 1);
    try {
      const launch = await f.makeCampaign({
        commissionValue: 2000,
        startsAt: new Date("2025-01-01T00:00:00Z"),
        endsAt: new Date("2026-01-01T00:00:00Z"),
        bonusThreshold: 1,
        bonusAmountCents: 5000,
      });
      const { user: referrer, code } = await f.makeReferrer({ campaignId: launch.id });
      const client = await f.referClient(code.code);
      const jan = new Date("2025-01-10T00:00:00Z");
      const feb = new Date("2025-02-10T00:00:00Z");
      const first = await f.pay(client.userId, 3995, { occurredAt: jan }, jan);
      expect(first.commissions.map((c) => [c.level, c.amountCents])).toEqual([
        ["direct", 799],
        ["bonus", 5000],
      ]);
      const renewal = await f.pay(client.userId, 3995, { occurredAt: feb }, feb);
      expect(renewal.commissions.map((c) => [c.level, c.amountCents])).toEqual([
        ["direct", 799],
        ["retention", 2500],
      ]);
      // 1,000¢ of 3,995¢ refunded: each line loses ⌊amount × 1000 ÷ 3995⌋ — the flat bonus included.
      const part = await f.pay(
        client.userId,
        1000,
        { type: "refund", refundOf: renewal.payment.externalId },
        feb,
      );
      expect(part.commissions.map((c) => [c.level, c.amountCents])).toEqual([
        ["direct", -200],
        ["retention", -625],
      ]);
      // The rest: each ends reversed exactly, never more than it earned.
      const rest = await f.pay(
        client.userId,
        2995,
        { type: "refund", refundOf: renewal.payment.externalId },
        feb,
      );
      expect(rest.commissions.map((c) => [c.level, c.amountCents, c.status])).toEqual([
        ["direct", -599, "reversed"],
        ["retention", -1875, "reversed"],
      ]);
      const cb = await f.pay(
        client.userId,
        3995,
        { type: "chargeback", refundOf: first.payment.externalId },
        feb,
      );
      expect(cb.commissions.map((c) => [c.level, c.amountCents, c.status])).toEqual([
        ["direct", -799, "reversed"],
        ["bonus", -5000, "reversed"],
      ]);
      const ledger = await f.ledgerOf(referrer.id);
      expect(ledger.reduce((sum, c) => sum + c.amountCents, 0)).toBe(0);
    } finally {
      await setSetting(testDb.db, "retentionBonusMonths", 0);
    }
  });

  it("a chargeback reverses like a full refund", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await f.pay(client.userId, 3995, { externalId: "inv_cb" }, now);
    const cb = await recordPayment(
      testDb.db,
      { externalId: "dp_cb", amountCents: 3995, type: "chargeback", refundOf: "inv_cb" },
      now,
    );
    expect(cb.commissions.map((c) => [c.amountCents, c.status])).toEqual([[-399, "reversed"]]);
    expect(cb.commissions[0].note).toBe("Chargeback of $39.95 on a $39.95 payment");
    const [total] = await testDb.db
      .select({ n: count() })
      .from(commissions)
      .where(eq(commissions.beneficiaryUserId, referrer.id));
    expect(total.n).toBe(2);
  });

  it("concurrent first payments of one referrer each see the ones before: the tier moves exactly once", async () => {
    // 23 qualified, then 6 clients pay at once: in any order the counts are 24, 25, …, 29, so exactly one
    // payment earns at ×1.0 (399¢) and five at ×1.1 (439¢). The commission inputs are read in a statement
    // sent before the referrer's lock is granted (pipelined); a read from before the lock would see fewer.
    const { user: referrer, code } = await f.makeReferrer();
    await f.addQualifiedReferrals(referrer.id, code.id, 23);
    const clients = [];
    for (let i = 0; i < 6; i++) clients.push(await f.referClient(code.code));
    const results = await Promise.all(clients.map((c) => f.pay(c.userId, 3995, {}, now)));
    expect(results.map((r) => r.commissions[0].amountCents).sort()).toEqual([399, 439, 439, 439, 439, 439]);
  });

  it("concurrent renewals and first payments of one referrer: each earns at the count committed before it", async () => {
    // 18 qualified + 6 paying clients = 24; then 3 first payments and 6 renewals (two each) at once.
    // Commission ids are drawn under the referrer's lock, so in id order the count is 24 plus the first
    // payments before (a first payment counts itself): ×1.0 below 25, ×1.1 from 25.
    const { user: referrer, code } = await f.makeReferrer();
    await f.addQualifiedReferrals(referrer.id, code.id, 18);
    const paying = [];
    for (let i = 0; i < 6; i++) {
      const c = await f.referClient(code.code);
      await f.pay(c.userId, 3995, {}, now);
      paying.push(c);
    }
    const fresh = [];
    for (let i = 0; i < 3; i++) fresh.push(await f.referClient(code.code));
    const firstPayers = new Set(fresh.map((c) => c.userId));
    const batch = [...paying, ...fresh, ...paying].map((c) => ({ c, first: firstPayers.has(c.userId) }));
    const results = await Promise.all(batch.map(({ c }) => f.pay(c.userId, 3995, {}, now)));
    const direct = results
      .map((r, i) => ({ first: batch[i].first, c: r.commissions.find((x) => x.level === "direct")! }))
      .sort((a, b) => a.c.id - b.c.id);
    let qualified = 24;
    const expected = direct.map(({ first }) => {
      if (first) qualified++;
      return qualified >= 25 ? 439 : 399;
    });
    expect(direct.map(({ c }) => c.amountCents)).toEqual(expected);
  });

  it("a failing commissions INSERT (its COMMIT already sent behind it) throws and leaves nothing written", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    // A trigger refusing one commission amount: the payment's last statement fails on the database.
    await testDb.db.execute(sql`
      CREATE FUNCTION refuse_777() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.amount_cents = 777 THEN RAISE EXCEPTION 'refused 777'; END IF; RETURN NEW; END $$`);
    await testDb.db.execute(sql`
      CREATE TRIGGER refuse_777 BEFORE INSERT ON commissions FOR EACH ROW EXECUTE FUNCTION refuse_777()`);
    try {
      const error = await f.pay(client.userId, 7770, { externalId: "inv_refused" }, now).then(
        () => null,
        (e: Error) => e,
      );
      // Drizzle wraps the database's error ("Failed query: …") with it as the cause.
      expect(String((error?.cause as Error | undefined)?.message)).toMatch(/refused 777/);
    } finally {
      await testDb.db.execute(sql`DROP TRIGGER refuse_777 ON commissions`);
      await testDb.db.execute(sql`DROP FUNCTION refuse_777()`);
    }
    const [n] = await testDb.db
      .select({ n: count() })
      .from(payments)
      .where(eq(payments.externalId, "inv_refused"));
    expect(n.n).toBe(0);
    expect(await f.ledgerOf(referrer.id)).toEqual([]);
    // The referral's net paid was rolled back with the payment: the next payment is its first.
    expect((await f.pay(client.userId, 3995, {}, now)).commissions[0]).toMatchObject({ amountCents: 399 });
    expect(await f.referralRow(client.referralId)).toMatchObject({ commissionAmountCents: 399 });
  });

  it("100 concurrent deliveries of one payment → one payment, one set of commissions", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => f.pay(client.userId, 3995, { externalId: "inv_race" }, now)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.commissions[0].id)).size).toBe(1);
    expect(await f.ledgerOf(referrer.id)).toHaveLength(1);
  });
});
