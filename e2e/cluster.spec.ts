// Issue 15: two stateless instances (`node server.mjs` on the same `.next` build) on a real PostgreSQL
// primary and a streaming replica made with pg_basebackup -R. Shows that the rate limit, the scheduled
// approval and e-mail jobs are shared through the database, that heavy reads go to the replica, that an
// instance killed with -9 loses nothing, and that SIGTERM lets a 100k-row export finish before exit 0.
// Prints its timings and the survivor's Prometheus scrape at the end.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { Sql } from "postgres";
import { INVITE_EMAIL_QUEUE, inviteJobId, jobDbForHandle, jobStatements } from "@/db/job-queue";
import { openPostgres, type DatabaseHandle } from "@/db/open";
import { createApiKey } from "@/lib/auth/api-keys";
import { startSmtpServer } from "@/testing/smtp-sink";
import { root, startServer, type ExtraServer } from "./support/extra-server";
import { postgresBinariesMissing, startPgCluster, type PgCluster } from "./support/pg-cluster";

const PASSWORD = "demo-password-123";
const METRICS_TOKEN = "cluster-metrics-token-0123456789";
const EXPORT_ROWS = 100_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function signIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  const res = await context.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD, csrfToken, callbackUrl: "/", json: "true" },
  });
  expect(res.status(), `sign-in of ${email}`).toBe(200);
  return context;
}

/** The pid of the process holding a TCP connection to `port` on this machine (ss -p; we run as root). */
/** The process whose TCP connection from `clientPort` to `port` is open (ss names its pid). */
function pidConnectedTo(port: number, clientPort: number): number | null {
  const out = execFileSync(
    "ss",
    ["-tnpH", "state", "established", `( dport = :${port} and sport = :${clientPort} )`],
    { encoding: "utf8" },
  );
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : null;
}

test("two instances on a primary and a streaming replica: shared limits and jobs, replica reads, kill -9, SIGTERM", async () => {
  const missing = postgresBinariesMissing();
  test.skip(missing !== null, `needs the PostgreSQL binaries: ${missing}`);
  test.setTimeout(180_000);
  const started = Date.now();
  const timings: Record<string, number> = {};
  let last = started;
  const lap = (name: string) => {
    timings[name] = (Date.now() - last) / 1000;
    last = Date.now();
  };

  let cluster: PgCluster | undefined;
  let handle: DatabaseHandle | undefined;
  let replicaHandle: DatabaseHandle | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  const servers: ExtraServer[] = [];
  const contexts: APIRequestContext[] = [];
  try {
    cluster = await startPgCluster();
    lap("cluster (initdb, basebackup, 2 starts)");

    // Migrations, pg-boss's schema and the demo accounts, through the app's own seed CLI.
    execFileSync(path.join(root, "node_modules/.bin/tsx"), ["seed/seed-cli.ts", "--referrals", "0"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: cluster.primaryUrl, DEMO_PASSWORD: PASSWORD },
      stdio: ["ignore", "pipe", "pipe"], // on failure the error carries what it printed
    });
    handle = await openPostgres(cluster.primaryUrl, { max: 4 });
    const pg = (handle.db as unknown as { $client: Sql }).$client;
    const [maya] = await pg<{ id: number; code_id: number }[]>`
      SELECT u.id, c.id AS code_id FROM users u JOIN referral_codes c ON c.client_id = u.id
      WHERE u.email = 'maya@example.com' ORDER BY c.id LIMIT 1`;
    // 100k referrals for the export, written as one bulk load (the counters' triggers are not needed here).
    await pg.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`
        WITH u AS (
          INSERT INTO users (email, normalized_email, name, password_hash)
          SELECT 'bulk' || g || '@example.org', 'bulk' || g || '@example.org', 'Bulk ' || g, 'x'
          FROM generate_series(1, ${EXPORT_ROWS}) g RETURNING id)
        INSERT INTO referral_usage_log (referral_code_id, referrer_user_id, referred_user_id, code_used, source, used_at)
        SELECT ${maya.code_id}, ${maya.id}, id, 'BULK', 'link', now() - (id % 300) * interval '1 day' FROM u`;
    });
    // One commission whose hold has passed, one still held.
    const [due] = await pg<{ id: number }[]>`
      INSERT INTO commissions (beneficiary_user_id, amount_cents, status, hold_until)
      VALUES (${maya.id}, 1234, 'pending', now() - interval '1 day'),
             (${maya.id}, 999, 'pending', now() + interval '30 days')
      RETURNING id`;
    const apiKey = (await createApiKey(handle.db, { name: "cluster test" })).key;
    const auth = { Authorization: `Bearer ${apiKey}` };
    lap("migrate, seed, 100k rows");

    // SMTP: the invite's first message is held (never answered), as a mail server that stalls mid-send.
    // Only the invite's: the instances also send notifications (new referral, approved commission) here,
    // and the connection that stalls must be the invite job's.
    let held = false;
    let heldClientPort = 0;
    smtp = await startSmtpServer({
      onData(stream, session, callback) {
        if (!held && session.envelope.rcptTo.some((r) => r.address === "friend.cluster@example.org")) {
          held = true;
          heldClientPort = session.remotePort;
          stream.resume();
          return; // no callback: the sending instance waits on us
        }
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          smtp!.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    const smtpPort = Number(new URL(smtp.url).port);

    const env = {
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URL: cluster.replicaUrl,
      JOBS: "on",
      SMTP_URL: smtp.url,
      METRICS_TOKEN,
      SHUTDOWN_GRACE_MS: "20000",
      // Every minute instead of every ten: pg-boss still sends it once per minute across both instances.
      JOBS_CRON: "commissions:approve-due=* * * * *",
      JOBS_POLL_SECONDS: "1",
      JOBS_CLOCK_SECONDS: "1",
      JOBS_MAINTENANCE_SECONDS: "1",
    };
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    servers.push(a, b);
    lap("two instances ready");

    // --- The approval job, with both instances' job runners on: one status change, one audit row.
    await until("the due commission approved", async () => {
      const [row] = await pg<{ status: string }[]>`SELECT status FROM commissions WHERE id = ${due.id}`;
      return row.status === "approved";
    });
    await sleep(2_500); // both runners polled again meanwhile
    const statuses = await pg<{ status: string; n: number }[]>`
      SELECT status::text, count(*)::int AS n FROM commissions GROUP BY 1 ORDER BY 1`;
    expect(statuses).toEqual([
      { status: "approved", n: 1 },
      { status: "pending", n: 1 },
    ]);
    const audits = await pg<{ details: { approved: number; via: string } }[]>`
      SELECT details FROM audit_log WHERE action = 'commissions.approve_due'`;
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ approved: 1, via: "timer" });
    lap("approval once");

    // --- The validate limit (60 a minute per address) is one count across both instances.
    const validate = (server: ExtraServer) => fetch(`${server.baseURL}/api/referral-codes/validate/ZZZZ9999`);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => validate(i % 2 ? a : b)));
    expect(answers.map((r) => r.status)).toEqual(Array(60).fill(200));
    expect((await validate(a)).status).toBe(429);
    expect((await validate(b)).status).toBe(429);
    lap("validate limit");

    // --- The export and the admin report are read on the replica; the dashboard sees its own write.
    replicaHandle = await openPostgres(cluster.replicaUrl, { max: 1 });
    const replicaSql = (replicaHandle.db as unknown as { $client: Sql }).$client;
    const [{ lsn }] = await pg<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    await until("the replica to replay the fixtures", async () => {
      const [row] = await replicaSql.unsafe(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`);
      return row.ok as boolean;
    });
    const primaryBefore = cluster.primaryLog().length;
    const replicaBefore = cluster.replicaLog().length;
    const small = await fetch(`${a.baseURL}/api/admin/referral-export?format=csv&referrer=Maya`, {
      headers: auth,
    });
    expect(small.status).toBe(200);
    await small.arrayBuffer();
    const admin = await signIn(b.baseURL, "admin@example.com");
    contexts.push(admin);
    const report = await admin.get("/admin");
    expect(report.status()).toBe(200);
    const primaryDelta = cluster.primaryLog().slice(primaryBefore);
    const replicaDelta = cluster.replicaLog().slice(replicaBefore);
    expect(replicaDelta).toMatch(/^musenest-replica\|LOG: {2}statement: COPY \(/m);
    // The Reports page's overview reads the program counters; the test's own replica connection (named
    // postgres.js) ran nothing since the mark, so what the replica logged came from the app.
    expect(replicaDelta).toContain("program_counters");
    expect(replicaDelta).toMatch(/^musenest-replica\|LOG: {2}(statement|execute [^:]*): /m);
    expect(primaryDelta).not.toContain("COPY (");
    expect(primaryDelta).not.toContain("program_counters");
    // The export's audit row is a write: on the primary.
    const [{ exports }] = await pg<{ exports: number }[]>`
      SELECT count(*)::int AS exports FROM audit_log WHERE action = 'referral.export'`;
    expect(exports).toBe(1);

    const client = await signIn(a.baseURL, "maya@example.com");
    contexts.push(client);
    const created = await client.post(`/api/clients/${maya.id}/referral-codes`, {
      data: { custom_code: `FRESH${Date.now() % 100000}` },
    });
    expect(created.status()).toBe(201);
    const fresh: string = (await created.json()).data.code;
    const dashboard = await client.get(`${b.baseURL}/dashboard/codes`);
    expect(dashboard.status()).toBe(200);
    expect(await dashboard.text()).toContain(fresh);
    lap("replica reads, read-your-write");

    // --- kill -9 mid-load: the other instance keeps answering; the e-mail job it held is retried once.
    const [invite] = await pg<{ id: number }[]>`
      INSERT INTO email_invites (referrer_user_id, email, subject, body)
      VALUES (${maya.id}, 'friend.cluster@example.org', 'Cluster invite', 'Hello') RETURNING id`;
    await jobStatements().send(
      INVITE_EMAIL_QUEUE,
      { inviteId: invite.id },
      { id: inviteJobId(invite.id), expireInSeconds: 5, retryDelay: 1, db: jobDbForHandle(handle) },
    );
    const holderPid = await until("an instance sending the e-mail", async () =>
      held ? (pidConnectedTo(smtpPort, heldClientPort) ?? undefined) : undefined,
    );
    const victim = servers.find((s) => s.child.pid === holderPid);
    expect(victim, "the SMTP connection belongs to one of the instances").toBeDefined();
    const survivor = victim === a ? b : a;
    let stop = false;
    const survivorStatuses: number[] = [];
    const load = Promise.all(
      Array.from({ length: 4 }, async (_, worker) => {
        while (!stop) {
          const target = worker % 2 ? survivor : victim!;
          try {
            const res = await fetch(`${target.baseURL}/api/leaderboard?period=all`, { headers: auth });
            await res.arrayBuffer();
            if (target === survivor) survivorStatuses.push(res.status);
          } catch {
            if (target === survivor) survivorStatuses.push(0);
            else await sleep(50); // the killed instance refuses connections
          }
        }
      }),
    );
    await sleep(500);
    victim!.child.kill("SIGKILL");
    await victim!.exited;
    const afterKill = survivorStatuses.length;
    await until("the invite sent by the survivor", async () => {
      const [row] = await pg<
        { status: string }[]
      >`SELECT status::text FROM email_invites WHERE id = ${invite.id}`;
      return row.status === "sent";
    });
    await sleep(1_500);
    stop = true;
    await load;
    expect(survivorStatuses.length - afterKill).toBeGreaterThan(5);
    expect(new Set(survivorStatuses)).toEqual(new Set([200]));
    const delivered = smtp.received.filter((m) => m.to.includes("friend.cluster@example.org"));
    expect(delivered).toHaveLength(1);
    const [job] = await pg<{ state: string; retry_count: number }[]>`
      SELECT state::text, retry_count FROM pgboss.job WHERE id = ${inviteJobId(invite.id)}`;
    expect(job).toMatchObject({ state: "completed" });
    expect(job.retry_count).toBeGreaterThanOrEqual(1);
    lap("kill -9, e-mail retried once");

    const scrape = await (
      await fetch(`${survivor.baseURL}/api/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    expect(scrape).toMatch(/^db_replica_pool_max_connections 10$/m);

    // --- SIGTERM during a 100k-row export: the download completes, then the process exits 0.
    const big = await fetch(`${survivor.baseURL}/api/admin/referral-export?format=csv`, { headers: auth });
    expect(big.status).toBe(200);
    const total = Number(big.headers.get("x-total-count"));
    expect(total).toBeGreaterThanOrEqual(EXPORT_ROWS);
    const reader = big.body!.getReader();
    let lines = 0;
    let first = true;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) lines++;
      if (first) {
        first = false;
        survivor.child.kill("SIGTERM");
        await sleep(300);
        expect((await fetch(`${survivor.baseURL}/api/ready`)).status).toBe(503);
      }
    }
    expect(lines).toBe(total + 1); // the header and every row
    expect(await survivor.exited).toBe(0);
    lap("SIGTERM during a 100k-row export");

    timings.total = (Date.now() - started) / 1000;
    console.log(`[cluster] timings (s): ${JSON.stringify(timings)}`);
    const shown = scrape
      .split("\n")
      .filter((l) => /^(http_requests_total|job_|db_|signups_total|server_draining)/.test(l))
      .filter((l) => !l.includes("_bucket{"));
    console.log(`[cluster] survivor's /api/metrics after the run:\n${shown.join("\n")}`);
  } finally {
    for (const context of contexts) await context.dispose().catch(() => {});
    for (const server of servers) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
      await server.stop().catch(() => {});
    }
    await handle?.close().catch(() => {});
    await replicaHandle?.close().catch(() => {});
    await smtp?.close().catch(() => {});
    cluster?.stop();
  }
});
