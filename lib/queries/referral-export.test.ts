// The export reader finds each referred user's current tier set-based (one DISTINCT ON per batch) and
// reads one batch ahead. Its output must equal, row for row, the definition it replaced: a per-row
// LATERAL lookup of the latest subscription (created_at DESC, id DESC), NULL when there is none.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsAs, col } from "@/db/rows";
import { referralCodes, referralUsageLog, subscriptions, users } from "@/db/schema";
import { centsToDecimal } from "@/lib/format";
import { useTestDatabase } from "@/testing/use-test-database";
import { z } from "zod";
import { commissionStatusLabel, reviewLabel } from "@/lib/report-columns";
import type { ReportOrder } from "@/lib/validation/referral-report";
import { readExportBatches, type ExportReferral } from "./referral-export";

const testDb = useTestDatabase();
const REFERRALS = 60;

beforeAll(async () => {
  const db = testDb.db;
  const referrers: number[] = [];
  for (let i = 0; i < 3; i++) {
    const email = `referrer${i}@example.com`;
    const [u] = await db
      .insert(users)
      .values({ email, normalizedEmail: email, name: `Referrer ${i}`, passwordHash: "x" })
      .returning({ id: users.id });
    referrers.push(u.id);
  }
  const [code] = await db
    .insert(referralCodes)
    .values({ clientId: referrers[0], code: "EQUIV1", canonicalCode: "EQU1V1" })
    .returning({ id: referralCodes.id });
  const base = Date.parse("2025-03-01T08:00:00.123456Z");
  for (let i = 0; i < REFERRALS; i++) {
    const email = `client${i}@example.org`;
    const [referred] = await db
      .insert(users)
      .values({ email, normalizedEmail: email, name: `Client ${i}`, passwordHash: "x" })
      .returning({ id: users.id });
    // i % 5: 0 → no subscription; 1 → one; 2 → upgraded later; 3 → three changes, the latest inserted
    // first; 4 → two at the same instant (the higher id wins).
    const t0 = new Date(base + i * 3_600_000);
    const later = (h: number) => new Date(t0.getTime() + h * 3_600_000);
    const plans: { tierId: number; createdAt: Date }[][] = [
      [],
      [{ tierId: 1 + (i % 3), createdAt: t0 }],
      [
        { tierId: 1, createdAt: t0 },
        { tierId: 3, createdAt: later(24) },
      ],
      [
        { tierId: 2, createdAt: later(72) },
        { tierId: 1, createdAt: t0 },
        { tierId: 3, createdAt: later(24) },
      ],
      [
        { tierId: 3, createdAt: t0 },
        { tierId: 2, createdAt: t0 },
      ],
    ];
    for (const plan of plans[i % 5]) await db.insert(subscriptions).values({ userId: referred.id, ...plan });
    await db.insert(referralUsageLog).values({
      referralCodeId: code.id,
      referrerUserId: i % 7 === 0 ? null : referrers[i % 3],
      referredUserId: referred.id,
      codeUsed: "EQUIV1",
      signupIp: i % 4 ? `10.0.0.${i}` : null,
      source: i % 2 ? "email" : "link",
      isFlagged: i % 6 === 0,
      commissionEligible: i % 3 !== 0,
      // Every fifth amount repeats, so the commission order's id half matters too.
      commissionAmountCents: 1234 * (i % 12),
      commissionPaid: i % 4 === 1,
      // Groups of three share a signup instant (microseconds included), so the keyset's id half matters.
      usedAt: new Date(base + Math.floor(i / 3) * 60_000),
    });
  }

  // Commissions in other currencies on some referrals (two currencies on some, a rejected one, a KWD
  // amount with three decimals): the export's commission_other_currencies (0036's per-referral rollup).
  await db.execute(sql`
    INSERT INTO commissions (beneficiary_user_id, referral_id, level, kind, amount_cents, status, hold_until, currency)
    SELECT l.referred_user_id, l.id, 'direct', 'earning', c.cents, c.status::commission_status, now(), c.currency
      FROM referral_usage_log l
     CROSS JOIN LATERAL (VALUES ('eur', 399 + l.id % 7, CASE WHEN l.id % 3 = 0 THEN 'rejected' ELSE 'pending' END),
                                ('jpy', 500 + l.id, 'approved'),
                                ('kwd', 1250 + l.id, 'paid')) c(currency, cents, status)
     WHERE (c.currency = 'eur' AND l.id % 4 = 0) OR (c.currency = 'jpy' AND l.id % 5 = 0)
        OR (c.currency = 'kwd' AND l.id % 11 = 0)`);
});

/** The definition the reader replaced: the whole selection at once, the tier looked up per row. */
async function referenceRows(
  flaggedOnly = false,
  orderBy = sql`l.used_at DESC, l.id DESC`,
): Promise<ExportReferral[]> {
  const rows = rowsAs(
    await testDb.db.execute(sql`
      SELECT l.id,
             to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signup_date,
             l.code_used, l.signup_ip, l.source::text AS source, l.is_flagged,
             l.commission_eligible, l.commission_paid, l.commission_amount_cents,
             r.email AS referrer_email, r.name AS referrer_name,
             d.email AS referred_email, d.name AS referred_name,
             tier.name AS subscription_tier, camp.campaign_name,
             l.commission_mask, l.review_status::text AS review_status,
             (SELECT coalesce(json_agg(json_build_array(o.currency, o.cents) ORDER BY o.currency), '[]')
                FROM (SELECT c.currency, sum(c.amount_cents) AS cents FROM commissions c
                       WHERE c.referral_id = l.id AND c.level = 'direct' AND c.currency <> 'usd'
                         AND c.status <> 'rejected'
                       GROUP BY c.currency HAVING sum(c.amount_cents) <> 0) o) AS other_currencies
        FROM referral_usage_log l
        JOIN users d ON d.id = l.referred_user_id
        LEFT JOIN users r ON r.id = l.referrer_user_id
        LEFT JOIN LATERAL (
          SELECT t.name FROM subscriptions s JOIN subscription_tiers t ON t.id = s.tier_id
           WHERE s.user_id = l.referred_user_id
           ORDER BY s.created_at DESC, s.id DESC LIMIT 1
        ) tier ON TRUE
        LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
        LEFT JOIN referral_campaigns camp ON camp.id = rc.campaign_id
       WHERE ${flaggedOnly ? sql`l.is_flagged` : sql`TRUE`}
       ORDER BY ${orderBy}`),
    z.object({
      id: col.int,
      signup_date: col.text,
      code_used: col.text,
      signup_ip: col.nullableText,
      source: col.text,
      is_flagged: col.bool,
      commission_eligible: col.bool,
      commission_paid: col.bool,
      commission_amount_cents: col.cents,
      referrer_email: col.nullableText,
      referrer_name: col.nullableText,
      referred_email: col.text,
      referred_name: col.text,
      subscription_tier: col.nullableText,
      campaign_name: col.nullableText,
      commission_mask: col.int,
      review_status: col.text,
      other_currencies: col.json(z.array(z.tuple([z.string(), z.coerce.number()]))),
    }),
  );
  return rows.map((r) => ({
    referral_code: r.code_used,
    referrer_email: r.referrer_email,
    referred_email: r.referred_email,
    signup_date: r.signup_date,
    commission_amount: centsToDecimal(r.commission_amount_cents),
    commission_eligible: r.commission_eligible,
    commission_paid: r.commission_paid,
    subscription_tier: r.subscription_tier,
    signup_ip: r.signup_ip,
    referral_id: r.id,
    referrer_name: r.referrer_name,
    referred_name: r.referred_name,
    source: r.source,
    flagged: r.is_flagged,
    campaign: r.campaign_name,
    commission_status: commissionStatusLabel(r.commission_mask),
    review: reviewLabel({
      isFlagged: r.is_flagged,
      reviewStatus: r.review_status,
      commissionEligible: r.commission_eligible,
    }),
    // Straight from the ledger: each other currency's net direct commission, formatted by centsToDecimal.
    commission_other_currencies:
      r.other_currencies.map(([c, cents]) => `${c.toUpperCase()} ${centsToDecimal(cents, c)}`).join("; ") ||
      null,
  }));
}

async function readAll(
  batchSize: number,
  flagged = false,
  order?: ReportOrder,
): Promise<{ rows: ExportReferral[]; sizes: number[] }> {
  const rows: ExportReferral[] = [];
  const sizes: number[] = [];
  const filters = { commission_status: "all" as const, flagged };
  for await (const batch of readExportBatches(testDb.db, filters, batchSize, order)) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { rows, sizes };
}

describe("readExportBatches", () => {
  it("equals the per-row LATERAL definition, with tier changes, same-instant ties and no subscription", async () => {
    const expected = await referenceRows();
    expect(expected).toHaveLength(REFERRALS);
    // The dataset covers what the set-based tier must get right.
    const tiers = new Set(expected.map((r) => r.subscription_tier));
    expect(tiers.has(null)).toBe(true);
    expect(tiers.size).toBeGreaterThan(2);

    for (const batchSize of [7, 20, 59, 60, 2_000]) {
      const { rows, sizes } = await readAll(batchSize);
      expect(rows).toEqual(expected);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(REFERRALS);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(batchSize);
    }
    const flagged = await readAll(4, true);
    expect(flagged.rows).toEqual(await referenceRows(true));
  });

  it("keeps the table's order: by signup or commission, either direction, ties by id", async () => {
    const orders: [ReportOrder, ReturnType<typeof sql>][] = [
      [{ sort: "signup_date", dir: "asc" }, sql`l.used_at ASC, l.id ASC`],
      [{ sort: "commission", dir: "desc" }, sql`l.commission_amount_cents DESC, l.id DESC`],
      [{ sort: "commission", dir: "asc" }, sql`l.commission_amount_cents ASC, l.id ASC`],
    ];
    for (const [order, orderBy] of orders) {
      const expected = await referenceRows(false, orderBy);
      for (const batchSize of [7, 60]) {
        expect((await readAll(batchSize, false, order)).rows).toEqual(expected);
      }
    }
  });

  it("a reader abandoned after one batch leaves the database usable (no stuck prefetch)", async () => {
    const gen = readExportBatches(testDb.db, { commission_status: "all", flagged: false }, 5);
    const first = await gen.next();
    expect(first.done).toBe(false);
    expect(first.value).toHaveLength(5);
    await gen.return(undefined);
    const [row] = rowsAs(
      await testDb.db.execute(sql`SELECT count(*)::int AS n FROM referral_usage_log`),
      z.object({ n: col.int }),
    );
    expect(row.n).toBe(REFERRALS);
  });
});
