import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { approveDueCommissions } from "@/lib/commissions/approve-due";
import { sumCommissionBucket, sumCommissionBuckets } from "@/lib/commissions/commission-buckets";
import { recordPayment } from "@/lib/commissions/record-payment";
import { REFERRAL_SOURCES } from "@/lib/enums";
import { reviewReferrals } from "@/lib/referrals/decide-referral-reviews";
import { recordClick } from "@/lib/referrals/record-click";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { countQualifiedReferrals, qualifiedReferralTimesSince } from "@/lib/rewards/qualified-referrals";
import { offerProgress } from "@/lib/rewards/rules";
import type { DbOrTx } from "@/db/types";
import { countingDatabase, explainStatements } from "@/testing/count-statements";
import {
  flaggedSignup,
  makeClient,
  makeReferrer,
  restoreRulesAfterEach,
  setRule,
  signupWith,
} from "@/testing/rewards";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import {
  loadDashboardCodes,
  loadDashboardEarnings,
  loadDashboardOverview,
  loadDashboardRewards,
} from "./dashboard";
import { getMyReferrals } from "./my-referrals";
import { getSignupsBySource, lastMonths, monthBounds, monthOf } from "./referral-analytics";
import { prng } from "@/testing/prng";

const testDb = useTestDatabase();
restoreRulesAfterEach(testDb);
const actor = { actorUserId: null };
const DAY_MS = 86_400_000;

/** A dashboard page's statements besides the session lookup: 12 with it, the issue's ceiling. */
const PAGE_STATEMENTS = 11;
// A history is ~110 events with argon2 signups: slow on a busy machine, not a speed assertion.
const HISTORY_TIMEOUT_MS = 240_000;

/**
 * Clicks, signups (some flagged, then approved or rejected), payments, refunds, approvals over ~45 days
 * across UTC midnights and a month end, on two referrers; returns them and a `now` after the last event.
 */
async function randomHistory(seed: number) {
  const db = testDb.db;
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const referrers = [await makeReferrer(testDb, { codes: 3 }), await makeReferrer(testDb)];
  const base = Date.UTC(2026, 8, 20, 21, 0, 0);
  const at = (step: number) => new Date(base + step * 0.41 * DAY_MS);
  // "Refer 3 in 7 days" running through the whole history: the card's offer progress is compared too.
  await setRule(testDb, "offer", { isActive: true, startsAt: new Date(base), endsAt: at(1000) });
  const referred: { userId: number; referralId: number; flagged: boolean }[] = [];
  const paid: { externalId: string; userId: number; amountCents: number }[] = [];
  const steps = 110;
  for (let step = 0; step < steps; step++) {
    const now = at(step);
    const referrer = random() < 0.75 ? referrers[0] : referrers[1];
    const code = pick(referrer.codes);
    const action = random();
    if (action < 0.3) {
      await recordClick(db, {
        rawCode: code,
        ipHash: `ip${step}`,
        userAgent: "vitest",
        source: pick(REFERRAL_SOURCES),
        referrerUrl: null,
        deviceId: null,
        now,
      });
    } else if (action < 0.6) {
      const flagged = random() < 0.25;
      const source = pick(REFERRAL_SOURCES);
      const result = flagged
        ? await flaggedSignup(db, code, { now, source })
        : await signupWith(db, code, { now, source });
      referred.push({ userId: result.user.id, referralId: result.referral!.id, flagged });
    } else if (action < 0.8 && referred.length) {
      const payer = pick(referred);
      const externalId = `dash_${seed}_${step}`;
      const amountCents = 100 + Math.floor(random() * 9000);
      await recordPayment(db, { externalId, userId: payer.userId, amountCents, type: "payment" }, now);
      paid.push({ externalId, userId: payer.userId, amountCents });
    } else if (action < 0.86 && paid.length) {
      const payment = paid.splice(Math.floor(random() * paid.length), 1)[0];
      await recordPayment(
        db,
        {
          externalId: `dash_ref_${seed}_${step}`,
          userId: payment.userId,
          amountCents: payment.amountCents,
          type: "refund",
          refundOf: payment.externalId,
        },
        now,
      );
    } else if (action < 0.93 && referred.some((r) => r.flagged)) {
      const target = pick(referred.filter((r) => r.flagged));
      target.flagged = false;
      await reviewReferrals(db, {
        referralIds: [target.referralId],
        decision: random() < 0.6 ? "approve" : "reject",
        actor,
        now,
      });
    } else {
      await approveDueCommissions(db, now);
    }
  }
  return { referrers, now: at(steps + 0.5) };
}

const one = async <T>(query: ReturnType<typeof sql>) => rawRows<T>(await testDb.db.execute(query))[0];

/**
 * The dashboard's figures recounted from the raw rows (referrals, clicks, the commissions ledger) the way
 * the pages counted them before the rollups — with the windows as whole UTC days, as they are now.
 */
async function recount(referrerId: number, now: Date, days: number, month: string) {
  const db = testDb.db;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
  const tomorrow = ts(today + DAY_MS);
  const codes = rawRows<{
    code: string;
    total: number;
    last30: number;
    last7: number;
    clicks: number;
    earned: number | null;
    paid: number | null;
  }>(
    await db.execute(sql`
      SELECT rc.code,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id)::int AS total,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id
                 AND l.used_at >= ${ts(today - 29 * DAY_MS)} AND l.used_at < ${tomorrow})::int AS last30,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id
                 AND l.used_at >= ${ts(today - 6 * DAY_MS)} AND l.used_at < ${tomorrow})::int AS last7,
             (SELECT count(*) FROM referral_clicks k WHERE k.referral_code_id = rc.id)::int AS clicks,
             (SELECT ${sumCommissionBucket("earned")} FROM commissions c
                JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE l.referral_code_id = rc.id AND c.beneficiary_user_id = ${referrerId}
                 AND c.level = 'direct') AS earned,
             (SELECT ${sumCommissionBucket("paid")} FROM commissions c
                JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE l.referral_code_id = rc.id AND c.beneficiary_user_id = ${referrerId}
                 AND c.level = 'direct') AS paid
        FROM referral_codes rc WHERE rc.client_id = ${referrerId} ORDER BY rc.created_at, rc.id`),
  );
  const { referrals } = await one<{ referrals: number }>(
    sql`SELECT count(*)::int AS referrals FROM referral_usage_log WHERE referrer_user_id = ${referrerId}`,
  );
  const money = await sumCommissionBuckets(
    db,
    sql`c.beneficiary_user_id = ${referrerId} AND c.level = 'direct'`,
  );
  const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const daily = rawRows<{ day: string; clicks: number; signups: number }>(
    await db.execute(sql`
      SELECT to_char(g.d, 'YYYY-MM-DD') AS day,
             (SELECT count(*) FROM referral_clicks k JOIN referral_codes rc ON rc.id = k.referral_code_id
               WHERE rc.client_id = ${referrerId}
                 AND (k.clicked_at AT TIME ZONE 'UTC')::date = g.d::date)::int AS clicks,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referrer_user_id = ${referrerId}
                 AND (l.used_at AT TIME ZONE 'UTC')::date = g.d::date)::int AS signups
        FROM generate_series(${dayText(today - (days - 1) * DAY_MS)}::date, ${dayText(today)}::date,
                             interval '1 day') AS g(d)
       ORDER BY 1`),
  );
  const months = lastMonths(now, 12).reverse();
  const byMonth = [];
  for (const m of months) {
    const { start, end } = monthBounds(m);
    const row = await one<{ signups: number; earned: number | null }>(sql`
      SELECT (SELECT count(*) FROM referral_usage_log l WHERE l.referrer_user_id = ${referrerId}
                 AND l.used_at >= ${ts(start.getTime())} AND l.used_at < ${ts(end.getTime())})::int AS signups,
             (SELECT ${sumCommissionBucket("earned")} FROM commissions c
               WHERE c.beneficiary_user_id = ${referrerId} AND c.level = 'direct'
                 AND c.created_at >= ${ts(start.getTime())} AND c.created_at < ${ts(end.getTime())}) AS earned`);
    byMonth.push({ month: m, signups: row.signups, earnedCents: row.earned ?? 0 });
  }
  const bySource = rawRows<{ source: string; signups: number }>(
    await db.execute(sql`
      SELECT source::text AS source, count(*)::int AS signups FROM referral_usage_log
       WHERE referrer_user_id = ${referrerId} GROUP BY 1 ORDER BY 2 DESC, 1`),
  );
  // The monthly report as getMonthlyReport counted it before the rollups (a running month up to `now`).
  const { start, end: monthEnd } = monthBounds(month);
  const end = ts(Math.min(monthEnd.getTime(), now.getTime()));
  const report = await one<{
    total: number;
    new: number;
    clicks: number;
    earned: number | null;
    pending: number | null;
    on_hold: number | null;
    approved: number | null;
    top_code: string | null;
  }>(sql`
    SELECT (SELECT count(*) FROM referral_usage_log l
             WHERE l.referrer_user_id = ${referrerId} AND l.used_at < ${end})::int AS total,
           (SELECT count(*) FROM referral_usage_log l WHERE l.referrer_user_id = ${referrerId}
               AND l.used_at >= ${ts(start.getTime())} AND l.used_at < ${end})::int AS new,
           (SELECT count(*) FROM referral_clicks k JOIN referral_codes rc ON rc.id = k.referral_code_id
             WHERE rc.client_id = ${referrerId} AND k.clicked_at >= ${ts(start.getTime())}
               AND k.clicked_at < ${end})::int AS clicks,
           (SELECT ${sumCommissionBucket("earned")} FROM commissions c
             WHERE c.beneficiary_user_id = ${referrerId} AND c.level = 'direct'
               AND c.created_at >= ${ts(start.getTime())} AND c.created_at < ${end}) AS earned,
           (SELECT ${sumCommissionBucket("unpaid")} FROM commissions c
             WHERE c.beneficiary_user_id = ${referrerId} AND c.level = 'direct'
               AND c.created_at >= ${ts(start.getTime())} AND c.created_at < ${end}) AS pending,
           (SELECT ${sumCommissionBucket("onHold")} FROM commissions c
             WHERE c.beneficiary_user_id = ${referrerId} AND c.level = 'direct'
               AND c.created_at >= ${ts(start.getTime())} AND c.created_at < ${end}) AS on_hold,
           (SELECT ${sumCommissionBucket("approved")} FROM commissions c
             WHERE c.beneficiary_user_id = ${referrerId} AND c.level = 'direct'
               AND c.created_at >= ${ts(start.getTime())} AND c.created_at < ${end}) AS approved,
           (SELECT l.code_used FROM referral_usage_log l
             WHERE l.referrer_user_id = ${referrerId} AND l.used_at >= ${ts(start.getTime())}
               AND l.used_at < ${end}
             GROUP BY l.code_used ORDER BY count(*) DESC, l.code_used LIMIT 1) AS top_code`);
  // The commission card as getCommissionTotals summed the whole ledger.
  const ledger = await one<Record<string, number | null>>(sql`
    SELECT ${sumCommissionBucket("earned")} AS earned, ${sumCommissionBucket("onHold")} AS on_hold,
           ${sumCommissionBucket("approved")} AS approved, ${sumCommissionBucket("paid")} AS paid,
           ${sumCommissionBucket("unpaid")} AS unpaid,
           ${sumCommissionBucket("onHold", "c", sql`l.commission_eligible = false`)} AS in_review,
           ${sumCommissionBucket("earned", "c", sql`c.level = 'direct'`)} AS direct
      FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
     WHERE c.beneficiary_user_id = ${referrerId}`);
  const rules = await loadRewardRules(db, now);
  const offers = [];
  for (const offer of rules.offers) {
    const times = await qualifiedReferralTimesSince(db, referrerId, new Date(0));
    offers.push(Math.min(offerProgress(offer, times, now).counted, offer.referrals));
  }
  return {
    codes,
    referrals,
    money,
    daily,
    byMonth,
    bySource,
    report,
    ledger,
    qualified: await countQualifiedReferrals(db, referrerId),
    offers,
  };
}

type Referrer = Parameters<typeof loadDashboardOverview>[1];
type Period = { now: Date; days: number; month: string };

/** Each dashboard page's loader, as its page calls it (the Referrals page calls two read models). */
const pages = {
  overview: (db: DbOrTx, user: Referrer, p: Period) => loadDashboardOverview(db, user, p),
  codes: (db: DbOrTx, user: Referrer, p: Period) => loadDashboardCodes(db, user, p),
  referrals: (db: DbOrTx, user: Referrer) =>
    Promise.all([getMyReferrals(db, user.id, { page: 1, perPage: 25 }), getSignupsBySource(db, user.id)]),
  earnings: (db: DbOrTx, user: Referrer, p: Period) => loadDashboardEarnings(db, user, p),
  rewards: (db: DbOrTx, user: Referrer, p: Period) => loadDashboardRewards(db, user, p),
};

/**
 * Every figure the dashboard's pages show, loaded page by page. The overview and the codes page read the
 * analytics through the same function (the API's): they must agree, and so must the overview's points
 * and the Rewards page's.
 */
async function loadAllPages(db: DbOrTx, user: Referrer, period: Period) {
  const overview = await pages.overview(db, user, period);
  const codes = await pages.codes(db, user, period);
  const [, bySource] = await pages.referrals(db, user);
  const earnings = await pages.earnings(db, user, period);
  const rewards = await pages.rewards(db, user, period);
  expect(codes.analytics).toEqual(overview.analytics);
  expect(codes.codes).toEqual(overview.codes);
  expect(overview.points).toEqual({
    balancePoints: rewards.balancePoints,
    pendingPoints: rewards.pendingPoints,
  });
  // The overview's Approved card (with On hold and Paid under it) is the Earnings page's buckets.
  expect(overview.commission).toEqual(earnings.commission.totals);
  return {
    overview: { codes: codes.codes },
    analytics: overview.analytics,
    charts: { activity: overview.activity, byMonth: earnings.byMonth, bySource, report: earnings.report },
    commission: earnings.commission,
    rewards,
  };
}

describe("the dashboard", () => {
  it(
    `each page loads in ${PAGE_STATEMENTS} statements or fewer (the session adds one), as many for a long history as for none, each able to use an index`,
    async () => {
      const counting = countingDatabase(testDb);
      const fresh = await makeReferrer(testDb);
      const freshNow = new Date();
      const forNone: Record<string, number> = {};
      for (const [name, load] of Object.entries(pages)) {
        counting.reset();
        await load(counting.db, fresh.user, { now: freshNow, days: 30, month: monthOf(freshNow) });
        forNone[name] = counting.statements.length;
      }

      const { referrers, now } = await randomHistory(99);
      const busy = referrers[0].user;
      const statements: typeof counting.statements = [];
      for (const [name, load] of Object.entries(pages)) {
        counting.reset();
        const data = await load(counting.db, busy, { now, days: 30, month: monthOf(now) });
        if (name === "overview") {
          // a real history, not a vacuous pass
          const { summary } = (data as Awaited<ReturnType<typeof pages.overview>>).analytics;
          expect(summary.total_referrals).toBeGreaterThan(10);
        }
        if (name === "rewards") {
          expect((data as Awaited<ReturnType<typeof pages.rewards>>).offers).toHaveLength(1); // the offer window ran
        }
        expect(counting.statements.length, name).toBeLessThanOrEqual(PAGE_STATEMENTS);
        // + the offer window count on the Rewards page, the only addition a history makes
        expect(counting.statements.length, name).toBe(forNone[name] + (name === "rewards" ? 1 : 0));
        statements.push(...counting.statements);
      }
      // The overview, the page everyone opens, is the lightest: one batch and the reward rules.
      expect(forNone.overview).toBe(2);

      // No statement has to read referral_usage_log, referral_clicks or commissions whole.
      const plans = await explainStatements(testDb, statements);
      const big = ["referral_usage_log", "referral_clicks", "commissions"];
      expect(
        plans
          .filter((p) => p.seqScans.some((t) => big.includes(t)))
          .map((p) => ({ query: p.query.slice(0, 120), seqScans: p.seqScans })),
      ).toEqual([]);
      // …and the rollups are what the batches read.
      const batch = plans.find((p) => p.query.includes("referral_code_daily"));
      expect(batch?.indexes).toEqual(
        expect.arrayContaining(["referral_code_daily_pkey", "referrer_stats_pkey"]),
      );
    },
    HISTORY_TIMEOUT_MS,
  );

  for (const seed of [20261202, 5]) {
    it(
      `shows the figures a recount of the raw rows gives, after a random history (seed ${seed})`,
      async () => {
        const { referrers, now } = await randomHistory(seed);
        for (const { user } of referrers) {
          for (const [days, month] of [
            [30, monthOf(now)],
            [7, lastMonths(now, 2)[1]],
            [90, lastMonths(now, 3)[2]],
          ] as const) {
            const data = await loadAllPages(testDb.db, user, { now, days, month });
            const want = await recount(user.id, now, days, month);
            expect(
              data.analytics.codes.map((c) => ({
                code: c.code,
                total: c.total_signups,
                last30: c.signups_last_30_days,
                last7: c.signups_last_7_days,
                clicks: c.clicks,
                earned: c.total_commission_earned,
                paid: c.commission_paid,
              })),
            ).toEqual(
              want.codes.map((c) => ({
                ...c,
                earned: ((c.earned ?? 0) / 100).toFixed(2),
                paid: ((c.paid ?? 0) / 100).toFixed(2),
              })),
            );
            expect(data.overview.codes.map((c) => c.clicks)).toEqual(want.codes.map((c) => c.clicks));
            expect(data.analytics.summary).toMatchObject({
              total_referrals: want.referrals,
              signups_last_30_days: want.codes.reduce((n, c) => n + c.last30, 0),
              total_commission_earned: (want.money.earnedCents / 100).toFixed(2),
              commission_pending: (want.money.unpaidCents / 100).toFixed(2),
              commission_paid: (want.money.paidCents / 100).toFixed(2),
            });
            expect(data.charts.activity).toEqual(
              want.daily.map((d) => ({ date: d.day, clicks: d.clicks, signups: d.signups })),
            );
            expect(data.charts.byMonth).toEqual(want.byMonth);
            expect(data.charts.bySource).toEqual(want.bySource);
            expect(data.charts.report).toEqual({
              period: month,
              total_referrals: want.report.total,
              new_referrals: want.report.new,
              commission_earned: ((want.report.earned ?? 0) / 100).toFixed(2),
              commission_pending: ((want.report.pending ?? 0) / 100).toFixed(2),
              commission_on_hold: ((want.report.on_hold ?? 0) / 100).toFixed(2),
              commission_approved: ((want.report.approved ?? 0) / 100).toFixed(2),
              top_performing_code: want.report.top_code,
              conversion_rate: want.report.clicks > 0 ? want.report.new / want.report.clicks : null,
              // This history pays in usd only; the other currencies' month is currencies-read-models.test.ts's.
              other_currencies: [],
            });
            const totals = data.commission.totals;
            expect({
              earned: totals.earnedCents,
              on_hold: totals.pendingCents,
              approved: totals.approvedCents,
              paid: totals.paidCents,
              unpaid: totals.unpaidCents,
              in_review: totals.inReviewCents,
              direct: totals.byLevel.direct,
            }).toEqual(Object.fromEntries(Object.entries(want.ledger).map(([k, v]) => [k, v ?? 0])));
            expect(data.rewards.countedReferrals).toBe(want.qualified);
            expect(data.rewards.offers.map((o) => o.counted)).toEqual(want.offers);
          }
        }
        // The history moved money and windows (not a vacuous pass).
        const busy = await loadAllPages(testDb.db, referrers[0].user, {
          now,
          days: 30,
          month: monthOf(now),
        });
        expect(busy.commission.totals.earnedCents).toBeGreaterThan(0);
        expect(busy.analytics.codes.some((c) => c.signups_last_7_days > 0)).toBe(true);
        expect(busy.charts.byMonth.filter((m) => m.signups > 0).length).toBeGreaterThan(1);
      },
      HISTORY_TIMEOUT_MS,
    );
  }

  it("reads the code·day rollup by its index though another referrer's codes fill it, as the planner chooses", async () => {
    // The bench database's shape: one busy program, a rollup of many codes' days, and no statistics (never
    // analyzed). `IN (SELECT the client's codes)` was hash-joined to a sequential scan of the whole rollup
    // there; the reads must stay on referral_code_daily_pkey whatever the planner guesses.
    const { user } = await makeReferrer(testDb, { codes: 2 });
    const other = await makeClient(testDb);
    await testDb.db.execute(sql`
      INSERT INTO referral_codes (client_id, code, canonical_code)
      SELECT ${other.id}, 'ZQ' || lpad(g::text, 6, '0'), 'ZQ' || lpad(g::text, 6, '0')
        FROM generate_series(1, 6000) g`);
    await testDb.db.execute(sql`
      INSERT INTO referral_code_daily (referral_code_id, day, clicks, signups)
      SELECT rc.id, (date '2026-12-01' - g * 18), 3, 1
        FROM referral_codes rc, generate_series(0, 19) g
       WHERE rc.client_id = ${other.id}`);
    const now = new Date(Date.UTC(2026, 11, 1, 12));
    const counting = countingDatabase(testDb);
    for (const [days, month] of [
      [90, monthOf(now)],
      [30, lastMonths(now, 12)[11]],
    ] as const) {
      counting.reset();
      await loadDashboardOverview(counting.db, user, { now, days });
      await loadDashboardCodes(counting.db, user, { now });
      await loadDashboardEarnings(counting.db, user, { now, month });
      const rollupReads = counting.statements.filter((s) => s.query.includes("referral_code_daily"));
      expect(rollupReads.length).toBeGreaterThan(0);
      const plans = await explainStatements(testDb, rollupReads, { planner: "free" });
      expect(plans.flatMap((p) => p.seqScans).filter((t) => t === "referral_code_daily")).toEqual([]);
      expect(plans.flatMap((p) => p.indexes)).toContain("referral_code_daily_pkey");
    }
  });
});
