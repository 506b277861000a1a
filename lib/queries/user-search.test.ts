import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { referralCodes, users } from "@/db/schema";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { canonicalCode } from "@/lib/referrals/code-format";
import { codePrefixOf, escapeLike, userSearchIds, type UserSearchOptions } from "./user-search";

const testDb = useTestDatabase();

beforeAll(async () => {
  const people = [
    { email: "maya@example.com", name: "Maya Patel", accountNumber: "ACC-1001" },
    { email: "sarah@example.com", name: "Sarah Johnson", accountNumber: "ACC-2002" },
    { email: "percent_50%@example.com", name: "Percy Fifty", accountNumber: null },
  ];
  for (const p of people) {
    const [u] = await testDb.db
      .insert(users)
      .values({ ...p, normalizedEmail: p.email, passwordHash: "x" })
      .returning();
    const code = `${p.name.split(" ")[0].toUpperCase()}2025`;
    await testDb.db
      .insert(referralCodes)
      .values({ clientId: u.id, code, canonicalCode: canonicalCode(code) });
  }
});

async function namesFor(text: string, options?: UserSearchOptions): Promise<string[]> {
  const rows = rawRows<{ name: string }>(
    await testDb.db.execute(
      sql`SELECT u.name FROM users u WHERE u.id IN (${userSearchIds(text, options)}) ORDER BY u.name`,
    ),
  );
  return rows.map((r) => r.name);
}

describe("userSearchIds", () => {
  it.each<[string, UserSearchOptions | undefined, string[]]>([
    ["maya", undefined, ["Maya Patel"]],
    ["JOHNSON", undefined, ["Sarah Johnson"]],
    ["@example.com", undefined, ["Maya Patel", "Percy Fifty", "Sarah Johnson"]],
    // Taken literally: `%` and `_` are characters, not wildcards.
    ["_50%", undefined, ["Percy Fifty"]],
    ["100%_", undefined, []],
    // Account numbers and codes only when asked for.
    ["ACC-2", undefined, []],
    ["acc-2", { accountNumber: true }, ["Sarah Johnson"]],
    ["maya-2o2", undefined, []],
    ["maya-2o2", { codes: true }, ["Maya Patel"]],
    ["sarah2025", { codes: true }, ["Sarah Johnson"]],
    ["---", { codes: true, accountNumber: true }, []],
  ])("%j %j → %j", async (text, options, expected) =>
    expect(await namesFor(text, options)).toEqual(expected),
  );
});

describe("codePrefixOf", () => {
  it.each([
    ["maya-2o25", "MAYA2025"],
    [" sarah ", "SARAH"],
    ["%_-", ""],
  ])("%j → %j", (text, expected) => expect(codePrefixOf(text)).toBe(expected));
});

describe("escapeLike", () => {
  it("escapes %, _ and backslash", () => expect(escapeLike("a%b_c\\d")).toBe("a\\%b\\_c\\\\d"));
});
