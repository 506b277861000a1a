// The outbox rows the money flow writes: one event per commission created, approved and paid, and one
// per payout batch paid, each carrying the resource as the API shows it (snake_case, ISO dates).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { domainEvents } from "@/db/schema";
import { approveDueCommissions } from "@/lib/commissions/approve-due";
import { createPayoutBatch, markPayoutBatchPaid } from "@/lib/commissions/payouts";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const paidAt = new Date("2026-02-01T12:00:00Z");
const at = (days: number) => new Date(paidAt.getTime() + days * 86_400_000);

const eventsAbout = async (commissionId: number) =>
  (
    await testDb.db
      .select()
      .from(domainEvents)
      .where(
        sql`${domainEvents.type} LIKE 'commission.%' AND (${domainEvents.payload}->>'id')::int = ${commissionId}`,
      )
      .orderBy(domainEvents.seq)
  ).map((e) => ({ type: e.type, status: e.payload.status }));

describe("domain events of the money flow", () => {
  it("commission.created → approved → paid, and payout.paid for the batch", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await f.pay(client.userId, 60_000, { occurredAt: paidAt }, paidAt);
    const [commission] = await f.ledgerOf(user.id);
    await approveDueCommissions(testDb.db, at(31));
    const { batch } = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [user.id] },
      { actorUserId: admin.id },
      at(32),
    );
    await markPayoutBatchPaid(testDb.db, batch.id, "WIRE-EVT-1", { actorUserId: admin.id }, at(33));

    expect(await eventsAbout(commission.id)).toEqual([
      { type: "commission.created", status: "pending" },
      { type: "commission.approved", status: "approved" },
      { type: "commission.paid", status: "paid" },
    ]);
    const [payout] = await testDb.db
      .select()
      .from(domainEvents)
      .where(
        sql`${domainEvents.type} = 'payout.paid' AND (${domainEvents.payload}->>'id')::int = ${batch.id}`,
      );
    expect(payout.payload).toMatchObject({ id: batch.id, status: "paid", reference: "WIRE-EVT-1" });
    expect(payout.id).toMatch(/^evt_/);
  });
});
