// The notification pipeline end to end on a real database and a real SMTP server (smtp-server on a random
// port): domain events → consumer → outbox → send jobs → mailbox, with preferences, the daily cap, the
// unsubscribe link and an SMTP outage.
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTIFICATION_SEND_QUEUE } from "@/db/job-queue";
import { commissions, notificationOutbox } from "@/db/schema";
import type { Db } from "@/db/types";
import { approveDueCommissions } from "@/lib/commissions/approve-due";
import { recordEvent, recordEvents } from "@/lib/events/record-event";
import { findRollupMismatches } from "@/lib/referrals/rollup-mismatches";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { insertClient, insertCode, insertReferral, insertUser } from "@/testing/fixtures";
import { headerOf, partOf, startSmtpServer, type Received } from "@/testing/smtp-sink";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { checkFailingJobs, FAILING_JOB_THRESHOLD, notifyWebhookEndpointDisabled } from "./admin-notices";
import { consumeNotificationEvents } from "./consume-events";
import { queueMonthlySummaries } from "./monthly-summary-job";
import { renderNotification } from "./templates/render-notification";
import type { NotificationKind } from "./messages";
import type { RenderNotification } from "./notification-settings";
import { saveNotificationPreferences, turnOffNotificationKind } from "./preferences";
import { runNotificationSendJob } from "./send-notification";
import { sweepNotificationOutbox } from "./sweep-outbox";
import { unsubscribeFromLink } from "./unsubscribe";
import { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

process.env.NEXTAUTH_SECRET ??= "notifications-test-secret";
const testDb = useTestDatabase();
const origin = "https://musenest.test";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const ctx = (cap = 20, now = new Date()) => ({ now, origin, cap, render: renderNotification });
const consume = (cap = 20, now = new Date()) => consumeNotificationEvents(testDb.db, ctx(cap, now));

/** Runs the send jobs waiting in the queue as the worker would; a job that throws stays for its retry. */
async function runSendJobs(
  smtpUrl: string | null = smtp.url,
  render: RenderNotification = renderNotification,
): Promise<{ ran: number; failed: number }> {
  const jobs = rawRows<{ id: string; data: unknown }>(
    await testDb.db.execute(
      sql`SELECT id, data FROM pgboss.job WHERE name = ${NOTIFICATION_SEND_QUEUE} AND state = 'created' ORDER BY created_on`,
    ),
  );
  let failed = 0;
  for (const job of jobs) {
    const data = typeof job.data === "string" ? JSON.parse(job.data) : job.data;
    const config = smtpUrl ? { smtpUrl, from: "MuseNest <notify@musenest.test>" } : null;
    try {
      await runNotificationSendJob(testDb.db, data, { config, origin, render });
    } catch {
      failed++;
      continue;
    }
    await testDb.db.execute(sql`UPDATE pgboss.job SET state = 'completed' WHERE id = ${job.id}::uuid`);
  }
  return { ran: jobs.length, failed };
}

const mailTo = (email: string, kind?: NotificationKind, from = 0): Received[] =>
  smtp.received
    .slice(from)
    .filter((m) => m.to.includes(email) && (!kind || headerOf(m.raw, "X-MuseNest-Notification") === kind));

/** A redeemed reward (a coupon-redeemed message for `userId`), in a transaction of its own. */
const recordRedemption = (
  userId: number,
  reward: { id: number; itemName: string; costPoints: number; couponCode: string },
) => testDb.db.transaction((tx) => recordEvent(tx, "reward.redeemed", { userId, ...reward }));

let seq = 0;
const insertAdmin = (mailbox: string, name: string) =>
  insertUser(testDb.db, { email: `${mailbox}${++seq}@musenest.test`, name, role: "admin" });

async function referrerWithCode(name = "Maya") {
  seq++;
  const user = await insertClient(testDb.db, {
    name: `${name} ${seq}`,
    email: `${name.toLowerCase()}${seq}@example.com`,
  });
  const code = await insertCode(testDb.db, user.id, `${name.toUpperCase()}${seq}CODE`);
  return { user, code };
}

describe("notifications from domain events", () => {
  it("a signup with Maya's code: Maya receives exactly one new-referral message, the address masked", async () => {
    const { user: maya, code } = await referrerWithCode("Maya");
    await consume(); // whatever earlier setup recorded
    const mark = smtp.received.length;
    const { user: referred } = await attributeSignup(testDb.db, {
      name: "Jordan Lee",
      email: `jordan.lee${seq}@example.org`,
      password: "correct horse battery",
      businessType: "creator",
      referralCode: code.code,
    });
    const consumed = await consume();
    expect(consumed.queued).toBeGreaterThanOrEqual(1);
    await runSendJobs();
    await runSendJobs(); // a second worker pass finds nothing left
    const received = mailTo(maya.email, "referral_signed_up", mark);
    expect(received).toHaveLength(1);
    const body = partOf(received[0].raw, "text/plain");
    expect(body).toContain(`j***@example.org`);
    expect(body).not.toContain(referred.email);
    expect(body).toContain(code.code);
    const html = partOf(received[0].raw, "text/html");
    expect(html).toContain("j***@example.org");
    expect(html).not.toContain(referred.email);
    // RFC 8058 one-click unsubscribe on every message.
    expect(headerOf(received[0].raw, "List-Unsubscribe")).toMatch(
      /^<https:\/\/musenest\.test\/unsubscribe\?token=[^>]+>$/,
    );
    expect(headerOf(received[0].raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("an approval job run twice sends one commission-approved message", async () => {
    const { user: maya, code } = await referrerWithCode("Ana");
    const referral = await insertReferral(testDb.db, code, { commissionEligible: true });
    await testDb.db.insert(commissions).values({
      beneficiaryUserId: maya.id,
      referralId: referral.id,
      amountCents: 12_345,
      currency: "usd",
      holdUntil: new Date(Date.now() - 60_000),
    });
    await consume();
    const mark = smtp.received.length;
    await approveDueCommissions(testDb.db, new Date());
    await consume();
    await runSendJobs();
    // The job again (a retry after a crash), and the consumer again over the same events.
    await approveDueCommissions(testDb.db, new Date());
    await testDb.db.execute(
      sql`UPDATE domain_events SET notified_at = NULL WHERE type = 'commission.approved'`,
    );
    const again = await consume();
    expect(again.queued).toBe(0);
    expect(again.duplicates).toBeGreaterThanOrEqual(1);
    await runSendJobs();
    const received = mailTo(maya.email, "commission_approved", mark);
    expect(received).toHaveLength(1);
    expect(partOf(received[0].raw, "text/plain")).toContain("$123.45");
  });

  it("a kind turned off gets no outbox row; the others still arrive", async () => {
    const { user, code } = await referrerWithCode("Noor");
    await saveNotificationPreferences(testDb.db, {
      userId: user.id,
      role: "client",
      enabled: ["commission_approved", "payout_sent", "reward_reached", "coupon_redeemed", "monthly_summary"],
    });
    await insertReferral(testDb.db, code);
    await testDb.db.transaction((tx) =>
      recordEvent(tx, "referral.created", {
        id: 999_000 + seq,
        referrerUserId: user.id,
        referredUserId: null,
        codeUsed: code.code,
      }),
    );
    await recordRedemption(user.id, { id: 1, itemName: "Tote bag", costPoints: 300, couponCode: "TOTE-123" });
    const result = await consume();
    expect(result.turnedOff).toBe(1);
    const rows = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, user.id));
    expect(rows.map((r) => r.kind)).toEqual(["coupon_redeemed"]);
  });

  it("past the daily cap messages are kept as capped, not sent", async () => {
    const { user } = await referrerWithCode("Cap");
    for (let i = 0; i < 4; i++)
      await recordRedemption(user.id, {
        id: i,
        itemName: "Sticker",
        costPoints: 10,
        couponCode: `CAP-${seq}-${i}`,
      });
    const result = await consume(3);
    expect(result).toMatchObject({ queued: 3, capped: 1 });
    const rows = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, user.id));
    expect(rows.filter((r) => r.status === "capped")).toHaveLength(1);
    const mark = smtp.received.length;
    await runSendJobs();
    expect(mailTo(user.email, "coupon_redeemed", mark)).toHaveLength(3);
  });
});

describe("unsubscribe", () => {
  it("the link turns off its kind only: no more of that kind, the others still arrive", async () => {
    const { user, code } = await referrerWithCode("Uma");
    await consume();
    const mark = smtp.received.length;
    await attributeSignup(testDb.db, {
      name: "First Referred",
      email: `first${seq}@example.org`,
      password: "correct horse battery",
      businessType: "creator",
      referralCode: code.code,
    });
    await consume();
    await runSendJobs();
    const [first] = mailTo(user.email, "referral_signed_up", mark);
    const link = /^<(.+)>$/.exec(headerOf(first.raw, "List-Unsubscribe")!)![1];
    const token = new URL(link).searchParams.get("token")!;
    expect(await unsubscribeFromLink(testDb.db, token)).toEqual({
      userId: user.id,
      kind: "referral_signed_up",
    });

    const mark2 = smtp.received.length;
    await attributeSignup(testDb.db, {
      name: "Second Referred",
      email: `second${seq}@example.org`,
      password: "correct horse battery",
      businessType: "creator",
      referralCode: code.code,
    });
    await recordRedemption(user.id, { id: 7, itemName: "Mug", costPoints: 50, couponCode: `MUG-${seq}` });
    await consume();
    await runSendJobs();
    expect(mailTo(user.email, "referral_signed_up", mark2)).toHaveLength(0);
    expect(mailTo(user.email, "coupon_redeemed", mark2)).toHaveLength(1);
  });

  it("a message queued before the kind was turned off is not sent", async () => {
    const { user } = await referrerWithCode("Late");
    await recordRedemption(user.id, { id: 8, itemName: "Pen", costPoints: 5, couponCode: `PEN-${seq}` });
    await consume();
    await turnOffNotificationKind(testDb.db, { userId: user.id, kind: "coupon_redeemed" });
    const mark = smtp.received.length;
    await runSendJobs();
    expect(mailTo(user.email, undefined, mark)).toHaveLength(0);
    const [row] = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, user.id));
    expect(row.status).toBe("skipped");
  });

  it("a token cannot be forged or moved to another kind or user", async () => {
    const secret = "another-secret";
    const token = unsubscribeToken(42, "payout_sent", secret);
    expect(verifyUnsubscribeToken(token, secret)).toEqual({ userId: 42, kind: "payout_sent" });
    const [, , mac] = token.split(".");
    expect(verifyUnsubscribeToken(`42.commission_approved.${mac}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(`43.payout_sent.${mac}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(token, "a-different-server-secret")).toBeNull();
    expect(verifyUnsubscribeToken(`42.not_a_kind.${mac}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken("garbage", secret)).toBeNull();
    // The same bytes spelled differently (base64url's spare bits in the last character) are refused too.
    const last = mac.at(-1)!;
    const respelled = mac.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) ^ 1);
    expect(verifyUnsubscribeToken(`42.payout_sent.${respelled}`, secret)).toBeNull();
    await expect(unsubscribeFromLink(testDb.db, `42.payout_sent.${"A".repeat(43)}`)).rejects.toMatchObject({
      code: "invalid_unsubscribe_link",
    });
  });
});

describe("delivery", () => {
  it("SMTP down: the message is retried and sent once it is back; without SMTP_URL it waits", async () => {
    const { user } = await referrerWithCode("Down");
    await recordRedemption(user.id, { id: 9, itemName: "Hat", costPoints: 5, couponCode: `HAT-${seq}` });
    await consume();
    // Not configured: the job leaves the row waiting in the outbox, and the sweeper does nothing.
    await runSendJobs(null);
    let [row] = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, user.id));
    expect(row).toMatchObject({ status: "queued", attempts: 0, lastError: "Waiting: SMTP_URL is not set" });
    expect(await sweepNotificationOutbox(testDb.db, null, new Date(Date.now() + 5 * 60_000))).toEqual({
      enqueued: 0,
    });

    // Configured, but the mail server is down: the sweeper hands it on, the send fails and stays for retry.
    const down = await startSmtpServer();
    const downUrl = down.url;
    await down.close();
    const config = { smtpUrl: downUrl, from: "MuseNest <notify@musenest.test>" };
    expect(
      (await sweepNotificationOutbox(testDb.db, config, new Date(Date.now() + 5 * 60_000))).enqueued,
    ).toBeGreaterThanOrEqual(1);
    const attempt = await runSendJobs(downUrl);
    expect(attempt.failed).toBeGreaterThanOrEqual(1);
    [row] = await testDb.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, user.id));
    expect(row.status).toBe("queued");
    expect(row.lastError).toMatch(/^Retrying soon/);

    // The retry (same job, still in the queue) once the server is back: sent, once.
    const mark = smtp.received.length;
    await runSendJobs();
    await runSendJobs();
    expect(mailTo(user.email, "coupon_redeemed", mark)).toHaveLength(1);
    [row] = await testDb.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, user.id));
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("the daily counters equal a recount of the outbox (findRollupMismatches)", async () => {
    const kept = rawRows(await testDb.db.execute(sql`SELECT * FROM notification_daily_counts`));
    expect(kept.length).toBeGreaterThan(0);
    const mismatches = await findRollupMismatches(testDb.db);
    expect(mismatches.filter((m) => m.rollup === "notification_daily_counts")).toEqual([]);
  });
});

describe("admin notices", () => {
  it("a disabled webhook endpoint and a failing job reach every admin, the job once per queue per day", async () => {
    const admin = await insertAdmin("ops", "Ops Admin");
    await testDb.db.transaction((tx) =>
      notifyWebhookEndpointDisabled(
        tx,
        {
          id: 7,
          url: "https://hooks.example.com/in?token=secret",
          reason: "every delivery failed for 3 days",
          disabledAt: new Date(),
        },
        ctx(),
      ),
    );
    for (let i = 0; i < FAILING_JOB_THRESHOLD; i++)
      await testDb.db.execute(sql`
        INSERT INTO pgboss.job (name, data, state, completed_on, output)
        VALUES ('invites:send-email', '{}'::jsonb, 'failed', now(), ${JSON.stringify({ message: `SMTP refused ${i}` })}::jsonb)`);
    expect((await checkFailingJobs(testDb.db, ctx())).queues).toContain("invites:send-email");
    await checkFailingJobs(testDb.db, ctx()); // the hourly check again, same day: nothing new
    const rows = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, admin.id));
    expect(rows.map((r) => r.kind).sort()).toEqual(["job_failing", "webhook_endpoint_disabled"]);
    const mark = smtp.received.length;
    await runSendJobs();
    const hook = mailTo(admin.email, "webhook_endpoint_disabled", mark);
    expect(hook).toHaveLength(1);
    // The receiver's token in the endpoint's query string is not mailed.
    expect(partOf(hook[0].raw, "text/plain")).not.toContain("token=secret");
    expect(mailTo(admin.email, "job_failing", mark)).toHaveLength(1);
  });
});

describe("rewards, payout batches and the monthly summary", () => {
  it("a badge, a tier and a payout batch become reward and batch-ready messages", async () => {
    const { user } = await referrerWithCode("Rae");
    const admin = await insertAdmin("fin", "Finance");
    await testDb.db.transaction((tx) =>
      recordEvents(tx, [
        { type: "badge.earned", data: { userId: user.id, badge: "gold", name: "Gold" } },
        { type: "tier.reached", data: { userId: user.id, name: "Silver", multiplier: 1.1 } },
        {
          type: "payout_batch.created",
          data: { id: 41, currencyTotals: { eur: 399, usd: 11_000 }, lines: 3 },
        },
      ]),
    );
    await consume();
    const mine = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, user.id));
    expect(mine.map((r) => r.message)).toEqual([
      { kind: "reward_reached", reward: { type: "badge", name: "Gold" } },
      { kind: "reward_reached", reward: { type: "tier", name: "Silver", multiplier: 1.1 } },
    ]);
    const [batch] = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, admin.id));
    expect(batch.message).toEqual({
      kind: "payout_batch_ready",
      batchId: 41,
      lines: 3,
      totals: [
        { currency: "usd", cents: 11_000 },
        { currency: "eur", cents: 399 },
      ],
    });
    expect(batch.actionPath).toBe("/admin/payouts/41");
  });

  it("the monthly summary is queued once per referrer and month, only in the month's first days", async () => {
    const { user } = await referrerWithCode("Mo");
    const { user: quiet } = await referrerWithCode("Quiet");
    await turnOffNotificationKind(testDb.db, { userId: quiet.id, kind: "monthly_summary" });
    const first = new Date("2026-12-01T06:00:00Z");
    expect(await queueMonthlySummaries(testDb.db, ctx(20, new Date("2026-12-15T06:00:00Z")))).toEqual({
      month: null,
      queued: 0,
    });
    const run = await queueMonthlySummaries(testDb.db, ctx(20, first));
    expect(run.month).toBe("2026-11");
    expect(run.queued).toBeGreaterThanOrEqual(1);
    // The hourly run again, and a run with the progress marker reset: nothing twice.
    expect((await queueMonthlySummaries(testDb.db, ctx(20, first))).queued).toBe(0);
    await testDb.db.execute(sql`UPDATE notification_monthly_runs SET last_user_id = 0, finished_at = NULL`);
    expect((await queueMonthlySummaries(testDb.db, ctx(20, first))).queued).toBe(0);
    const summaries = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.kind, "monthly_summary"));
    expect(summaries.filter((r) => r.userId === user.id)).toHaveLength(1);
    expect(summaries.filter((r) => r.userId === quiet.id)).toHaveLength(0);
    expect(summaries.find((r) => r.userId === user.id)!.message).toMatchObject({ month: "2026-11" });
  });
});

describe("each message is rendered once, outside the queueing transaction", () => {
  /** `db` with its transactions watched, and a renderer that counts its calls and whether one was open. */
  function watched() {
    let open = 0;
    const db = new Proxy(testDb.db, {
      get(target, prop) {
        if (prop === "transaction")
          return (fn: (tx: unknown) => Promise<unknown>, config?: unknown) =>
            target.transaction(async (tx) => {
              open++;
              try {
                return await fn(tx);
              } finally {
                open--;
              }
            }, config as never);
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Db;
    const renders: { kind: string; inTransaction: boolean }[] = [];
    const render: RenderNotification = async (message, frame) => {
      renders.push({ kind: message.kind, inTransaction: open > 0 });
      return renderNotification(message, frame);
    };
    return { db, renders, render };
  }

  it("the consumer renders before its transaction and stores subject, text and HTML; the sender mails them", async () => {
    const { user } = await referrerWithCode("Once");
    await consume(); // whatever earlier tests left
    const admin = await insertAdmin("once", "Once Admin");
    await testDb.db.transaction((tx) =>
      recordEvents(tx, [
        {
          type: "reward.redeemed",
          data: { id: 11, userId: user.id, itemName: "Cap", costPoints: 5, couponCode: `ONCE-${seq}` },
        },
        { type: "payout_batch.created", data: { id: 77, currencyTotals: { usd: 500 }, lines: 1 } },
      ]),
    );
    const w = watched();
    const consumed = await consumeNotificationEvents(w.db, { ...ctx(), render: w.render });
    expect(consumed.queued).toBeGreaterThanOrEqual(2);
    expect(w.renders.length).toBe(consumed.queued);
    expect(w.renders.filter((r) => r.inTransaction)).toEqual([]);
    const rows = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(inArray(notificationOutbox.userId, [user.id, admin.id]));
    expect(rows.map((r) => r.kind).sort()).toEqual(["coupon_redeemed", "payout_batch_ready"]);
    for (const row of rows) {
      expect(row.subject).not.toBe("");
      expect(row.body).toContain("/unsubscribe?token=");
      expect(row.html).toContain("<html");
    }

    // SMTP down first: the retry mails the stored rendering; the sender renders nothing.
    const down = await startSmtpServer();
    await down.close();
    const sender = watched();
    expect((await runSendJobs(down.url, sender.render)).failed).toBeGreaterThanOrEqual(2);
    const mark = smtp.received.length;
    await runSendJobs(smtp.url, sender.render);
    expect(sender.renders).toEqual([]);
    const [coupon] = mailTo(user.email, "coupon_redeemed", mark);
    const stored = rows.find((r) => r.kind === "coupon_redeemed")!;
    expect(headerOf(coupon.raw, "Subject")).toBe(stored.subject);
    expect(partOf(coupon.raw, "text/plain").replace(/\r\n/g, "\n").trim()).toBe(stored.body.trim());
    expect(partOf(coupon.raw, "text/html").replace(/\r\n/g, "\n").trim()).toBe(stored.html!.trim());
    expect(mailTo(admin.email, "payout_batch_ready", mark)).toHaveLength(1);
  });

  it("a row queued before renderings were stored is rendered once by its first send, not again on retry", async () => {
    const { user } = await referrerWithCode("Legacy");
    await recordRedemption(user.id, { id: 12, itemName: "Scarf", costPoints: 5, couponCode: `OLD-${seq}` });
    await consume();
    await testDb.db
      .update(notificationOutbox)
      .set({ html: null, subject: "Old subject", body: "Old body" })
      .where(eq(notificationOutbox.userId, user.id));
    const down = await startSmtpServer();
    await down.close();
    const sender = watched();
    await runSendJobs(down.url, sender.render);
    expect(sender.renders).toHaveLength(1);
    const [row] = await testDb.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, user.id));
    expect(row.html).toContain("<html");
    expect(row.body).toContain(`OLD-${seq}`);
    const mark = smtp.received.length;
    await runSendJobs(smtp.url, sender.render);
    expect(sender.renders).toHaveLength(1);
    expect(mailTo(user.email, "coupon_redeemed", mark)).toHaveLength(1);
  });

  it("the monthly summary and the failing-jobs check render outside their transactions too", async () => {
    await referrerWithCode("Month");
    await insertAdmin("jobs", "Jobs Admin");
    for (let i = 0; i < FAILING_JOB_THRESHOLD; i++)
      await testDb.db.execute(sql`
        INSERT INTO pgboss.job (name, data, state, completed_on, output)
        VALUES ('notifications:sweep', '{}'::jsonb, 'failed', now(), ${JSON.stringify({ message: `down ${i}` })}::jsonb)`);
    const w = watched();
    const monthly = await queueMonthlySummaries(w.db, {
      ...ctx(20, new Date("2027-01-02T06:00:00Z")),
      render: w.render,
    });
    expect(monthly.queued).toBeGreaterThanOrEqual(1);
    expect((await checkFailingJobs(w.db, { ...ctx(), render: w.render })).queues).toContain(
      "notifications:sweep",
    );
    expect(w.renders.map((r) => r.kind)).toEqual(expect.arrayContaining(["monthly_summary", "job_failing"]));
    expect(w.renders.filter((r) => r.inTransaction)).toEqual([]);
  });
});
