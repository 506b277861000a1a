// Property test (issue 13): random sequences of money events driven through the domain functions — signups
// (some flagged), payments of odd amounts, partial and full refunds, chargebacks, replays of any earlier
// delivery, reviews, the clock moving with approvals, payouts, redemptions; tiers crossed both ways (one
// referrer starts one short of ×1.1). After every event the payment's answer is held to the rules
// (testing/money-oracle.ts); after every sequence every read model is held to the raw ledgers, to the cent
// and the point.
//
// The seed is printed; replay a failure with FC_SEED=<seed> (and FC_PATH=<path> from fast-check's report to
// jump straight to the failing case). FC_RUNS sets the number of sequences; FC_SHRINK=1 shrinks a failure.
import fc from "fast-check";
import { expectReportEqualsRecount } from "@/testing/report-oracle";
import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { commissions, pointsLedger, rewardCatalog } from "@/db/schema";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { reviewReferrals } from "@/lib/referrals/decide-referral-reviews";
import { redeemPoints } from "@/lib/rewards/redeem-points";
import { setSetting } from "@/lib/settings";
import { commissionFixtures } from "@/testing/commissions";
import {
  CURRENCIES,
  expectCountersEqualRecounts,
  expectedEarnings,
  expectedReversals,
  expectMoneyReadModelsAgree,
  expectPointsAgree,
  expectReferralFiguresAgree,
  qualifiedCount,
  type Currency,
  type ModelClient,
  type ModelReferrer,
} from "@/testing/money-oracle";
import { setRule } from "@/testing/rewards";
import { useTestDatabase } from "@/testing/use-test-database";
import { approveDueCommissions } from "./approve-due";
import { createPayoutBatch, markPayoutBatchPaid } from "./payouts";
import { recordPayment, type RecordedPayment, type RecordPaymentInput } from "./record-payment";

const testDb = useTestDatabase({ poolMax: 10 });
const f = commissionFixtures(() => testDb.db);
const DAY = 86_400_000;
const RETENTION_MONTHS = 1;
const RETENTION_CENTS = 2500;

type Event =
  | { kind: "signup"; referrer: number; flagged: boolean }
  | { kind: "pay"; client: number; cents: number; currency: Currency }
  | { kind: "refund"; payment: number; sharePct: number; full: boolean; chargeback: boolean }
  | { kind: "replay"; delivery: number }
  | { kind: "review"; client: number; approve: boolean }
  | { kind: "advance"; days: number }
  | { kind: "payout" }
  | { kind: "redeem"; referrer: number };

const odd = fc.oneof(
  fc.integer({ min: 1, max: 99 }),
  fc.integer({ min: 100, max: 25_000 }),
  fc.constantFrom(1, 3, 999, 3995, 10_001),
);
const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("signup"), referrer: fc.nat(1), flagged: fc.boolean() }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("pay"),
      client: fc.nat(),
      cents: odd,
      currency: fc.constantFrom(...CURRENCIES),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("refund"),
      payment: fc.nat(),
      sharePct: fc.integer({ min: 1, max: 99 }),
      full: fc.boolean(),
      chargeback: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("replay"), delivery: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("review"), client: fc.nat(), approve: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("advance"), days: fc.integer({ min: 1, max: 45 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("payout") }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("redeem"), referrer: fc.nat(1) }) },
);

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
let discountItemId = 0;
/** What the sequences actually did (printed): a property that skipped everything would prove nothing. */
const seen = {
  events: 0,
  payments: 0,
  nonUsdPayments: 0,
  refunds: 0,
  replays: 0,
  tierUp: 0,
  tierDown: 0,
  bonusReversals: 0,
  pointsTakeBacks: 0,
  pointsDebts: 0,
  payouts: 0,
  redemptions: 0,
};
let campaignId = 0;

beforeAll(async () => {
  // The qualifying-activity rule on (points wait for the first payment and go back with it), a retention
  // bonus after a month, and a campaign whose bonus a referrer's second qualified referral unlocks.
  await setRule(testDb, "qualifying_activity", { isActive: true });
  await setSetting(testDb.db, "retentionBonusMonths", RETENTION_MONTHS);
  await setSetting(testDb.db, "retentionBonusCents", RETENTION_CENTS);
  await setSetting(testDb.db, "minimumPayoutCents", 100);
  const campaign = await f.makeCampaign({
    commissionValue: 2000,
    startsAt: new Date("2020-01-01T00:00:00Z"),
    endsAt: new Date("2100-01-01T00:00:00Z"),
    bonusThreshold: 2,
    bonusAmountCents: 5000,
  });
  campaignId = campaign.id;
  const [item] = await testDb.db.select().from(rewardCatalog).where(eq(rewardCatalog.costPoints, 100));
  discountItemId = item.id;
});

/** One sequence on fresh people: runs the events, checking each answer, then every read model. */
async function runSequence(events: Event[]): Promise<void> {
  const db = testDb.db;
  let now = new Date(Date.UTC(2026, 0, 5, 12));
  const admin = await f.makeUser({ role: "admin" });
  const agency = await f.makeUser({ partnerBps: 300 });
  const a = await f.makeReferrer({ partnerId: agency.id });
  const b = await f.makeReferrer({ campaignId });
  // Referrer 0 starts one qualified referral short of ×1.1: its clients' payments and refunds cross it.
  await f.addQualifiedReferrals(a.user.id, a.code.id, 24);
  const referrers: ModelReferrer[] = [
    {
      id: a.user.id,
      email: a.user.email,
      baseQualified: 24,
      partnerBps: 300,
      campaign: null,
      bonusEarned: false,
    },
    {
      id: b.user.id,
      email: b.user.email,
      baseQualified: 0,
      partnerBps: null,
      campaign: { rateBps: 2000, bonusThreshold: 2, bonusCents: 5000 },
      bonusEarned: false,
    },
  ];
  const codes = [a.code.code, b.code.code];
  const clients: ModelClient[] = [];
  const paid: { externalId: string; client: number; cents: number; refunded: number; currency: Currency }[] =
    [];
  const deliveries: { input: RecordPaymentInput; answer: RecordedPayment }[] = [];
  let n = 0;

  for (const e of events) {
    seen.events++;
    if (e.kind === "signup") {
      n++;
      const tag = `${process.pid}-${Date.now()}-${n}`;
      const email = e.flagged ? `seq${tag}@mailinator.com` : `seq${tag}@example.org`;
      const result = await attributeSignup(db, {
        name: `Seq ${tag}`,
        email,
        password: "correct horse battery",
        businessType: "creator",
        referralCode: codes[e.referrer],
        ip: `203.0.${(clients.length + n) % 250}.${(Date.now() + n) % 250}`,
        now,
      });
      clients.push({
        userId: result.user.id,
        email,
        referralId: result.referral!.id,
        referrer: e.referrer,
        review: e.flagged ? "pending" : "not_required",
        netPaid: new Map(),
        continuousSince: null,
        retentionEarned: false,
      });
      expect(result.referral!.commissionEligible).toBe(!e.flagged);
    } else if (e.kind === "pay") {
      if (!clients.length) continue;
      const ci = e.client % clients.length;
      const client = clients[ci];
      const input: RecordPaymentInput = {
        externalId: `inv_${client.userId}_${paid.length}_${seed}`,
        userId: client.userId,
        amountCents: e.cents,
        currency: e.currency,
        type: "payment",
        occurredAt: now,
      };
      const qBefore = qualifiedCount(referrers[client.referrer], client.referrer, clients);
      const answer = await recordPayment(db, input, now);
      client.netPaid.set(e.currency, (client.netPaid.get(e.currency) ?? 0) + e.cents);
      if (qBefore < 25 && qualifiedCount(referrers[client.referrer], client.referrer, clients) >= 25)
        seen.tierUp++;
      seen.payments++;
      if (e.currency !== "usd") seen.nonUsdPayments++;
      client.continuousSince ??= now;
      const referrer = referrers[client.referrer];
      const expected = expectedEarnings(
        referrer,
        client.referrer,
        client,
        clients,
        e.cents,
        e.currency,
        now,
        RETENTION_MONTHS,
        RETENTION_CENTS,
      );
      expect(
        answer.commissions.map((c) => ({ level: c.level, amountCents: c.amountCents, currency: c.currency })),
      ).toEqual(expected);
      paid.push({
        externalId: input.externalId,
        client: ci,
        cents: e.cents,
        refunded: 0,
        currency: e.currency,
      });
      deliveries.push({ input, answer });
    } else if (e.kind === "refund") {
      const open = paid.filter((p) => p.refunded < p.cents);
      if (!open.length) continue;
      const p = open[e.payment % open.length];
      const left = p.cents - p.refunded;
      const amount = e.full ? left : Math.max(1, Math.floor((left * e.sharePct) / 100));
      const before = await db
        .select()
        .from(commissions)
        .where(
          and(eq(commissions.kind, "earning"), eq(commissions.paymentId, paidId(deliveries, p.externalId))),
        )
        .orderBy(asc(commissions.id));
      const input: RecordPaymentInput = {
        externalId: `re_${p.externalId}_${p.refunded}`,
        userId: clients[p.client].userId,
        amountCents: amount,
        currency: p.currency,
        type: e.chargeback ? "chargeback" : "refund",
        refundOf: p.externalId,
        occurredAt: now,
      };
      const answer = await recordPayment(db, input, now);
      expect(
        answer.commissions.map((c) => ({ level: c.level, amountCents: c.amountCents, currency: c.currency })),
      ).toEqual(expectedReversals(before, p.cents, p.refunded, p.refunded + amount));
      p.refunded += amount;
      const client = clients[p.client];
      const qBefore = qualifiedCount(referrers[client.referrer], client.referrer, clients);
      client.netPaid.set(p.currency, client.netPaid.get(p.currency)! - amount);
      if (qBefore >= 25 && qualifiedCount(referrers[client.referrer], client.referrer, clients) < 25)
        seen.tierDown++;
      seen.refunds++;
      seen.bonusReversals += answer.commissions.filter((c) => c.level === "bonus").length;
      deliveries.push({ input, answer });
    } else if (e.kind === "replay") {
      if (!deliveries.length) continue;
      const { input, answer } = deliveries[e.delivery % deliveries.length];
      const again = await recordPayment(db, input, now);
      expect(again.created).toBe(false);
      expect(again.payment.id).toBe(answer.payment.id);
      expect(again.commissions.map((c) => c.id)).toEqual(answer.commissions.map((c) => c.id));
      seen.replays++;
    } else if (e.kind === "review") {
      const pending = clients.filter((c) => c.review === "pending");
      if (!pending.length) continue;
      const client = pending[e.client % pending.length];
      await reviewReferrals(db, {
        referralIds: [client.referralId],
        decision: e.approve ? "approve" : "reject",
        actor: { actorUserId: admin.id },
        now,
      });
      client.review = e.approve ? "approved" : "rejected";
    } else if (e.kind === "advance") {
      now = new Date(now.getTime() + e.days * DAY);
      await approveDueCommissions(db, now);
    } else if (e.kind === "payout") {
      try {
        const { batch } = await createPayoutBatch(
          db,
          { beneficiaryIds: [a.user.id, b.user.id, agency.id] },
          { actorUserId: admin.id },
          now,
        );
        await markPayoutBatchPaid(db, batch.id, `WIRE-${batch.id}`, { actorUserId: admin.id }, now);
        seen.payouts++;
      } catch (error) {
        // Nobody's approved balance reached the minimum: nothing to pay, nothing written.
        expect(error).toMatchObject({ status: 409 });
      }
    } else if (e.kind === "redeem") {
      try {
        const result = await redeemPoints(db, {
          userId: referrers[e.referrer].id,
          catalogItemId: discountItemId,
          now,
        });
        expect(result.balancePoints).toBeGreaterThanOrEqual(0);
        seen.redemptions++;
      } catch (error) {
        expect(error).toMatchObject({ code: "insufficient_points" });
      }
    }
  }

  await expectCountersEqualRecounts(db);
  // The admin report over the whole program and each referrer: usd figures and every other currency's.
  const all = { commission_status: "all", flagged: false, referrers: { kind: "all" } } as const;
  await expectReportEqualsRecount(db, all, now);
  for (const referrer of referrers) {
    await expectReportEqualsRecount(db, { ...all, referrers: { kind: "ids", ids: [referrer.id] } }, now);
  }
  for (const [i, referrer] of referrers.entries()) {
    const ledger = await expectMoneyReadModelsAgree(db, referrer, now);
    await expectReferralFiguresAgree(db, referrer, i, clients, ledger);
    await expectPointsAgree(
      db,
      referrer,
      clients.filter((c) => c.referrer === i),
    );
  }
  await expectMoneyReadModelsAgree(db, { id: agency.id, email: agency.email }, now);
  const taken = await db
    .select({ debt: pointsLedger.debtPoints, delta: pointsLedger.deltaPoints })
    .from(pointsLedger)
    .where(
      and(
        inArray(
          pointsLedger.userId,
          referrers.map((r) => r.id),
        ),
        eq(pointsLedger.reason, "reversal"),
        isNotNull(pointsLedger.paymentId),
      ),
    );
  seen.pointsTakeBacks += taken.length;
  seen.pointsDebts += taken.filter((t) => t.debt > 0 || t.delta === 0).length;
}

function paidId(
  deliveries: { input: RecordPaymentInput; answer: RecordedPayment }[],
  externalId: string,
): number {
  return deliveries.find((d) => d.input.externalId === externalId)!.answer.payment.id;
}

describe("money sequences (property)", () => {
  it("every read model agrees with the ledgers to the cent and point, and no refund reverses more than was earned", async () => {
    const numRuns = Number(process.env.FC_RUNS ?? (testDb.kind === "postgres" ? 10 : 3));
    console.info(
      `[property] money sequences: seed ${seed}, ${numRuns} runs (${testDb.kind}); replay with FC_SEED=${seed}`,
    );
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 20, maxLength: 40 }), (events) => runSequence(events)),
      {
        seed,
        numRuns,
        path: process.env.FC_PATH,
        endOnFailure: process.env.FC_SHRINK !== "1",
      },
    );
    console.info(
      `[property] ${numRuns} sequences in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(seen)}`,
    );
  }, 300_000);
});
