// The export writes each non-text value by its own SQL expression on PostgreSQL (lib/queries/
// referral-export.ts exportValues): amounts as bigint × 0.01, booleans and the source enum as their own
// text, the date by to_char. Each must print exactly as the JavaScript path does (centsToDecimal,
// JSON.stringify): every source, amounts at the edges of the two-digit cents and far above 2^31.
import { beforeAll, describe, expect, it } from "vitest";
import { referralSource } from "@/db/schema";
import { centsToDecimal } from "@/lib/format";
import { referralExportQuerySchema } from "@/lib/validation/referral-report";
import { insertClient, insertCode, insertReferral } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { startReferralExport } from "./referral-export";

const testDb = useTestDatabase();
const AMOUNTS = [0, 1, 5, 10, 99, 100, 101, 1_999, 123_456, 2_147_483_648, 999_999_999_999];

beforeAll(async () => {
  const code = await insertCode(testDb.db, (await insertClient(testDb.db)).id, "VALUES01");
  const base = Date.parse("2025-03-04T05:06:07.089Z");
  for (let i = 0; i < Math.max(AMOUNTS.length, referralSource.enumValues.length); i++) {
    await insertReferral(testDb.db, code, {
      commissionAmountCents: AMOUNTS[i % AMOUNTS.length],
      source: referralSource.enumValues[i % referralSource.enumValues.length],
      commissionEligible: i % 2 === 0,
      commissionPaid: i % 3 === 0,
      isFlagged: i % 4 === 0,
      usedAt: new Date(base + i * 3_600_001),
    });
  }
});

async function exported(format: "csv" | "json"): Promise<string> {
  const result = await startReferralExport(
    testDb.db,
    referralExportQuerySchema.parse({ format, dir: "asc" }),
    {
      actorUserId: null,
    },
  );
  return new Response(result.body).text();
}

describe("the export's numbers, booleans, dates and sources", () => {
  it("JSON: as JSON.stringify writes the seed's fields", async () => {
    const { referrals } = JSON.parse(await exported("json")).data as {
      referrals: Record<string, unknown>[];
    };
    expect(referrals.map((r) => r.commission_amount)).toEqual(
      referrals.map((_, i) => centsToDecimal(AMOUNTS[i % AMOUNTS.length])),
    );
    expect(new Set(referrals.map((r) => r.source))).toEqual(new Set(referralSource.enumValues));
    expect(referrals[1]).toMatchObject({
      signup_date: "2025-03-04T06:06:07.090Z",
      commission_eligible: false,
      commission_paid: false,
      flagged: false,
    });
    expect(referrals[0]).toMatchObject({ commission_eligible: true, commission_paid: true, flagged: true });
    expect(typeof referrals[0].referral_id).toBe("number");
  });

  it("CSV: the same values in the same columns", async () => {
    const lines = (await exported("csv")).replace(/^\uFEFF/, "").split("\r\n");
    const header = lines[0].split(",");
    const rows = lines.slice(1, -1).map((l) => l.split(","));
    const column = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(column("commission_amount")).toEqual(
      rows.map((_, i) => centsToDecimal(AMOUNTS[i % AMOUNTS.length])),
    );
    expect(new Set(column("source"))).toEqual(new Set(referralSource.enumValues));
    expect(column("signup_date")[1]).toBe("2025-03-04T06:06:07.090Z");
    expect(column("commission_eligible").slice(0, 2)).toEqual(["true", "false"]);
    expect(column("flagged").slice(0, 2)).toEqual(["true", "false"]);
    expect(lines.at(-1)).toBe("");
  });
});
