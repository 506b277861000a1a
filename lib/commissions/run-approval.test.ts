import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { registeredJobs } from "@/lib/jobs/scheduler";
import { APPROVAL_JOB } from "./approval-job";
import { APPROVAL_AUDIT_ACTION, runCommissionApproval } from "./run-approval";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const day = 86_400_000;

const approvalAudits = () =>
  testDb.db.select().from(auditLog).where(eq(auditLog.action, APPROVAL_AUDIT_ACTION)).orderBy(auditLog.id);

/** A referred client's payment at `paidAt`, whose commission is due 30 days later. */
async function dueCommission(paidAt: Date) {
  const { user: referrer, code } = await f.makeReferrer();
  const client = await f.referClient(code.code);
  await f.pay(client.userId, 3995, { occurredAt: paidAt }, paidAt);
  return referrer;
}

// Each test runs its clock further than the last, so earlier tests' commissions are already approved.
describe("runCommissionApproval: every path approves and audits in one go", () => {
  it("the timer's job approves and writes the audit row (no actor: the system)", async () => {
    const paidAt = new Date("2026-03-01T12:00:00Z");
    const referrer = await dueCommission(paidAt);
    const before = (await approvalAudits()).length;
    const job = registeredJobs().find((j) => j.name === APPROVAL_JOB)!;
    await job.run(new Date(paidAt.getTime() + 30 * day)); // the process database is the test database

    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["approved"]);
    const audits = (await approvalAudits()).slice(before);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: null, entityType: "commissions" });
    expect(audits[0].details).toEqual({ approved: 1, via: "timer" });
  });

  it("the timer's empty tick writes nothing; the CLI's and an admin's empty runs are recorded", async () => {
    const at = new Date("2026-06-01T00:00:00Z");
    await runCommissionApproval(testDb.db, { actorUserId: null }, "timer", at);
    const before = (await approvalAudits()).length;
    await runCommissionApproval(testDb.db, { actorUserId: null }, "timer", at);
    expect(await approvalAudits()).toHaveLength(before);

    const admin = await f.makeUser({ role: "admin" });
    await runCommissionApproval(testDb.db, { actorUserId: null }, "cli", at);
    await runCommissionApproval(testDb.db, { actorUserId: admin.id, ip: "203.0.113.9" }, "admin", at);
    const audits = (await approvalAudits()).slice(before);
    expect(audits.map((a) => [a.actorUserId, a.ip, a.details])).toEqual([
      [null, null, { approved: 0, via: "cli" }],
      [admin.id, "203.0.113.9", { approved: 0, via: "admin" }],
    ]);
  });

  it("the CLI's run approves and audits what it approved", async () => {
    const paidAt = new Date("2026-07-01T12:00:00Z");
    const referrer = await dueCommission(paidAt);
    const before = (await approvalAudits()).length;
    const run = await runCommissionApproval(
      testDb.db,
      { actorUserId: null },
      "cli",
      new Date(paidAt.getTime() + 31 * day),
    );
    expect(run).toEqual({ approved: 1 });
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["approved"]);
    expect((await approvalAudits()).slice(before).map((a) => a.details)).toEqual([
      { approved: 1, via: "cli" },
    ]);
  });
});
