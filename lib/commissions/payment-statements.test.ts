import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordStatements } from "@/db/statement-log";
import { commissionFixtures } from "@/testing/commissions";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";

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

  it("a renewal writes its referrer's referrer_stats row once (the commission it adds), not per referral update", async () => {
    // The hottest row of a top referrer: every payment of theirs queues on it until its COMMIT. Each
    // UPDATE of a referral (net paid; the ledger summaries, twice) used to add its new values and take
    // back its old ones in two UPDATEs of that row, even when nothing changed (6 writes per renewal).
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await f.pay(client.userId, 4900);
    await testDb.db.execute(sql`CREATE TABLE stats_writes (user_id int)`);
    await testDb.db.execute(sql`
      CREATE FUNCTION count_stats_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO stats_writes VALUES (NEW.user_id); RETURN NULL; END $$`);
    await testDb.db.execute(sql`
      CREATE TRIGGER count_stats_write AFTER UPDATE ON referrer_stats FOR EACH ROW EXECUTE FUNCTION count_stats_write()`);
    try {
      const { result } = await statementsOf(() => f.pay(client.userId, 4900));
      expect(result.commissions.map((c) => c.amountCents)).toEqual([490]);
      const writes = rawRows<{ n: number | string }>(
        await testDb.db.execute(sql`SELECT count(*) AS n FROM stats_writes WHERE user_id = ${referrer.id}`),
      );
      expect(Number(writes[0].n)).toBe(1);
    } finally {
      await testDb.db.execute(sql`DROP TRIGGER count_stats_write ON referrer_stats`);
      await testDb.db.execute(sql`DROP FUNCTION count_stats_write()`);
      await testDb.db.execute(sql`DROP TABLE stats_writes`);
    }
  });
});
