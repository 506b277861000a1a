import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordPayment } from "@/lib/commissions/record-payment";
import { recordStatements } from "@/db/statement-log";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);

// Issue 12: a payment is a handful of round trips whatever the referrer's history. Was 13 for a referred
// client's payment (a read per setting, per campaign, per bonus check, the referral read twice, points
// locked with none held), then 7 (the subscription, the referrer's lock and the referral's summaries each
// a statement of their own: round trips inside the referrer's lock, which all their payments queue on).
// Transaction control (BEGIN/COMMIT) is the driver's and not counted here. Of the 4, the commission
// inputs' read is sent behind the payment statement without waiting for it (pipelined): 3 round trips,
// 2 of them inside the referrer's lock (the inputs and payment statement's answers, the commissions' insert).
const PAYMENT_STATEMENTS_MAX = 4;

/** Raw rows from either driver (postgres.js answers an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function statementsOf<T>(work: () => Promise<T>) {
  const { result, statements } = await recordStatements(work);
  return { result, statements: statements.map((s) => s.replace(/\s+/g, " ").trim().slice(0, 120)) };
}

describe("a payment's round trips", () => {
  it(`a referred client's payments (first, renewal) with a campaign and a partner: at most ${PAYMENT_STATEMENTS_MAX} statements each`, async () => {
    const partner = await f.makeUser({ partnerBps: 500 });
    const campaign = await f.makeCampaign({ bonusThreshold: 1, bonusAmountCents: 1000 });
    const { code } = await f.makeReferrer({ partnerId: partner.id, campaignId: campaign.id });
    const client = await f.referClient(code.code);
    for (const n of [1, 2]) {
      const { result, statements } = await statementsOf(() => f.pay(client.userId, 4900));
      expect(result.created).toBe(true);
      // Commissions were written: the campaign's rate and the partner's override, and the bonus once.
      expect(result.commissions.map((c) => c.level).sort()).toEqual(
        n === 1 ? ["bonus", "direct", "partner"] : ["direct", "partner"],
      );
      expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(PAYMENT_STATEMENTS_MAX);
      // The inputs were prefetched (keyed by the client) and used: no second read of them by the referrer.
      expect(statements.filter((s) => /^with k as/i.test(s))).toHaveLength(1);
      expect(statements.filter((s) => /^select \(select qualified_referrals/i.test(s))).toEqual([]);
      // No points held for this referral: the release neither locks the ledger nor loads the rules.
      expect(statements.join("\n")).not.toMatch(/points_ledger.*for update|reward_rules/i);
    }
  });

  it("a payment of a client nobody referred: fewer still", async () => {
    const client = await f.makeUser();
    const { result, statements } = await statementsOf(() => f.pay(client.id, 4900));
    expect(result.created).toBe(true);
    expect(result.commissions).toEqual([]);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(2);
  });

  it("a replayed external id: no write", async () => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const first = await f.pay(client.userId, 4900, { externalId: "inv_stmt_replay" });
    const { result, statements } = await statementsOf(() =>
      f.pay(client.userId, 4900, { externalId: "inv_stmt_replay" }),
    );
    expect(result.created).toBe(false);
    expect(result.commissions.map((c) => c.id)).toEqual(first.commissions.map((c) => c.id));
    // The payment insert (ON CONFLICT DO NOTHING) is the idempotency check itself; nothing else writes.
    expect(statements.filter((s) => /^(update|delete)|^insert into "(?!payments")/i.test(s))).toEqual([]);
  });

  // 0041: the summaries were a CTE of their own beside the commissions INSERT and the ledger columns its
  // trigger's UPDATE, and every referral write moved the referrer's counters twice (+new rows, -old rows),
  // for nothing when they cancel. Each referral write is a row version and a run of the report triggers;
  // the referrer's referrer_stats row is the one all their payments queue on. A first payment here (which
  // also releases the points the signup held) wrote them 9 and 18 times before, 4 and 6–8 now.
  it("a referred client's first payment writes its referral row and its referrer's counters a few times, not per trigger", async () => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const { writes, result } = await testDb.db.transaction(async (tx) => {
      const result = await recordPayment(tx, {
        externalId: `inv_versions_${client.userId}`,
        userId: client.userId,
        amountCents: 4900,
        type: "payment",
      });
      const rows = await tx.execute(sql`
        SELECT relname, n_tup_upd::int AS updates FROM pg_stat_xact_user_tables
         WHERE relname IN ('referral_usage_log', 'referrer_stats')`);
      const list = rowsOf<{ relname: string; updates: number }>(rows);
      return { writes: Object.fromEntries(list.map((r) => [r.relname, Number(r.updates)])), result };
    });
    expect(result.commissions.map((c) => c.level)).toEqual(["direct"]);
    expect(writes.referral_usage_log).toBeLessThanOrEqual(4);
    expect(writes.referrer_stats).toBeLessThanOrEqual(8);
    // …and the summaries the trigger wrote are the ledger's: the direct commission, not yet paid.
    const [summary] = rowsOf<{ cents: number; paid: boolean; total: number }>(
      await testDb.db.execute(sql`
        SELECT l.commission_amount_cents::int AS cents, l.commission_paid AS paid, s.commission_cents::int AS total
          FROM referral_usage_log l JOIN referrer_stats s ON s.user_id = l.referrer_user_id
         WHERE l.id = ${client.referralId}`),
    );
    const direct = result.commissions[0].amountCents;
    expect(summary).toEqual({ cents: direct, paid: false, total: direct });
  });
});
