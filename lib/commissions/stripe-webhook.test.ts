import { count, eq } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { commissions, payments, subscriptions, users, webhookEvents } from "@/db/schema";
import { useTestDatabase } from "@/db/testing/use-test-database";
import { DomainError } from "@/lib/errors";
import { receiveStripeWebhook } from "./stripe-webhook";
import { commissionFixtures } from "./test-fixtures";

const testDb = useTestDatabase({ poolMax: 25 });
const f = commissionFixtures(() => testDb.db);
const secret = "whsec_test_0123456789abcdef";
let seq = 0;

function event(type: string, object: Record<string, unknown>, id = `evt_${process.pid}_${++seq}`) {
  return JSON.stringify({
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
  });
}

function deliver(payload: string, opts: { signature?: string | null; secret?: string } = {}) {
  const signature =
    opts.signature === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? secret })
      : opts.signature;
  return receiveStripeWebhook({ payload, signature, secret });
}

function invoice(overrides: Record<string, unknown>) {
  return {
    id: `in_${process.pid}_${++seq}`,
    object: "invoice",
    amount_paid: 3995,
    currency: "usd",
    billing_reason: "subscription_cycle",
    status_transitions: { paid_at: Math.floor(Date.now() / 1000) - 60 },
    ...overrides,
  };
}

async function paymentsOf(userId: number) {
  return testDb.db.select().from(payments).where(eq(payments.userId, userId)).orderBy(payments.id);
}

describe("POST /api/webhooks/stripe: signature", () => {
  it.each([
    ["a wrong secret", { secret: "whsec_someone_else" }],
    ["a garbage header", { signature: "t=1,v1=deadbeef" }],
    ["no header", { signature: null }],
  ])("refuses %s with 400 and writes nothing", async (_label, opts) => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const payload = event("invoice.paid", invoice({ metadata: { user_id: String(client.userId) } }));
    const error = await deliver(payload, opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).toMatch(/Stripe-Signature|Invalid Stripe signature/);
    expect(await paymentsOf(client.userId)).toEqual([]);
    const [events] = await testDb.db.select({ n: count() }).from(webhookEvents);
    expect(events.n).toBe(0);
  });

  it("refuses a payload changed after signing", async () => {
    const payload = event("invoice.paid", invoice({ customer_email: "x@example.org" }));
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    const error = await deliver(payload.replace("3995", "399500"), { signature }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, message: "Invalid Stripe signature" });
  });
});

describe("POST /api/webhooks/stripe: events", () => {
  it("100 concurrent deliveries of one invoice.paid event → one payment, one set of commissions", async () => {
    const agency = await f.makeUser({ partnerBps: 300 });
    const { user: referrer, code } = await f.makeReferrer({ partnerId: agency.id });
    const client = await f.referClient(code.code);
    const payload = event("invoice.paid", invoice({ metadata: { user_id: String(client.userId) } }));
    const results = await Promise.all(Array.from({ length: 100 }, () => deliver(payload)));
    expect(results.filter((r) => r.outcome === "processed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(99);
    expect(await paymentsOf(client.userId)).toHaveLength(1);
    expect((await f.ledgerOf(referrer.id)).map((c) => c.amountCents)).toEqual([399]);
    expect((await f.ledgerOf(agency.id)).map((c) => c.amountCents)).toEqual([119]);
  });

  it("matches an invoice by customer e-mail and records where the money came from", async () => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const [user] = await testDb.db.select().from(users).where(eq(users.id, client.userId));
    const inv = invoice({ customer_email: user.email, charge: "ch_email_1", subscription: "sub_email_1" });
    const result = await deliver(event("invoice.paid", inv));
    expect(result.outcome).toBe("processed");
    const [payment] = await paymentsOf(client.userId);
    expect(payment).toMatchObject({ externalId: inv.id, source: "stripe", providerChargeId: "ch_email_1" });
    const [sub] = await testDb.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, client.subscriptionId));
    expect(sub).toMatchObject({ status: "active", externalId: "sub_email_1" });
  });

  it("acknowledges events it can't use, with the reason recorded", async () => {
    const stranger = await deliver(event("invoice.paid", invoice({ customer_email: "nobody@example.net" })));
    expect(stranger).toMatchObject({ outcome: "ignored", detail: "no client matches the invoice" });
    const other = await deliver(event("customer.created", { id: "cus_1", object: "customer" }));
    expect(other).toMatchObject({ outcome: "ignored" });
    const [row] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, stranger.eventId));
    expect(row.outcome).toBe("ignored: no client matches the invoice");
  });

  it("charge.refunded: a partial then a full refund reverse proportionally, by the cumulative amount", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await deliver(
      event(
        "invoice.paid",
        invoice({ amount_paid: 10_000, charge: "ch_ref_1", metadata: { user_id: String(client.userId) } }),
      ),
    );
    const charge = { id: "ch_ref_1", object: "charge", amount: 10_000, currency: "usd" };
    const partial = await deliver(
      event("charge.refunded", { ...charge, amount_refunded: 4000, refunded: false }),
    );
    expect(partial.outcome).toBe("processed");
    expect((await f.ledgerOf(referrer.id)).map((c) => c.amountCents)).toEqual([1000, -400]);
    // The same refund state again (another event id): nothing new.
    const again = await deliver(
      event("charge.refunded", { ...charge, amount_refunded: 4000, refunded: false }),
    );
    expect(again).toMatchObject({ outcome: "ignored", detail: "refund already recorded" });
    const full = await deliver(
      event("charge.refunded", { ...charge, amount_refunded: 10_000, refunded: true }),
    );
    expect(full.outcome).toBe("processed");
    const ledger = await f.ledgerOf(referrer.id);
    expect(ledger.map((c) => [c.amountCents, c.status])).toEqual([
      [1000, "reversed"],
      [-400, "reversed"],
      [-600, "reversed"],
    ]);
    expect((await paymentsOf(client.userId)).map((p) => [p.type, p.amountCents])).toEqual([
      ["payment", 10_000],
      ["refund", 4000],
      ["refund", 6000],
    ]);
  });

  it("charge.refunded finds the payment through the invoice id or the payment intent too", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const inv = invoice({
      amount_paid: 2000,
      payments: { data: [{ payment: { payment_intent: "pi_new_api_1" } }] },
      metadata: { user_id: String(client.userId) },
    });
    await deliver(event("invoice.paid", inv));
    const result = await deliver(
      event("charge.refunded", {
        id: "ch_unknown_to_us",
        amount: 2000,
        amount_refunded: 2000,
        currency: "usd",
        payment_intent: "pi_new_api_1",
      }),
    );
    expect(result.outcome).toBe("processed");
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["reversed", "reversed"]);
  });

  it("charge.dispute.created records a chargeback that reverses the commission", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await deliver(
      event(
        "invoice.paid",
        invoice({ charge: "ch_dispute_1", metadata: { user_id: String(client.userId) } }),
      ),
    );
    const result = await deliver(
      event("charge.dispute.created", {
        id: "dp_1",
        object: "dispute",
        amount: 3995,
        currency: "usd",
        charge: "ch_dispute_1",
      }),
    );
    expect(result.outcome).toBe("processed");
    const [chargeback] = (await paymentsOf(client.userId)).filter((p) => p.type === "chargeback");
    expect(chargeback).toMatchObject({ externalId: "dp_1", amountCents: 3995 });
    expect((await f.ledgerOf(referrer.id)).map((c) => c.amountCents)).toEqual([399, -399]);
  });

  it("customer.subscription.updated changes tier; .deleted cancels and claws back commissions in the hold", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await deliver(
      event(
        "invoice.paid",
        invoice({ subscription: "sub_churn_1", metadata: { user_id: String(client.userId) } }),
      ),
    );
    const updated = await deliver(
      event("customer.subscription.updated", {
        id: "sub_churn_1",
        object: "subscription",
        status: "active",
        items: { data: [{ price: { unit_amount: 7995 } }] },
      }),
    );
    expect(updated.outcome).toBe("processed");
    const [sub] = await testDb.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, client.subscriptionId));
    expect(sub.tierId).toBe(3); // Pro, 79.95
    const deleted = await deliver(
      event("customer.subscription.deleted", {
        id: "sub_churn_1",
        object: "subscription",
        status: "canceled",
      }),
    );
    expect(deleted).toMatchObject({ outcome: "processed", detail: "1 commissions clawed back" });
    const [after] = await testDb.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, client.subscriptionId));
    expect(after).toMatchObject({ status: "canceled", continuousSince: null });
    expect((await f.ledgerOf(referrer.id)).map((c) => [c.kind, c.amountCents, c.status])).toEqual([
      ["earning", 399, "reversed"],
      ["reversal", -399, "reversed"],
    ]);
    const [n] = await testDb.db
      .select({ n: count() })
      .from(commissions)
      .where(eq(commissions.beneficiaryUserId, referrer.id));
    expect(n.n).toBe(2);
  });
});
