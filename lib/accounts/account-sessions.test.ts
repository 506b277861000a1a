import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEmails, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { loadActiveUser } from "@/lib/auth/session";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { DomainError } from "@/lib/errors";
import { changePassword } from "@/lib/users/change-password";
import { insertUser } from "@/testing/fixtures";
import { bodyOf, startSmtpServer } from "@/testing/smtp-sink";
import { useTestDatabase } from "@/testing/use-test-database";
import { deliverAccountEmail } from "./account-email-outbox";
import { confirmEmailChange, requestEmailChange } from "./change-email";
import { signOutEverywhere } from "./session-version";

const testDb = useTestDatabase();
const origin = "https://musenest.test";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

let seq = 0;
async function member(password = "old-password-here") {
  const email = `acct${++seq}-${Date.now()}@example.com`;
  return insertUser(testDb.db, { email, name: `Member ${seq}`, passwordHash: await hashPassword(password) });
}

async function sendOutbox(userId: number) {
  const rows = await testDb.db.select().from(accountEmails).where(eq(accountEmails.userId, userId));
  for (const row of rows)
    await deliverAccountEmail(testDb.db, row.id, { smtpUrl: smtp.url, from: "a@musenest.test" });
  return rows;
}

describe("sessions end when they should", () => {
  it("a password change and a suspension move the session version on", async () => {
    const user = await member();
    const { sessionVersion } = await changePassword(testDb.db, {
      userId: user.id,
      currentPassword: "old-password-here",
      newPassword: "cobalt-meadow-thistle-81",
    });
    expect(sessionVersion).toBe(1);
    expect(await loadActiveUser(user.id, 0)).toBeNull();
    expect(await loadActiveUser(user.id, 1)).toMatchObject({ id: user.id });

    await setClientStatus(testDb.db, { clientId: user.id, status: "suspended" }, { actorUserId: null });
    await setClientStatus(testDb.db, { clientId: user.id, status: "active" }, { actorUserId: null });
    // Reactivated, but the sessions from before the suspension stay ended.
    expect(await loadActiveUser(user.id, 1)).toBeNull();
    expect(await loadActiveUser(user.id, 2)).toMatchObject({ id: user.id });
  });
});

describe("changing the e-mail address", () => {
  it("confirms the new address by a link, tells the old one, and checks uniqueness again at confirm time", async () => {
    const user = await member();
    const newEmail = `new-${seq}-${Date.now()}@example.net`;
    await expect(
      requestEmailChange(testDb.db, { userId: user.id, newEmail, currentPassword: "wrong", origin }),
    ).rejects.toMatchObject({ code: "wrong_password" });
    await requestEmailChange(testDb.db, {
      userId: user.id,
      newEmail,
      currentPassword: "old-password-here",
      origin,
    });
    const before = smtp.received.length;
    await sendOutbox(user.id);
    const [confirm] = smtp.received.slice(before);
    expect(confirm.to).toEqual([newEmail]);
    const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(bodyOf(confirm.raw))![1];
    // The account keeps its address until the link is used.
    expect((await testDb.db.select().from(users).where(eq(users.id, user.id)))[0].email).toBe(user.email);

    await confirmEmailChange(testDb.db, { token });
    expect((await testDb.db.select().from(users).where(eq(users.id, user.id)))[0].email).toBe(newEmail);
    const mark = smtp.received.length;
    await sendOutbox(user.id);
    const [notice] = smtp.received.slice(mark);
    expect(notice.to).toEqual([user.email]);
    expect(bodyOf(notice.raw)).toContain("is now ne•••@example.net");
    await expect(confirmEmailChange(testDb.db, { token })).rejects.toMatchObject({ code: "token_used" });

    // Someone takes the address between the request and the confirmation: refused at confirm time.
    const other = await member();
    const contested = `contested-${seq}@example.net`;
    await requestEmailChange(testDb.db, {
      userId: other.id,
      newEmail: contested,
      currentPassword: "old-password-here",
      origin,
    });
    const mark2 = smtp.received.length;
    await sendOutbox(other.id);
    const token2 = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(bodyOf(smtp.received[mark2].raw))![1];
    await insertUser(testDb.db, { email: contested, name: "Quick" });
    const error = await confirmEmailChange(testDb.db, { token: token2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "email_taken", status: 409 });
  });
});

describe("sign out everywhere", () => {
  it("needs the password, then ends every session", async () => {
    const user = await member();
    await expect(
      signOutEverywhere(testDb.db, { userId: user.id, currentPassword: "nope" }),
    ).rejects.toMatchObject({
      code: "wrong_password",
    });
    expect(await loadActiveUser(user.id, 0)).toMatchObject({ id: user.id });
    await signOutEverywhere(testDb.db, { userId: user.id, currentPassword: "old-password-here" });
    expect(await loadActiveUser(user.id, 0)).toBeNull();
  });
});
