// The money property test's oracle (lib/commissions/money-sequences.test.ts): what each payment and
// refund must write, worked out from the model's own bookkeeping (who paid what, who counts as qualified),
// and the read models recounted from the raw ledgers. Not a test file itself.
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { commissions, payoutBatches, payouts, pointsLedger, users } from "@/db/schema";
import type { Db } from "@/db/types";
import {
  applyRate,
  BASE_RATE_BPS,
  proportion,
  tierMultiplier,
  wholeMonthsBetween,
} from "@/lib/commissions/calculate-commission";
import { sumCommissionBuckets } from "@/lib/commissions/commission-buckets";
import { readExportBatches } from "@/lib/queries/referral-export";
import { getCommissionTotals } from "@/lib/queries/commission-summary";
import { loadDashboardEarnings } from "@/lib/queries/dashboard";
import { getCurrencyBalances } from "@/lib/queries/currency-balances";
import { getMyReferrals } from "@/lib/queries/my-referrals";
import { getReferralAnalytics } from "@/lib/queries/referral-analytics";
import { currencyAmountsJson } from "@/lib/money/currency-amounts";
import { monthOf } from "@/lib/queries/referral-analytics";
import { findRollupMismatches } from "@/lib/referrals/rollup-mismatches";
import { findLedgerMismatches } from "@/lib/rewards/find-ledger-mismatches";
import { centsToDecimal } from "@/lib/format";
import { referralReportFiltersSchema } from "@/lib/validation/referral-report";

/**
 * Currencies the sequences pay in (issue 13 item 3): two-decimal usd and eur, zero-decimal jpy, three-decimal
 * kwd. Every per-beneficiary check is keyed by currency; nothing is ever summed across them.
 */
export const CURRENCIES = ["usd", "eur", "jpy", "kwd"] as const;
export type Currency = (typeof CURRENCIES)[number];

export type Review = "not_required" | "pending" | "approved" | "rejected";
export type ModelClient = {
  userId: number;
  email: string;
  referralId: number;
  referrer: number;
  review: Review;
  /** Payments − refunds − chargebacks, per currency. */
  netPaid: Map<Currency, number>;
  /** When the subscription's current run of paid months began (its first payment). */
  continuousSince: Date | null;
  retentionEarned: boolean;
};
export type ModelReferrer = {
  id: number;
  email: string;
  /** Qualified referrals inserted directly before the sequence (paid, not refunded). */
  baseQualified: number;
  partnerBps: number | null;
  campaign: { rateBps: number; bonusThreshold: number; bonusCents: number } | null;
  bonusEarned: boolean;
};
export type Line = { level: string; amountCents: number; currency: string };

const counts = (review: Review) => review === "not_required" || review === "approved";
const netPaidOf = (c: ModelClient) => [...c.netPaid.values()].reduce((a, b) => a + b, 0);

/** SPEC's qualified referral: not in review, not rejected, net paid > 0. */
export function qualifiedCount(referrer: ModelReferrer, index: number, clients: ModelClient[]): number {
  return (
    referrer.baseQualified +
    clients.filter((c) => c.referrer === index && counts(c.review) && netPaidOf(c) > 0).length
  );
}

/**
 * The lines a payment earns, by the rules of SPEC "Commissions", from the model: the tier by the qualified
 * count including this payment, the campaign's rate and one-time bonus, the partner's override and the
 * retention bonus. Call it after the model booked the payment (net paid, continuous run).
 */
export function expectedEarnings(
  referrer: ModelReferrer,
  index: number,
  client: ModelClient,
  clients: ModelClient[],
  cents: number,
  currency: Currency,
  at: Date,
  retentionMonths: number,
  retentionCents: number,
): Line[] {
  if (client.review === "rejected") return [];
  const q = qualifiedCount(referrer, index, clients);
  const multiplier = tierMultiplier(q);
  const lines: Line[] = [];
  const campaign = referrer.campaign;
  // Percentages are in the payment's currency; flat amounts (bonuses) in the base currency, usd.
  lines.push({
    level: "direct",
    amountCents: applyRate(cents, campaign ? campaign.rateBps : BASE_RATE_BPS, multiplier),
    currency,
  });
  // A referral in review does not unlock the one-time bonus.
  if (campaign && !referrer.bonusEarned && q >= campaign.bonusThreshold && counts(client.review)) {
    lines.push({ level: "bonus", amountCents: campaign.bonusCents, currency: "usd" });
    referrer.bonusEarned = true;
  }
  if (referrer.partnerBps)
    lines.push({ level: "partner", amountCents: applyRate(cents, referrer.partnerBps), currency });
  if (
    retentionMonths > 0 &&
    !client.retentionEarned &&
    client.continuousSince &&
    wholeMonthsBetween(client.continuousSince, at) >= retentionMonths
  ) {
    lines.push({ level: "retention", amountCents: retentionCents, currency: "usd" });
    client.retentionEarned = true;
  }
  return lines.filter((l) => l.amountCents > 0);
}

/**
 * The reversal lines a refund writes: each earning of the payment loses its cumulative refunded share,
 * truncated toward zero — only the part not reversed by earlier refunds.
 */
export function expectedReversals(
  earnings: { level: string; amountCents: number; status: string; currency: string }[],
  paidCents: number,
  refundedBefore: number,
  refundedAfter: number,
): Line[] {
  return earnings
    .filter((e) => e.status !== "rejected")
    .map((e) => ({
      level: e.level,
      amountCents: -(
        proportion(e.amountCents, refundedAfter, paidCents) -
        proportion(e.amountCents, refundedBefore, paidCents)
      ),
      currency: e.currency,
    }))
    .filter((l) => l.amountCents < 0);
}

type Row = typeof commissions.$inferSelect;

function bucketsOf(rows: Row[]) {
  const sum = (keep: (r: Row) => boolean) => rows.filter(keep).reduce((s, r) => s + r.amountCents, 0);
  const byLevel = (level: string) => sum((r) => r.status !== "rejected" && r.level === level);
  return {
    earnedCents: sum((r) => r.status !== "rejected"),
    onHoldCents: sum((r) => r.status === "pending"),
    approvedCents: sum((r) => r.status === "approved"),
    paidCents: sum((r) => r.status === "paid"),
    unpaidCents: sum((r) => r.status === "pending" || r.status === "approved"),
    reversedCents: 0 - sum((r) => r.kind === "reversal" && r.status !== "rejected"),
    byLevel: {
      direct: byLevel("direct"),
      partner: byLevel("partner"),
      bonus: byLevel("bonus"),
      retention: byLevel("retention"),
    },
  };
}

/**
 * Every read model of one beneficiary's money against the raw ledger rows, to the cent: the commission
 * buckets (commission-buckets.ts), the dashboard's earnings query and the API's totals (both from the
 * rollups), payout lines; and no earning reversed beyond what it earned.
 */
export async function expectMoneyReadModelsAgree(
  db: Db,
  beneficiary: { id: number; email: string },
  now: Date,
) {
  const rows = await db
    .select()
    .from(commissions)
    .where(eq(commissions.beneficiaryUserId, beneficiary.id))
    .orderBy(commissions.id);
  // Per currency: the raw ledger's buckets, the bucket fragments over it, and the per-currency rollup
  // (the dashboard's and the API's per-currency figures) agree; nothing is added across currencies.
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const perCurrency = await getCurrencyBalances(db, beneficiary.id);
  expect(perCurrency.map((b) => b.currency).sort()).toEqual(currencies);
  for (const currency of currencies) {
    const {
      byLevel: _levels,
      reversedCents: _reversed,
      ...inCurrency
    } = bucketsOf(rows.filter((r) => r.currency === currency));
    expect(inCurrency.earnedCents).toBe(
      inCurrency.onHoldCents + inCurrency.approvedCents + inCurrency.paidCents,
    );
    expect(
      await sumCommissionBuckets(
        db,
        sql`c.beneficiary_user_id = ${beneficiary.id} AND c.currency = ${currency}`,
      ),
    ).toEqual(inCurrency);
    expect(perCurrency.find((b) => b.currency === currency)).toEqual({ currency, ...inCurrency });
  }

  // The usd-keyed rollups (dashboard earnings, the API's totals) hold the usd rows exactly.
  const raw = bucketsOf(rows.filter((r) => r.currency === "usd"));
  const { byLevel, reversedCents } = raw;
  const earnings = await loadDashboardEarnings(
    db,
    { id: beneficiary.id, name: "", email: beneficiary.email },
    { now, month: monthOf(now) },
  );
  expect(earnings.commission.totals).toMatchObject({
    earnedCents: raw.earnedCents,
    pendingCents: raw.onHoldCents,
    approvedCents: raw.approvedCents,
    paidCents: raw.paidCents,
    unpaidCents: raw.unpaidCents,
    byLevel,
  });
  expect(await getCommissionTotals(db, beneficiary.id)).toMatchObject({
    earnedCents: raw.earnedCents,
    reversedCents,
  });

  // A refund never reverses more than was earned.
  for (const earning of rows.filter((r) => r.kind === "earning")) {
    const reversed = -rows
      .filter((r) => r.reversesCommissionId === earning.id && r.status !== "rejected")
      .reduce((s, r) => s + r.amountCents, 0);
    expect(reversed).toBeGreaterThanOrEqual(0);
    expect(reversed).toBeLessThanOrEqual(earning.amountCents);
  }

  // Payout lines: each the sum of the rows it paid, all in its currency, never negative; a batch's total
  // per currency the sum of its lines in that currency (total_cents: the usd lines).
  const lines = await db.select().from(payouts).where(eq(payouts.beneficiaryUserId, beneficiary.id));
  for (const line of lines) {
    const paid = rows.filter((r) => r.payoutId === line.id);
    expect(paid.every((r) => r.currency === line.currency)).toBe(true);
    expect(line.amountCents).toBe(paid.reduce((s, r) => s + r.amountCents, 0));
    expect(line.commissionCount).toBe(paid.length);
    expect(line.amountCents).toBeGreaterThanOrEqual(0);
    const [batch] = await db.select().from(payoutBatches).where(eq(payoutBatches.id, line.batchId));
    const totals = rowsAs(
      await db.execute(
        sql`SELECT currency, sum(amount_cents) AS t FROM payouts WHERE batch_id = ${line.batchId} GROUP BY 1`,
      ),
      z.object({ currency: col.text, t: col.cents }),
    );
    expect(batch.currencyTotals).toEqual(Object.fromEntries(totals.map((t) => [t.currency, t.t])));
    expect(batch.totalCents).toBe(totals.find((t) => t.currency === "usd")?.t ?? 0);
  }
  return rows;
}

/**
 * A referrer's per-referral figures — my-referrals, the seed's summaries on the referral, the export rows —
 * against their direct ledger rows.
 */
export async function expectReferralFiguresAgree(
  db: Db,
  referrer: ModelReferrer,
  index: number,
  clients: ModelClient[],
  ledger: Row[],
) {
  // Per-referral figures per currency: usd in the referral's summary (commission_amount_cents), the other
  // currencies from 0036's per-referral rollup; my-referrals and the export show each.
  const directByReferral = new Map<number, number>();
  const byCurrency = new Map<number, Map<string, number>>();
  for (const r of ledger) {
    if (r.level !== "direct" || r.status === "rejected" || r.referralId === null) continue;
    const amounts = byCurrency.get(r.referralId) ?? new Map<string, number>();
    amounts.set(r.currency, (amounts.get(r.currency) ?? 0) + r.amountCents);
    byCurrency.set(r.referralId, amounts);
    if (r.currency !== "usd") continue;
    directByReferral.set(r.referralId, (directByReferral.get(r.referralId) ?? 0) + r.amountCents);
  }
  /** A referral's amounts as the read models list them: usd first (when not zero), then by code, no zeros. */
  const listed = (id: number) => {
    const amounts = [...(byCurrency.get(id) ?? new Map<string, number>())]
      .filter(([c, cents]) => c === "usd" || cents !== 0)
      .map(([currency, cents]) => ({ currency, cents }));
    const usd = amounts.find((a) => a.currency === "usd")?.cents ?? 0;
    const others = amounts
      .filter((a) => a.currency !== "usd")
      .sort((a, b) => a.currency.localeCompare(b.currency));
    return usd !== 0 || !others.length ? [{ currency: "usd", cents: usd }, ...others] : others;
  };
  const mine = await getMyReferrals(db, referrer.id, { page: 1, perPage: 500 });
  expect(mine.referrals.length).toBe(mine.totals.referrals);
  for (const row of mine.referrals) {
    expect(row.commissionCents).toBe(directByReferral.get(row.id) ?? 0);
    expect(row.commissionByCurrency, `referral ${row.id} per currency`).toEqual(listed(row.id));
  }
  expect(mine.totals.commissionCents).toBe([...directByReferral.values()].reduce((a, b) => a + b, 0));
  // The totals per currency: every referral's amount in it, summed (never across currencies).
  const totals = new Map<string, number>();
  for (const row of mine.referrals) {
    for (const a of listed(row.id)) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.cents);
  }
  const totalsListed = [...totals]
    .filter(([c, cents]) => c !== "usd" && cents !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, cents]) => ({ currency, cents }));
  const usdTotal = mine.totals.commissionCents;
  expect(mine.totals.commissionByCurrency).toEqual(
    usdTotal !== 0 || !totalsListed.length
      ? [{ currency: "usd", cents: usdTotal }, ...totalsListed]
      : totalsListed,
  );
  expect(mine.totals.pointsEarned).toBe(mine.referrals.reduce((s, r) => s + r.pointsEarned, 0));
  expect(mine.totals.pointsPending).toBe(mine.referrals.reduce((s, r) => s + r.pointsPending, 0));
  // Statuses and the qualified count by SPEC's one definition, as the model keeps it.
  expect(mine.totals.qualified).toBe(qualifiedCount(referrer, index, clients));
  for (const client of clients.filter((c) => c.referrer === index)) {
    const status = mine.referrals.find((r) => r.id === client.referralId)!.status;
    const expected =
      client.review === "rejected"
        ? "rejected"
        : client.review === "pending"
          ? "in_review"
          : netPaidOf(client) > 0
            ? "qualified"
            : client.netPaid.size
              ? "refunded"
              : "awaiting_payment";
    expect(status).toBe(expected);
  }

  // The analytics API: the summary's other currencies and the latest referrals' amounts per currency.
  const analytics = await getReferralAnalytics(db, referrer.id, { now: new Date(), viewer: "admin" });
  expect(analytics.summary.other_currencies.map((c) => [c.currency, c.total_commission_earned])).toEqual(
    totalsListed.map((a) => [a.currency, centsToDecimal(a.cents, a.currency)]),
  );
  const recentIds = mine.referrals.slice(0, analytics.recent_referrals.length).map((r) => r.id);
  expect(analytics.recent_referrals.map((r) => r.commission_by_currency)).toEqual(
    recentIds.map((id) => currencyAmountsJson(listed(id))),
  );

  const filters = referralReportFiltersSchema.parse({ referrer: referrer.email });
  for await (const batch of readExportBatches(db, filters)) {
    for (const row of batch) {
      if (!mine.referrals.some((r) => r.id === row.referral_id)) continue;
      expect(row.commission_amount).toBe(centsToDecimal(directByReferral.get(row.referral_id) ?? 0));
      const others = listed(row.referral_id).filter((a) => a.currency !== "usd");
      expect(row.commission_other_currencies).toBe(
        others.map((a) => `${a.currency.toUpperCase()} ${centsToDecimal(a.cents, a.currency)}`).join("; ") ||
          null,
      );
    }
  }
}

/**
 * Points: every cached sum equals its ledger (findLedgerMismatches: balance, pending, debt, no debt beside
 * a balance), and what was taken back is accounted for to the point: the points each take-back took back
 * (the referral's credits its first payment released) = what it took from the balance + what later
 * earnings paid toward it + what is still owed. A client refunded to nothing whose first payment released
 * points has had them taken back, once.
 */
export async function expectPointsAgree(db: Db, referrer: ModelReferrer, clients: ModelClient[]) {
  const ledger = await db.select().from(pointsLedger).where(eq(pointsLedger.userId, referrer.id));
  const [account] = await db
    .select({ balance: users.pointsBalance, debt: users.pointsDebt })
    .from(users)
    .where(eq(users.id, referrer.id));
  expect(account.balance).toBeGreaterThanOrEqual(0);
  let takenBackInAll = 0;
  for (const client of clients) {
    const rows = ledger.filter((r) => r.referralId === client.referralId);
    const released = rows
      .filter((r) => r.awaitsFirstPayment && r.status === "available" && r.deltaPoints > 0)
      .reduce((s, r) => s + r.deltaPoints, 0);
    const takeBacks = rows.filter((r) => r.reason === "reversal" && r.paymentId !== null);
    expect(takeBacks.length).toBeLessThanOrEqual(1);
    if (takeBacks.length) takenBackInAll += released;
    if (released > 0 && netPaidOf(client) === 0 && client.review !== "rejected") {
      expect(takeBacks).toHaveLength(1);
    }
  }
  const reversed = -ledger.filter((r) => r.reason === "reversal").reduce((s, r) => s + r.deltaPoints, 0);
  expect(reversed + account.debt).toBe(takenBackInAll);
}

/** The program-wide recounts: every counter and rollup, every points account. */
export async function expectCountersEqualRecounts(db: Db) {
  expect(await findRollupMismatches(db)).toEqual([]);
  expect(await findLedgerMismatches(db)).toEqual([]);
}
