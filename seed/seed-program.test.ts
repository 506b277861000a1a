// `npm run db:seed -- --referrals N`'s program, at a few thousand referrals: skewed like a real program,
// and its money and points pass the checks the app holds its own writes to.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { referralCampaigns } from "@/db/schema";
import { calculateCommission } from "@/lib/commissions/calculate-commission";
import { getSetting } from "@/lib/settings";
import { findRollupMismatches } from "@/lib/referrals/rollup-mismatches";
import { findLedgerMismatches } from "@/lib/rewards/find-ledger-mismatches";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { referrerPointsFor } from "@/lib/rewards/rules";
import { BULK_TABLES } from "./bulk-load";
import { generateReferrals, PROGRAM_REFERRERS, seedDemo } from "./seed";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();
const COUNT = 3_000;
const now = new Date();
const one = async <T>(query: ReturnType<typeof sql>) => rawRows<T>(await testDb.db.execute(query))[0];
// The bulk mode drops indexes and turns triggers off for the load: what the schema holds, to compare after.
const schemaState = async () => ({
  indexes: rawRows<{ name: string; def: string }>(
    await testDb.db.execute(sql`
      SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index
       WHERE indrelid = ANY (${`{${BULK_TABLES.join(",")}}`}::regclass[]) ORDER BY 1`),
  ),
  triggers: rawRows<{ name: string; def: string; enabled: string }>(
    await testDb.db.execute(sql`
      SELECT tgrelid::regclass::text || '.' || tgname AS name, pg_get_triggerdef(oid) AS def, tgenabled::text AS enabled
        FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`),
  ),
});
let schemaBefore: Awaited<ReturnType<typeof schemaState>>;

describe("the program seed (db:seed --referrals N)", () => {
  beforeAll(async () => {
    await seedDemo(testDb.db, { password: "seed-test-pw", referrals: 0 });
    schemaBefore = await schemaState();
    await generateReferrals(testDb.db, {
      count: COUNT,
      referrerEmails: PROGRAM_REFERRERS.flatMap(([email, n]) => Array<string>(n).fill(email)),
      passwordHash: "x",
      days: 365,
      batchSize: 1_000,
      program: { tailShare: 0.4, tailReferrers: 30, payingShare: 0.25 },
      now,
    });
  }, 300_000);

  it("gives Maya about half the referrals and a long tail of generated referrers the rest", async () => {
    const row = await one<{ total: number; maya: number; referrers: number; generated: number }>(sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE u.email = 'maya@example.com')::int AS maya,
             count(DISTINCT l.referrer_user_id)::int AS referrers,
             count(DISTINCT l.referrer_user_id) FILTER (WHERE u.email LIKE '%@example.net')::int AS generated
        FROM referral_usage_log l JOIN users u ON u.id = l.referrer_user_id`);
    expect(row.total).toBe(COUNT + 2); // and the two signups that used up MAYAFULL
    expect(row.maya / row.total).toBeGreaterThan(0.4);
    expect(row.maya / row.total).toBeLessThan(0.6);
    expect(row.generated).toBeGreaterThanOrEqual(25);
    // Generated referrers are clients who were referred themselves and own a code.
    const orphan = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM referral_codes rc JOIN users u ON u.id = rc.client_id
       WHERE u.email LIKE '%@example.net'
         AND NOT EXISTS (SELECT 1 FROM referral_usage_log l WHERE l.referred_user_id = u.id AND l.used_at <= rc.created_at)`);
    expect(orphan.n).toBe(0);
  });

  it("logs about three clicks per referral over sources and days, signups linked to their click", async () => {
    const row = await one<{
      clicks: number;
      sources: number;
      days: number;
      linked: number;
      wrong: number;
    }>(sql`
      SELECT (SELECT count(*) FROM referral_clicks)::int AS clicks,
             (SELECT count(DISTINCT source) FROM referral_clicks)::int AS sources,
             (SELECT count(DISTINCT date_trunc('day', clicked_at)) FROM referral_clicks)::int AS days,
             (SELECT count(*) FROM referral_usage_log WHERE click_id IS NOT NULL)::int AS linked,
             (SELECT count(*) FROM referral_usage_log l JOIN referral_clicks c ON c.id = l.click_id
               WHERE c.referral_code_id <> l.referral_code_id OR c.clicked_at > l.used_at OR c.source <> l.source)::int AS wrong`);
    expect(row.clicks / COUNT).toBeGreaterThan(2.7);
    expect(row.clicks / COUNT).toBeLessThan(3.3);
    expect(row.sources).toBeGreaterThanOrEqual(6);
    expect(row.days).toBeGreaterThan(200);
    expect(row.linked / COUNT).toBeGreaterThan(0.8);
    expect(row.wrong).toBe(0);
    const codes = await one<{ mismatched: number }>(sql`
      SELECT count(*)::int AS mismatched FROM referral_codes rc
       WHERE rc.usage_count <> (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id)`);
    expect(codes.mismatched).toBe(0);
  });

  it("keeps every points balance equal to its ledger, and numbers each referrer's referrals in order", async () => {
    expect(await findLedgerMismatches(testDb.db)).toEqual([]);
    const rules = await loadRewardRules(testDb.db, now);
    // Generated referrals are numbered after the ones the demo recorded before them (MAYAFULL's two).
    const before = new Map(
      rawRows<{ ref: number; n: number }>(
        await testDb.db.execute(sql`
          SELECT x.referrer_user_id AS ref, count(*)::int AS n
            FROM referral_usage_log x JOIN users xu ON xu.id = x.referred_user_id
           WHERE xu.email NOT LIKE '%@example.net' AND x.review_status IN ('not_required', 'approved')
           GROUP BY 1`),
      ).map((r) => [r.ref, r.n]),
    );
    const shares = rawRows<{ ref: number; note: string; tier: number | null }>(
      await testDb.db.execute(sql`
        SELECT p.user_id AS ref, p.note, t.delta_points AS tier
          FROM points_ledger p JOIN referral_usage_log l ON l.id = p.referral_id
          LEFT JOIN points_ledger t ON t.referral_id = p.referral_id AND t.reason = 'tier_schedule'
          JOIN users u ON u.id = l.referred_user_id AND u.email LIKE '%@example.net'
         WHERE p.reason = 'referral_referrer' AND p.status = 'available'
         ORDER BY p.user_id, l.used_at, l.id`),
    );
    expect(shares.length).toBeGreaterThan(COUNT * 0.9);
    const seen = new Map<number, number>();
    for (const share of shares) {
      const ordinal = (seen.get(share.ref) ?? before.get(share.ref) ?? 0) + 1;
      seen.set(share.ref, ordinal);
      expect(share.note).toBe(`Referral #${ordinal}`);
      const points = referrerPointsFor(ordinal, {
        referrerPoints: rules.doubleSided?.referrerPoints ?? null,
        tiers: rules.tierSchedule?.tiers ?? null,
      });
      expect(share.tier ?? 0).toBe(points.tierBonusPoints);
    }
    const badges = await one<{ n: number; late: number }>(sql`
      SELECT count(*)::int AS n,
             count(*) FILTER (WHERE b.awarded_at <> (
               SELECT l.used_at FROM referral_usage_log l
                WHERE l.referrer_user_id = b.user_id AND l.review_status IN ('not_required', 'approved')
                ORDER BY l.used_at, l.id OFFSET (CASE b.badge WHEN 'bronze' THEN 5 WHEN 'silver' THEN 20 ELSE 50 END) - 1 LIMIT 1))::int AS late
        FROM user_badges b
       WHERE NOT EXISTS (SELECT 1 FROM referral_usage_log x JOIN users xu ON xu.id = x.referred_user_id
                          WHERE x.referrer_user_id = b.user_id AND xu.email NOT LIKE '%@example.net')`);
    expect(badges.n).toBeGreaterThan(10);
    expect(badges.late).toBe(0);
  });

  it("writes what calculateCommission gives each payment, recorded in time order", async () => {
    const campaigns = await testDb.db.select().from(referralCampaigns);
    const payments = rawRows<{
      id: number;
      amount_cents: number;
      occurred_at: string | Date;
      first: boolean;
      ref: number;
      eligible: boolean;
      campaign_id: number | null;
      partner_id: number | null;
      partner_bps: number | null;
    }>(
      await testDb.db.execute(sql`
        SELECT p.id, p.amount_cents, p.occurred_at,
               NOT EXISTS (SELECT 1 FROM payments e WHERE e.user_id = p.user_id AND e.type = 'payment'
                            AND (e.occurred_at, e.id) < (p.occurred_at, p.id)) AS first,
               l.referrer_user_id AS ref, l.commission_eligible AS eligible, rc.campaign_id,
               ru.partner_id, pu.partner_override_bps AS partner_bps
          FROM payments p
          JOIN referral_usage_log l ON l.referred_user_id = p.user_id
          JOIN users ru ON ru.id = l.referrer_user_id
          LEFT JOIN users pu ON pu.id = ru.partner_id
          LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
         WHERE p.external_id LIKE 'seed_inv_%'
         ORDER BY p.occurred_at, p.id`),
    );
    expect(payments.length).toBeGreaterThan(COUNT * 0.2);
    const rows = rawRows<{
      payment_id: number;
      beneficiary_user_id: number;
      level: string;
      amount_cents: number;
      rate_bps: number | null;
      campaign_id: number | null;
      note: string;
    }>(
      await testDb.db.execute(sql`
        SELECT payment_id, beneficiary_user_id, level, amount_cents, rate_bps, campaign_id, note
          FROM commissions WHERE payment_id IN (SELECT id FROM payments WHERE external_id LIKE 'seed_inv_%')
         ORDER BY id`),
    );
    const byPayment = new Map<number, typeof rows>();
    for (const r of rows) byPayment.set(r.payment_id, [...(byPayment.get(r.payment_id) ?? []), r]);
    const qualified = new Map<number, number>();
    const bonuses = new Set<string>();
    let campaignLines = 0;
    for (const p of payments) {
      if (p.first && p.eligible) qualified.set(p.ref, (qualified.get(p.ref) ?? 0) + 1);
      const campaign = campaigns.find((c) => c.id === p.campaign_id) ?? null;
      const lines = calculateCommission({
        paymentCents: p.amount_cents,
        occurredAt: new Date(p.occurred_at),
        qualifiedReferrals: qualified.get(p.ref) ?? 0,
        campaign,
        campaignBonusPaid: !p.eligible || bonuses.has(`${p.ref}:${campaign?.id}`),
        partnerOverrideBps: p.partner_id ? p.partner_bps : null,
        retention: null,
      });
      for (const line of lines) if (line.level === "bonus") bonuses.add(`${p.ref}:${line.campaignId}`);
      campaignLines += lines.filter((l) => l.campaignId !== null).length;
      expect(
        (byPayment.get(p.id) ?? []).map((r) => ({
          level: r.level,
          amountCents: r.amount_cents,
          rateBps: r.rate_bps,
          campaignId: r.campaign_id,
          note: r.note,
          beneficiary: r.beneficiary_user_id,
        })),
      ).toEqual(lines.map((l) => ({ ...l, beneficiary: l.level === "partner" ? p.partner_id : p.ref })));
    }
    expect(campaignLines).toBeGreaterThan(0); // Sarah's code is in the running Holiday campaign
    expect([...qualified.values()].some((n) => n >= 25)).toBe(true); // tier multipliers applied
  });

  it("approves after the hold, pays in batches whose totals equal their lines, and summarises per referral", async () => {
    const holdDays = await getSetting(testDb.db, "commissionHoldDays");
    const minimum = await getSetting(testDb.db, "minimumPayoutCents");
    const statuses = rawRows<{ status: string }>(
      await testDb.db.execute(sql`SELECT DISTINCT status FROM commissions WHERE payment_id IS NOT NULL`),
    ).map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(["pending", "approved", "paid"]));
    const check = await one<Record<string, number>>(sql`
      SELECT
        (SELECT count(*) FROM commissions c JOIN payments p ON p.id = c.payment_id
          WHERE p.external_id LIKE 'seed_inv_%'
            AND c.hold_until <> p.occurred_at + ${holdDays} * interval '86400 seconds')::int AS wrong_hold,
        (SELECT count(*) FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
          WHERE c.status IN ('approved', 'paid') AND (NOT l.commission_eligible OR c.hold_until > ${now.toISOString()}::timestamptz))::int AS early,
        (SELECT count(*) FROM commissions WHERE status = 'paid' AND payout_id IS NULL)::int AS paid_outside_batch,
        (SELECT count(*) FROM commissions c JOIN payouts p ON p.id = c.payout_id JOIN payout_batches b ON b.id = p.batch_id
          WHERE b.status = 'paid' AND c.status <> 'paid')::int AS unpaid_in_paid_batch,
        (SELECT count(*) FROM payouts p
          WHERE p.amount_cents <> (SELECT COALESCE(sum(amount_cents), 0) FROM commissions c WHERE c.payout_id = p.id)
             OR p.commission_count <> (SELECT count(*) FROM commissions c WHERE c.payout_id = p.id)
             OR p.amount_cents < ${minimum})::int AS wrong_payouts,
        (SELECT count(*) FROM payout_batches b
          WHERE b.total_cents <> (SELECT COALESCE(sum(amount_cents), 0) FROM payouts p WHERE p.batch_id = b.id))::int AS wrong_batches,
        (SELECT count(*) FROM payout_batches WHERE status = 'paid')::int AS paid_batches,
        (SELECT count(*) FROM referral_usage_log l
           LEFT JOIN LATERAL (
             SELECT COALESCE(sum(c.amount_cents) FILTER (WHERE c.status <> 'rejected'), 0)::bigint AS net,
                    COALESCE(bool_or(c.kind = 'earning' AND c.status = 'paid'), false)
                      AND NOT COALESCE(bool_or(c.status IN ('pending', 'approved')), false) AS paid
               FROM commissions c WHERE c.referral_id = l.id AND c.level = 'direct') s ON true
          WHERE (l.commission_amount_cents, l.commission_paid) IS DISTINCT FROM (s.net, s.paid))::int AS wrong_summaries,
        (SELECT count(*) FROM referral_usage_log WHERE commission_paid)::int AS paid_referrals`);
    expect(check).toMatchObject({
      wrong_hold: 0,
      early: 0,
      paid_outside_batch: 0,
      unpaid_in_paid_batch: 0,
      wrong_payouts: 0,
      wrong_batches: 0,
      wrong_summaries: 0,
    });
    expect(check.paid_batches).toBeGreaterThan(3);
    expect(check.paid_referrals).toBeGreaterThan(0);
  });

  it("sets the trigger-kept counters and rollups exactly (a recount agrees)", async () => {
    expect(await findRollupMismatches(testDb.db)).toEqual([]);
    const counters = await one<{
      clients: number;
      referrals: number;
      kept_clients: number;
      kept_referrals: number;
    }>(sql`
      SELECT (SELECT count(*) FROM users WHERE role = 'client')::int AS clients,
             (SELECT count(*) FROM referral_usage_log)::int AS referrals,
             (SELECT sum(clients) FROM program_counters)::int AS kept_clients,
             (SELECT sum(referrals) FROM program_counters)::int AS kept_referrals`);
    expect(counters.kept_clients).toBe(counters.clients);
    expect(counters.kept_referrals).toBe(counters.referrals);
  });

  it("leaves every index and trigger as it found them, and every foreign key holding", async () => {
    expect(await schemaState()).toEqual(schemaBefore);
    expect(schemaBefore.indexes.length).toBeGreaterThan(40);
    expect(schemaBefore.triggers.length).toBeGreaterThan(15);
    // The load skipped the per-row foreign-key checks (replica role): check every key of the schema now.
    const keys = rawRows<{ name: string; child: string; parent: string; cols: string[]; refs: string[] }>(
      await testDb.db.execute(sql`
        SELECT c.conname::text AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
               array_agg(a.attname::text ORDER BY k.ord) AS cols, array_agg(r.attname::text ORDER BY k.ord) AS refs
          FROM pg_constraint c
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, ref, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
          JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = k.ref
         WHERE c.contype = 'f' GROUP BY 1, 2, 3 ORDER BY 1`),
    );
    expect(keys.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const key of keys) {
      const present = key.cols.map((c) => `x.${c} IS NOT NULL`).join(" AND ");
      const match = key.cols.map((c, i) => `p.${key.refs[i]} = x.${c}`).join(" AND ");
      const row = await one<{ n: number }>(
        sql.raw(`SELECT count(*)::int AS n FROM ${key.child} x
                  WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${match})`),
      );
      if (row.n) broken.push(`${key.name}: ${row.n}`);
    }
    expect(broken).toEqual([]);
  });

  it("makes subscriptions agree with the payments", async () => {
    const row = await one<{ wrong: number; active: number }>(sql`
      SELECT count(*) FILTER (WHERE (s.status = 'active') <> (p.n > 0 AND s.canceled_at IS NULL)
                                 OR (p.n > 0 AND s.continuous_since <> p.first_at))::int AS wrong,
             count(*) FILTER (WHERE s.status = 'active')::int AS active
        FROM subscriptions s JOIN users u ON u.id = s.user_id AND u.email LIKE '%@example.net'
        LEFT JOIN LATERAL (SELECT count(*) AS n, min(occurred_at) AS first_at
                             FROM payments WHERE user_id = s.user_id) p ON true
       WHERE s.status <> 'trial'`);
    expect(row.active).toBeGreaterThan(0);
    expect(row.wrong).toBe(0);
  });
});
