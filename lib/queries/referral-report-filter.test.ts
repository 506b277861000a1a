import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { referralCodes, referralUsageLog, users } from "@/db/schema";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { canonicalCode } from "@/lib/referrals/code-format";
import { referralReportFiltersSchema } from "@/lib/validation/referral-report";
import {
  referralReportWhere,
  resolveReportFilters,
  type ResolvedReportFilters,
} from "./referral-report-filter";
import { codePrefixOf, escapeLike, userSearchIds, type UserSearchOptions } from "./user-search";

const testDb = useTestDatabase();
const ids: Record<string, number> = {};

beforeAll(async () => {
  const people = [
    { email: "maya@example.com", name: "Maya Patel", accountNumber: "ACC-1001", code: "MAYA2025" },
    { email: "sarah@example.com", name: "Sarah Johnson", accountNumber: "ACC-2002", code: "SARAHVIP" },
    { email: "percent_50%@example.com", name: "Percy Fifty", accountNumber: null, code: "PERCY50" },
    { email: "rose@example.com", name: "Rosemary", accountNumber: "ACC-3003", code: "ROSE2025" },
  ];
  for (const p of people) {
    const [u] = await testDb.db
      .insert(users)
      .values({
        email: p.email,
        name: p.name,
        accountNumber: p.accountNumber,
        normalizedEmail: p.email,
        passwordHash: "x",
      })
      .returning();
    ids[p.name] = u.id;
    await testDb.db
      .insert(referralCodes)
      .values({ clientId: u.id, code: p.code, canonicalCode: canonicalCode(p.code) });
  }
  const referred = await testDb.db
    .insert(users)
    .values(
      Array.from({ length: 8 }, (_, i) => ({
        email: `client${i}@example.org`,
        normalizedEmail: `client${i}@example.org`,
        name: `Client ${i}`,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id });
  const referrers = Object.values(ids);
  await testDb.db.insert(referralUsageLog).values(
    referred.map((r, i) => ({
      referredUserId: r.id,
      referrerUserId: referrers[i % referrers.length],
      codeUsed: "X",
    })),
  );
});

const TEXTS = [
  "maya",
  "MAYA",
  "a",
  "ma",
  "example",
  "%",
  "_",
  "50%",
  "sj-v",
  "r0se",
  "rose",
  "acc-",
  "zzz",
  "@",
];

/** The search as one OR over every user (a sequential scan): the oracle the indexed UNION must equal. */
function plainSearch(text: string, options: UserSearchOptions): ReturnType<typeof sql> {
  const pattern = `%${escapeLike(text)}%`;
  const alternatives = [sql`u.name ILIKE ${pattern}`, sql`u.email ILIKE ${pattern}`];
  if (options.accountNumber) alternatives.push(sql`u.account_number ILIKE ${pattern}`);
  const prefix = options.codes ? codePrefixOf(text) : "";
  if (prefix) {
    alternatives.push(
      sql`u.id IN (SELECT rc.client_id FROM referral_codes rc WHERE rc.canonical_code LIKE ${`${prefix}%`})`,
    );
  }
  return sql`(${sql.join(alternatives, sql` OR `)})`;
}

async function idsOf(query: ReturnType<typeof sql>): Promise<number[]> {
  return rawRows<{ id: number }>(await testDb.db.execute(query))
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}

describe("userSearchIds", () => {
  it.each(TEXTS)("selects the same users as a plain OR over every user for %j", async (text) => {
    for (const options of [
      {},
      { codes: true },
      { codes: true, accountNumber: true },
    ] as UserSearchOptions[]) {
      expect(await idsOf(sql`SELECT m.id FROM (${userSearchIds(text, options)}) m`)).toEqual(
        await idsOf(sql`SELECT u.id FROM users u WHERE ${plainSearch(text, options)}`),
      );
    }
  });
});

describe("resolveReportFilters", () => {
  const count = async (f: ResolvedReportFilters) =>
    Number(
      rawRows<{ n: number }>(
        await testDb.db.execute(
          sql`SELECT count(*)::int AS n FROM referral_usage_log l WHERE ${referralReportWhere(f)}`,
        ),
      )[0].n,
    );

  it("resolves the referrer text to ids once; every form of the selection agrees", async () => {
    for (const text of TEXTS) {
      const filters = referralReportFiltersSchema.parse({ referrer: text });
      const resolved = await resolveReportFilters(testDb.db, filters);
      expect(resolved.referrers.kind).toBe("ids");
      // The unresolved search as a subquery (what a too-broad search falls back to) selects the same rows.
      expect(await count(resolved)).toBe(await count({ ...filters, referrers: { kind: "search", text } }));
    }
  });

  it("short-circuits to no rows when nobody matches, and leaves an empty filter alone", async () => {
    const none = await resolveReportFilters(
      testDb.db,
      referralReportFiltersSchema.parse({ referrer: "zzz" }),
    );
    expect(none.referrers).toEqual({ kind: "ids", ids: [] });
    expect(await count(none)).toBe(0);
    const all = await resolveReportFilters(testDb.db, referralReportFiltersSchema.parse({}));
    expect(all.referrers).toEqual({ kind: "all" });
    expect(await count(all)).toBe(8);
    expect(await resolveReportFilters(testDb.db, all)).toBe(all);
  });

  it("finds a referrer by code prefix", async () => {
    const r = await resolveReportFilters(
      testDb.db,
      referralReportFiltersSchema.parse({ referrer: "maya-2o" }),
    );
    expect(r.referrers).toEqual({ kind: "ids", ids: [ids["Maya Patel"]] });
  });
});
