// Outgoing webhooks end to end on a real database and a real HTTP receiver on 127.0.0.1: the outbox
// row commits with the change (or not at all), the fan-out and the delivery job pick it up afterwards,
// every attempt is signed (verified with the same library) and carries the same event id, the back-off
// clock is the test's, and private targets are refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS=1.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, domainEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { attemptDelivery, RETRY_DELAYS_SECONDS } from "./deliver";
import { fanOutEvents } from "./fan-out";
import { createEndpoint } from "./manage-endpoints";
import { isForbiddenAddress, resolveSafeTarget } from "./safe-target";

const testDb = useTestDatabase();
const admin = { actorUserId: null, ip: "127.0.0.1" };

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let failuresLeft = 0;
let server: Server;
let receiverUrl = "";

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end("try later");
      } else res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  await new Promise((resolve) => server.close(resolve));
});

let seq = 0;
const signup = (overrides: Partial<Parameters<typeof attributeSignup>[1]> = {}) => {
  seq++;
  return attributeSignup(testDb.db, {
    name: `Hook Client ${seq}`,
    email: `hook${seq}@example.org`,
    password: "correct horse battery",
    businessType: "creator",
    ...overrides,
  });
};

const deliveriesOf = (endpointId: number) =>
  testDb.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

describe("outgoing webhooks", () => {
  it("delivers a committed event after the fact: fails twice, then succeeds; three signed requests, one id", async () => {
    const endpoint = await createEndpoint(
      testDb.db,
      { url: receiverUrl, events: ["client.created"], description: "test receiver" },
      admin,
    );
    expect(endpoint.secret).toMatch(/^whsec_/);

    // The change commits with its event; no worker runs yet (as if the process died right after the
    // commit): the event waits in the outbox, and a later fan-out (after a restart) picks it up.
    const created = await signup();
    const [event] = await testDb.db
      .select()
      .from(domainEvents)
      .where(
        sql`${domainEvents.type} = 'client.created' AND ${domainEvents.payload}->>'email' = ${created.user.email}`,
      );
    expect(event.webhooksFannedOutAt).toBeNull();
    const fanned = await fanOutEvents(testDb.db);
    expect(fanned.deliveries).toBeGreaterThanOrEqual(1);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery.eventId).toBe(event.id);
    // Each delivery has its pg-boss job, enqueued with the row.
    const jobs = rawRows<{ n: number }>(
      await testDb.db.execute(
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhooks:deliver' AND data->>'deliveryId' = ${String(delivery.id)}`,
      ),
    );
    expect(Number(jobs[0].n)).toBe(1);

    failuresLeft = 2;
    received.length = 0;
    const t0 = new Date("2026-12-01T12:00:00Z");
    const first = await attemptDelivery(testDb.db, delivery.id, { now: t0 });
    expect(first).toMatchObject({ outcome: "retrying", error: "HTTP 503" });
    expect(first.outcome === "retrying" && first.nextAttemptAt.getTime() - t0.getTime()).toBe(
      RETRY_DELAYS_SECONDS[0] * 1000,
    );
    const t1 = new Date(t0.getTime() + 5_000);
    const second = await attemptDelivery(testDb.db, delivery.id, { now: t1 });
    expect(second.outcome === "retrying" && second.nextAttemptAt.getTime() - t1.getTime()).toBe(60_000);
    const third = await attemptDelivery(testDb.db, delivery.id, { now: new Date(t1.getTime() + 60_000) });
    expect(third).toEqual({ outcome: "succeeded", statusCode: 200 });
    // Done is done: a late duplicate job sends nothing more.
    expect((await attemptDelivery(testDb.db, delivery.id)).outcome).toBe("skipped");

    expect(received).toHaveLength(3);
    const verifier = new Webhook(endpoint.secret);
    for (const request of received) {
      expect(request.headers["webhook-id"]).toBe(event.id);
      const payload = verifier.verify(request.body, request.headers as Record<string, string>) as {
        id: string;
        type: string;
        created_at: string;
        data: { id: number; email: string };
      };
      expect(payload).toMatchObject({ id: event.id, type: "client.created" });
      expect(payload.data).toMatchObject({ id: created.user.id, email: created.user.email });
      expect(new Date(payload.created_at).toISOString()).toBe(payload.created_at);
    }
    // A forged signature does not verify.
    expect(() =>
      new Webhook(`whsec_${Buffer.from("another secret!!").toString("base64")}`).verify(
        received[0].body,
        received[0].headers as Record<string, string>,
      ),
    ).toThrow();
    const [after] = await deliveriesOf(endpoint.id);
    expect(after).toMatchObject({
      status: "succeeded",
      attempts: 3,
      lastStatusCode: 200,
      lastResponse: "ok",
    });
  });

  it("records nothing when the change rolls back", async () => {
    const email = "rolled-back@example.org";
    await expect(
      signup({
        email,
        onCreated: async () => {
          throw new Error("boom after the event was written");
        },
      }),
    ).rejects.toThrow("boom");
    const rows = await testDb.db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.payload}->>'email' = ${email}`);
    expect(rows).toHaveLength(0);
  });

  it("refuses private, loopback, link-local and metadata targets unless the setting allows them", async () => {
    for (const address of [
      "10.1.2.3",
      "169.254.169.254",
      "::1",
      "127.0.0.1",
      "127.9.9.9",
      "::ffff:127.0.0.1",
      "fd00:ec2::254",
      "192.168.1.1",
      "172.16.0.1",
    ])
      expect(isForbiddenAddress(address), address).toBe(true);
    for (const address of ["93.184.216.34", "2606:4700::1111"])
      expect(isForbiddenAddress(address)).toBe(false);

    const off = { allowPrivate: false };
    for (const url of [
      "https://10.0.0.7/x",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/x",
      "https://127.0.0.1:8443/x",
    ])
      await expect(resolveSafeTarget(url, off), url).rejects.toThrow(/private, loopback/);
    // A public-looking name that resolves to a private address (DNS rebinding) is refused too.
    await expect(
      resolveSafeTarget("https://hooks.example.com/x", {
        ...off,
        resolve: async () => [{ address: "10.0.0.1", family: 4 }],
      }),
    ).rejects.toThrow(/private, loopback/);
    await expect(
      resolveSafeTarget("https://hooks.example.com/x", {
        ...off,
        resolve: async () => [{ address: "93.184.216.34", family: 4 }],
      }),
    ).resolves.toMatchObject({ address: "93.184.216.34" });
    await expect(resolveSafeTarget("http://hooks.example.com/x", off)).rejects.toThrow(/https/);

    // With the setting off: refused at creation, and at delivery time for an endpoint created before.
    const endpoint = await createEndpoint(
      testDb.db,
      { url: receiverUrl, events: ["client.created"], description: "" },
      admin,
    );
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "0";
    try {
      await expect(
        createEndpoint(testDb.db, { url: receiverUrl, events: ["client.created"], description: "" }, admin),
      ).rejects.toThrow(/https|private/);
      await signup();
      await fanOutEvents(testDb.db);
      const [delivery] = await deliveriesOf(endpoint.id);
      received.length = 0;
      const outcome = await attemptDelivery(testDb.db, delivery.id);
      expect(outcome.outcome).toBe("retrying");
      expect(received).toHaveLength(0);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
    }
  });

  it("disables an endpoint after 3 days of failures and tells the admins", async () => {
    const endpoint = await createEndpoint(
      testDb.db,
      { url: receiverUrl, events: ["client.created"], description: "" },
      admin,
    );
    await signup();
    await fanOutEvents(testDb.db);
    const [delivery] = await deliveriesOf(endpoint.id);
    failuresLeft = 100;
    const start = new Date("2026-12-01T00:00:00Z");
    await attemptDelivery(testDb.db, delivery.id, { now: start });
    await attemptDelivery(testDb.db, delivery.id, { now: new Date(start.getTime() + 3 * 86_400_000) });
    failuresLeft = 0;
    const [row] = await testDb.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row.disabledAt).not.toBeNull();
    expect(row.disabledReason).toMatch(/3 days/);
    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(
        sql`${auditLog.action} = 'webhook_endpoint.auto_disabled' AND ${auditLog.entityId} = ${String(endpoint.id)}`,
      );
    expect(audit).toHaveLength(1);
    // A disabled endpoint gets no new deliveries.
    await signup();
    await fanOutEvents(testDb.db);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });
});
