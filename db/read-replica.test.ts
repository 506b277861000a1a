// The read replica (DATABASE_REPLICA_URL) as the entry points see it: `readDb` from the route wrapper is
// the replica, `db` the primary. Two real databases stand in for primary and replica (no replication here:
// rows written to one only show which database a path read; e2e/cluster.spec.ts runs real streaming).
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportGet } from "@/app/api/admin/referral-export/route";
import { GET as leaderboardGet } from "@/app/api/leaderboard/route";
import { auditLog } from "@/db/schema";
import { getDb, getReadDb, setReplicaHandle } from "@/db/client";
import { openConfiguredReplica } from "@/db/open";
import { createApiKey } from "@/lib/auth/api-keys";
import { entryContext } from "@/lib/context";
import { insertClient, insertCode, insertReferral } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => null,
}));

// Installed in this order, so the second is the process's (primary) database; the first becomes the replica.
const replica = useTestDatabase({ poolMax: 4 });
const primary = useTestDatabase({ poolMax: 4 });
let apiKey = "";

beforeAll(async () => {
  setReplicaHandle(replica.handle);
  // A referral that only the replica has, and one that only the primary has.
  const onReplica = await insertClient(replica.db, { name: "Rhea Replica" });
  await insertReferral(replica.db, await insertCode(replica.db, onReplica.id, "REPLICA1"));
  const onPrimary = await insertClient(primary.db, { name: "Paul Primary" });
  await insertReferral(primary.db, await insertCode(primary.db, onPrimary.id, "PRIMARY1"));
  // Credentials are checked on the primary (a key created a moment ago must work at once).
  apiKey = (await createApiKey(primary.db, { name: "replica test" })).key;
});

afterEach(() => setReplicaHandle(replica.handle));

const get = (handler: typeof exportGet, path: string) =>
  handler(new NextRequest(`http://localhost${path}`, { headers: { authorization: `Bearer ${apiKey}` } }), {
    params: Promise.resolve({}),
  });

describe("read replica routing", () => {
  it("hands entry points the primary as db and the replica as readDb", async () => {
    const ctx = await entryContext({ kind: "anonymous" }, { ip: null, userAgent: null });
    expect(ctx.db).toBe(primary.db);
    expect(ctx.readDb).toBe(replica.db);
    expect(await getReadDb()).toBe(replica.db);
  });

  it("reads the export's rows from the replica and writes its audit row to the primary", async () => {
    const res = await get(exportGet, "/api/admin/referral-export?format=csv");
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain("REPLICA1");
    expect(csv).not.toContain("PRIMARY1");
    const audited = (db: typeof primary.db) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "referral.export")));
    expect(await audited(primary.db)).toHaveLength(1);
    expect(await audited(replica.db)).toHaveLength(0);
  });

  it("serves the leaderboard API from the replica", async () => {
    const body = await (await get(leaderboardGet, "/api/leaderboard?period=all")).json();
    expect(body.success).toBe(true);
    // One referrer, Rhea (masked or not), who exists only on the replica; never Paul.
    expect(body.data.entries).toHaveLength(1);
    expect(body.data.entries[0].name).toMatch(/^R/);
  });

  it("without a replica, readDb is the primary", async () => {
    setReplicaHandle(null);
    expect(await getReadDb()).toBe(await getDb());
    const csv = await (await get(exportGet, "/api/admin/referral-export?format=csv")).text();
    expect(csv).toContain("PRIMARY1");
    expect(csv).not.toContain("REPLICA1");
  });

  it("opens no replica on the embedded database, whatever DATABASE_REPLICA_URL says", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("DATABASE_REPLICA_URL", "postgres://replica.invalid:5432/app");
    try {
      expect(await openConfiguredReplica()).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
