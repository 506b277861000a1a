import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { INVITE_EMAIL_QUEUE } from "@/db/job-queue";
import { openPostgres, type DatabaseHandle } from "@/db/open";
import { auditLog, emailInvites } from "@/db/schema";
import { APPROVAL_JOB } from "@/lib/commissions/approval-job";
import { APPROVAL_AUDIT_ACTION } from "@/lib/commissions/run-approval";
import { sendEmailInvites } from "@/lib/invites/send-email-invites";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { commissionFixtures } from "@/testing/commissions";
import { insertCode, insertUser } from "@/testing/fixtures";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import "@/lib/invites/invite-email-worker";
import { createJobRunner, cronForInterval } from "./scheduler";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const day = 86_400_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const runners: PgBoss[] = [];
const handles: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((boss) => boss.stop({ graceful: false, close: false })));
  await Promise.all(handles.splice(0).map((h) => h.close()));
});

/** A second instance: its own pool on the same PostgreSQL database (PGlite has one connection per process). */
async function secondInstanceHandle(): Promise<DatabaseHandle> {
  if (testDb.kind !== "postgres") return testDb.handle;
  const handle = await openPostgres(testDb.handle.url!, { max: 4 });
  handles.push(handle);
  return handle;
}

async function jobsIn(queue: string) {
  const result = await testDb.db.execute(
    sql`SELECT state::text AS state, retry_count AS "retryCount" FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`,
  );
  return rawRows<{ state: string; retryCount: number }>(result);
}

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe("cronForInterval", () => {
  it("turns the registered intervals into cron expressions", () => {
    expect(cronForInterval(60_000)).toBe("* * * * *");
    expect(cronForInterval(5 * 60_000)).toBe("*/5 * * * *");
    expect(cronForInterval(10 * 60_000)).toBe("*/10 * * * *");
    expect(cronForInterval(60 * 60_000)).toBe("0 * * * *");
    expect(cronForInterval(6 * 60 * 60_000)).toBe("0 */6 * * *");
    expect(() => cronForInterval(7 * 60_000)).toThrow(/whole minutes/);
  });
});

describe("the job runner's maintenance", () => {
  it("runs pg-boss's locked maintenance scripts (BEGIN … COMMIT) on the shared pool", async () => {
    const boss = await createJobRunner(testDb.handle, { scheduledPollingSeconds: 30 });
    runners.push(boss);
    await expect(boss.maintain()).resolves.toMatchObject({ ms: expect.any(Number) });
    // The pool is still usable afterwards (no connection was returned inside a transaction).
    expect(await jobsIn(APPROVAL_JOB)).toEqual([]);
  });
});

describe("the job runner (pg-boss) with two instances on one database", () => {
  it("runs the scheduled approval once per period: one job, one status change, one audit row", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const paidAt = new Date(Date.now() - 40 * day);
    await f.pay(client.userId, 3995, { occurredAt: paidAt }, paidAt);
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["pending"]);
    const auditsBefore = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, APPROVAL_AUDIT_ACTION));

    // The schedule fires once per minute slot; start well inside one so the test sees exactly one period.
    const second = new Date().getUTCSeconds();
    if (second >= 45) await sleep((61 - second) * 1000);

    const options = {
      cronMonitorIntervalSeconds: 1,
      cronWorkerIntervalSeconds: 1,
      scheduledPollingSeconds: 1,
      cron: { [APPROVAL_JOB]: "* * * * *" },
    };
    const [a, b] = await Promise.all([
      createJobRunner(testDb.handle, options),
      createJobRunner(await secondInstanceHandle(), options),
    ]);
    runners.push(a, b);

    await until(async () => (await jobsIn(APPROVAL_JOB)).some((j) => j.state === "completed"), 15_000);
    await sleep(2_500); // both instances keep checking the clock and polling: nothing more may run
    expect(await jobsIn(APPROVAL_JOB)).toEqual([{ state: "completed", retryCount: 0 }]);
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["approved"]);
    const audits = await testDb.db.select().from(auditLog).where(eq(auditLog.action, APPROVAL_AUDIT_ACTION));
    expect(audits.length - auditsBefore.length).toBe(1);
  });

  it("retries an invite e-mail whose first attempt found the mail server down, and sends it once", async () => {
    // The mail server answers the first connection with 421 (try later), then accepts.
    const received: string[][] = [];
    let connections = 0;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onConnect(_session, callback) {
        connections++;
        if (connections === 1)
          return callback(
            Object.assign(new Error("Service not available, try later"), { responseCode: 421 }),
          );
        callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          received.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    const port = await new Promise<number>((resolve) => {
      const net = smtp.listen(0, "127.0.0.1", () => resolve((net.address() as AddressInfo).port));
    });
    const savedSmtp = process.env.SMTP_URL;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    try {
      // A one-second back-off instead of the production 30 s, so the retry comes inside the test.
      const fast = await createJobRunner(testDb.handle, { scheduledPollingSeconds: 30 });
      runners.push(fast);
      await fast.updateQueue(INVITE_EMAIL_QUEUE, {
        name: INVITE_EMAIL_QUEUE,
        policy: "standard",
        retryLimit: 3,
        retryDelay: 1,
        retryBackoff: false,
      });
      const email = `inviter-${Date.now()}@example.com`;
      const referrer = await insertUser(testDb.db, {
        email,
        normalizedEmail: normalizeEmail(email),
        name: "Ines",
      });
      const code = await insertCode(testDb.db, referrer.id, `JOBS${Math.floor(Math.random() * 1e5)}`);
      const friend = `friend-${Date.now()}@example.net`;
      const { results } = await sendEmailInvites(testDb.db, {
        referrerUserId: referrer.id,
        codeId: code.id,
        addresses: [friend],
        now: new Date(),
        origin: "https://musenest.test",
      });
      expect(results.map((r) => r.status)).toEqual(["queued"]);

      await until(
        async () => (await jobsIn(INVITE_EMAIL_QUEUE)).some((j) => j.state === "completed"),
        20_000,
      );
      expect(await jobsIn(INVITE_EMAIL_QUEUE)).toEqual([{ state: "completed", retryCount: 1 }]);
      expect(received).toEqual([[friend]]);
      const [row] = await testDb.db.select().from(emailInvites).where(eq(emailInvites.id, results[0].id));
      expect(row.status).toBe("sent");
    } finally {
      if (savedSmtp === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = savedSmtp;
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
