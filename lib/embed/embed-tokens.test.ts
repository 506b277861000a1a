import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { embedTokens, users } from "@/db/schema";
import { DELETE as revokeAll, POST as issue } from "@/app/api/embed-tokens/route";
import { DELETE as revokeOne } from "@/app/api/embed-tokens/[id]/route";
import { GET as clientAnalytics } from "@/app/api/clients/[id]/referral-analytics/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { SessionUser } from "@/lib/auth/session";
import { insertClient, type User } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import {
  hashEmbedToken,
  issueEmbedToken,
  pruneEmbedTokens,
  revokeEmbedToken,
  revokeEmbedTokensForUser,
  verifyEmbedToken,
} from "./embed-tokens";

// The caller's session, switched per test: none (anonymous) unless a test signs an admin in.
let sessionUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => sessionUser,
}));

const testDb = useTestDatabase();
let apiKey = "";
let client: User;

beforeAll(async () => {
  apiKey = (await createApiKey(testDb.db, { name: "MuseNest app" })).key;
  client = await insertClient(testDb.db);
});
afterEach(() => {
  sessionUser = null;
});

function call(
  handler: (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  init: { method: string; body?: unknown; bearer?: string; params?: Record<string, string> },
) {
  const req = new NextRequest(`http://127.0.0.1:3000${url}`, {
    method: init.method,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: init.bearer ? { authorization: `Bearer ${init.bearer}` } : {},
  });
  return handler(req, { params: Promise.resolve(init.params ?? {}) });
}

describe("embed tokens", () => {
  it("stores only a SHA-256 of the token, which opens the panel for its client until it expires", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const issued = await issueEmbedToken(
      testDb.db,
      { userId: client.id, ttlSeconds: 600, apiKeyId: null },
      now,
    );
    expect(issued.token).toMatch(/^emt_[A-Za-z0-9_-]{43}$/);
    const [row] = await testDb.db.select().from(embedTokens).where(eq(embedTokens.id, issued.id));
    expect(row.tokenHash).toBe(hashEmbedToken(issued.token));
    expect(JSON.stringify(row)).not.toContain(issued.token.slice(4));

    expect(await verifyEmbedToken(testDb.db, issued.token, now)).toMatchObject({ userId: client.id });
    const justBefore = new Date(issued.expiresAt.getTime() - 1);
    expect(await verifyEmbedToken(testDb.db, issued.token, justBefore)).not.toBeNull();
    expect(await verifyEmbedToken(testDb.db, issued.token, issued.expiresAt)).toBeNull();
    // A forged token of the right shape, and the stored hash itself, open nothing.
    expect(await verifyEmbedToken(testDb.db, `emt_${"A".repeat(43)}`, now)).toBeNull();
    expect(await verifyEmbedToken(testDb.db, row.tokenHash, now)).toBeNull();
  });

  it("caps the lifetime at an hour and refuses a client that is suspended", async () => {
    const now = new Date();
    const long = await issueEmbedToken(
      testDb.db,
      { userId: client.id, ttlSeconds: 86_400, apiKeyId: null },
      now,
    );
    expect(long.expiresAt.getTime() - now.getTime()).toBe(3600 * 1000);

    const suspended = await insertClient(testDb.db);
    const ok = await issueEmbedToken(testDb.db, { userId: suspended.id, ttlSeconds: 600, apiKeyId: null });
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, suspended.id));
    expect(await verifyEmbedToken(testDb.db, ok.token)).toBeNull();
    await expect(
      issueEmbedToken(testDb.db, { userId: suspended.id, ttlSeconds: 600, apiKeyId: null }),
    ).rejects.toMatchObject({ code: "client_inactive" });
  });

  it("stops opening the panel once revoked, one token or all of a client's", async () => {
    const a = await issueEmbedToken(testDb.db, { userId: client.id, ttlSeconds: 600, apiKeyId: null });
    const b = await issueEmbedToken(testDb.db, { userId: client.id, ttlSeconds: 600, apiKeyId: null });
    expect(await revokeEmbedToken(testDb.db, a.id)).toBe(true);
    expect(await revokeEmbedToken(testDb.db, a.id)).toBe(false);
    expect(await verifyEmbedToken(testDb.db, a.token)).toBeNull();
    expect(await verifyEmbedToken(testDb.db, b.token)).not.toBeNull();
    expect(await revokeEmbedTokensForUser(testDb.db, client.id)).toBeGreaterThanOrEqual(1);
    expect(await verifyEmbedToken(testDb.db, b.token)).toBeNull();
  });

  it("prunes tokens a day after they expired, and only those", async () => {
    const now = new Date("2030-01-10T00:00:00Z");
    const old = await issueEmbedToken(
      testDb.db,
      { userId: client.id, ttlSeconds: 60, apiKeyId: null },
      new Date("2030-01-08T00:00:00Z"),
    );
    const recent = await issueEmbedToken(
      testDb.db,
      { userId: client.id, ttlSeconds: 60, apiKeyId: null },
      new Date("2030-01-09T12:00:00Z"),
    );
    expect(await pruneEmbedTokens(testDb.db, now)).toBeGreaterThanOrEqual(1);
    const left = (await testDb.db.select({ id: embedTokens.id }).from(embedTokens)).map((r) => r.id);
    expect(left).not.toContain(old.id);
    expect(left).toContain(recent.id);
  });
});

describe("POST /api/embed-tokens", () => {
  it("issues a token for an API key (by id or e-mail), 201 with url and expiry", async () => {
    const before = Date.now();
    const byId = await call(issue, "/api/embed-tokens", {
      method: "POST",
      bearer: apiKey,
      body: { user_id: client.id },
    });
    expect(byId.status).toBe(201);
    const { data } = await byId.json();
    expect(data.url).toBe(`/embed/referrals?token=${data.token}`);
    const ttl = new Date(data.expires_at).getTime() - before;
    expect(ttl).toBeGreaterThan(29 * 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    const [row] = await testDb.db.select().from(embedTokens).where(eq(embedTokens.id, data.id));
    expect(row.createdByApiKeyId).not.toBeNull();

    const byEmail = await call(issue, "/api/embed-tokens", {
      method: "POST",
      bearer: apiKey,
      body: { email: client.email.toUpperCase(), ttl_seconds: 120 },
    });
    expect(byEmail.status).toBe(201);
    expect((await byEmail.json()).data.user_id).toBe(client.id);
  });

  it("is for API keys only: anonymous 401, a signed-in admin 403, bad input 400, unknown client 404", async () => {
    const body = { user_id: client.id };
    expect((await call(issue, "/api/embed-tokens", { method: "POST", body })).status).toBe(401);
    sessionUser = { id: 1, email: "admin@example.com", name: "Admin", role: "admin" } as SessionUser;
    expect((await call(issue, "/api/embed-tokens", { method: "POST", body })).status).toBe(403);
    sessionUser = null;
    for (const bad of [
      {},
      { user_id: client.id, email: client.email },
      { user_id: client.id, ttl_seconds: 7200 },
    ]) {
      expect(
        (await call(issue, "/api/embed-tokens", { method: "POST", bearer: apiKey, body: bad })).status,
      ).toBe(400);
    }
    const unknown = await call(issue, "/api/embed-tokens", {
      method: "POST",
      bearer: apiKey,
      body: { user_id: 999_999 },
    });
    expect(unknown.status).toBe(404);
  });

  it("revokes by id and for a client, and the token is no API credential anywhere else", async () => {
    const res = await call(issue, "/api/embed-tokens", {
      method: "POST",
      bearer: apiKey,
      body: { user_id: client.id },
    });
    const { data } = await res.json();
    // The embed token as a bearer on the client's own API: refused.
    const asBearer = await call(clientAnalytics, `/api/clients/${client.id}/referral-analytics`, {
      method: "GET",
      bearer: data.token,
      params: { id: String(client.id) },
    });
    expect(asBearer.status).toBe(401);
    // …and it can't revoke or mint tokens either.
    expect(
      (
        await call(revokeOne, `/api/embed-tokens/${data.id}`, {
          method: "DELETE",
          bearer: data.token,
          params: { id: String(data.id) },
        })
      ).status,
    ).toBe(401);

    const revoked = await call(revokeOne, `/api/embed-tokens/${data.id}`, {
      method: "DELETE",
      bearer: apiKey,
      params: { id: String(data.id) },
    });
    expect(revoked.status).toBe(200);
    expect(await verifyEmbedToken(testDb.db, data.token)).toBeNull();
    const again = await call(revokeOne, `/api/embed-tokens/${data.id}`, {
      method: "DELETE",
      bearer: apiKey,
      params: { id: String(data.id) },
    });
    expect(again.status).toBe(404);

    const other = (
      await (
        await call(issue, "/api/embed-tokens", {
          method: "POST",
          bearer: apiKey,
          body: { user_id: client.id },
        })
      ).json()
    ).data;
    const all = await call(revokeAll, `/api/embed-tokens?user_id=${client.id}`, {
      method: "DELETE",
      bearer: apiKey,
    });
    expect(all.status).toBe(200);
    expect((await all.json()).data.revoked).toBeGreaterThanOrEqual(1);
    expect(await verifyEmbedToken(testDb.db, other.token)).toBeNull();
  });
});
