// Payments in any ISO 4217 currency (issue 13 item 3): commissions in the payment's currency and minor
// units, reversals in the earning's, payouts one line per referrer and currency, rollups never mixed.
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionFixtures } from "@/testing/commissions";
import { refusal } from "@/testing/fixtures";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { approveDueCommissions } from "./approve-due";
import { payoutBatchCsv } from "./payout-csv";
import { createPayoutBatch } from "./payouts";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const paidAt = new Date("2026-03-02T12:00:00Z");
const day = 86_400_000;

async function perCurrency(userId: number) {
  return rawRows<{ currency: string; status: string; amount_cents: string }>(
    await testDb.db.execute(sql`SELECT currency, status, amount_cents::text FROM commission_currency_totals
         WHERE beneficiary_user_id = ${userId} AND entries <> 0 ORDER BY currency, status`),
  );
}

describe("payments in any currency", () => {
  it("a EUR and a JPY payment: 399 euro cents for 3,995, and 10% of the yen floored once", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const euro = await f.referClient(code.code);
    const yen = await f.referClient(code.code);
    const eur = await f.pay(euro.userId, 3995, { currency: "EUR" }, paidAt);
    const jpy = await f.pay(yen.userId, 5009, { currency: "jpy" }, paidAt);
    expect(eur.payment.currency).toBe("eur");
    expect(eur.commissions.map((c) => [c.amountCents, c.currency, c.rateBps])).toEqual([[399, "eur", 1000]]);
    // 10% of ¥5,009 is ¥500.9: floored once to ¥500 (the yen has no minor unit).
    expect(jpy.commissions.map((c) => [c.amountCents, c.currency])).toEqual([[500, "jpy"]]);
    expect(await perCurrency(referrer.id)).toEqual([
      { currency: "eur", status: "pending", amount_cents: "399" },
      { currency: "jpy", status: "pending", amount_cents: "500" },
    ]);
    // The usd-keyed rollups never see them: no euro is added to a yen or a dollar.
    const [usd] = rawRows<{ cents: string | null }>(
      await testDb.db.execute(
        sql`SELECT sum(amount_cents)::text AS cents FROM commission_totals WHERE beneficiary_user_id = ${referrer.id}`,
      ),
    );
    expect(usd.cents ?? "0").toBe("0");
  });

  // The flat-amount rule (commissionCurrency in earn-commissions.ts): a flat amount is set in the program's
  // currency (the campaign form asks for $) and paid in it whatever the client pays in — a flat $5.00 is
  // $5.00 on a euro or a yen payment, never €5.00 or ¥500 (no conversion, no currency mixed into another's
  // sum); a refund takes back its share in usd.
  it("a flat_rate campaign pays its usd amount on a EUR and a JPY payment; a half refund takes back half", async () => {
    const campaign = await f.makeCampaign({ commissionType: "flat_rate", commissionValue: 500 });
    const { user: referrer, code } = await f.makeReferrer({ campaignId: campaign.id });
    const euro = await f.referClient(code.code);
    const yen = await f.referClient(code.code);
    const eur = await f.pay(euro.userId, 3995, { currency: "eur", externalId: "inv_flat_eur" }, paidAt);
    const jpy = await f.pay(yen.userId, 5009, { currency: "jpy" }, paidAt);
    expect(eur.commissions.map((c) => [c.level, c.amountCents, c.currency, c.rateBps])).toEqual([
      ["direct", 500, "usd", null],
    ]);
    expect(jpy.commissions.map((c) => [c.level, c.amountCents, c.currency])).toEqual([
      ["direct", 500, "usd"],
    ]);
    const refund = await f.pay(
      euro.userId,
      1998,
      { type: "refund", refundOf: "inv_flat_eur", currency: "eur" },
      paidAt,
    );
    // 1,998 of 3,995 euro cents refunded: 500 × 1998/3995 = 250.06 → 250 usd cents taken back.
    expect(refund.commissions.map((c) => [c.amountCents, c.currency])).toEqual([[-250, "usd"]]);
    expect(await perCurrency(referrer.id)).toEqual([
      { currency: "usd", status: "pending", amount_cents: "750" },
    ]);
  });

  it("a KWD payment is in fils (3 decimals); a refund reverses in the payment's currency", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const kwd = await f.pay(client.userId, 12_345, { currency: "kwd", externalId: "inv_kwd_1" }, paidAt);
    expect(kwd.commissions.map((c) => [c.amountCents, c.currency])).toEqual([[1234, "kwd"]]);
    const wrong = await refusal(
      f.pay(client.userId, 100, { type: "refund", refundOf: "inv_kwd_1", currency: "usd" }, paidAt),
    );
    expect(wrong).toMatchObject({ field: "currency", message: "A refund must be in kwd" });
    const refund = await f.pay(client.userId, 12_345, { type: "refund", refundOf: "inv_kwd_1" }, paidAt);
    expect(refund.commissions.map((c) => [c.amountCents, c.currency, c.status])).toEqual([
      [-1234, "kwd", "reversed"],
    ]);
    // Intl puts a no-break space between the code and the amount.
    expect(refund.commissions[0].note?.replace(/\u00a0/g, " ")).toBe(
      "Refund of KWD 12.345 on a KWD 12.345 payment",
    );
    expect(await perCurrency(referrer.id)).toEqual([
      { currency: "kwd", status: "reversed", amount_cents: "0" },
    ]);
  });

  it("a payout batch pays one line per referrer and currency, with per-currency totals and CSV", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user: referrer, code } = await f.makeReferrer();
    const a = await f.referClient(code.code);
    const b = await f.referClient(code.code);
    const c = await f.referClient(code.code);
    await f.pay(a.userId, 60_000, { occurredAt: paidAt }, paidAt); // $60.00 commission
    await f.pay(b.userId, 70_000, { currency: "eur", occurredAt: paidAt }, paidAt); // €70.00
    // ¥40 commission: under the minimum (50.00 → ¥50 in a currency without minor units), so it waits.
    await f.pay(c.userId, 400, { currency: "jpy", occurredAt: paidAt }, paidAt);
    await approveDueCommissions(testDb.db, new Date(paidAt.getTime() + 31 * day));
    const { batch, lines } = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [referrer.id] },
      { actorUserId: admin.id },
      new Date(paidAt.getTime() + 32 * day),
    );
    expect(lines).toBe(2);
    expect(batch.currencyTotals).toEqual({ eur: 7000, usd: 6000 });
    expect(batch.totalCents).toBe(6000);
    const { csv } = await payoutBatchCsv(testDb.db, batch.id);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.referrer_id, r.amount, r.amount_cents, r.currency])).toEqual([
      [String(referrer.id), "70.00", "7000", "EUR"],
      [String(referrer.id), "60.00", "6000", "USD"],
    ]);
    const waiting = (await f.ledgerOf(referrer.id)).filter((row) => row.currency === "jpy");
    expect(waiting.map((row) => [row.amountCents, row.status, row.payoutId])).toEqual([
      [40, "approved", null],
    ]);
  });
});
