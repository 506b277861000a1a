// The production server's lifecycle and what it shows an operator (issue 15, items 4 and 5): liveness that
// needs no database, readiness that turns 503 while draining, SIGTERM letting an in-flight request finish
// before the process exits 0, Prometheus metrics behind a token, and a request id on every response.
// One server from the `.next` build, on PostgreSQL through a TCP relay the test can cut (when a local
// PostgreSQL is configured, as in CI), else on PGlite.
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { adminQuery, assertLocalDatabaseUrl, databaseUrl, quoteIdent } from "@/testing/postgres-admin";
import { freePort, startServer, type ExtraServer } from "./support/extra-server";

const METRICS_TOKEN = "e2e-metrics-token-0123456789";
const serverUrl = process.env.TEST_DATABASE_URL;

/** A TCP relay to PostgreSQL: `cut()` drops every connection and refuses new ones, as an outage would. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", () => resolve()));
  return {
    port,
    cut: () =>
      new Promise<void>((resolve) => {
        relay.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** A POST whose body trickles in over `ms`: in flight (server.mjs is still reading it) for that long. */
function slowPost(baseURL: string, path: string, body: string, ms: number) {
  const url = new URL(path, baseURL);
  return new Promise<{ status: number; finishedAt: number }>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, finishedAt: Date.now() }));
      },
    );
    req.on("error", reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    setTimeout(() => req.end(body.slice(half)), ms);
  });
}

test("liveness, metrics, request ids, and SIGTERM draining an in-flight request before exit 0", async () => {
  test.setTimeout(120_000);
  let relay: Awaited<ReturnType<typeof startRelay>> | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: ExtraServer | undefined;
  try {
    const env: Record<string, string> = {
      JOBS: "on",
      METRICS_TOKEN,
      SHUTDOWN_GRACE_MS: "15000",
      STRIPE_WEBHOOK_SECRET: "whsec_e2e_only_0123456789abcdef",
    };
    if (serverUrl) {
      assertLocalDatabaseUrl(serverUrl);
      const name = `musenest_ops_${randomBytes(5).toString("hex")}`;
      await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`);
      dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      relay = await startRelay(new URL(serverUrl));
      const direct = new URL(databaseUrl(serverUrl, name));
      direct.hostname = "127.0.0.1";
      direct.port = String(relay.port);
      env.DATABASE_URL = direct.toString();
    }
    server = await startServer(env);
    const { baseURL } = server;

    // A request id on every response: a safe incoming one is kept, anything else replaced.
    const plain = await fetch(`${baseURL}/api/health`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await fetch(`${baseURL}/api/health`, { headers: { "X-Request-Id": "lb-trace-0042" } });
    expect(traced.headers.get("x-request-id")).toBe("lb-trace-0042");
    const hostile = await fetch(`${baseURL}/api/health`, { headers: { "X-Request-Id": "a\u00a0<script>" } });
    expect(hostile.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // Metrics: 401 without a token or with a wrong one; the named series with METRICS_TOKEN.
    expect((await fetch(`${baseURL}/api/metrics`)).status).toBe(401);
    const wrong = await fetch(`${baseURL}/api/metrics`, { headers: { Authorization: "Bearer nope-nope" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ success: false });
    const scrape = await fetch(`${baseURL}/api/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get("content-type")).toContain("text/plain");
    const text = await scrape.text();
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/health",status="200"\} [3-9]/m);
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/health"\}/m,
    );
    expect(text).toContain('job_queue_jobs{queue="invites:send-email",state="failed"} 0');
    expect(text).toContain('job_queue_jobs{queue="commissions:approve-due",state="created"}');
    for (const name of [
      "signups_total",
      "payments_recorded_total",
      "commissions_recorded_total",
      "job_runs_total",
    ])
      expect(text).toContain(`# TYPE ${name} counter`);
    expect(text).toMatch(/^db_pool_max_connections \d+/m);

    // Liveness needs no database: with every connection to PostgreSQL cut it still answers at once.
    if (relay) {
      await relay.cut();
      const started = Date.now();
      const alive = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(3_000) });
      expect(alive.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_000);
    }

    // SIGTERM while a request is in flight: it completes, new requests and readiness get 503, liveness
    // still 200, and the process exits 0 after the request finished.
    const inFlight = slowPost(
      baseURL,
      "/api/webhooks/stripe",
      JSON.stringify({ id: "evt_slow", pad: "x".repeat(4_000) }),
      2_500,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ready = await fetch(`${baseURL}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toBe("5");
    const live = await fetch(`${baseURL}/api/health`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ data: { draining: true } });
    expect(server.child.exitCode).toBeNull();

    const answered = await inFlight;
    // The app's own answer to the request (a refused signature), not a connection reset or a 503.
    expect(answered.status).toBe(400);
    const code = await server.exited;
    expect(code).toBe(0);
  } finally {
    await server?.stop();
    await relay?.cut();
    await dropDatabase?.();
  }
});
