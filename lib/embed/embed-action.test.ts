// The embedded panel's "create a code" action: the token is its credential, for its own client only.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { referralCodes } from "@/db/schema";
import { createEmbedCodeAction } from "@/app/embed/referrals/actions";
import { idleState } from "@/lib/action-state";
import { insertClient } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { issueEmbedToken, revokeEmbedToken } from "./embed-tokens";

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => null,
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest" }) }));

const testDb = useTestDatabase();

function submit(values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return createEmbedCodeAction(idleState, form);
}

describe("createEmbedCodeAction", () => {
  it("creates a code for the token's client, and nothing once the token is revoked", async () => {
    const client = await insertClient(testDb.db);
    const issued = await issueEmbedToken(testDb.db, { userId: client.id, ttlSeconds: 600, apiKeyId: null });
    expect(await submit({ token: issued.token, custom_code: "EMBEDME1" })).toMatchObject({
      status: "success",
      message: "Code EMBEDME1 created.",
    });
    const codes = () => testDb.db.select().from(referralCodes).where(eq(referralCodes.clientId, client.id));
    expect((await codes()).map((c) => c.code)).toEqual(["EMBEDME1"]);

    await revokeEmbedToken(testDb.db, issued.id);
    expect(await submit({ token: issued.token, custom_code: "EMBEDME2" })).toMatchObject({
      status: "error",
      message: expect.stringContaining("no longer valid"),
    });
    expect(await codes()).toHaveLength(1);
  });
});
