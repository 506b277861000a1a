import { and, eq, ne, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { INVITE_EMAIL_QUEUE } from "@/db/job-queue";
import { emailInvites, referralCodes } from "@/db/schema";
import { insertCode, insertUser, refusal } from "@/testing/fixtures";
import { bodyOf, headerOf, startSmtpServer } from "@/testing/smtp-sink";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { emailInvitesSchema } from "@/lib/validation/email-invites";
import { deliverInvite, mailerConfigFromEnv, type MailerConfig } from "./mailer";
import { DAILY_INVITE_LIMIT, SENDING_NOTE, SKIP_REASONS, sendEmailInvites } from "./send-email-invites";

const testDb = useTestDatabase({ poolMax: 12 });
const origin = "https://musenest.test";
const now = new Date("2026-03-10T12:00:00Z");
const HOUR = 3_600_000;

let seq = 0;
async function createReferrer(email = `referrer${++seq}-${Date.now()}@example.com`) {
  const user = await insertUser(testDb.db, {
    email,
    normalizedEmail: normalizeEmail(email),
    name: `Referrer ${seq}`,
  });
  const code = `INV${String(seq).padStart(3, "0")}${Math.floor(Math.random() * 1e4)}`;
  return { user, code: await insertCode(testDb.db, user.id, code) };
}

const addresses = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}-${seq}@example.net`);

async function invite(
  referrer: Awaited<ReturnType<typeof createReferrer>>,
  list: string[],
  at: Date = now,
  deliver = false,
) {
  return sendEmailInvites(testDb.db, {
    referrerUserId: referrer.user.id,
    codeId: referrer.code.id,
    addresses: list,
    now: at,
    origin,
    deliver,
  });
}

describe("sendEmailInvites: recording and skip rules", () => {
  it("queues new addresses with the message, without SMTP (the outbox)", async () => {
    const referrer = await createReferrer();
    const parsed = emailInvitesSchema.parse({
      code_id: String(referrer.code.id),
      addresses: "Friend.One@Example.net;\nfriend-two@example.net",
    });
    const { results, remainingToday } = await invite(referrer, parsed.addresses);
    expect(results.map((r) => [r.email, r.status, r.reason])).toEqual([
      ["friend.one@example.net", "queued", null],
      ["friend-two@example.net", "queued", null],
    ]);
    expect(remainingToday).toBe(DAILY_INVITE_LIMIT - 2);

    const [row] = await testDb.db.select().from(emailInvites).where(eq(emailInvites.id, results[0].id));
    expect(row).toMatchObject({
      referrerUserId: referrer.user.id,
      referralCodeId: referrer.code.id,
      status: "queued",
      sentAt: null,
      subject: `${referrer.user.name} invites you to MuseNest`,
    });
    expect(row.body).toContain(
      `${referrer.user.name} invites you to MuseNest. Sign up with code ${referrer.code.code}`,
    );
    expect(row.body).toContain(`${origin}/r/${referrer.code.code}?src=email`);
  });

  it("skips each case with its reason and records the skipped rows too", async () => {
    const referrer = await createReferrer(`own.address${++seq}@gmail.com`);
    const other = await insertUser(testDb.db, { email: `client${seq}@example.org`, name: "Existing" });
    await invite(referrer, [`earlier${seq}@example.net`], new Date(now.getTime() - 29 * 24 * HOUR));
    await invite(referrer, [`longago${seq}@example.net`], new Date(now.getTime() - 31 * 24 * HOUR));

    const { results } = await invite(referrer, [
      `ownaddress${seq}+tag@googlemail.com`,
      `new${seq}@example.net`,
      `new${seq}+again@example.net`,
      other.email,
      `earlier${seq}@example.net`,
      `longago${seq}@example.net`,
    ]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ["skipped", SKIP_REASONS.own],
      ["queued", null],
      ["skipped", SKIP_REASONS.duplicate],
      ["skipped", SKIP_REASONS.client],
      ["skipped", SKIP_REASONS.invited],
      ["queued", null],
    ]);
    expect(SKIP_REASONS).toMatchObject({
      own: "That's your own address",
      duplicate: "Duplicate in this list",
      client: "Already a MuseNest client",
      invited: "Already invited in the last 30 days",
      limit: "Daily limit of 20 reached",
    });
    const stored = await testDb.db
      .select({ status: emailInvites.status, reason: emailInvites.statusReason })
      .from(emailInvites)
      .where(and(eq(emailInvites.referrerUserId, referrer.user.id), eq(emailInvites.status, "skipped")));
    expect(stored).toHaveLength(4);
  });

  it("refuses another client's code and an inactive code, recording nothing", async () => {
    const referrer = await createReferrer();
    const stranger = await createReferrer();
    const notMine = await refusal(
      sendEmailInvites(testDb.db, {
        referrerUserId: referrer.user.id,
        codeId: stranger.code.id,
        addresses: ["x@example.net"],
        now,
        origin,
        deliver: false,
      }),
    );
    expect(notMine).toMatchObject({ code: "code_not_found", field: "code_id" });

    await testDb.db
      .update(referralCodes)
      .set({ isActive: false })
      .where(eq(referralCodes.id, referrer.code.id));
    const inactive = await refusal(invite(referrer, ["y@example.net"]));
    expect(inactive).toMatchObject({ code: "code_unusable", field: "code_id" });
    expect(inactive.message).toContain("Choose another code");

    const rows = await testDb.db
      .select()
      .from(emailInvites)
      .where(eq(emailInvites.referrerUserId, referrer.user.id));
    expect(rows).toEqual([]);
  });
});

describe("sendEmailInvites: the daily limit", () => {
  it("refuses the 21st invite of a rolling 24 hours; skipped ones and older ones don't count", async () => {
    const referrer = await createReferrer();
    // 25 hours ago: outside the window.
    await invite(referrer, addresses("yesterday", 20), new Date(now.getTime() - 25 * HOUR));
    // A skipped row (duplicate) inside the window.
    const first = await invite(referrer, [...addresses("today", 15), addresses("today", 1)[0]]);
    expect(first.results.filter((r) => r.status === "skipped")).toHaveLength(1);
    expect(first.remainingToday).toBe(5);

    const second = await invite(referrer, addresses("more", 6), new Date(now.getTime() + HOUR));
    expect(second.results.map((r) => r.status)).toEqual([
      "queued",
      "queued",
      "queued",
      "queued",
      "queued",
      "skipped",
    ]);
    expect(second.results[5].reason).toBe(SKIP_REASONS.limit);
    expect(second.remainingToday).toBe(0);

    // The first batch leaves the window 24 hours after it was sent.
    const later = await invite(referrer, addresses("later", 1), new Date(now.getTime() + 24 * HOUR + 1));
    expect(later.results[0].status).toBe("queued");
  });

  it("holds under concurrent submissions: 10 × 5 distinct addresses at once → exactly 20 invites", async () => {
    const referrer = await createReferrer();
    const batches = Array.from({ length: 10 }, (_, b) => addresses(`burst${b}-`, 5));
    const outcomes = await Promise.all(batches.map((list) => invite(referrer, list)));

    const all = outcomes.flatMap((o) => o.results);
    expect(all).toHaveLength(50);
    expect(all.filter((r) => r.status === "queued")).toHaveLength(DAILY_INVITE_LIMIT);
    const skipped = all.filter((r) => r.status === "skipped");
    expect(skipped).toHaveLength(30);
    expect(new Set(skipped.map((r) => r.reason))).toEqual(new Set([SKIP_REASONS.limit]));

    const stored = await testDb.db
      .select({ id: emailInvites.id })
      .from(emailInvites)
      .where(and(eq(emailInvites.referrerUserId, referrer.user.id), ne(emailInvites.status, "skipped")));
    expect(stored).toHaveLength(DAILY_INVITE_LIMIT);
  });
});

/** The e-mail jobs the request enqueued, run here one after another (the job runner's work; see invite-email-jobs.test.ts). */
async function runEnqueued(inviteIds: number[], config: MailerConfig) {
  const enqueued = await testDb.db.execute(
    sql`SELECT (data->>'inviteId')::int AS "inviteId" FROM pgboss.job WHERE name = ${INVITE_EMAIL_QUEUE} AND state = 'created' ORDER BY 1`,
  );
  const ids = rawRows<{ inviteId: number }>(enqueued)
    .map((r) => Number(r.inviteId))
    .filter((id) => inviteIds.includes(id));
  for (const id of ids) await deliverInvite(testDb.db, id, config).catch(() => undefined);
  return ids;
}

describe("sendEmailInvites: delivery over SMTP (through the e-mail queue)", () => {
  const servers: Array<{ close: () => Promise<void> }> = [];
  const savedEnv = { SMTP_URL: process.env.SMTP_URL, INVITE_FROM: process.env.INVITE_FROM };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("with SMTP_URL set, enqueues one job per non-skipped invite in the request and the jobs send them", async () => {
    const smtp = await startSmtpServer();
    servers.push(smtp);
    process.env.SMTP_URL = smtp.url;
    delete process.env.INVITE_FROM;
    const referrer = await createReferrer();
    const list = [`ann${seq}@example.net`, `bob${seq}@example.net`, `ann${seq}@example.net`];

    const { results } = await sendEmailInvites(testDb.db, {
      referrerUserId: referrer.user.id,
      codeId: referrer.code.id,
      addresses: list,
      now,
      origin,
    });
    // The request does not wait for the mail server: both are queued, each with its job, and say so.
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ["queued", SENDING_NOTE],
      ["queued", SENDING_NOTE],
      ["skipped", SKIP_REASONS.duplicate],
    ]);
    expect(smtp.received).toEqual([]);
    const queuedIds = results.filter((r) => r.status === "queued").map((r) => r.id);
    expect(await runEnqueued(queuedIds, mailerConfigFromEnv()!)).toEqual(queuedIds);

    expect(smtp.received.map((m) => m.to)).toEqual([[list[0]], [list[1]]]);
    for (const message of smtp.received) {
      expect(message.from).toBe("invites@localhost");
      expect(headerOf(message.raw, "Subject")).toBe(`${referrer.user.name} invites you to MuseNest`);
      expect(headerOf(message.raw, "From")).toBe("MuseNest <invites@localhost>");
      const body = bodyOf(message.raw);
      expect(body).toContain(`${origin}/r/${referrer.code.code}?src=email`);
      expect(body).toContain(`Sign up with code ${referrer.code.code}`);
    }

    const rows = await testDb.db
      .select()
      .from(emailInvites)
      .where(eq(emailInvites.referrerUserId, referrer.user.id))
      .orderBy(emailInvites.id);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "skipped"]);
    expect(rows[0].sentAt).toBeInstanceOf(Date);
    expect(rows[2].sentAt).toBeNull();

    // A job run twice (a retry after a crash) finds the invite sent and sends nothing more.
    expect(await deliverInvite(testDb.db, queuedIds[0], mailerConfigFromEnv()!)).toBeNull();
    expect(smtp.received).toHaveLength(2);
  });

  it("marks an address the server refuses for good (5xx) as failed with a short reason and still sends the others", async () => {
    const smtp = await startSmtpServer({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("bounce")) {
          const error = Object.assign(new Error("No such mailbox here"), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
    });
    servers.push(smtp);
    const referrer = await createReferrer();
    const list = [`first${seq}@example.net`, `bounce${seq}@example.net`, `third${seq}@example.net`];

    const { results } = await invite(referrer, list, now, true);
    await runEnqueued(
      results.map((r) => r.id),
      { smtpUrl: smtp.url, from: "Invites <i@musenest.test>" },
    );
    expect(smtp.received.map((m) => m.to)).toEqual([[list[0]], [list[2]]]);
    expect(smtp.received[0].from).toBe("i@musenest.test");

    const stored = await testDb.db
      .select({ status: emailInvites.status, reason: emailInvites.statusReason })
      .from(emailInvites)
      .where(eq(emailInvites.referrerUserId, referrer.user.id))
      .orderBy(emailInvites.id);
    expect(stored).toEqual([
      { status: "sent", reason: null },
      { status: "failed", reason: "The mail server refused this address (550)" },
      { status: "sent", reason: null },
    ]);
  });

  it("keeps invites queued (for the job's retry) when the mail server cannot be reached", async () => {
    const smtp = await startSmtpServer();
    const deadUrl = smtp.url;
    await smtp.close();
    const referrer = await createReferrer();
    const { results } = await invite(referrer, [`x${seq}@example.net`], now, true);
    const config = { smtpUrl: deadUrl, from: "MuseNest <invites@localhost>" };
    await expect(deliverInvite(testDb.db, results[0].id, config)).rejects.toMatchObject({
      name: "TransientDeliveryError",
      reason: "Could not reach the mail server",
    });
    const [row] = await testDb.db.select().from(emailInvites).where(eq(emailInvites.id, results[0].id));
    expect(row).toMatchObject({
      status: "queued",
      statusReason: "Retrying soon: could not reach the mail server",
    });
  });
});
