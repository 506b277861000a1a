import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralClicks, users } from "@/db/schema";
import { approveDueCommissions } from "@/lib/commissions/approve-due";
import { createPayoutBatch, markPayoutBatchPaid } from "@/lib/commissions/payouts";
import { recordPayment } from "@/lib/commissions/record-payment";
import { reviewReferrals } from "@/lib/referrals/decide-referral-reviews";
import { recordClick } from "@/lib/referrals/record-click";
import { REFERRAL_SOURCES } from "@/lib/enums";
import { flaggedSignup, makeReferrer, signupWith } from "@/testing/rewards";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { findRollupMismatches } from "./rollup-mismatches";
import { prng } from "@/testing/prng";
import { expectProgramFiguresEqualRecount, expectReportEqualsRecount } from "@/testing/report-oracle";
import type { ResolvedReportFilters } from "@/lib/queries/referral-report-filter";

/** Report filters that take every path: program and per-code rollups, partial days, one day, nothing. */
function reportFilterCases(referrerIds: number[]): ResolvedReportFilters[] {
  const all = { commission_status: "all", flagged: false, referrers: { kind: "all" } } as const;
  const statuses = ["eligible", "pending", "approved", "paid", "reversed", "rejected"] as const;
  return [
    all,
    ...statuses.map((commission_status) => ({ ...all, commission_status })),
    { ...all, flagged: true },
    { ...all, source: "link" },
    { ...all, referrers: { kind: "ids", ids: [referrerIds[0]] } },
    { ...all, referrers: { kind: "ids", ids: [] } },
    { ...all, campaign: 999_999 },
    { ...all, start_date: "2026-10-05", end_date: "2026-10-20" },
    { ...all, start_date: "2026-10-05T13:17:00Z", end_date: "2026-10-20T05:00:00Z" },
    { ...all, start_date: "2026-10-07T01:00:00Z", end_date: "2026-10-07T20:00:00Z" },
    { ...all, start_date: "2026-10-09T07:30:00Z" },
    {
      ...all,
      commission_status: "pending",
      referrers: { kind: "ids", ids: [referrerIds[2], referrerIds[0]] },
      start_date: "2026-10-03T11:00:00Z",
      end_date: "2026-10-28",
    },
    {
      ...all,
      flagged: true,
      source: "email",
      referrers: { kind: "ids", ids: [referrerIds[1]] },
      commission_status: "eligible",
    },
  ];
}

const testDb = useTestDatabase();
const actor = { actorUserId: null };
const DAY_MS = 86_400_000;

type Paid = { externalId: string; userId: number; amountCents: number; currency: string; refunded: boolean };
// Payments in several currencies (0036's companion rollups hold the non-usd ones); usd most often.
const CURRENCIES = ["usd", "usd", "eur", "jpy"];

describe("referral counters and rollups", () => {
  it("start equal to a recount", async () => {
    expect(await findRollupMismatches(testDb.db)).toEqual([]);
  });

  for (const seed of [20261202, 7, 424242]) {
    it(`equal a recount after a random history (seed ${seed})`, async () => {
      const db = testDb.db;
      const random = prng(seed);
      const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
      const referrers = [
        await makeReferrer(testDb, { codes: 2 }),
        await makeReferrer(testDb),
        await makeReferrer(testDb, { codes: 3 }),
      ];
      const referred: { userId: number; referralId: number; flagged: boolean }[] = [];
      const paid: Paid[] = [];
      // Events spread over days (and across UTC midnights) so the daily rollups get several keys.
      const base = Date.UTC(2026, 9, 1, 22, 0, 0);
      const at = (step: number) => new Date(base + step * 0.37 * DAY_MS);
      let batches = 0;

      for (let step = 0; step < 90; step++) {
        const now = at(step);
        const referrer = pick(referrers);
        const code = pick(referrer.codes);
        const action = random();
        if (action < 0.25) {
          await recordClick(db, {
            rawCode: code,
            ipHash: `ip${step}`,
            userAgent: "vitest",
            source: pick([...REFERRAL_SOURCES]),
            referrerUrl: null,
            deviceId: null,
            now,
          });
        } else if (action < 0.5) {
          const flagged = random() < 0.3;
          const source = pick([...REFERRAL_SOURCES]);
          const result = flagged
            ? await flaggedSignup(db, code, { now, source })
            : await signupWith(db, code, { now, source });
          referred.push({ userId: result.user.id, referralId: result.referral!.id, flagged });
        } else if (action < 0.7 && referred.length) {
          const payer = pick(referred);
          const externalId = `inv_${seed}_${step}`;
          const amountCents = 1 + Math.floor(random() * 9000);
          const currency = pick(CURRENCIES);
          await recordPayment(
            db,
            { externalId, userId: payer.userId, amountCents, currency, type: "payment" },
            now,
          );
          paid.push({ externalId, userId: payer.userId, amountCents, currency, refunded: false });
        } else if (action < 0.8 && paid.some((p) => !p.refunded)) {
          const payment = pick(paid.filter((p) => !p.refunded));
          const full = random() < 0.6;
          await recordPayment(
            db,
            {
              externalId: `ref_${seed}_${step}`,
              userId: payment.userId,
              amountCents: full ? payment.amountCents : Math.max(1, Math.floor(payment.amountCents / 3)),
              type: random() < 0.7 ? "refund" : "chargeback",
              currency: payment.currency,
              refundOf: payment.externalId,
            },
            now,
          );
          payment.refunded = true;
        } else if (action < 0.87 && referred.some((r) => r.flagged)) {
          const target = pick(referred.filter((r) => r.flagged));
          target.flagged = false;
          await reviewReferrals(db, {
            referralIds: [target.referralId],
            decision: random() < 0.6 ? "approve" : "reject",
            actor,
            now,
          });
        } else if (action < 0.93) {
          await approveDueCommissions(db, new Date(now.getTime() + 40 * DAY_MS));
        } else if (action < 0.97 && batches < 3) {
          try {
            const { batch } = await createPayoutBatch(db, {}, actor, now);
            await markPayoutBatchPaid(db, batch.id, `bank-${seed}-${step}`, actor, now);
            batches++;
          } catch {
            // Nothing payable yet (no balance at the minimum): the history goes on.
          }
        } else {
          // A rolled-back signup moves nothing; deleting a click or a referred client who never paid
          // takes its counts back.
          const doomed = referred.find((r) => !paid.some((p) => p.userId === r.userId));
          if (doomed && random() < 0.5) {
            await db.delete(users).where(eq(users.id, doomed.userId));
            referred.splice(referred.indexOf(doomed), 1);
          } else {
            await db.execute(
              sql`DELETE FROM referral_clicks WHERE id = (SELECT max(id) FROM ${referralClicks})`,
            );
            await expect(
              signupWith(db, code, {
                now,
                afterClaim: async () => {
                  throw new Error("rolled back");
                },
              }),
            ).rejects.toThrow("rolled back");
          }
        }
      }

      expect(await findRollupMismatches(db)).toEqual([]);
      // The admin reports read these rollups: every filter, over whole days, partial days and one day.
      const end = at(90);
      for (const f of reportFilterCases(referrers.map((r) => r.user.id))) {
        await expectReportEqualsRecount(db, f, end);
      }
      for (const step of [40, 75, 90]) await expectProgramFiguresEqualRecount(db, at(step));
      // The history really exercised the rollups (not a vacuous pass).
      const [seen] = rawRows<{
        days: number;
        statuses: number;
        qualified: number;
        currencies: number;
        ownCurrencies: number;
      }>(
        await db.execute(sql`
          SELECT (SELECT count(*) FROM referral_code_daily)::int AS days,
                 (SELECT count(DISTINCT currency) FROM report_currency_daily)::int AS currencies,
                 (SELECT count(DISTINCT currency) FROM commission_currency_code_totals WHERE entries > 0)::int
                   AS "ownCurrencies",
                 (SELECT count(DISTINCT status) FROM commission_currency_totals WHERE entries > 0)::int AS statuses,
                 (SELECT coalesce(sum(qualified_referrals), 0)::int FROM referrer_stats) AS qualified`),
      );
      expect(seen.days).toBeGreaterThan(5);
      expect(seen.statuses).toBeGreaterThan(1);
      expect(seen.qualified).toBeGreaterThan(0);
      expect(seen.currencies).toBe(2); // eur and jpy beside the usd rollups
      expect(seen.ownCurrencies).toBe(2); // and in the per-code and per-day companions (0040)
    });
  }

  it("stay exact under parallel signups, clicks and payments on one referrer", async () => {
    const db = testDb.db;
    const { codes } = await makeReferrer(testDb, { codes: 2 });
    const signups = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signupWith(db, codes[i % 2], { source: "email" })),
    );
    await Promise.all([
      ...signups.map((s, i) =>
        recordPayment(db, {
          externalId: `par_${i}`,
          userId: s.user.id,
          amountCents: 100 + i,
          type: "payment",
        }),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        recordClick(db, {
          rawCode: codes[i % 2],
          ipHash: null,
          userAgent: null,
          source: "link",
          referrerUrl: null,
          deviceId: null,
        }),
      ),
    ]);
    expect(await findRollupMismatches(db)).toEqual([]);
    const [stats] = rawRows<{ referrals: number; qualified: number }>(
      await db.execute(sql`
        SELECT referrals::int AS referrals, qualified_referrals::int AS qualified FROM referrer_stats
         WHERE user_id = (SELECT client_id FROM referral_codes WHERE code = ${codes[0]})`),
    );
    expect(stats).toEqual({ referrals: 40, qualified: 40 });
  });

  it("striped report rollups sum to the recount after concurrent payments of one referrer", async () => {
    const db = testDb.db;
    const { user, codes } = await makeReferrer(testDb, { codes: 2 });
    const signups = await Promise.all(
      Array.from({ length: 24 }, (_, i) => signupWith(db, codes[i % 2], { source: "link" })),
    );
    // Two waves in parallel: first payments (the referral qualifies, its mask and sums move) and renewals.
    for (const wave of ["first", "renewal"]) {
      await Promise.all(
        signups.map((s, i) =>
          recordPayment(db, {
            externalId: `stripe_${wave}_${i}`,
            userId: s.user.id,
            amountCents: 2_000 + i,
            type: "payment",
          }),
        ),
      );
    }
    expect(await findRollupMismatches(db)).toEqual([]);
    const now = new Date();
    const all = { commission_status: "all", flagged: false, referrers: { kind: "all" } } as const;
    await expectReportEqualsRecount(db, all, now);
    await expectReportEqualsRecount(db, { ...all, referrers: { kind: "ids", ids: [user.id] } }, now);
    // On PostgreSQL the payments ran on several pooled backends: today's earned cents were added to more
    // than one slot (PGlite has one backend, so one slot).
    const [{ slots }] = rawRows<{ slots: number }>(
      await db.execute(
        sql`SELECT count(DISTINCT slot)::int AS slots FROM earned_daily WHERE day = (now() AT TIME ZONE 'UTC')::date`,
      ),
    );
    if (testDb.kind === "postgres") expect(slots).toBeGreaterThan(1);
    else expect(slots).toBe(1);
  });

  it("money waiting on a review moves in and out of 'in review' with the review", async () => {
    const db = testDb.db;
    const { user, codes } = await makeReferrer(testDb);
    const flagged = await flaggedSignup(db, codes[0]);
    const paid = await recordPayment(db, {
      externalId: `inrev_${user.id}`,
      userId: flagged.user.id,
      amountCents: 3995,
      type: "payment",
    });
    const inReview = async () =>
      rawRows<{ cents: number }>(
        await db.execute(sql`
          SELECT coalesce((SELECT amount_cents FROM commission_in_review WHERE beneficiary_user_id = ${user.id}), 0)::int AS cents`),
      )[0].cents;
    expect(paid.commissions.map((c) => c.amountCents)).toEqual([399]);
    expect(await inReview()).toBe(399);
    expect(await findRollupMismatches(db)).toEqual([]);
    await reviewReferrals(db, { referralIds: [flagged.referral!.id], decision: "approve", actor });
    expect(await inReview()).toBe(0);
    expect(await findRollupMismatches(db)).toEqual([]);
  });

  it("a bulk insert moves each counter once for the whole statement", async () => {
    const db = testDb.db;
    const { user, codes } = await makeReferrer(testDb);
    await db.execute(sql`
      INSERT INTO referral_clicks (referral_code_id, source, clicked_at)
      SELECT rc.id, 'link', timestamptz '2026-03-01 12:00Z' + g * interval '1 hour'
        FROM referral_codes rc, generate_series(1, 500) g WHERE rc.code = ${codes[0]}`);
    const [row] = rawRows<{ clicks: number; days: number }>(
      await db.execute(sql`
        SELECT s.clicks::int AS clicks, (SELECT count(*) FROM referral_code_daily d
                                           WHERE d.referral_code_id = s.referral_code_id)::int AS days
          FROM referral_code_stats s JOIN referral_codes rc ON rc.id = s.referral_code_id
         WHERE rc.client_id = ${user.id}`),
    );
    // 13:00 on 1 March plus 1…500 hours ends at 08:00 on 22 March: 22 UTC days.
    expect(row).toEqual({ clicks: 500, days: 22 });
    expect(await findRollupMismatches(db)).toEqual([]);
  });

  it("reports a counter that drifted from its rows", async () => {
    const db = testDb.db;
    const { codes } = await makeReferrer(testDb);
    await signupWith(db, codes[0]);
    await db.execute(sql`UPDATE referrer_stats SET referrals = referrals + 5 WHERE user_id =
      (SELECT client_id FROM referral_codes WHERE code = ${codes[0]})`);
    const mismatches = await findRollupMismatches(db);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0].rollup).toBe("referrer_stats");
    await db.execute(sql`UPDATE referrer_stats SET referrals = referrals - 5 WHERE user_id =
      (SELECT client_id FROM referral_codes WHERE code = ${codes[0]})`);
  });
});
