import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { INVITE_EMAIL_QUEUE, jobDbForHandle, jobStatements } from "@/db/job-queue";
import { auditLog } from "@/db/schema";
import { insertUser, refusal } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { readQueueDepth } from "./queue-depth";
import { listRecentJobs } from "./recent-jobs";
import { JOB_RETRY_AUDIT_ACTION, retryFailedJob } from "./retry-job";

const testDb = useTestDatabase();
const boss = jobStatements();

/** A job that ran out of attempts: what an admin finds on /admin/jobs. */
async function failedJob(message: string) {
  const db = jobDbForHandle(testDb.handle);
  const id = (await boss.send(INVITE_EMAIL_QUEUE, { inviteId: 7 }, { retryLimit: 0, db }))!;
  await boss.fetch(INVITE_EMAIL_QUEUE, { db });
  await boss.fail(INVITE_EMAIL_QUEUE, id, new Error(message), { db });
  return id;
}

describe("failed jobs on the admin page", () => {
  it("lists a failed job with its error and counts it in the queue depth (the metrics' number too)", async () => {
    const id = await failedJob("Could not reach the mail server");
    const failed = await listRecentJobs(testDb.db, { state: "failed" });
    expect(failed.find((j) => j.id === id)).toMatchObject({
      queue: INVITE_EMAIL_QUEUE,
      state: "failed",
      error: "Could not reach the mail server",
      summary: "inviteId: 7",
      retryCount: 0,
      retryLimit: 0,
    });
    const depth = await readQueueDepth(testDb.db);
    expect(depth.find((d) => d.queue === INVITE_EMAIL_QUEUE && d.state === "failed")?.jobs).toBeGreaterThan(
      0,
    );
    expect(depth.find((d) => d.queue === "commissions:approve-due" && d.state === "failed")?.jobs).toBe(0);
  });

  it("retries a failed job once, audited; retrying it again is refused with 409", async () => {
    const admin = await insertUser(testDb.db, {
      email: `ops-${Date.now()}@example.com`,
      name: "Ops",
      role: "admin",
    });
    const id = await failedJob("SMTP 421");
    await retryFailedJob(testDb.db, { queue: INVITE_EMAIL_QUEUE, jobId: id }, { actorUserId: admin.id });
    const [job] = (await listRecentJobs(testDb.db)).filter((j) => j.id === id);
    expect(job.state).toBe("retry");
    const audits = await testDb.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits).toMatchObject([
      { action: JOB_RETRY_AUDIT_ACTION, actorUserId: admin.id, entityType: "job" },
    ]);

    const again = await refusal(
      retryFailedJob(testDb.db, { queue: INVITE_EMAIL_QUEUE, jobId: id }, { actorUserId: admin.id }),
    );
    expect(again).toMatchObject({ code: "job_not_failed", status: 409 });
    expect(await testDb.db.select().from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(1);
  });
});
