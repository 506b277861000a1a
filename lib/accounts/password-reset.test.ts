import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_EMAIL_QUEUE } from "@/db/job-queue";
import { accountEmails, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadActiveUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { insertUser } from "@/testing/fixtures";
import { bodyOf, startSmtpServer } from "@/testing/smtp-sink";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { runAccountEmailJob } from "./account-email-outbox";
import { confirmPasswordReset, requestPasswordReset, RESET_TOKEN_TTL_MS } from "./password-reset";

const testDb = useTestDatabase();
const origin = "https://musenest.test";
const NEW_PASSWORD = "violet-harbour-lantern-42";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

let seq = 0;
async function member() {
  const email = `reset${++seq}-${Date.now()}@example.com`;
  return insertUser(testDb.db, {
    email,
    name: `Reset Member ${seq}`,
    passwordHash: await hashPassword("old-pw"),
  });
}

/** Runs the e-mail jobs enqueued since the last call, as the worker would, against the real SMTP server. */
async function runQueuedJobs(): Promise<number> {
  const jobs = rawRows<{ id: string; data: unknown }>(
    await testDb.db.execute(
      sql`SELECT id, data FROM pgboss.job WHERE name = ${ACCOUNT_EMAIL_QUEUE} AND state = 'created' ORDER BY created_on`,
    ),
  );
  for (const job of jobs) {
    const data = typeof job.data === "string" ? JSON.parse(job.data) : job.data;
    await runAccountEmailJob(testDb.db, data, {
      smtpUrl: smtp.url,
      from: "MuseNest <accounts@musenest.test>",
    });
    await testDb.db.execute(sql`UPDATE pgboss.job SET state = 'completed' WHERE id = ${job.id}::uuid`);
  }
  return jobs.length;
}

function linkIn(raw: string): string {
  const match = /https:\/\/musenest\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(bodyOf(raw));
  if (!match) throw new Error(`no reset link in: ${bodyOf(raw)}`);
  return match[1];
}

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; status: number }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, message: error.message, status: error.status };
}

describe("password reset by e-mail", () => {
  it("sends one message with a single-use link that sets the password and ends every session", async () => {
    const user = await member();
    const before = smtp.received.length;
    await requestPasswordReset(testDb.db, { email: user.email, ip: "203.0.113.7", origin });
    expect(await runQueuedJobs()).toBe(1);
    const messages = smtp.received.slice(before);
    expect(messages).toHaveLength(1);
    expect(messages[0].to).toEqual([user.email]);
    expect(bodyOf(messages[0].raw)).toContain("30 minutes");
    const token = linkIn(messages[0].raw);
    const [row] = await testDb.db.select().from(accountEmails).where(eq(accountEmails.userId, user.id));
    expect(row).toMatchObject({ kind: "password_reset", status: "sent" });
    expect(row.body).not.toContain(token);

    // A session issued before the reset is good until then, and refused after.
    expect(await loadActiveUser(user.id, 0)).toMatchObject({ id: user.id });
    await confirmPasswordReset(testDb.db, { token, password: NEW_PASSWORD });
    const [after] = await testDb.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(1);
    expect(await loadActiveUser(user.id, 0)).toBeNull();
    expect(await loadActiveUser(user.id, 1)).toMatchObject({ id: user.id });

    expect(
      await refusal(confirmPasswordReset(testDb.db, { token, password: "another-long-passphrase-9" })),
    ).toMatchObject({
      code: "token_used",
      status: 400,
      message: expect.stringContaining("already been used"),
    });
  });

  it("refuses an expired link, and a weak password without using the link up", async () => {
    const user = await member();
    const before = smtp.received.length;
    const requestedAt = new Date(Date.now() - RESET_TOKEN_TTL_MS - 60_000);
    await requestPasswordReset(testDb.db, { email: user.email, ip: null, origin, now: requestedAt });
    await requestPasswordReset(testDb.db, { email: user.email, ip: null, origin });
    await runQueuedJobs();
    const [expired, fresh] = smtp.received.slice(before).map((m) => linkIn(m.raw));
    expect(
      await refusal(confirmPasswordReset(testDb.db, { token: expired, password: NEW_PASSWORD })),
    ).toMatchObject({
      code: "token_expired",
      status: 400,
      message: expect.stringContaining("expired"),
    });
    expect(
      await refusal(confirmPasswordReset(testDb.db, { token: fresh, password: "password123" })),
    ).toMatchObject({
      code: "weak_password",
    });
    await confirmPasswordReset(testDb.db, { token: fresh, password: NEW_PASSWORD });
    expect(
      await refusal(confirmPasswordReset(testDb.db, { token: "x".repeat(43), password: NEW_PASSWORD })),
    ).toMatchObject({
      code: "token_invalid",
    });
  });

  it("answers an unknown address the same way and sends nothing; throttles per address and per client", async () => {
    const before = smtp.received.length;
    const unknown = `nobody-${Date.now()}@example.com`;
    await expect(
      requestPasswordReset(testDb.db, { email: unknown, ip: null, origin }),
    ).resolves.toBeUndefined();
    expect(await runQueuedJobs()).toBe(0);
    expect(smtp.received.length).toBe(before);

    // Five per address in 15 minutes, counted whether or not the address has an account.
    for (let i = 1; i < 5; i++) await requestPasswordReset(testDb.db, { email: unknown, ip: null, origin });
    expect(
      await refusal(requestPasswordReset(testDb.db, { email: unknown, ip: null, origin })),
    ).toMatchObject({
      code: "too_many_requests",
      status: 429,
    });
    // Per client address, whatever the e-mail (30 by default; 3 here, through the same setting).
    process.env.PASSWORD_RESET_MAX_PER_ADDRESS = "3";
    const ip = `198.51.100.${seq}`;
    for (let i = 0; i < 3; i++)
      await requestPasswordReset(testDb.db, { email: `spray${i}-${Date.now()}@example.com`, ip, origin });
    expect(
      await refusal(requestPasswordReset(testDb.db, { email: `spray-last@example.com`, ip, origin })),
    ).toMatchObject({ code: "too_many_requests" });
    delete process.env.PASSWORD_RESET_MAX_PER_ADDRESS;
  });
});
